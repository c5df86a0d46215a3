package fileio

import (
	"strings"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
)

func TestReadCOO(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		content string
		meta    string
		want    data.Matrix
	}{
		{"pairs are ones",
			"0,1\n1,0\n2,2\n", `{"numRows":3,"numCols":3,"valueType":"f64","numNonZeros":3}`,
			csrOf(t, 3, 3, []int{0, 1, 2, 3}, []int{1, 0, 2}, []float64{1, 1, 1})},
		{"values, unsorted, duplicates summed",
			"2,0,1.5\n0,2,-2\n2,0,1\n", `{"numRows":3,"numCols":3,"valueType":"f64"}`,
			csrOf(t, 3, 3, []int{0, 1, 1, 2}, []int{2, 0}, []float64{-2, 2.5})},
		{"value type from meta",
			"0,0\n1,3\n", `{"numRows":2,"numCols":4,"valueType":"si64","numNonZeros":2}`,
			csrOf(t, 2, 4, []int{0, 1, 2}, []int{0, 3}, []int64{1, 1})},
		{"numNonZeros limits the lines read",
			"0,0\n1,1\n9,9\n", `{"numRows":2,"numCols":2,"valueType":"f64","numNonZeros":2}`,
			csrOf(t, 2, 2, []int{0, 1, 2}, []int{0, 1}, []float64{1, 1})},
		{"blank lines and crlf",
			"\n0,1\r\n\r\n", `{"numRows":1,"numCols":2,"valueType":"f64"}`,
			csrOf(t, 1, 2, []int{0, 1}, []int{1}, []float64{1})},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := ReadMatrix(writeFiles(t, "s.coo", tc.content, tc.meta))
			if err != nil {
				t.Fatal(err)
			}
			if !got.IsSparse() || got.ValueType() != tc.want.ValueType() {
				t.Fatalf("got %s, want %s", data.Describe(got), data.Describe(tc.want))
			}
			equalMatrices(t, got, tc.want)
		})
	}
}

func TestReadCOOErrors(t *testing.T) {
	t.Parallel()
	const meta = `{"numRows":2,"numCols":2,"valueType":"f64","numNonZeros":2}`
	tests := []struct {
		name, content, meta, want string
	}{
		{"no meta", "0,0\n", "", "could not open file"},
		{"one field", "0\n1,1\n", meta, "want row,col[,value]"},
		{"row out of range", "0,0\n2,1\n", meta, "not within the 2x2 matrix"},
		{"negative col", "0,-1\n", meta, "not within"},
		{"too few entries", "0,0\n", meta, "has 1 entries, but its meta data says numNonZeros is 2"},
		{"strings", "0,0\n", `{"numRows":1,"numCols":1,"valueType":"str"}`, "holds numbers"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := ReadMatrix(writeFiles(t, "s.coo", tc.content, tc.meta))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
}
