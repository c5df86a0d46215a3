package ew

import (
	"fmt"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// operand builds a scalar (rows = 0) or a rows x cols matrix of value type
// vt with non-zero cells derived from seed.
func operand(vt types.ValueType, rows, cols, seed int) data.Value {
	if rows == 0 {
		return sc(vt, float64(seed%5+1))
	}
	cells := make([]float64, rows*cols)
	for i := range cells {
		cells[i] = float64((i*seed+3)%7 + 1)
	}
	if vt == types.Str {
		s := make([]string, len(cells))
		for i, c := range cells {
			s[i] = fmt.Sprint("s", c)
		}
		return smat(rows, cols, s...)
	}
	return mat(vt, rows, cols, cells...)
}

// refCell is cell (i, j) of operand v broadcast to the result shape.
func refCell(t *testing.T, v data.Value, i, j int) *data.Scalar {
	if s, ok := v.(*data.Scalar); ok {
		return s
	}
	m := v.(data.Matrix)
	if m.Rows() == 1 {
		i = 0
	}
	if m.Cols() == 1 {
		j = 0
	}
	return cell(t, m, i, j)
}

// TestBroadcastAgainstScalars checks every broadcasting case, in both
// directions, against the scalar kernel applied cell by cell.
func TestBroadcastAgainstScalars(t *testing.T) {
	t.Parallel()
	shapes := [][4]int{ // rows, cols of a; rows, cols of b (rows 0: scalar)
		{3, 4, 3, 4}, {3, 4, 1, 4}, {1, 4, 3, 4}, {3, 4, 3, 1}, {3, 1, 3, 4},
		{1, 1, 3, 4}, {3, 4, 1, 1}, {1, 4, 3, 1}, {3, 1, 1, 4}, {0, 0, 3, 4},
		{3, 4, 0, 0}, {1, 1, 1, 1}, {3, 1, 1, 1}, {1, 1, 1, 4}, {0, 0, 3, 1},
	}
	vts := [][2]types.ValueType{
		{types.SI64, types.SI64}, {types.F64, types.SI64}, {types.UI8, types.SI32},
		{types.F32, types.F32}, {types.Bool, types.Bool}, {types.Str, types.SI64},
		{types.Size, types.UI32},
	}
	for _, vp := range vts {
		for op := BinOp(0); op < numBinOps; op++ {
			if _, err := ResultType(op, vp[0], vp[1]); err != nil {
				continue
			}
			for _, sh := range shapes {
				a := operand(vp[0], sh[0], sh[1], 3)
				b := operand(vp[1], sh[2], sh[3], 5)
				name := fmt.Sprintf("%s_%s_%s_%s_%s", op.IROp(), vp[0], vp[1], shapeName(sh[0], sh[1]), shapeName(sh[2], sh[3]))
				t.Run(name, func(t *testing.T) {
					t.Parallel()
					checkAgainstScalars(t, op, a, b)
				})
			}
		}
	}
}

func checkAgainstScalars(t *testing.T, op BinOp, a, b data.Value) {
	t.Helper()
	got, err := Binary(op, a, b)
	if err != nil {
		t.Fatal(err)
	}
	m, ok := got.(data.Matrix)
	if !ok {
		t.Fatalf("got scalar %s for matrix operands", show(got))
	}
	ar, ac := shapeOf(a)
	br, bc := shapeOf(b)
	if m.Rows() != max(ar, br) || m.Cols() != max(ac, bc) {
		t.Fatalf("shape %dx%d, want %dx%d", m.Rows(), m.Cols(), max(ar, br), max(ac, bc))
	}
	for i := 0; i < m.Rows(); i++ {
		for j := 0; j < m.Cols(); j++ {
			x, y := refCell(t, a, i, j), refCell(t, b, i, j)
			want, err := Binary(op, x, y)
			if err != nil {
				t.Fatal(err)
			}
			if g := cell(t, m, i, j); !sameScalar(g, want.(*data.Scalar)) {
				t.Fatalf("cell (%d,%d): %s %s %s = %s, want %s", i, j, show(x), op, show(y), show(g), show(want))
			}
		}
	}
}

func TestBroadcastExamples(t *testing.T) {
	t.Parallel()
	si := types.SI64
	X := mat(si, 2, 3, 1, 2, 3, 4, 5, 6)
	tests := []struct {
		name string
		a, b data.Value
		want string
	}{
		{"matrix minus row", X, mat(si, 1, 3, 1, 2, 3), "DenseMatrix(2x3, int64_t)|0 0 0|3 3 3"},
		{"row minus matrix", mat(si, 1, 3, 1, 2, 3), X, "DenseMatrix(2x3, int64_t)|0 0 0|-3 -3 -3"},
		{"matrix minus column", X, mat(si, 2, 1, 1, 4), "DenseMatrix(2x3, int64_t)|0 1 2|0 1 2"},
		{"column minus matrix", mat(si, 2, 1, 1, 4), X, "DenseMatrix(2x3, int64_t)|0 -1 -2|0 -1 -2"},
		{"1x1 minus matrix", mat(si, 1, 1, 10), X, "DenseMatrix(2x3, int64_t)|9 8 7|6 5 4"},
		{"matrix minus 1x1", X, mat(si, 1, 1, 1), "DenseMatrix(2x3, int64_t)|0 1 2|3 4 5"},
		{"column minus row", mat(si, 2, 1, 10, 20), mat(si, 1, 3, 1, 2, 3), "DenseMatrix(2x3, int64_t)|9 8 7|19 18 17"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := Binary(Sub, tc.a, tc.b)
			if err != nil {
				t.Fatal(err)
			}
			if s := show(got); s != tc.want {
				t.Errorf("got %s, want %s", s, tc.want)
			}
		})
	}
}

func shapeName(rows, cols int) string {
	if rows == 0 {
		return "scalar"
	}
	return fmt.Sprintf("%dx%d", rows, cols)
}

// TestInputsUnchanged checks that no kernel writes into its operands, in
// particular when a converted operand's buffer is reused for the result.
func TestInputsUnchanged(t *testing.T) {
	t.Parallel()
	operands := []data.Value{
		mat(types.SI64, 2, 3, 1, 2, 3, 4, 5, 6), mat(types.F64, 2, 3, 6, 5, 4, 3, 2, 1),
		mat(types.UI8, 1, 3, 1, 2, 3), mat(types.Bool, 2, 1, 1, 0), sc(types.F32, 2),
		sparse(types.F64, 2, 3, 0, 1, 0, 2, 0, 3), smat(2, 3, "a", "b", "c", "d", "e", "f"),
	}
	for _, a := range operands {
		for _, b := range operands {
			for op := BinOp(0); op < numBinOps; op++ {
				before := show(a) + "/" + show(b)
				_, _ = Binary(op, a, b)
				if after := show(a) + "/" + show(b); after != before {
					t.Fatalf("%s changed its operands: %s became %s", op, before, after)
				}
			}
		}
	}
}
