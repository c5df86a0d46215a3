package data

import (
	"fmt"
	"math"

	"github.com/daphne-go/daphne/types"
)

// Helpers for op implementations that take scalar arguments. Each returns an
// error naming what was expected and what was given, fit for a user.

// Describe names a value's kind for error messages: "scalar si64",
// "DenseMatrix(3x4, double)", "list".
func Describe(v Value) string {
	switch x := v.(type) {
	case nil:
		return "nothing"
	case *Scalar:
		return "scalar " + x.VT.String()
	case Matrix:
		kind := "DenseMatrix"
		if x.IsSparse() {
			kind = "CSRMatrix"
		}
		return fmt.Sprintf("%s(%dx%d, %s)", kind, x.Rows(), x.Cols(), x.ValueType().CppName())
	case *List:
		return fmt.Sprintf("list of %d", len(x.Elems))
	case *Frame:
		return x.Header()
	}
	return v.DataType().String()
}

// ScalarArg returns v as a scalar, or an error naming the argument.
func ScalarArg(v Value, what string) (*Scalar, error) {
	s, ok := v.(*Scalar)
	if !ok {
		return nil, fmt.Errorf("%s must be a scalar, got %s", what, Describe(v))
	}
	return s, nil
}

// SizeValue returns the only cell of a 1x1 matrix as a scalar, and any
// other value unchanged. Size arguments (numbers of rows and columns) go
// through it: DAPHNE casts them to its index type, a cast that accepts 1x1
// matrices, so `fill(0.0, as.si64(rand(1, 1, 5.0, 9.0, 1.0, 3)), 2)` works.
func SizeValue(v Value) Value {
	if m, ok := v.(Matrix); ok && m.Rows() == 1 && m.Cols() == 1 {
		if s, err := MatrixCell(m, 0, 0); err == nil {
			return s
		}
	}
	return v
}

// IntArg returns a scalar argument as int64 (floats truncated toward zero,
// as DAPHNE casts them; NaN and strings are errors).
func IntArg(v Value, what string) (int64, error) {
	s, err := ScalarArg(v, what)
	if err != nil {
		return 0, err
	}
	switch {
	case s.VT == types.Str:
		return 0, fmt.Errorf("%s must be a number, got string %q", what, s.S)
	case s.VT.IsFloat():
		if math.IsNaN(s.F) || math.IsInf(s.F, 0) {
			return 0, fmt.Errorf("%s must be a finite number, got %v", what, s.F)
		}
		return int64(s.F), nil
	case s.VT.IsUnsigned():
		return int64(s.U), nil
	}
	return s.I, nil
}

// DimArg returns a non-negative size argument (a number of rows, say).
// A 1x1 matrix stands for its cell (see SizeValue).
func DimArg(v Value, what string) (int, error) {
	n, err := IntArg(SizeValue(v), what)
	if err != nil {
		return 0, err
	}
	if n < 0 {
		return 0, fmt.Errorf("%s must not be negative, got %d", what, n)
	}
	if n > math.MaxInt32*int64(64) {
		return 0, fmt.Errorf("%s is too large: %d", what, n)
	}
	return int(n), nil
}

// FloatArg returns a numeric scalar argument as float64.
func FloatArg(v Value, what string) (float64, error) {
	s, err := ScalarArg(v, what)
	if err != nil {
		return 0, err
	}
	if s.VT == types.Str {
		return 0, fmt.Errorf("%s must be a number, got string %q", what, s.S)
	}
	return s.Float64(), nil
}

// BoolArg returns a scalar argument's truth value.
func BoolArg(v Value, what string) (bool, error) {
	s, err := ScalarArg(v, what)
	if err != nil {
		return false, err
	}
	if s.VT == types.Str {
		return false, fmt.Errorf("%s must be a boolean, got string %q", what, s.S)
	}
	return s.Truth(), nil
}

// StringArg returns a string scalar argument.
func StringArg(v Value, what string) (string, error) {
	s, err := ScalarArg(v, what)
	if err != nil {
		return "", err
	}
	if s.VT != types.Str {
		return "", fmt.Errorf("%s must be a string, got %s", what, Describe(v))
	}
	return s.S, nil
}

// MatrixArg returns v as a matrix, or an error naming the argument.
func MatrixArg(v Value, what string) (Matrix, error) {
	m, ok := v.(Matrix)
	if !ok {
		return nil, fmt.Errorf("%s must be a matrix, got %s", what, Describe(v))
	}
	return m, nil
}
