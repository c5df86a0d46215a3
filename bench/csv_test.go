package bench

import (
	"bytes"
	"encoding/csv"
	"math"
	"strings"
	"testing"
)

func TestWriteRealCSV(t *testing.T) {
	runs := []RealRun{
		{Pipeline: "cc", Scheme: "GSS", Layout: "PERCPU", Victim: "SEQ", Threads: 2, Rep: 0, WallSeconds: 1.5, ExecSeconds: 1.25, TotalSeconds: 1.3, SameOutput: "yes"},
		{Pipeline: "lr", Scheme: "STATIC", Layout: "CENTRALIZED", Victim: "SEQ", Threads: 1, Rep: 1, WallSeconds: 0.5,
			ExecSeconds: math.NaN(), TotalSeconds: math.NaN(), SameOutput: "n/a", Err: "exit status 1: bad, \"quoted\"\nline"},
	}
	var b bytes.Buffer
	if err := WriteRealCSV(&b, runs); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatalf("not valid CSV: %v", err)
	}
	want := [][]string{
		strings.Split(RealCSVHeader, ","),
		{"cc", "GSS", "PERCPU", "SEQ", "2", "0", "1.5", "1.25", "1.3", "yes", ""},
		{"lr", "STATIC", "CENTRALIZED", "SEQ", "1", "1", "0.5", "", "", "n/a", "exit status 1: bad, \"quoted\"\nline"},
	}
	if len(recs) != len(want) {
		t.Fatalf("%d records, want %d", len(recs), len(want))
	}
	for i := range want {
		if strings.Join(recs[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("record %d = %q, want %q", i, recs[i], want[i])
		}
	}
}

func TestParseTiming(t *testing.T) {
	tests := []struct {
		name   string
		stderr string
		exec   float64
		ok     bool
	}{
		{"alone", `{"startup_seconds": 0.1, "parsing_seconds": 0.0, "compilation_seconds": 0.0, "execution_seconds": 1.5, "total_seconds": 1.7}`, 1.5, true},
		{"after output", "warning: x\n" + `{"startup_seconds": 0, "execution_seconds": 2, "total_seconds": 2.5}` + "\n", 2, true},
		{"glued to a line", `no newline{"startup_seconds": 0, "execution_seconds": 3, "total_seconds": 3}`, 3, true},
		{"missing", "error: boom\n", 0, false},
		{"broken json", `{"startup_seconds": 0, "execution_seconds": `, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tm, ok := parseTiming([]byte(tc.stderr))
			if ok != tc.ok || (ok && tm.Exec != tc.exec) {
				t.Fatalf("parseTiming = %+v, %v; want exec %v, %v", tm, ok, tc.exec, tc.ok)
			}
		})
	}
}

func TestParseOMPAndGoBench(t *testing.T) {
	v, err := parseOMP([]byte("rep 0: 10.00 ns/chunk (2 threads, 1048576 chunks)\nmedian_ns_per_chunk 9.947\n"))
	if err != nil || v != 9.947 {
		t.Fatalf("parseOMP = %v, %v", v, err)
	}
	if _, err := parseOMP([]byte("nothing\n")); err == nil {
		t.Fatal("parseOMP accepted output without a median line")
	}
	out := `goos: linux
BenchmarkOverheadSS/CENTRALIZED-2         	      20	  40000000 ns/op	  26214400 chunks/s	        38.15 ns/chunk	       0 B/op	       0 allocs/op
BenchmarkOverheadSS/LOCKFREE-2            	      20	  20000000 ns/op	  52428800 chunks/s	        19.07 ns/chunk
BenchmarkOther-2 10 5 ns/op
PASS
`
	bs := parseGoBench([]byte(out))
	if len(bs) != 2 || bs[0].Name != "BenchmarkOverheadSS/CENTRALIZED-2" || bs[0].NsPerChunk != 38.15 || bs[1].NsPerChunk != 19.07 {
		t.Fatalf("parseGoBench = %+v", bs)
	}
	var b bytes.Buffer
	if err := WriteOverhead(&b, OverheadResult{OMPNs: 10, Go: bs}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "3.81x") || !strings.Contains(b.String(), "1.91x") {
		t.Errorf("ratios missing:\n%s", b.String())
	}
	b.Reset()
	if err := WriteOverhead(&b, OverheadResult{OMPNs: math.NaN(), OMPErr: ErrNoCompiler.Error(), Go: bs}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "not measured") {
		t.Errorf("missing OpenMP not reported:\n%s", b.String())
	}
}

func TestMedian(t *testing.T) {
	for _, tc := range []struct {
		in   []float64
		want float64
	}{{[]float64{3, 1, 2}, 2}, {[]float64{4, 1, 3, 2}, 2.5}, {[]float64{math.NaN(), 5}, 5}} {
		if got := median(tc.in); got != tc.want {
			t.Errorf("median(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
	if !math.IsNaN(median(nil)) {
		t.Error("median(nil) is not NaN")
	}
}
