package reorg

import (
	"fmt"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// Cbind places b to the right of a; Rbind places b below a. Both arguments
// are first converted (data.ConvertMatrix: C static_cast, std::to_string
// for str) to the most general of their value types: cbind([1], [2.2]) is
// f64, a number bound to a string becomes its std::to_string text. Two CSR
// arguments give a CSR result, anything else a dense one.
func Cbind(a, b data.Matrix) (data.Matrix, error) {
	if a.Rows() != b.Rows() {
		return nil, fmt.Errorf("cbind: both arguments must have the same number of rows, got %s and %s",
			data.Describe(a), data.Describe(b))
	}
	return bind("cbind", a, b, true)
}

// Rbind places b below a; see Cbind.
func Rbind(a, b data.Matrix) (data.Matrix, error) {
	if a.Cols() != b.Cols() {
		return nil, fmt.Errorf("rbind: both arguments must have the same number of columns, got %s and %s",
			data.Describe(a), data.Describe(b))
	}
	return bind("rbind", a, b, false)
}

func bind(name string, a, b data.Matrix, byCols bool) (data.Matrix, error) {
	vt := types.Promote(a.ValueType(), b.ValueType())
	ca, err := data.ConvertMatrix(a, vt)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	cb, err := data.ConvertMatrix(b, vt)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	k, ok := kits[vt]
	if !ok {
		return nil, fmt.Errorf("%s: unsupported arguments %s and %s", name, data.Describe(a), data.Describe(b))
	}
	return k.bind(ca, cb, byCols), nil
}

func cbindDense[T data.Elem](a, b *data.Dense[T]) *data.Dense[T] {
	rows, ca, cb := a.Rows(), a.Cols(), b.Cols()
	res := data.NewDenseVT[T](a.ValueType(), rows, ca+cb)
	for i := range rows {
		out := res.Data[i*(ca+cb) : (i+1)*(ca+cb)]
		copy(out, a.Data[i*ca:(i+1)*ca])
		copy(out[ca:], b.Data[i*cb:(i+1)*cb])
	}
	return res
}

func rbindDense[T data.Elem](a, b *data.Dense[T]) *data.Dense[T] {
	vals := make([]T, 0, len(a.Data)+len(b.Data))
	vals = append(vals, a.Data...)
	vals = append(vals, b.Data...)
	return data.DenseFromVT(a.ValueType(), a.Rows()+b.Rows(), a.Cols(), vals)
}

func cbindCSR[T data.Elem](a, b *data.CSR[T]) *data.CSR[T] {
	rows, shift := a.Rows(), a.Cols()
	nnz := len(a.Values) + len(b.Values)
	rowPtr := make([]int, rows+1)
	colIdx := make([]int, 0, nnz)
	vals := make([]T, 0, nnz)
	for i := range rows {
		lo, hi := a.RowPtr[i], a.RowPtr[i+1]
		colIdx = append(colIdx, a.ColIdx[lo:hi]...)
		vals = append(vals, a.Values[lo:hi]...)
		lo, hi = b.RowPtr[i], b.RowPtr[i+1]
		for _, j := range b.ColIdx[lo:hi] {
			colIdx = append(colIdx, j+shift)
		}
		vals = append(vals, b.Values[lo:hi]...)
		rowPtr[i+1] = len(vals)
	}
	return mustCSR(a, rows, a.Cols()+b.Cols(), rowPtr, colIdx, vals)
}

func rbindCSR[T data.Elem](a, b *data.CSR[T]) *data.CSR[T] {
	ra, rb := a.Rows(), b.Rows()
	na := len(a.Values)
	rowPtr := make([]int, ra+rb+1)
	copy(rowPtr, a.RowPtr)
	for i := 1; i <= rb; i++ {
		rowPtr[ra+i] = na + b.RowPtr[i]
	}
	colIdx := append(append(make([]int, 0, na+len(b.ColIdx)), a.ColIdx...), b.ColIdx...)
	vals := append(append(make([]T, 0, na+len(b.Values)), a.Values...), b.Values...)
	return mustCSR(a, ra+rb, a.Cols(), rowPtr, colIdx, vals)
}
