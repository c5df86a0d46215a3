package fileio

import (
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
)

// TestSelectRepr checks the representation --select-matrix-repr gives a
// matrix read from a file: CSR when the meta data's numNonZeros is below a
// quarter of the cells, dense otherwise, and unchanged without meta data
// or for .coo files.
func TestSelectRepr(t *testing.T) {
	t.Parallel()
	const mtx = "%%MatrixMarket matrix coordinate real general\n4 4 1\n2 3 5\n"
	for _, tc := range []struct {
		name, file, content, meta string
		sparse                    bool
	}{
		{"csv sparse meta", "a.csv", "0,0\n0,7\n", `{"numRows":2,"numCols":2,"valueType":"f64","numNonZeros":0}`, true},
		{"csv 25% is dense", "b.csv", "0,0\n0,7\n", `{"numRows":2,"numCols":2,"valueType":"f64","numNonZeros":1}`, false},
		{"csv without numNonZeros", "c.csv", "0,0\n0,7\n", `{"numRows":2,"numCols":2,"valueType":"f64"}`, false},
		{"mtx with sparse meta", "d.mtx", mtx, `{"numRows":4,"numCols":4,"valueType":"f64","numNonZeros":1}`, true},
		{"mtx with meta lacking numNonZeros", "e.mtx", mtx, `{"numRows":4,"numCols":4,"valueType":"f64"}`, false},
		{"mtx without meta keeps CSR", "f.mtx", mtx, "", true},
		{"coo stays CSR", "g.coo", "1,1\n", `{"numRows":2,"numCols":2,"valueType":"f64","numNonZeros":1}`, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			path := writeFiles(t, tc.file, tc.content, tc.meta)
			m, err := ReadMatrix(path)
			if err != nil {
				t.Fatal(err)
			}
			got, err := SelectRepr(path, m)
			if err != nil {
				t.Fatal(err)
			}
			if got.IsSparse() != tc.sparse {
				t.Fatalf("got %s, want sparse=%v", data.Describe(got), tc.sparse)
			}
			equalMatrices(t, got, m)
		})
	}
}
