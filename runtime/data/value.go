package data

import (
	"fmt"

	"github.com/daphne-go/daphne/types"
)

// Value is any runtime value: *Scalar, a Matrix (*Dense[T], *CSR[T]) or *List.
type Value interface {
	// DataType tells whether this is a scalar, matrix, frame or list.
	DataType() types.DataType
	// ValueType is the element type (for a list: that of its elements).
	ValueType() types.ValueType
}

// Elem is the set of Go element types a matrix can hold.
type Elem interface {
	~float64 | ~float32 | ~int64 | ~int32 | ~int8 | ~uint64 | ~uint32 | ~uint8 | ~bool | ~string
}

// Number is the set of numeric Go element types (everything but bool and string).
type Number interface {
	~float64 | ~float32 | ~int64 | ~int32 | ~int8 | ~uint64 | ~uint32 | ~uint8
}

// Matrix is a two-dimensional value, dense or sparse.
type Matrix interface {
	Value
	Rows() int
	Cols() int
	// IsSparse reports whether this is a CSR matrix.
	IsSparse() bool
}

// DefaultVT returns the value type a Go element type stands for (uint64 maps
// to ui64; use NewDenseVT for size-typed matrices).
func DefaultVT[T Elem]() types.ValueType {
	var z T
	switch any(z).(type) {
	case float64:
		return types.F64
	case float32:
		return types.F32
	case int64:
		return types.SI64
	case int32:
		return types.SI32
	case int8:
		return types.SI8
	case uint64:
		return types.UI64
	case uint32:
		return types.UI32
	case uint8:
		return types.UI8
	case bool:
		return types.Bool
	case string:
		return types.Str
	}
	panic(fmt.Sprintf("data: no value type for %T", z))
}

// checkVT panics if vt cannot be held in a T (a programmer error).
func checkVT[T Elem](vt types.ValueType) {
	d := DefaultVT[T]()
	if vt == d || (vt == types.Size && d == types.UI64) {
		return
	}
	panic(fmt.Sprintf("data: value type %v cannot be stored as %v", vt, d))
}
