package index

import (
	"fmt"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// kernel is the per-element-type implementation of the indexing kernels.
// The op boundary picks one instance with kernelFor (the one type switch of
// the package); every method then works on concrete *data.Dense[T] and
// *data.CSR[T] values without per-element interface calls.
type kernel interface {
	// extract returns m[rs, cs]; dense results may share storage with m.
	extract(m data.Matrix, rs, cs sel) data.Matrix
	// insert returns a copy of x with the cells addressed by rs, cs
	// replaced by y, which has exactly the addressed shape and x's element
	// type (it was converted by data.ConvertMatrix).
	insert(x data.Matrix, y data.Matrix, rs, cs sel) data.Matrix
	// cells returns m's cells in row-major order in canonical form.
	cells(m data.Matrix) cells
	// fromScalars builds a rows x cols dense matrix from scalars that
	// already have this kernel's value type (len(s) == rows*cols).
	fromScalars(s []*data.Scalar, rows, cols int) data.Matrix
}

// impl implements kernel for element type T; vt tells the value type (size
// and ui64 share uint64).
type impl[T data.Elem] struct {
	vt types.ValueType
}

// kernelFor returns the kernel for value type vt.
func kernelFor(vt types.ValueType) (kernel, error) {
	switch vt {
	case types.F64:
		return impl[float64]{vt}, nil
	case types.F32:
		return impl[float32]{vt}, nil
	case types.SI64:
		return impl[int64]{vt}, nil
	case types.SI32:
		return impl[int32]{vt}, nil
	case types.SI8:
		return impl[int8]{vt}, nil
	case types.UI64, types.Size:
		return impl[uint64]{vt}, nil
	case types.UI32:
		return impl[uint32]{vt}, nil
	case types.UI8:
		return impl[uint8]{vt}, nil
	case types.Bool:
		return impl[bool]{vt}, nil
	case types.Str:
		return impl[string]{vt}, nil
	}
	return nil, fmt.Errorf("unsupported value type %v", vt)
}

// kernelOf returns the kernel for m's value type.
func kernelOf(m data.Matrix) (kernel, error) {
	return kernelFor(m.ValueType())
}

// asDense returns m as a dense matrix of T, converting CSR (copying).
func (k impl[T]) asDense(m data.Matrix) *data.Dense[T] {
	switch x := m.(type) {
	case *data.Dense[T]:
		return x
	case *data.CSR[T]:
		return x.ToDense()
	}
	panic(fmt.Sprintf("index: %T is not a matrix of %v", m, k.vt))
}

func (k impl[T]) extract(m data.Matrix, rs, cs sel) data.Matrix {
	switch x := m.(type) {
	case *data.Dense[T]:
		return extractDense(x, rs, cs)
	case *data.CSR[T]:
		return extractCSR(x, rs, cs)
	}
	panic(fmt.Sprintf("index: %T is not a matrix of %v", m, k.vt))
}

func (k impl[T]) insert(x data.Matrix, y data.Matrix, rs, cs sel) data.Matrix {
	yd := k.asDense(y)
	switch m := x.(type) {
	case *data.Dense[T]:
		res := m.Clone()
		insertDense(res, yd, rs, cs)
		return res
	case *data.CSR[T]:
		res := m.ToDense()
		insertDense(res, yd, rs, cs)
		return data.DenseToCSR(res)
	}
	panic(fmt.Sprintf("index: %T is not a matrix of %v", x, k.vt))
}

func (k impl[T]) cells(m data.Matrix) cells {
	return cellsOf(k.asDense(m).Data)
}

func (k impl[T]) fromScalars(s []*data.Scalar, rows, cols int) data.Matrix {
	vals := make([]T, len(s))
	for i, x := range s {
		vals[i] = data.Get[T](x)
	}
	return data.DenseFromVT(k.vt, rows, cols, vals)
}

// extractDense copies the selected cells of m; a row range over all columns
// shares m's storage (values are immutable).
func extractDense[T data.Elem](m *data.Dense[T], rs, cs sel) *data.Dense[T] {
	if rs.isRange() && cs.isRange() && cs.lo == 0 && cs.hi == m.Cols() {
		return m.RowRange(rs.lo, rs.hi)
	}
	nr, nc := rs.len(), cs.len()
	res := data.DenseFromVT(m.ValueType(), nr, nc, make([]T, nr*nc))
	for k := 0; k < nr; k++ {
		src := m.Row(rs.at(k))
		dst := res.Data[k*nc : (k+1)*nc]
		if cs.isRange() {
			copy(dst, src[cs.lo:cs.hi])
			continue
		}
		for j, c := range cs.idx {
			dst[j] = src[c]
		}
	}
	return res
}

// insertDense overwrites the cells of res addressed by rs, cs (ranges) with
// y, which has exactly the addressed shape.
func insertDense[T data.Elem](res, y *data.Dense[T], rs, cs sel) {
	for k := 0; k < rs.len(); k++ {
		copy(res.Row(rs.lo + k)[cs.lo:cs.hi], y.Row(k))
	}
}
