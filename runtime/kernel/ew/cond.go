package ew

import (
	"fmt"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// Cond implements c ? a : b.
//
// A scalar c (non-zero is true) selects a or b whole; a and b must have the
// same data type (both scalars, both matrices, ...). Where their value types
// differ, the selected one is converted to the most general of the two so the
// result type does not depend on c (DAPHNE rejects this case or crashes,
// issue #916).
//
// A matrix c (n x m, non-zero is true) selects elementwise; a and b are each
// a scalar or a matrix of c's shape, and the result is a dense n x m matrix of
// the most general value type of a and b.
func Cond(c, a, b data.Value) (data.Value, error) {
	if m, ok := c.(data.Matrix); ok {
		return condMatrix(m, a, b)
	}
	truth, err := data.BoolArg(c, "the condition of ?:")
	if err != nil {
		return nil, err
	}
	if a == nil || b == nil || a.DataType() != b.DataType() {
		return nil, fmt.Errorf("%w: the two branches of ?: must have the same data type, got %s and %s",
			ErrType, data.Describe(a), data.Describe(b))
	}
	pick := b
	if truth {
		pick = a
	}
	if _, ok := pick.(*data.Frame); ok {
		return pick, nil // frames keep their per-column types
	}
	vt := types.Promote(a.ValueType(), b.ValueType())
	if vt == pick.ValueType() || vt == types.Unknown {
		return pick, nil
	}
	switch x := pick.(type) {
	case *data.Scalar:
		return data.ConvertScalar(x, vt)
	case data.Matrix:
		return data.ConvertMatrix(x, vt)
	}
	return nil, fmt.Errorf("%w: the branches of ?: have value types %s and %s",
		ErrType, a.ValueType(), b.ValueType())
}

// condMatrix is the elementwise form of Cond.
func condMatrix(c data.Matrix, a, b data.Value) (data.Value, error) {
	rows, cols := c.Rows(), c.Cols()
	for _, v := range []data.Value{a, b} {
		switch x := v.(type) {
		case *data.Scalar:
		case data.Matrix:
			if x.Rows() != rows || x.Cols() != cols {
				return nil, fmt.Errorf("%w for ?: the condition is %dx%d but a branch is %dx%d",
					ErrShape, rows, cols, x.Rows(), x.Cols())
			}
		default:
			return nil, fmt.Errorf("%w: with a matrix condition, the branches of ?: must be scalars or matrices, got %s",
				ErrType, data.Describe(v))
		}
	}
	if c.ValueType() == types.Str {
		return nil, fmt.Errorf("%w: the condition of ?: must be numeric, got a string matrix", ErrType)
	}
	if err := denseOK("?:", rows, cols); err != nil {
		return nil, err
	}
	dc, err := data.ToDenseMatrix(c)
	if err != nil {
		return nil, err
	}
	mask, err := convertDense[bool](dc, types.Bool)
	if err != nil {
		return nil, err
	}
	vt := types.Promote(a.ValueType(), b.ValueType())
	switch vt {
	case types.F64:
		return selectAs[float64](vt, mask.Data, a, b, rows, cols)
	case types.F32:
		return selectAs[float32](vt, mask.Data, a, b, rows, cols)
	case types.SI64:
		return selectAs[int64](vt, mask.Data, a, b, rows, cols)
	case types.SI32:
		return selectAs[int32](vt, mask.Data, a, b, rows, cols)
	case types.SI8:
		return selectAs[int8](vt, mask.Data, a, b, rows, cols)
	case types.UI64, types.Size:
		return selectAs[uint64](vt, mask.Data, a, b, rows, cols)
	case types.UI32:
		return selectAs[uint32](vt, mask.Data, a, b, rows, cols)
	case types.UI8:
		return selectAs[uint8](vt, mask.Data, a, b, rows, cols)
	case types.Bool:
		return selectAs[bool](vt, mask.Data, a, b, rows, cols)
	case types.Str:
		return selectAs[string](vt, mask.Data, a, b, rows, cols)
	}
	return nil, fmt.Errorf("%w: ?: on %s and %s", ErrType, a.ValueType(), b.ValueType())
}

// selectAs fills a new matrix with b, then overwrites the cells where mask
// is true with a.
func selectAs[T data.Elem](vt types.ValueType, mask []bool, a, b data.Value, rows, cols int) (data.Value, error) {
	sa, err := makeSide[T](a, vt)
	if err != nil {
		return nil, err
	}
	sb, err := makeSide[T](b, vt)
	if err != nil {
		return nil, err
	}
	out := data.NewDenseVT[T](vt, rows, cols)
	d := out.Data
	if sb.scalar {
		for i := range d {
			d[i] = sb.s
		}
	} else {
		copy(d, sb.m)
	}
	mask = mask[:len(d)]
	if sa.scalar {
		for i, m := range mask {
			if m {
				d[i] = sa.s
			}
		}
		return out, nil
	}
	am := sa.m[:len(d)]
	for i, m := range mask {
		if m {
			d[i] = am[i]
		}
	}
	return out, nil
}
