package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestRunSmall(t *testing.T) {
	c := config{rows: 300, cols: 7, gemmN: 40, copyMiB: 1, reps: 1, threads: 2, numpy: false}
	var out bytes.Buffer
	if err := run(c, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"memory copy", "numpy skipped", "sum", "meanCol", "stddevCol", "ewAdd", "ewMul", "dgemm 40x40", "syrk 300x7"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
}

func TestRunOnly(t *testing.T) {
	c := config{rows: 100, cols: 3, gemmN: 8, copyMiB: 1, reps: 1, threads: 1, only: map[string]bool{"ewMul": true}}
	var out bytes.Buffer
	if err := run(c, &out); err != nil {
		t.Fatal(err)
	}
	if s := out.String(); !strings.Contains(s, "ewMul") || strings.Contains(s, "ewAdd") || strings.Contains(s, "dgemm") {
		t.Fatalf("-only ewMul: report\n%s", s)
	}
}

func TestValidate(t *testing.T) {
	ok := config{rows: 1, cols: 1, gemmN: 1, copyMiB: 1, reps: 1, threads: 1}
	tests := []struct {
		name string
		edit func(*config)
		want string
	}{
		{"valid", func(*config) {}, ""},
		{"zero rows", func(c *config) { c.rows = 0 }, "-rows and -cols"},
		{"zero gemm", func(c *config) { c.gemmN = 0 }, "-gemm and -copy-mib"},
		{"zero reps", func(c *config) { c.reps = 0 }, "-reps and -threads"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := ok
			tc.edit(&c)
			err := c.validate()
			if (err == nil) != (tc.want == "") || (err != nil && !strings.Contains(err.Error(), tc.want)) {
				t.Fatalf("validate() = %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

func TestParseNumpy(t *testing.T) {
	good := `{"numpy": "1.24.2", "copy": [0.1, 0.05], "sum": [0.2, 0.07], "meanCol": [1, 0.5],
		"stddevCol": [1, 0.5], "ewAdd": [1, 0.5], "ewMul": [1, 0.25], "syrk": [2, 1], "gemm": [3, 1.5]}`
	r, err := parseNumpy([]byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if r.version != "1.24.2" || r.copy.best.Seconds() != 0.05 || r.mem["ewMul"].best.Seconds() != 0.25 || r.gemm.first.Seconds() != 3 {
		t.Fatalf("parsed %+v", r)
	}
	for name, bad := range map[string]string{
		"not json":      `numpy`,
		"missing gemm":  `{"numpy": "1", "copy": [1, 1], "syrk": [1, 1]}`,
		"wrong version": `{"numpy": 1}`,
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := parseNumpy([]byte(bad)); err == nil {
				t.Fatalf("parseNumpy(%s) succeeded", bad)
			}
		})
	}
}
