package data

import (
	"fmt"

	"github.com/daphne-go/daphne/types"
)

// Value-type conversion of whole cell arrays with C static_cast semantics:
// float to integer truncates toward zero (out-of-range values behave as on
// x86: they go through int64), integer to integer wraps, anything to bool is
// "!= 0" (NaN is true), bool to number is 0/1. Numbers become strings with
// std::to_string, strings become numbers with stoll/stoull/stold/stof (an
// error for an unparsable string).
//
// The conversion is a two-level dispatch: the source slice's Go type picks a
// generic numFrom[S], which picks numTo[S, D] by the target value type, so
// every numeric pair runs a tight, allocation-free loop. Bool sources are
// widened to uint8 first, string sources parsed to int64/uint64/float64
// first; both then take the numeric path.

// ConvertMatrix returns m with its cells converted to value type vt, dense
// or CSR as m is. If m already has value type vt it is returned unchanged.
// A CSR matrix keeps its structure except that cells which become zero are
// dropped; a CSR matrix converted to str becomes a dense string matrix
// (its zeros are spelled "0", which CSR[string] cannot represent implicitly).
//
// Ownership: unless m itself is returned, a dense result has a freshly
// allocated cell slice that nothing else references, so the caller may
// write into it. A CSR result has fresh values but may share m's RowPtr and
// ColIdx arrays, which must therefore stay read-only.
func ConvertMatrix(m Matrix, vt types.ValueType) (Matrix, error) {
	if m.ValueType() == vt {
		return m, nil
	}
	if vt == types.Unknown {
		return nil, fmt.Errorf("cannot convert %s to an unknown value type", Describe(m))
	}
	if m.IsSparse() {
		if vt == types.Str {
			d, err := csrToDense(m)
			if err != nil {
				return nil, err
			}
			return ConvertMatrix(d, vt)
		}
		return convertCSR(m, vt)
	}
	cells, err := denseCells(m)
	if err != nil {
		return nil, err
	}
	out, err := convertCells(cells, m.ValueType(), vt)
	if err != nil {
		return nil, err
	}
	return denseOf(vt, m.Rows(), m.Cols(), out), nil
}

// denseCells returns the row-major cell slice of a dense matrix as any.
func denseCells(m Matrix) (any, error) {
	switch x := m.(type) {
	case *Dense[float64]:
		return x.Data, nil
	case *Dense[float32]:
		return x.Data, nil
	case *Dense[int64]:
		return x.Data, nil
	case *Dense[int32]:
		return x.Data, nil
	case *Dense[int8]:
		return x.Data, nil
	case *Dense[uint64]:
		return x.Data, nil
	case *Dense[uint32]:
		return x.Data, nil
	case *Dense[uint8]:
		return x.Data, nil
	case *Dense[bool]:
		return x.Data, nil
	case *Dense[string]:
		return x.Data, nil
	}
	return nil, fmt.Errorf("unsupported matrix type %T", m)
}

// denseOf wraps a cell slice produced by convertCells for vt.
func denseOf(vt types.ValueType, rows, cols int, cells any) Matrix {
	switch x := cells.(type) {
	case []float64:
		return DenseFromVT(vt, rows, cols, x)
	case []float32:
		return DenseFromVT(vt, rows, cols, x)
	case []int64:
		return DenseFromVT(vt, rows, cols, x)
	case []int32:
		return DenseFromVT(vt, rows, cols, x)
	case []int8:
		return DenseFromVT(vt, rows, cols, x)
	case []uint64:
		return DenseFromVT(vt, rows, cols, x)
	case []uint32:
		return DenseFromVT(vt, rows, cols, x)
	case []uint8:
		return DenseFromVT(vt, rows, cols, x)
	case []bool:
		return DenseFromVT(vt, rows, cols, x)
	case []string:
		return DenseFromVT(vt, rows, cols, x)
	}
	panic(fmt.Sprintf("data: no dense matrix for cells %T", cells))
}

