package index

import (
	"strings"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
)

// sparseF64 is a 4x5 f64 matrix with a few non-zeros, including an empty row.
func sparseF64() *data.Dense[float64] {
	return mat[float64](4, 5,
		0, 1.5, 0, 0, 2,
		0, 0, 0, 0, 0,
		3, 0, 0, 4, 0,
		0, 0, 5, 0, 6)
}

// TestExtractCSR checks every indexing form on CSR matrices against the
// dense result: same cells, and the result stays CSR.
func TestExtractCSR(t *testing.T) {
	t.Parallel()
	d := sparseF64()
	di := mat[int64](3, 3, 0, 7, 0, -1, 0, 0, 0, 0, 9)
	tests := []struct {
		name       string
		x          data.Matrix
		rows, cols string
		args       []data.Value
		want       string
	}{
		{"all", d, "all", "all", nil, "CSR 4x5 f64 [0 1.5 0 0 2; 0 0 0 0 0; 3 0 0 4 0; 0 0 5 0 6]"},
		{"row at", d, "at", "all", []v{si(2)}, "CSR 1x5 f64 [3 0 0 4 0]"},
		{"empty row", d, "at", "all", []v{si(1)}, "CSR 1x5 f64 [0 0 0 0 0]"},
		{"row negative", d, "at", "all", []v{si(-1)}, "CSR 1x5 f64 [0 0 5 0 6]"},
		{"row range", d, "lo:hi", "all", []v{si(1), si(4)}, "CSR 3x5 f64 [0 0 0 0 0; 3 0 0 4 0; 0 0 5 0 6]"},
		{"row range empty", d, "lo:hi", "all", []v{si(2), si(2)}, "CSR 0x5 f64 []"},
		{"row positions", d, "at", "all", []v{colVec(3, 0, 3)}, "CSR 3x5 f64 [0 0 5 0 6; 0 1.5 0 0 2; 0 0 5 0 6]"},
		{"col at", d, "all", "at", []v{si(4)}, "CSR 4x1 f64 [2; 0; 0; 6]"},
		{"col range", d, "all", "lo:hi", []v{si(1), si(4)}, "CSR 4x3 f64 [1.5 0 0; 0 0 0; 0 0 4; 0 5 0]"},
		{"col range empty", d, "all", "lo:hi", []v{si(3), si(3)}, "CSR 4x0 f64 []"},
		{"col positions", d, "all", "at", []v{colVec(4, 0, 4, 2)}, "CSR 4x4 f64 [2 0 2 0; 0 0 0 0; 0 3 0 0; 6 0 6 5]"},
		{"cell", d, "at", "at", []v{si(2), si(3)}, "CSR 1x1 f64 [4]"},
		{"cell zero", d, "at", "at", []v{si(2), si(2)}, "CSR 1x1 f64 [0]"},
		{"row range col range", d, "lo:", ":hi", []v{si(2), si(3)}, "CSR 2x3 f64 [3 0 0; 0 0 5]"},
		{"si64 both positions", di, "at", "at", []v{colVec(1, 0), colVec(1, 0)}, "CSR 2x2 si64 [0 -1; 7 0]"},
		{"si64 row range col positions", di, "lo:hi", "at", []v{si(0), si(2), colVec(0)}, "CSR 2x1 si64 [0; -1]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var sp data.Matrix
			switch x := tc.x.(type) {
			case *data.Dense[float64]:
				sp = sparse(x)
			case *data.Dense[int64]:
				sp = sparse(x)
			}
			args := append([]data.Value{sp}, tc.args...)
			res, err := runOp(t, "extract", args, map[string]string{"rows": tc.rows, "cols": tc.cols})
			if err != nil {
				t.Fatal(err)
			}
			got := render(res[0].(data.Matrix))
			if got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
			dargs := append([]data.Value{tc.x}, tc.args...)
			dres, err := runOp(t, "extract", dargs, map[string]string{"rows": tc.rows, "cols": tc.cols})
			if err != nil {
				t.Fatal(err)
			}
			if dense := render(dres[0].(data.Matrix)); strings.TrimPrefix(dense, "Dense") != strings.TrimPrefix(got, "CSR") {
				t.Errorf("CSR result %s differs from dense result %s", got, dense)
			}
			checkCSRValid(t, res[0])
		})
	}
}

// checkCSRValid re-validates a CSR result's arrays with data.NewCSRVT.
func checkCSRValid(t *testing.T, v data.Value) {
	t.Helper()
	var err error
	switch m := v.(type) {
	case *data.CSR[float64]:
		_, err = data.NewCSRVT(m.ValueType(), m.Rows(), m.Cols(), m.RowPtr, m.ColIdx, m.Values)
	case *data.CSR[int64]:
		_, err = data.NewCSRVT(m.ValueType(), m.Rows(), m.Cols(), m.RowPtr, m.ColIdx, m.Values)
	default:
		t.Fatalf("result is %T, want CSR", v)
	}
	if err != nil {
		t.Errorf("invalid CSR result: %v", err)
	}
}

func TestExtractCSRRowRangeSharesArrays(t *testing.T) {
	t.Parallel()
	x := sparse(sparseF64())
	res, err := Extract(x, "lo:", []data.Value{si(2)}, "all", nil)
	if err != nil {
		t.Fatal(err)
	}
	c := res.(*data.CSR[float64])
	if &c.Values[0] != &x.Values[2] || &c.ColIdx[0] != &x.ColIdx[2] {
		t.Errorf("CSR row range over all columns copied its arrays")
	}
	if c.RowPtr[0] != 0 || c.RowPtr[2] != 4 {
		t.Errorf("row pointers not rebased: %v", c.RowPtr)
	}
}
