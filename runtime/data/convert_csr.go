package data

import (
	"fmt"

	"github.com/daphne-go/daphne/types"
)

// CSR side of ConvertMatrix, and matrix-kind helpers shared with the casts.

// csrParts returns the arrays of a CSR matrix, its values as any.
func csrParts(m Matrix) (rowPtr, colIdx []int, values any, err error) {
	switch x := m.(type) {
	case *CSR[float64]:
		return x.RowPtr, x.ColIdx, x.Values, nil
	case *CSR[float32]:
		return x.RowPtr, x.ColIdx, x.Values, nil
	case *CSR[int64]:
		return x.RowPtr, x.ColIdx, x.Values, nil
	case *CSR[int32]:
		return x.RowPtr, x.ColIdx, x.Values, nil
	case *CSR[int8]:
		return x.RowPtr, x.ColIdx, x.Values, nil
	case *CSR[uint64]:
		return x.RowPtr, x.ColIdx, x.Values, nil
	case *CSR[uint32]:
		return x.RowPtr, x.ColIdx, x.Values, nil
	case *CSR[uint8]:
		return x.RowPtr, x.ColIdx, x.Values, nil
	case *CSR[bool]:
		return x.RowPtr, x.ColIdx, x.Values, nil
	case *CSR[string]:
		return x.RowPtr, x.ColIdx, x.Values, nil
	}
	return nil, nil, nil, fmt.Errorf("unsupported matrix type %T", m)
}

// convertCSR converts a CSR matrix's values to vt (not str), dropping cells
// that become zero.
func convertCSR(m Matrix, vt types.ValueType) (Matrix, error) {
	rowPtr, colIdx, vals, err := csrParts(m)
	if err != nil {
		return nil, err
	}
	out, err := convertCells(vals, m.ValueType(), vt)
	if err != nil {
		return nil, err
	}
	switch x := out.(type) {
	case []float64:
		return compactCSR(vt, m.Rows(), m.Cols(), rowPtr, colIdx, x), nil
	case []float32:
		return compactCSR(vt, m.Rows(), m.Cols(), rowPtr, colIdx, x), nil
	case []int64:
		return compactCSR(vt, m.Rows(), m.Cols(), rowPtr, colIdx, x), nil
	case []int32:
		return compactCSR(vt, m.Rows(), m.Cols(), rowPtr, colIdx, x), nil
	case []int8:
		return compactCSR(vt, m.Rows(), m.Cols(), rowPtr, colIdx, x), nil
	case []uint64:
		return compactCSR(vt, m.Rows(), m.Cols(), rowPtr, colIdx, x), nil
	case []uint32:
		return compactCSR(vt, m.Rows(), m.Cols(), rowPtr, colIdx, x), nil
	case []uint8:
		return compactCSR(vt, m.Rows(), m.Cols(), rowPtr, colIdx, x), nil
	case []bool:
		return compactCSR(vt, m.Rows(), m.Cols(), rowPtr, colIdx, x), nil
	}
	return nil, fmt.Errorf("cannot convert %s to %v", Describe(m), vt)
}

// compactCSR builds a CSR matrix from converted values, sharing the index
// arrays when no value became zero and copying them without the zeros
// otherwise.
func compactCSR[T Elem](vt types.ValueType, rows, cols int, rowPtr, colIdx []int, vals []T) *CSR[T] {
	var zero T
	zeros := 0
	for _, v := range vals {
		if v == zero {
			zeros++
		}
	}
	if zeros == 0 {
		return &CSR[T]{vt: vt, rows: rows, cols: cols, RowPtr: rowPtr, ColIdx: colIdx, Values: vals}
	}
	newPtr := make([]int, rows+1)
	newCol := make([]int, 0, len(vals)-zeros)
	newVal := make([]T, 0, len(vals)-zeros)
	for i := 0; i < rows; i++ {
		for k := rowPtr[i]; k < rowPtr[i+1]; k++ {
			if vals[k] != zero {
				newCol = append(newCol, colIdx[k])
				newVal = append(newVal, vals[k])
			}
		}
		newPtr[i+1] = len(newVal)
	}
	return &CSR[T]{vt: vt, rows: rows, cols: cols, RowPtr: newPtr, ColIdx: newCol, Values: newVal}
}

// csrToDense returns the dense equivalent of a CSR matrix.
func csrToDense(m Matrix) (Matrix, error) {
	switch x := m.(type) {
	case *CSR[float64]:
		return x.ToDense(), nil
	case *CSR[float32]:
		return x.ToDense(), nil
	case *CSR[int64]:
		return x.ToDense(), nil
	case *CSR[int32]:
		return x.ToDense(), nil
	case *CSR[int8]:
		return x.ToDense(), nil
	case *CSR[uint64]:
		return x.ToDense(), nil
	case *CSR[uint32]:
		return x.ToDense(), nil
	case *CSR[uint8]:
		return x.ToDense(), nil
	case *CSR[bool]:
		return x.ToDense(), nil
	case *CSR[string]:
		return x.ToDense(), nil
	}
	return nil, fmt.Errorf("unsupported matrix type %T", m)
}

// ToCSRMatrix returns m as a CSR matrix (m itself if it is one), dropping
// the zero cells of a dense matrix.
func ToCSRMatrix(m Matrix) (Matrix, error) {
	switch x := m.(type) {
	case *Dense[float64]:
		return DenseToCSR(x), nil
	case *Dense[float32]:
		return DenseToCSR(x), nil
	case *Dense[int64]:
		return DenseToCSR(x), nil
	case *Dense[int32]:
		return DenseToCSR(x), nil
	case *Dense[int8]:
		return DenseToCSR(x), nil
	case *Dense[uint64]:
		return DenseToCSR(x), nil
	case *Dense[uint32]:
		return DenseToCSR(x), nil
	case *Dense[uint8]:
		return DenseToCSR(x), nil
	case *Dense[bool]:
		return DenseToCSR(x), nil
	case *Dense[string]:
		return DenseToCSR(x), nil
	}
	if m.IsSparse() {
		return m, nil
	}
	return nil, fmt.Errorf("unsupported matrix type %T", m)
}

// ToDenseMatrix returns m as a dense matrix (m itself if it is dense).
func ToDenseMatrix(m Matrix) (Matrix, error) {
	if !m.IsSparse() {
		return m, nil
	}
	return csrToDense(m)
}

// csrCell returns cell (i, j) of a CSR matrix (in bounds) as a scalar.
func csrCell(m Matrix, i, j int) (*Scalar, error) {
	vt := m.ValueType()
	switch x := m.(type) {
	case *CSR[float64]:
		return ScalarOf(vt, x.At(i, j)), nil
	case *CSR[float32]:
		return ScalarOf(vt, x.At(i, j)), nil
	case *CSR[int64]:
		return ScalarOf(vt, x.At(i, j)), nil
	case *CSR[int32]:
		return ScalarOf(vt, x.At(i, j)), nil
	case *CSR[int8]:
		return ScalarOf(vt, x.At(i, j)), nil
	case *CSR[uint64]:
		return ScalarOf(vt, x.At(i, j)), nil
	case *CSR[uint32]:
		return ScalarOf(vt, x.At(i, j)), nil
	case *CSR[uint8]:
		return ScalarOf(vt, x.At(i, j)), nil
	case *CSR[bool]:
		return ScalarOf(vt, x.At(i, j)), nil
	case *CSR[string]:
		return ScalarOf(vt, x.At(i, j)), nil
	}
	return nil, fmt.Errorf("unsupported matrix type %T", m)
}
