package ew

import (
	"fmt"
	"math"
	"strconv"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// Value conversions with C++ static_cast / std::to_string semantics, used to
// bring operands to their common (promoted) value type. They are private to
// this package: runtime/data's cast.go (another area) was not in the tree when
// this was written.

// scalarAs returns s converted to T: numbers with C semantics (data.Get),
// anything to string with std::to_string.
func scalarAs[T data.Elem](s *data.Scalar) (T, error) {
	var z T
	switch p := any(&z).(type) {
	case *string:
		*p = scalarString(s)
		return z, nil
	case *bool:
		if s.VT == types.Str {
			return z, fmt.Errorf("%w: cannot use string %q as a boolean", ErrType, s.S)
		}
		*p = s.Truth()
		return z, nil
	}
	if s.VT == types.Str {
		return z, fmt.Errorf("%w: cannot use string %q as a number", ErrType, s.S)
	}
	return data.Get[T](s), nil
}

// scalarString formats a scalar as std::to_string does: integers plainly,
// floats with six decimals ("1.500000"), bool as 1/0, strings raw.
func scalarString(s *data.Scalar) string {
	switch {
	case s.VT == types.Str:
		return s.S
	case s.VT.IsFloat():
		return formatFloatC(s.F)
	case s.VT.IsUnsigned():
		return strconv.FormatUint(s.U, 10)
	}
	return strconv.FormatInt(s.I, 10)
}

// formatFloatC is printf("%f"), with C's spellings of the special values.
func formatFloatC(f float64) string {
	switch {
	case math.IsNaN(f):
		if math.Signbit(f) {
			return "-nan"
		}
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	return strconv.FormatFloat(f, 'f', 6, 64)
}

// convertDense returns m (dense) as a Dense[D] with value type vt, sharing
// storage when only the value type's name changes (ui64 and size).
func convertDense[D data.Elem](m data.Matrix, vt types.ValueType) (*data.Dense[D], error) {
	if d, ok := m.(*data.Dense[D]); ok {
		if d.ValueType() == vt {
			return d, nil
		}
		return data.DenseFromVT(vt, d.Rows(), d.Cols(), d.Data), nil
	}
	src, ok := denseSlice(m)
	if !ok {
		return nil, fmt.Errorf("%w: %s", ErrType, data.Describe(m))
	}
	out := data.NewDenseVT[D](vt, m.Rows(), m.Cols())
	if err := castInto(out.Data, src); err != nil {
		return nil, err
	}
	return out, nil
}

// convertCSR returns m (CSR) as a CSR[D] with value type vt, sharing the
// index arrays.
func convertCSR[D data.Elem](m data.Matrix, vt types.ValueType) (*data.CSR[D], error) {
	if c, ok := m.(*data.CSR[D]); ok && c.ValueType() == vt {
		return c, nil
	}
	rowPtr, colIdx, vals, ok := csrParts(m)
	if !ok {
		return nil, fmt.Errorf("%w: %s", ErrType, data.Describe(m))
	}
	out := make([]D, len(colIdx))
	if err := castInto(out, vals); err != nil {
		return nil, err
	}
	return data.NewCSRVT(vt, m.Rows(), m.Cols(), rowPtr, colIdx, out)
}

// denseSlice returns the Data slice of a dense matrix of any element type.
func denseSlice(m data.Matrix) (any, bool) {
	switch x := m.(type) {
	case *data.Dense[float64]:
		return x.Data, true
	case *data.Dense[float32]:
		return x.Data, true
	case *data.Dense[int64]:
		return x.Data, true
	case *data.Dense[int32]:
		return x.Data, true
	case *data.Dense[int8]:
		return x.Data, true
	case *data.Dense[uint64]:
		return x.Data, true
	case *data.Dense[uint32]:
		return x.Data, true
	case *data.Dense[uint8]:
		return x.Data, true
	case *data.Dense[bool]:
		return x.Data, true
	case *data.Dense[string]:
		return x.Data, true
	}
	return nil, false
}

// csrParts returns the arrays of a CSR matrix of any element type.
func csrParts(m data.Matrix) (rowPtr, colIdx []int, vals any, ok bool) {
	switch x := m.(type) {
	case *data.CSR[float64]:
		return x.RowPtr, x.ColIdx, x.Values, true
	case *data.CSR[float32]:
		return x.RowPtr, x.ColIdx, x.Values, true
	case *data.CSR[int64]:
		return x.RowPtr, x.ColIdx, x.Values, true
	case *data.CSR[int32]:
		return x.RowPtr, x.ColIdx, x.Values, true
	case *data.CSR[int8]:
		return x.RowPtr, x.ColIdx, x.Values, true
	case *data.CSR[uint64]:
		return x.RowPtr, x.ColIdx, x.Values, true
	case *data.CSR[uint32]:
		return x.RowPtr, x.ColIdx, x.Values, true
	case *data.CSR[uint8]:
		return x.RowPtr, x.ColIdx, x.Values, true
	case *data.CSR[bool]:
		return x.RowPtr, x.ColIdx, x.Values, true
	case *data.CSR[string]:
		return x.RowPtr, x.ColIdx, x.Values, true
	}
	return nil, nil, nil, false
}

// toDense returns any matrix as a dense one (CSR is expanded).
func toDense(m data.Matrix) data.Matrix {
	switch x := m.(type) {
	case *data.CSR[float64]:
		return x.ToDense()
	case *data.CSR[float32]:
		return x.ToDense()
	case *data.CSR[int64]:
		return x.ToDense()
	case *data.CSR[int32]:
		return x.ToDense()
	case *data.CSR[int8]:
		return x.ToDense()
	case *data.CSR[uint64]:
		return x.ToDense()
	case *data.CSR[uint32]:
		return x.ToDense()
	case *data.CSR[uint8]:
		return x.ToDense()
	case *data.CSR[bool]:
		return x.ToDense()
	case *data.CSR[string]:
		return x.ToDense()
	}
	return m
}

// castInto converts src (a slice of any element type, same length) into dst.
func castInto[D data.Elem](dst []D, src any) error {
	switch d := any(dst).(type) {
	case []float64:
		return numInto(d, src)
	case []float32:
		return numInto(d, src)
	case []int64:
		return numInto(d, src)
	case []int32:
		return numInto(d, src)
	case []int8:
		return numInto(d, src)
	case []uint64:
		return numInto(d, src)
	case []uint32:
		return numInto(d, src)
	case []uint8:
		return numInto(d, src)
	case []bool:
		return boolInto(d, src)
	case []string:
		return strInto(d, src)
	}
	return fmt.Errorf("%w: cannot convert %T", ErrType, src)
}

func numInto[D data.Number](dst []D, src any) error {
	switch s := src.(type) {
	case []float64:
		numNum(dst, s)
	case []float32:
		numNum(dst, s)
	case []int64:
		numNum(dst, s)
	case []int32:
		numNum(dst, s)
	case []int8:
		numNum(dst, s)
	case []uint64:
		numNum(dst, s)
	case []uint32:
		numNum(dst, s)
	case []uint8:
		numNum(dst, s)
	case []bool:
		for i, v := range s {
			dst[i] = 0
			if v {
				dst[i] = 1
			}
		}
	default:
		return fmt.Errorf("%w: cannot convert %T to numbers here", ErrType, src)
	}
	return nil
}

// numNum converts between numeric types like static_cast: floats truncate
// toward zero when going to integers (through int64, so -1.0 becomes
// 2^64-1 as an unsigned), integers wrap.
func numNum[D, S data.Number](dst []D, src []S) {
	dst = dst[:len(src)]
	if isFloat[S]() && !isFloat[D]() {
		if isSigned[D]() {
			for i, v := range src {
				dst[i] = D(int64(v))
			}
			return
		}
		for i, v := range src {
			dst[i] = D(floatToU64(float64(v)))
		}
		return
	}
	for i, v := range src {
		dst[i] = D(v)
	}
}

func floatToU64(f float64) uint64 {
	if f < 0 {
		return uint64(int64(f))
	}
	return uint64(f)
}

func boolInto(dst []bool, src any) error {
	switch s := src.(type) {
	case []bool:
		copy(dst, s)
		return nil
	case []string:
		return fmt.Errorf("%w: cannot convert strings to bool here", ErrType)
	}
	// Integers convert to float64 without becoming zero, so this keeps truth.
	f := make([]float64, len(dst))
	if err := numInto(f, src); err != nil {
		return err
	}
	for i, v := range f {
		dst[i] = v != 0
	}
	return nil
}

func strInto(dst []string, src any) error {
	switch s := src.(type) {
	case []string:
		copy(dst, s)
	case []bool:
		for i, v := range s {
			dst[i] = "0"
			if v {
				dst[i] = "1"
			}
		}
	case []float64:
		numStr(dst, s)
	case []float32:
		numStr(dst, s)
	case []int64:
		numStr(dst, s)
	case []int32:
		numStr(dst, s)
	case []int8:
		numStr(dst, s)
	case []uint64:
		numStr(dst, s)
	case []uint32:
		numStr(dst, s)
	case []uint8:
		numStr(dst, s)
	default:
		return fmt.Errorf("%w: cannot convert %T to strings", ErrType, src)
	}
	return nil
}

func numStr[S data.Number](dst []string, src []S) {
	switch {
	case isFloat[S]():
		for i, v := range src {
			dst[i] = formatFloatC(float64(v))
		}
	case isSigned[S]():
		for i, v := range src {
			dst[i] = strconv.FormatInt(int64(v), 10)
		}
	default:
		for i, v := range src {
			dst[i] = strconv.FormatUint(uint64(v), 10)
		}
	}
}

// isFloat reports whether T is float32 or float64.
func isFloat[T data.Number]() bool {
	var z T
	switch any(z).(type) {
	case float32, float64:
		return true
	}
	return false
}

// isSigned reports whether T is a signed integer type.
func isSigned[T data.Number]() bool {
	var z T
	switch any(z).(type) {
	case int64, int32, int8:
		return true
	}
	return false
}

// convertMatrix converts m to value type vt, keeping its representation.
func convertMatrix(m data.Matrix, vt types.ValueType) (data.Matrix, error) {
	switch vt {
	case types.F64:
		return convertAs[float64](m, vt)
	case types.F32:
		return convertAs[float32](m, vt)
	case types.SI64:
		return convertAs[int64](m, vt)
	case types.SI32:
		return convertAs[int32](m, vt)
	case types.SI8:
		return convertAs[int8](m, vt)
	case types.UI64, types.Size:
		return convertAs[uint64](m, vt)
	case types.UI32:
		return convertAs[uint32](m, vt)
	case types.UI8:
		return convertAs[uint8](m, vt)
	case types.Bool:
		return convertAs[bool](m, vt)
	case types.Str:
		return convertAs[string](m, vt)
	}
	return nil, fmt.Errorf("%w: cannot convert a matrix to %s", ErrType, vt)
}

func convertAs[D data.Elem](m data.Matrix, vt types.ValueType) (data.Matrix, error) {
	if m.IsSparse() {
		c, err := convertCSR[D](m, vt)
		if err != nil {
			return nil, err
		}
		return c, nil
	}
	d, err := convertDense[D](m, vt)
	if err != nil {
		return nil, err
	}
	return d, nil
}
