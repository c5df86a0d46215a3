package ew

import (
	"fmt"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// Value conversions bring operands to their common (promoted) value type.
// They use runtime/data's ConvertMatrix and ToString (C++ static_cast and
// std::to_string semantics) and add the typed views the kernels need.

// scalarAs returns s converted to T: numbers with C semantics (data.Get),
// anything to string with std::to_string (data.ToString).
func scalarAs[T data.Elem](s *data.Scalar) (T, error) {
	var z T
	switch p := any(&z).(type) {
	case *string:
		*p = data.ToString(s)
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

// convertDense returns m (dense) as a Dense[D] with value type vt.
func convertDense[D data.Elem](m data.Matrix, vt types.ValueType) (*data.Dense[D], error) {
	c, err := data.ConvertMatrix(m, vt)
	if err != nil {
		return nil, err
	}
	d, ok := c.(*data.Dense[D])
	if !ok {
		return nil, fmt.Errorf("ew: internal: converting %s to %s gave %T", data.Describe(m), vt, c)
	}
	return d, nil
}

// convertCSR returns m (CSR) as a CSR[D] with value type vt.
func convertCSR[D data.Elem](m data.Matrix, vt types.ValueType) (*data.CSR[D], error) {
	c, err := data.ConvertMatrix(m, vt)
	if err != nil {
		return nil, err
	}
	d, ok := c.(*data.CSR[D])
	if !ok {
		return nil, fmt.Errorf("ew: internal: converting %s to %s gave %T", data.Describe(m), vt, c)
	}
	return d, nil
}

// floatToU64 is static_cast<uint64_t>(double) as on x86: negative values go
// through int64, so -1.0 becomes 2^64-1.
func floatToU64(f float64) uint64 {
	if f < 0 {
		return uint64(int64(f))
	}
	return uint64(f)
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
