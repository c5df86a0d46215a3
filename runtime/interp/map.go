package interp

import (
	"fmt"

	"github.com/daphne-go/daphne/ir"
	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// mapOp applies the user-defined function named by attribute "func" to
// every cell of a matrix: map(X, f). A declared parameter value type of f
// converts each cell before the call, a declared result value type each
// result (C-style casts), so the result matrix has the value type inferred
// statically; an untyped f gives the value type it returns.
func (in *Interp) mapOp(fr *frame, op *ir.Op) ([]data.Value, error) {
	f := in.mod.Func(op.Attr("func"))
	if f == nil {
		return nil, fmt.Errorf("map: unknown function %q", op.Attr("func"))
	}
	if len(op.Args) != 1 {
		return nil, fmt.Errorf("map takes a matrix and a function, got %d data arguments", len(op.Args))
	}
	m, err := data.MatrixArg(fr.get(op.Args[0]), "the first argument of map")
	if err != nil {
		return nil, err
	}
	if len(f.Params) != 1 || len(f.ResultTypes) > 1 {
		return nil, fmt.Errorf("map: function %s must take one argument and return one value", f.Name)
	}
	// A declared parameter or result value type converts each cell or
	// result to it, so the matrix has the type the compiler inferred.
	paramVT, resVT := types.Unknown, types.Unknown
	if t := f.Params[0].Type; t.DT == types.Scalar {
		paramVT = t.VT
	}
	if len(f.ResultTypes) == 1 && f.ResultTypes[0].DT == types.Scalar {
		resVT = f.ResultTypes[0].VT
	}
	n := m.Rows() * m.Cols()
	out := make([]*data.Scalar, n)
	for i := 0; i < n; i++ {
		cell, err := data.MatrixCell(m, i/m.Cols(), i%m.Cols())
		if err != nil {
			return nil, err
		}
		if paramVT != types.Unknown {
			if cell, err = data.ConvertScalar(cell, paramVT); err != nil {
				return nil, fmt.Errorf("map: argument of function %s: %w", f.Name, err)
			}
		}
		res, err := in.Call(in.octx.Context, f, []data.Value{cell})
		if err != nil {
			return nil, err
		}
		if len(res) != 1 {
			return nil, fmt.Errorf("map: function %s returned %d values, want 1", f.Name, len(res))
		}
		s, ok := res[0].(*data.Scalar)
		if !ok {
			return nil, fmt.Errorf("map: function %s must return a scalar, returned %s", f.Name, data.Describe(res[0]))
		}
		if resVT != types.Unknown {
			if s, err = data.ConvertScalar(s, resVT); err != nil {
				return nil, fmt.Errorf("map: result of function %s: %w", f.Name, err)
			}
		}
		out[i] = s
	}
	vt := m.ValueType()
	if n > 0 {
		vt = out[0].VT
	} else if len(f.ResultTypes) == 1 && f.ResultTypes[0].VT != types.Unknown {
		vt = f.ResultTypes[0].VT
	}
	res, err := denseFromScalars(vt, m.Rows(), m.Cols(), out)
	if err != nil {
		return nil, err
	}
	return []data.Value{res}, nil
}

func denseFromScalars(vt types.ValueType, rows, cols int, s []*data.Scalar) (data.Matrix, error) {
	for _, x := range s {
		if x.VT != vt {
			return nil, fmt.Errorf("map: the function returned values of different types (%v and %v)", vt, x.VT)
		}
	}
	switch vt {
	case types.F64:
		return fill[float64](vt, rows, cols, s), nil
	case types.F32:
		return fill[float32](vt, rows, cols, s), nil
	case types.SI64:
		return fill[int64](vt, rows, cols, s), nil
	case types.SI32:
		return fill[int32](vt, rows, cols, s), nil
	case types.SI8:
		return fill[int8](vt, rows, cols, s), nil
	case types.UI64, types.Size:
		return fill[uint64](vt, rows, cols, s), nil
	case types.UI32:
		return fill[uint32](vt, rows, cols, s), nil
	case types.UI8:
		return fill[uint8](vt, rows, cols, s), nil
	case types.Bool:
		return fill[bool](vt, rows, cols, s), nil
	case types.Str:
		return fill[string](vt, rows, cols, s), nil
	}
	return nil, fmt.Errorf("map: unsupported result type %v", vt)
}

func fill[T data.Elem](vt types.ValueType, rows, cols int, s []*data.Scalar) *data.Dense[T] {
	m := data.NewDenseVT[T](vt, rows, cols)
	for i, x := range s {
		m.Data[i] = data.Get[T](x)
	}
	return m
}
