package data

import (
	"errors"
	"fmt"

	"github.com/daphne-go/daphne/types"
)

// Cast implements DaphneDSL's casts as.scalar, as.matrix, as.<vt>,
// as.scalar<vt> and as.matrix<vt>. dt is the target data type (AnyData keeps
// v's), vt the target value type (Unknown keeps v's).
//
//   - Numeric conversions are C static_casts (see ConvertMatrix); numbers
//     become strings with std::to_string, strings become numbers with
//     stoll/stoull/stold/stof, and an unparsable string is an error.
//   - A matrix becomes a scalar only if it is 1x1 (the error names the
//     shape); a scalar becomes a 1x1 dense matrix.
//   - A list converts the value type of each of its elements.
//   - A matrix or scalar becomes a frame with one column per matrix column
//     (labels col_0, ...); a frame becomes a matrix of the given value type
//     (default: the most general of its columns' types) or, if 1x1, a scalar.
func Cast(v Value, dt types.DataType, vt types.ValueType) (Value, error) {
	if v == nil {
		return nil, errors.New("cast: no value to cast")
	}
	if dt == types.Frame || v.DataType() == types.Frame {
		return castFrame(v, dt, vt)
	}
	if vt == types.Unknown {
		vt = v.ValueType()
	}
	switch x := v.(type) {
	case *Scalar:
		return castScalar(x, dt, vt)
	case Matrix:
		return castMatrix(x, dt, vt)
	case *List:
		return castList(x, dt, vt)
	}
	return nil, fmt.Errorf("cast: cannot cast a value of type %T", v)
}

func castScalar(s *Scalar, dt types.DataType, vt types.ValueType) (Value, error) {
	switch dt {
	case types.AnyData, types.Scalar:
		return ConvertScalar(s, vt)
	case types.Matrix:
		c, err := ConvertScalar(s, vt)
		if err != nil {
			return nil, err
		}
		return denseOf(vt, 1, 1, scalarCells(c)), nil
	}
	return nil, fmt.Errorf("cast: cannot cast %s to a %v", Describe(s), dt)
}

func castMatrix(m Matrix, dt types.DataType, vt types.ValueType) (Value, error) {
	switch dt {
	case types.AnyData, types.Matrix:
		c, err := ConvertMatrix(m, vt)
		if err != nil {
			return nil, fmt.Errorf("cast: %w", err)
		}
		return c, nil
	case types.Scalar:
		if m.Rows() != 1 || m.Cols() != 1 {
			return nil, fmt.Errorf("cast: cannot cast %s to a scalar: only a 1x1 matrix can be cast to a scalar", Describe(m))
		}
		s, err := MatrixCell(m, 0, 0)
		if err != nil {
			return nil, err
		}
		return ConvertScalar(s, vt)
	}
	return nil, fmt.Errorf("cast: cannot cast %s to a %v", Describe(m), dt)
}

func castList(l *List, dt types.DataType, vt types.ValueType) (Value, error) {
	if dt != types.AnyData && dt != types.List {
		return nil, fmt.Errorf("cast: cannot cast %s to a %v", Describe(l), dt)
	}
	if vt == l.VT {
		return l, nil
	}
	out := &List{VT: vt, Elems: make([]Matrix, len(l.Elems))}
	for i, e := range l.Elems {
		c, err := ConvertMatrix(e, vt)
		if err != nil {
			return nil, fmt.Errorf("cast: list element %d: %w", i, err)
		}
		out.Elems[i] = c
	}
	return out, nil
}

// ConvertScalar returns s converted to value type vt (s itself if it already
// has that type) with the rules of Cast.
func ConvertScalar(s *Scalar, vt types.ValueType) (*Scalar, error) {
	if s.VT == vt {
		return s, nil
	}
	if vt == types.Unknown {
		return nil, fmt.Errorf("cannot convert %s to an unknown value type", Describe(s))
	}
	if s.VT == types.Str && vt != types.Str {
		// Parse once here so that the error does not mention cells.
		out, err := strTo([]string{s.S}, vt)
		if err != nil {
			return nil, fmt.Errorf("cast: %w", err)
		}
		return scalarFromCells(vt, out), nil
	}
	if vt == types.Str {
		return Str(ToString(s)), nil
	}
	out, err := convertCells(scalarCells(s), s.VT, vt)
	if err != nil {
		return nil, err
	}
	return scalarFromCells(vt, out), nil
}

// scalarCells returns a one-element cell slice holding s's payload in the
// Go type of its value type.
func scalarCells(s *Scalar) any {
	switch s.VT {
	case types.F64:
		return []float64{s.F}
	case types.F32:
		return []float32{float32(s.F)}
	case types.SI64:
		return []int64{s.I}
	case types.SI32:
		return []int32{int32(s.I)}
	case types.SI8:
		return []int8{int8(s.I)}
	case types.UI64, types.Size:
		return []uint64{s.U}
	case types.UI32:
		return []uint32{uint32(s.U)}
	case types.UI8:
		return []uint8{uint8(s.U)}
	case types.Bool:
		return []bool{s.I != 0}
	case types.Str:
		return []string{s.S}
	}
	panic(fmt.Sprintf("data: scalar of value type %v", s.VT))
}

// scalarFromCells wraps the first cell of a cell slice as a scalar of vt.
func scalarFromCells(vt types.ValueType, cells any) *Scalar {
	switch x := cells.(type) {
	case []float64:
		return ScalarOf(vt, x[0])
	case []float32:
		return ScalarOf(vt, x[0])
	case []int64:
		return ScalarOf(vt, x[0])
	case []int32:
		return ScalarOf(vt, x[0])
	case []int8:
		return ScalarOf(vt, x[0])
	case []uint64:
		return ScalarOf(vt, x[0])
	case []uint32:
		return ScalarOf(vt, x[0])
	case []uint8:
		return ScalarOf(vt, x[0])
	case []bool:
		return ScalarOf(vt, x[0])
	case []string:
		return ScalarOf(vt, x[0])
	}
	panic(fmt.Sprintf("data: no scalar for cells %T", cells))
}

// MatrixCell returns cell (i, j) of any matrix as a scalar of the matrix's
// value type, or an error if (i, j) is out of bounds.
func MatrixCell(m Matrix, i, j int) (*Scalar, error) {
	if i < 0 || j < 0 || i >= m.Rows() || j >= m.Cols() {
		return nil, fmt.Errorf("cell (%d, %d) is out of bounds for %s", i, j, Describe(m))
	}
	vt := m.ValueType()
	switch x := m.(type) {
	case *Dense[float64]:
		return ScalarOf(vt, x.At(i, j)), nil
	case *Dense[float32]:
		return ScalarOf(vt, x.At(i, j)), nil
	case *Dense[int64]:
		return ScalarOf(vt, x.At(i, j)), nil
	case *Dense[int32]:
		return ScalarOf(vt, x.At(i, j)), nil
	case *Dense[int8]:
		return ScalarOf(vt, x.At(i, j)), nil
	case *Dense[uint64]:
		return ScalarOf(vt, x.At(i, j)), nil
	case *Dense[uint32]:
		return ScalarOf(vt, x.At(i, j)), nil
	case *Dense[uint8]:
		return ScalarOf(vt, x.At(i, j)), nil
	case *Dense[bool]:
		return ScalarOf(vt, x.At(i, j)), nil
	case *Dense[string]:
		return ScalarOf(vt, x.At(i, j)), nil
	}
	return csrCell(m, i, j)
}
