package linalg

import (
	"fmt"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// Value-type conversion at the op boundary. Every op promotes its operands
// to one value type (types.Promote) and converts them once, here, so that
// the kernels below run on one Go element type without per-element
// interface calls. Conversions are data.ConvertMatrix's (C static_cast as
// on x86: floats truncate toward zero, integers wrap).

// num is the set of Go element types the arithmetic kernels work on.
type num interface {
	~float64 | ~float32 | ~int64 | ~int32 | ~int8 | ~uint64 | ~uint32 | ~uint8
}

// flt is the set of floating-point element types.
type flt interface{ ~float64 | ~float32 }

// denseAs returns m as a dense matrix of element type T and value type vt
// (m itself if it already is one), converting with data.ConvertMatrix.
func denseAs[T num](m data.Matrix, vt types.ValueType) (*data.Dense[T], error) {
	if d, ok := m.(*data.Dense[T]); ok && d.ValueType() == vt {
		return d, nil
	}
	c, err := data.ConvertMatrix(m, vt)
	if err != nil {
		return nil, err
	}
	if d, ok := toDense(c).(*data.Dense[T]); ok {
		return d, nil
	}
	return nil, errorf(ErrValueType, "value type %v is not held as %T", vt, *new(T))
}

// csrAs returns m as a CSR matrix of element type T and value type vt,
// converting a dense matrix (dropping zeros) or the values of a CSR one.
func csrAs[T num](m data.Matrix, vt types.ValueType) (*data.CSR[T], error) {
	if s, ok := m.(*data.CSR[T]); ok && s.ValueType() == vt {
		return s, nil
	}
	if !m.IsSparse() {
		d, err := denseAs[T](m, vt)
		if err != nil {
			return nil, err
		}
		return data.DenseToCSR(d), nil
	}
	c, err := data.ConvertMatrix(m, vt)
	if err != nil {
		return nil, err
	}
	if s, ok := c.(*data.CSR[T]); ok {
		return s, nil
	}
	return nil, errorf(ErrValueType, "value type %v is not held as %T", vt, *new(T))
}

// shape formats a matrix shape for error messages ("3x4").
func shape(m data.Matrix) string { return fmt.Sprintf("%dx%d", m.Rows(), m.Cols()) }

// toDense returns m as a dense matrix of its own element type (m itself if
// it is dense).
func toDense(m data.Matrix) data.Matrix {
	if d, err := data.ToDenseMatrix(m); err == nil {
		return d
	}
	return m
}

// maxCells bounds the number of cells of a result, so that a product or
// table whose size is absurd gives an error instead of an allocation
// failure.
const maxCells = 1 << 31

// checkCells returns an error if an r x c result of op is too large.
func checkCells(op string, r, c int) error {
	if float64(r)*float64(c) > maxCells {
		return errorf(ErrTooLarge, "%s: a %dx%d result is too large", op, r, c)
	}
	return nil
}
