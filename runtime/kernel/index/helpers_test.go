package index

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// render writes a matrix as "Dense 2x3 si64 [1 2 3; 4 5 6]" (CSR for sparse
// matrices) so table tests can state expected results compactly.
func render(m data.Matrix) string {
	k, err := kernelOf(m)
	if err != nil {
		return "error: " + err.Error()
	}
	c := k.cells(m)
	kind := "Dense"
	if m.IsSparse() {
		kind = "CSR"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %dx%d %s [", kind, m.Rows(), m.Cols(), m.ValueType())
	for i := 0; i < c.len(); i++ {
		if i > 0 {
			if i%m.Cols() == 0 {
				b.WriteString("; ")
			} else {
				b.WriteString(" ")
			}
		}
		b.WriteString(cellString(c, i))
	}
	b.WriteString("]")
	return b.String()
}

func cellString(c cells, i int) string {
	switch c.kind {
	case kindInt:
		return strconv.FormatInt(c.i[i], 10)
	case kindUint:
		return strconv.FormatUint(c.u[i], 10)
	case kindFloat:
		return strconv.FormatFloat(c.f[i], 'g', -1, 64)
	case kindBool:
		return strconv.FormatBool(c.b[i])
	}
	return strconv.Quote(c.s[i])
}

// mat builds a dense rows x cols matrix from row-major values.
func mat[T data.Elem](rows, cols int, vals ...T) *data.Dense[T] {
	return data.DenseFrom(rows, cols, vals)
}

// seqMat is the rows x cols si64 matrix 0, 1, 2, ... in row-major order.
func seqMat(rows, cols int) *data.Dense[int64] {
	vals := make([]int64, rows*cols)
	for i := range vals {
		vals[i] = int64(i)
	}
	return mat(rows, cols, vals...)
}

// colVec builds an n x 1 si64 matrix.
func colVec(vals ...int64) *data.Dense[int64] { return mat(len(vals), 1, vals...) }

// sparse returns the CSR form of a dense matrix.
func sparse[T data.Elem](d *data.Dense[T]) *data.CSR[T] { return data.DenseToCSR(d) }

// checkErr fails unless err is nil when want is "" or contains want.
func checkErr(t *testing.T, err error, want string) bool {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Fatalf("unexpected error: %v", err)
	case want != "" && err == nil:
		t.Fatalf("want error containing %q, got none", want)
	case want != "" && !strings.Contains(err.Error(), want):
		t.Fatalf("error %q does not contain %q", err.Error(), want)
	}
	return err == nil
}

func TestRender(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		m    data.Matrix
		want string
	}{
		{"si64", seqMat(2, 2), "Dense 2x2 si64 [0 1; 2 3]"},
		{"str", mat(1, 2, "a", "b"), `Dense 1x2 str ["a" "b"]`},
		{"csr", sparse(mat[float64](2, 2, 0, 1.5, 0, 0)), "CSR 2x2 f64 [0 1.5; 0 0]"},
		{"size", data.DenseFromVT(types.Size, 1, 1, []uint64{7}), "Dense 1x1 size [7]"},
		{"empty", seqMat(0, 3), "Dense 0x3 si64 []"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := render(tc.m); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}
