package linalg

import (
	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// Replace returns m with every cell equal to pattern replaced by
// replacement. A NaN pattern matches NaN cells. The result's value type is
// the promotion of the three operands' (as DAPHNE's replace); string
// matrices work with string scalars. A CSR matrix stays CSR unless the
// pattern is zero (then the implicit zeros match and the result is dense).
func Replace(m data.Matrix, pattern, replacement *data.Scalar) (data.Matrix, error) {
	vt := types.Promote(m.ValueType(), pattern.VT, replacement.VT)
	switch vt {
	case types.F64:
		return replaceT[float64](m, pattern, replacement, vt)
	case types.F32:
		return replaceT[float32](m, pattern, replacement, vt)
	case types.SI64:
		return replaceT[int64](m, pattern, replacement, vt)
	case types.SI32:
		return replaceT[int32](m, pattern, replacement, vt)
	case types.SI8:
		return replaceT[int8](m, pattern, replacement, vt)
	case types.UI64, types.Size:
		return replaceT[uint64](m, pattern, replacement, vt)
	case types.UI32:
		return replaceT[uint32](m, pattern, replacement, vt)
	case types.UI8:
		return replaceT[uint8](m, pattern, replacement, vt)
	case types.Str:
		return replaceStr(m, pattern, replacement)
	case types.Bool:
		if d, ok := toDense(m).(*data.Dense[bool]); ok {
			return replaceDense(d, pattern.Truth(), replacement.Truth()), nil
		}
	}
	return nil, errorf(ErrValueType, "replace: value type %v is not supported (matrix %s, pattern %s, replacement %s)",
		vt, data.Describe(m), data.Describe(pattern), data.Describe(replacement))
}

func replaceT[T num](m data.Matrix, pattern, replacement *data.Scalar, vt types.ValueType) (data.Matrix, error) {
	pat, rep := data.Get[T](pattern), data.Get[T](replacement)
	if m.IsSparse() && pat != 0 {
		s, err := csrAs[T](m, vt)
		if err != nil {
			return nil, err
		}
		return replaceCSR(s, pat, rep)
	}
	d, err := denseAs[T](m, vt)
	if err != nil {
		return nil, err
	}
	return replaceDense(d, pat, rep), nil
}

// replaceDense works for every comparable element type; pat != pat holds
// exactly for a NaN pattern.
func replaceDense[T data.Elem](d *data.Dense[T], pat, rep T) *data.Dense[T] {
	out := data.NewDenseVT[T](d.ValueType(), d.Rows(), d.Cols())
	nanPat := pat != pat
	for i, v := range d.Data {
		if v == pat || (nanPat && v != v) {
			v = rep
		}
		out.Data[i] = v
	}
	return out
}

// replaceCSR replaces among the stored values of s (pat is not zero, so
// implicit zeros never match); cells that become zero are dropped.
func replaceCSR[T num](s *data.CSR[T], pat, rep T) (data.Matrix, error) {
	nanPat := pat != pat
	rowPtr := make([]int, s.Rows()+1)
	colIdx := make([]int, 0, s.NNZ())
	vals := make([]T, 0, s.NNZ())
	for i := 0; i < s.Rows(); i++ {
		for q := s.RowPtr[i]; q < s.RowPtr[i+1]; q++ {
			v := s.Values[q]
			if v == pat || (nanPat && v != v) {
				v = rep
			}
			if v != 0 {
				colIdx = append(colIdx, s.ColIdx[q])
				vals = append(vals, v)
			}
		}
		rowPtr[i+1] = len(vals)
	}
	return data.NewCSRVT(s.ValueType(), s.Rows(), s.Cols(), rowPtr, colIdx, vals)
}

func replaceStr(m data.Matrix, pattern, replacement *data.Scalar) (data.Matrix, error) {
	d, ok := toDense(m).(*data.Dense[string])
	if !ok || pattern.VT != types.Str || replacement.VT != types.Str {
		return nil, errorf(ErrValueType, "replace: a string matrix needs string pattern and replacement, got matrix %s, pattern %s, replacement %s",
			data.Describe(m), data.Describe(pattern), data.Describe(replacement))
	}
	return replaceDense(d, pattern.S, replacement.S), nil
}

func opReplace(_ *opsCtx, args []data.Value, _ map[string]string) ([]data.Value, error) {
	if err := arity("replace", args, 3, 3); err != nil {
		return nil, err
	}
	ms, err := matrices("replace", args, "arg")
	if err != nil {
		return nil, err
	}
	pat, err := data.ScalarArg(args[1], "replace: pattern")
	if err != nil {
		return nil, err
	}
	rep, err := data.ScalarArg(args[2], "replace: replacement")
	if err != nil {
		return nil, err
	}
	return one(Replace(ms[0], pat, rep))
}
