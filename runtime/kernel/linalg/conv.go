package linalg

import (
	"fmt"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// Value-type conversion at the op boundary. Every op promotes its operands
// to one value type (types.Promote) and converts them once, here, so that
// the kernels below run on one Go element type without per-element
// interface calls. Conversions follow C's static_cast: floats truncate
// toward zero, integers wrap.

// num is the set of Go element types the arithmetic kernels work on.
type num interface {
	~float64 | ~float32 | ~int64 | ~int32 | ~int8 | ~uint64 | ~uint32 | ~uint8
}

// flt is the set of floating-point element types.
type flt interface{ ~float64 | ~float32 }

// convSlice converts src to a new []T.
func convSlice[S, T num](src []S) []T {
	dst := make([]T, len(src))
	for i, v := range src {
		dst[i] = T(v)
	}
	return dst
}

// boolSlice converts booleans to 0/1.
func boolSlice[T num](src []bool) []T {
	dst := make([]T, len(src))
	for i, v := range src {
		if v {
			dst[i] = 1
		}
	}
	return dst
}

// valuesAs returns the stored values of a dense or CSR matrix as []T
// (aliasing the input when no conversion is needed; callers never write
// into the result).
func valuesAs[T num](m data.Matrix) ([]T, error) {
	switch x := m.(type) {
	case *data.Dense[float64]:
		return conv[float64, T](x.Data), nil
	case *data.Dense[float32]:
		return conv[float32, T](x.Data), nil
	case *data.Dense[int64]:
		return conv[int64, T](x.Data), nil
	case *data.Dense[int32]:
		return conv[int32, T](x.Data), nil
	case *data.Dense[int8]:
		return conv[int8, T](x.Data), nil
	case *data.Dense[uint64]:
		return conv[uint64, T](x.Data), nil
	case *data.Dense[uint32]:
		return conv[uint32, T](x.Data), nil
	case *data.Dense[uint8]:
		return conv[uint8, T](x.Data), nil
	case *data.Dense[bool]:
		return boolSlice[T](x.Data), nil
	case *data.CSR[float64]:
		return conv[float64, T](x.Values), nil
	case *data.CSR[float32]:
		return conv[float32, T](x.Values), nil
	case *data.CSR[int64]:
		return conv[int64, T](x.Values), nil
	case *data.CSR[int32]:
		return conv[int32, T](x.Values), nil
	case *data.CSR[int8]:
		return conv[int8, T](x.Values), nil
	case *data.CSR[uint64]:
		return conv[uint64, T](x.Values), nil
	case *data.CSR[uint32]:
		return conv[uint32, T](x.Values), nil
	case *data.CSR[uint8]:
		return conv[uint8, T](x.Values), nil
	case *data.CSR[bool]:
		return boolSlice[T](x.Values), nil
	}
	return nil, errorf(ErrValueType, "value type %v is not numeric", m.ValueType())
}

// conv returns src itself when S and T are the same type, else a converted copy.
func conv[S, T num](src []S) []T {
	if same, ok := any(src).([]T); ok {
		return same
	}
	return convSlice[S, T](src)
}

// denseAs returns m as a dense matrix of element type T and value type vt
// (m itself if it already is one).
func denseAs[T num](m data.Matrix, vt types.ValueType) (*data.Dense[T], error) {
	if d, ok := m.(*data.Dense[T]); ok && d.ValueType() == vt {
		return d, nil
	}
	if m.IsSparse() {
		s, err := csrAs[T](m, vt)
		if err != nil {
			return nil, err
		}
		return s.ToDense(), nil
	}
	vals, err := valuesAs[T](m)
	if err != nil {
		return nil, err
	}
	return data.DenseFromVT(vt, m.Rows(), m.Cols(), vals), nil
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
	vals, err := valuesAs[T](m)
	if err != nil {
		return nil, err
	}
	rowPtr, colIdx := csrIndex(m)
	return data.NewCSRVT(vt, m.Rows(), m.Cols(), rowPtr, colIdx, vals)
}

// csrIndex returns the index arrays of a CSR matrix of any element type.
func csrIndex(m data.Matrix) (rowPtr, colIdx []int) {
	switch x := m.(type) {
	case *data.CSR[float64]:
		return x.RowPtr, x.ColIdx
	case *data.CSR[float32]:
		return x.RowPtr, x.ColIdx
	case *data.CSR[int64]:
		return x.RowPtr, x.ColIdx
	case *data.CSR[int32]:
		return x.RowPtr, x.ColIdx
	case *data.CSR[int8]:
		return x.RowPtr, x.ColIdx
	case *data.CSR[uint64]:
		return x.RowPtr, x.ColIdx
	case *data.CSR[uint32]:
		return x.RowPtr, x.ColIdx
	case *data.CSR[uint8]:
		return x.RowPtr, x.ColIdx
	case *data.CSR[bool]:
		return x.RowPtr, x.ColIdx
	}
	panic(fmt.Sprintf("linalg: csrIndex of %T", m))
}

// shape formats a matrix shape for error messages ("3x4").
func shape(m data.Matrix) string { return fmt.Sprintf("%dx%d", m.Rows(), m.Cols()) }

// toDense returns m as a dense matrix of its own element type (m itself if
// it is dense).
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
