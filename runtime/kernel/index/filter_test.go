package index

import (
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
)

func TestFilter(t *testing.T) {
	t.Parallel()
	x := seqMat(3, 4)
	strs := mat(3, 1, "x", "y", "z")
	tests := []struct {
		name       string
		x          data.Value
		rows, cols string
		args       []data.Value
		want, err  string
	}{
		{"rows", x, "at", "all", []v{colVec(1, 0, 1)}, "Dense 2x4 si64 [0 1 2 3; 8 9 10 11]", ""},
		{"cols", x, "all", "at", []v{colVec(0, 1, 0, 1)}, "Dense 3x2 si64 [1 3; 5 7; 9 11]", ""},
		{"both", x, "at", "at", []v{colVec(0, 1, 0), colVec(1, 0, 0, 1)}, "Dense 1x2 si64 [4 7]", ""},
		{"none", x, "at", "all", []v{colVec(0, 0, 0)}, "Dense 0x4 si64 []", ""},
		{"all", x, "all", "all", nil, "Dense 3x4 si64 [0 1 2 3; 4 5 6 7; 8 9 10 11]", ""},
		{"f64 bits", x, "at", "all", []v{mat[float64](3, 1, 0, 0, 1)}, "Dense 1x4 si64 [8 9 10 11]", ""},
		{"bool bits", x, "at", "all", []v{mat(3, 1, true, false, false)}, "Dense 1x4 si64 [0 1 2 3]", ""},
		{"str matrix", strs, "at", "all", []v{colVec(1, 1, 0)}, `Dense 2x1 str ["x"; "y"]`, ""},
		{"csr stays csr", sparse(sparseF64()), "at", "at", []v{colVec(1, 0, 1, 1), colVec(1, 1, 0, 0, 1)},
			"CSR 3x3 f64 [0 1.5 2; 3 0 0; 0 0 6]", ""},

		{"wrong length", x, "at", "all", []v{colVec(1, 0)}, "", "row filter must be a column matrix of 3 0/1 values (one per row), got DenseMatrix(2x1, int64_t)"},
		{"row vector", x, "all", "at", []v{seqMat(1, 4)}, "", "column filter must be a column matrix of 4 0/1 values (one per column), got DenseMatrix(1x4, int64_t)"},
		{"scalar bits", x, "at", "all", []v{si(1)}, "", "row filter must be a column matrix of 3 0/1 values (one per row), got scalar si64"},
		{"value two", x, "at", "all", []v{colVec(1, 2, 0)}, "", "row filter must hold only 0 and 1, got 2 at position 1"},
		{"string bits", strs, "at", "all", []v{strs}, "", "row filter must hold 0/1 numbers, got DenseMatrix(3x1, std::string)"},
		{"range form", x, "lo:hi", "all", []v{si(0), si(1)}, "", `filter: index form "lo:hi" is not a bit vector (want at or all)`},
		{"scalar filtered", si(1), "at", "all", []v{colVec(1)}, "", "cannot index scalar si64: indexing needs a matrix"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			args := append([]data.Value{tc.x}, tc.args...)
			res, err := runOp(t, "filter", args, map[string]string{"rows": tc.rows, "cols": tc.cols})
			if !checkErr(t, err, tc.err) {
				return
			}
			if got := render(res[0].(data.Matrix)); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}
