package fileio

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/types"
)

func TestParseMeta(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want Meta
	}{
		{"minimal", `{"numRows":2,"numCols":3,"valueType":"f64"}`, Meta{2, 3, types.F64, -1}},
		{"spaced with nnz", "{ \"numCols\": 1,\n \"numRows\": 0, \"valueType\": \"str\", \"numNonZeros\": 0 }\n", Meta{0, 1, types.Str, 0}},
		{"ui8", `{"numRows":1,"numCols":1,"valueType":"ui8"}`, Meta{1, 1, types.UI8, -1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := ParseMeta([]byte(tc.in), "x.meta")
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("ParseMeta = %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestParseMetaErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"not json", `numRows=2`, "not a valid JSON object"},
		{"array", `[1,2]`, "not a valid JSON object"},
		{"null", `null`, "null"},
		{"trailing data", `{"numRows":1,"numCols":1,"valueType":"f64"} {}`, "after its JSON object"},
		{"missing rows", `{"numCols":1,"valueType":"f64"}`, `lacks the key "numRows"`},
		{"missing cols", `{"numRows":1,"valueType":"f64"}`, `lacks the key "numCols"`},
		{"missing value type", `{"numRows":1,"numCols":1}`, `lacks the key "valueType"`},
		{"frame schema", `{"numRows":1,"numCols":1,"schema":[]}`, "read it with readFrame"},
		{"negative rows", `{"numRows":-1,"numCols":1,"valueType":"f64"}`, `"numRows" must be a non-negative integer`},
		{"float cols", `{"numRows":1,"numCols":1.5,"valueType":"f64"}`, `"numCols" must be a non-negative integer`},
		{"string rows", `{"numRows":"1","numCols":1,"valueType":"f64"}`, `"numRows"`},
		{"bad nnz", `{"numRows":1,"numCols":1,"valueType":"f64","numNonZeros":true}`, `"numNonZeros"`},
		{"bool value type", `{"numRows":1,"numCols":1,"valueType":"bool"}`, `unknown value type "bool"`},
		{"unknown value type", `{"numRows":1,"numCols":1,"valueType":"f16"}`, `"f16"`},
		{"value type not a string", `{"numRows":1,"numCols":1,"valueType":7}`, "must be a string"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := ParseMeta([]byte(tc.in), "dir/x.csv.meta")
			if err == nil {
				t.Fatal("ParseMeta succeeded, want an error")
			}
			if !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "'dir/x.csv.meta'") {
				t.Errorf("error %q does not name the file and %q", err, tc.want)
			}
		})
	}
}

func TestReadMetaMissing(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "x.csv")
	_, err := ReadMeta(path)
	if !errors.Is(err, ErrNoMeta) {
		t.Fatalf("error %v, want ErrNoMeta", err)
	}
	if want := "could not open file '" + path + ".meta' for reading meta data"; !strings.Contains(err.Error(), want) {
		t.Errorf("error %q, want it to contain %q", err, want)
	}
}

func TestMarshalMeta(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   Meta
		want string
	}{
		{"dense", Meta{2, 4, types.F64, -1}, `{"numCols":4,"numRows":2,"valueType":"f64"}`},
		{"nnz sorted in", Meta{2, 4, types.SI8, 3}, `{"numCols":4,"numNonZeros":3,"numRows":2,"valueType":"si8"}`},
		{"size is ui64", Meta{1, 1, types.Size, -1}, `{"numCols":1,"numRows":1,"valueType":"ui64"}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			b, err := MarshalMeta(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if string(b) != tc.want {
				t.Errorf("MarshalMeta = %s, want %s", b, tc.want)
			}
			back, err := ParseMeta(b, "m")
			if err != nil {
				t.Fatal(err)
			}
			if back.NumRows != tc.in.NumRows || back.NumCols != tc.in.NumCols || back.NumNonZeros != tc.in.NumNonZeros {
				t.Errorf("round trip gave %+v", back)
			}
		})
	}
	if _, err := MarshalMeta(Meta{VT: types.Bool}); err == nil {
		t.Error("MarshalMeta of a bool matrix succeeded")
	}
}
