package index

import (
	"fmt"
	"strconv"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
	"github.com/daphne-go/daphne/types"
)

// The "shape" attribute of matrixLit: which of rows/cols follow the elements.
const (
	shapeNone = ""    // n x 1 column
	shapeRC   = "r,c" // rows and cols given
	shapeR    = "r,"  // rows given, cols = n / rows
	shapeC    = ",c"  // cols given, rows = n / cols
	shapeBare = ","   // like "": a column
)

// MatrixLit builds the dense matrix of a matrix literal [e1, ..., en](r, c)
// from scalar elements. Its value type is the most general of the
// elements' (types.Promote: [true, 1] is si64, [1, 2.5] f64, any string
// makes a str matrix with numbers formatted by std::to_string). shape is
// the attribute of the same name; rows and cols are nil when not given. A
// shape that does not hold exactly n cells is an error naming both.
func MatrixLit(elems []data.Value, shape string, rows, cols data.Value) (data.Matrix, error) {
	scalars := make([]*data.Scalar, len(elems))
	vts := make([]types.ValueType, len(elems))
	for i, e := range elems {
		s, ok := e.(*data.Scalar)
		if !ok {
			return nil, fmt.Errorf("matrix literal element %d must be a scalar, got %s", i, data.Describe(e))
		}
		scalars[i], vts[i] = s, s.VT
	}
	r, c, err := literalShape(len(elems), shape, rows, cols)
	if err != nil {
		return nil, err
	}
	vt := types.SI64 // the type of an empty literal (the parser rejects [])
	if len(vts) > 0 {
		vt = types.Promote(vts...)
	}
	k, err := kernelFor(vt)
	if err != nil {
		return nil, fmt.Errorf("matrix literal: %w", err)
	}
	for i, s := range scalars {
		if scalars[i], err = data.ConvertScalar(s, vt); err != nil {
			return nil, fmt.Errorf("matrix literal element %d: %w", i, err)
		}
	}
	return k.fromScalars(scalars, r, c), nil
}

// literalShape computes the shape of a literal with n elements.
func literalShape(n int, shape string, rowsV, colsV data.Value) (int, int, error) {
	switch shape {
	case shapeNone, shapeBare:
		return n, 1, nil
	case shapeRC, shapeR, shapeC:
	default:
		return 0, 0, fmt.Errorf("matrix literal: unknown shape form %q (want \"\", r,c, r,, ,c or ,)", shape)
	}
	var r, c int
	var err error
	if shape != shapeC {
		if r, err = data.DimArg(rowsV, "number of rows of the matrix literal"); err != nil {
			return 0, 0, err
		}
	}
	if shape != shapeR {
		if c, err = data.DimArg(colsV, "number of columns of the matrix literal"); err != nil {
			return 0, 0, err
		}
	}
	switch shape {
	case shapeR:
		if r == 0 || n%r != 0 {
			return 0, 0, fmt.Errorf("matrix literal with %s cannot be split into %d rows", elements(n), r)
		}
		c = n / r
	case shapeC:
		if c == 0 || n%c != 0 {
			return 0, 0, fmt.Errorf("matrix literal with %s cannot be split into %d columns", elements(n), c)
		}
		r = n / c
	}
	if int64(r)*int64(c) != int64(n) {
		return 0, 0, fmt.Errorf("matrix literal with %s cannot have shape %dx%d (%d cells)",
			elements(n), r, c, int64(r)*int64(c))
	}
	return r, c, nil
}

func matrixLitOp(_ *ops.Ctx, args []data.Value, attrs map[string]string) ([]data.Value, error) {
	n, err := strconv.Atoi(attrs["n"])
	if err != nil || n < 0 || n > len(args) {
		return nil, fmt.Errorf("matrixLit: attribute n=%q must be the number of elements (at most %d)", attrs["n"], len(args))
	}
	shape := attrs["shape"]
	extra := args[n:]
	want := map[string]int{shapeNone: 0, shapeBare: 0, shapeRC: 2, shapeR: 1, shapeC: 1}
	w, known := want[shape]
	if known && len(extra) != w {
		return nil, fmt.Errorf("matrixLit: shape %q takes %d dimension arguments, got %d", shape, w, len(extra))
	}
	var rows, cols data.Value
	switch shape {
	case shapeRC:
		rows, cols = extra[0], extra[1]
	case shapeR:
		rows = extra[0]
	case shapeC:
		cols = extra[0]
	}
	m, err := MatrixLit(args[:n], shape, rows, cols)
	if err != nil {
		return nil, err
	}
	if attrs["repr"] == "csr" {
		// Representation selection found the literal sparse
		// (--select-matrix-repr).
		if m, err = data.ToCSRMatrix(m); err != nil {
			return nil, err
		}
	}
	return ops.Results(m), nil
}

// elements spells a count of literal elements: "1 element", "3 elements".
func elements(n int) string {
	if n == 1 {
		return "1 element"
	}
	return fmt.Sprintf("%d elements", n)
}