// convertCells converts a cell slice of value type from to value type to.
func convertCells(cells any, from, to types.ValueType) (any, error) {
	switch x := cells.(type) {
	case []float64:
		return numFrom(x, from, to), nil
	case []float32:
		return numFrom(x, from, to), nil
	case []int64:
		return numFrom(x, from, to), nil
	case []int32:
		return numFrom(x, from, to), nil
	case []int8:
		return numFrom(x, from, to), nil
	case []uint64:
		return numFrom(x, from, to), nil
	case []uint32:
		return numFrom(x, from, to), nil
	case []uint8:
		return numFrom(x, from, to), nil
	case []bool:
		if to == types.Bool {
			return x, nil
		}
		u := make([]uint8, len(x))
		for i, b := range x {
			if b {
				u[i] = 1
			}
		}
		return numFrom(u, types.Bool, to), nil
	case []string:
		return strTo(x, to)
	}
	return nil, fmt.Errorf("unsupported cell type %T", cells)
}

// numFrom converts numeric cells of value type from (bool for 0/1 uint8
// cells widened from bool) to value type to.
func numFrom[S Number](src []S, from, to types.ValueType) any {
	isFloat := from.IsFloat()
	switch to {
	case types.F64:
		return numTo[S, float64](src, isFloat)
	case types.F32:
		return numTo[S, float32](src, isFloat)
	case types.SI64:
		return numTo[S, int64](src, isFloat)
	case types.SI32:
		return numTo[S, int32](src, isFloat)
	case types.SI8:
		return numTo[S, int8](src, isFloat)
	case types.UI64, types.Size:
		return numTo[S, uint64](src, isFloat)
	case types.UI32:
		return numTo[S, uint32](src, isFloat)
	case types.UI8:
		return numTo[S, uint8](src, isFloat)
	case types.Bool:
		out := make([]bool, len(src))
		for i, v := range src {
			out[i] = v != 0
		}
		return out
	case types.Str:
		out := make([]string, len(src))
		for i, v := range src {
			out[i] = numString(v, from)
		}
		return out
	}
	panic(fmt.Sprintf("data: no conversion to %v", to))
}

// numTo converts numeric cells to a numeric Go type with static_cast
// semantics. Integer sources convert directly (Go's integer conversions wrap
// like C's); float sources go through int64 (signed targets) or
// floatToUint64 (unsigned targets) so that out-of-range values behave as on
// x86 instead of being implementation-defined.
func numTo[S, D Number](src []S, srcFloat bool) []D {
	out := make([]D, len(src))
	var probe D
	dFloat, dUnsigned := isFloatType(probe), isUnsignedType(probe)
	switch {
	case !srcFloat || dFloat:
		for i, v := range src {
			out[i] = D(v)
		}
	case dUnsigned:
		for i, v := range src {
			out[i] = D(floatToUint64(float64(v)))
		}
	default:
		for i, v := range src {
			out[i] = D(int64(float64(v)))
		}
	}
	return out
}

func isFloatType[T Number](v T) bool {
	switch any(v).(type) {
	case float64, float32:
		return true
	}
	return false
}

func isUnsignedType[T Number](v T) bool {
	switch any(v).(type) {
	case uint64, uint32, uint8:
		return true
	}
	return false
}

// numString spells one numeric cell as std::to_string does.
func numString[S Number](v S, from types.ValueType) string {
	switch {
	case from.IsFloat():
		return FloatToString(float64(v))
	case from.IsUnsigned() || from == types.Bool:
		return ToString(&Scalar{VT: types.UI64, U: uint64(v)})
	}
	return ToString(&Scalar{VT: types.SI64, I: int64(v)})
}

// strTo parses string cells for value type to.
func strTo(src []string, to types.ValueType) (any, error) {
	switch {
	case to == types.Str:
		return src, nil
	case to.IsFloat():
		bits := 64
		if to == types.F32 {
			bits = 32
		}
		fs := make([]float64, len(src))
		for i, s := range src {
			f, err := StrToFloat(s, bits)
			if err != nil {
				return nil, err
			}
			fs[i] = f
		}
		return numFrom(fs, types.F64, to), nil
	case to.IsUnsigned():
		us := make([]uint64, len(src))
		for i, s := range src {
			u, err := StrToUint64(s)
			if err != nil {
				return nil, err
			}
			us[i] = u
		}
		return numFrom(us, types.UI64, to), nil
	}
	is := make([]int64, len(src))
	for i, s := range src {
		v, err := StrToInt64(s)
		if err != nil {
			return nil, err
		}
		is[i] = v
	}
	return numFrom(is, types.SI64, to), nil
}
