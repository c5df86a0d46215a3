package ew

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// mat builds a dense matrix of value type vt from float64 cells (converted
// with C semantics); without cells it is all zeros.
func mat(vt types.ValueType, rows, cols int, cells ...float64) data.Matrix {
	if len(cells) == 0 {
		cells = make([]float64, rows*cols)
	}
	f := data.DenseFrom(rows, cols, cells)
	m, err := data.ConvertMatrix(f, vt)
	if err != nil {
		panic(err)
	}
	return m
}

// smat builds a dense string matrix.
func smat(rows, cols int, cells ...string) data.Matrix {
	return data.DenseFrom(rows, cols, cells)
}

// sparse builds a CSR matrix of value type vt from dense float64 cells.
func sparse(vt types.ValueType, rows, cols int, cells ...float64) data.Matrix {
	if len(cells) == 0 {
		cells = make([]float64, rows*cols)
	}
	d := data.DenseToCSR(data.DenseFrom(rows, cols, cells))
	m, err := data.ConvertMatrix(d, vt)
	if err != nil {
		panic(err)
	}
	return m
}

// sc builds a scalar of value type vt from a float64 (C conversion).
func sc(vt types.ValueType, f float64) *data.Scalar {
	s, err := data.ConvertScalar(data.F64(f), vt)
	if err != nil {
		panic(err)
	}
	return s
}

// show renders a value as "vt value" for scalars and DAPHNE's print format
// (header and rows, joined by "|") for matrices.
func show(v data.Value) string {
	if s, ok := v.(*data.Scalar); ok {
		return s.VT.String() + " " + data.FormatScalar(s)
	}
	var b bytes.Buffer
	if err := data.Print(&b, v, true); err != nil {
		return "print error: " + err.Error()
	}
	return strings.ReplaceAll(strings.TrimSuffix(b.String(), "\n"), "\n", "|")
}

// cell returns cell (i, j) of a matrix as a scalar.
func cell(t *testing.T, m data.Matrix, i, j int) *data.Scalar {
	t.Helper()
	s, err := data.MatrixCell(m, i, j)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// sameScalar compares two scalars by value type and value (NaN equals NaN).
func sameScalar(a, b *data.Scalar) bool {
	if a.VT != b.VT {
		return false
	}
	switch {
	case a.VT == types.Str:
		return a.S == b.S
	case a.VT.IsFloat():
		return a.F == b.F || (math.IsNaN(a.F) && math.IsNaN(b.F))
	case a.VT.IsUnsigned():
		return a.U == b.U
	}
	return a.I == b.I
}

var nan = math.NaN()
var inf = math.Inf(1)
