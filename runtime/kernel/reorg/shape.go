package reorg

import (
	"fmt"

	"github.com/daphne-go/daphne/runtime/data"
)

// kitFor returns the kernels for m's value type.
func kitFor(name string, m data.Matrix) (kit, error) {
	k, ok := kits[m.ValueType()]
	if !ok {
		return kit{}, fmt.Errorf("%s: unsupported argument %s", name, data.Describe(m))
	}
	return k, nil
}

// Reshape returns m with the same cells in row-major order and the shape
// rows x cols; the number of cells must not change. A dense result shares
// storage with m (values are immutable); a CSR argument gives a CSR result.
func Reshape(m data.Matrix, rows, cols int) (data.Matrix, error) {
	if rows < 0 || cols < 0 || rows*cols != m.Rows()*m.Cols() || (cols != 0 && rows != (m.Rows()*m.Cols())/cols) {
		return nil, fmt.Errorf("reshape: cannot reshape %s into %dx%d: the number of cells must stay %d",
			data.Describe(m), rows, cols, m.Rows()*m.Cols())
	}
	k, err := kitFor("reshape", m)
	if err != nil {
		return nil, err
	}
	return k.reshape(m, rows, cols), nil
}

// Transpose returns the transpose of m (dense to dense, CSR to CSR). The
// transpose of a dense row or column vector shares storage with m.
func Transpose(m data.Matrix) (data.Matrix, error) {
	k, err := kitFor("transpose", m)
	if err != nil {
		return nil, err
	}
	return k.transpose(m), nil
}

// Reverse returns m with its rows in reverse order.
func Reverse(m data.Matrix) (data.Matrix, error) {
	k, err := kitFor("reverse", m)
	if err != nil {
		return nil, err
	}
	return k.reverse(m), nil
}

// transposeTile is the edge of the square blocks the dense transpose walks,
// so that both the reads and the writes stay within a few cache lines.
const transposeTile = 32

func transposeDense[T data.Elem](m *data.Dense[T]) *data.Dense[T] {
	rows, cols := m.Rows(), m.Cols()
	if rows <= 1 || cols <= 1 {
		// A vector's cells are in the same order either way.
		return m.Reshaped(cols, rows)
	}
	res := data.NewDenseVT[T](m.ValueType(), cols, rows)
	src, dst := m.Data, res.Data
	for i0 := 0; i0 < rows; i0 += transposeTile {
		i1 := min(i0+transposeTile, rows)
		for j0 := 0; j0 < cols; j0 += transposeTile {
			j1 := min(j0+transposeTile, cols)
			for i := i0; i < i1; i++ {
				row := src[i*cols : (i+1)*cols]
				for j := j0; j < j1; j++ {
					dst[j*rows+i] = row[j]
				}
			}
		}
	}
	return res
}

// transposeCSR counts the entries per column, turns the counts into row
// pointers of the result and scatters; walking the rows in order keeps the
// column indexes of the result sorted.
func transposeCSR[T data.Elem](m *data.CSR[T]) *data.CSR[T] {
	rows, cols := m.Rows(), m.Cols()
	nnz := len(m.Values)
	rowPtr := make([]int, cols+1)
	for _, j := range m.ColIdx {
		rowPtr[j+1]++
	}
	for j := range cols {
		rowPtr[j+1] += rowPtr[j]
	}
	next := make([]int, cols)
	copy(next, rowPtr[:cols])
	colIdx := make([]int, nnz)
	vals := make([]T, nnz)
	for i := range rows {
		for k := m.RowPtr[i]; k < m.RowPtr[i+1]; k++ {
			j := m.ColIdx[k]
			p := next[j]
			colIdx[p] = i
			vals[p] = m.Values[k]
			next[j]++
		}
	}
	return mustCSR(m, cols, rows, rowPtr, colIdx, vals)
}

// mustCSR builds a CSR result of a kernel; the arrays are consistent by
// construction, so an error is a bug in this package.
func mustCSR[T data.Elem](like *data.CSR[T], rows, cols int, rowPtr, colIdx []int, vals []T) *data.CSR[T] {
	c, err := data.NewCSRVT(like.ValueType(), rows, cols, rowPtr, colIdx, vals)
	if err != nil {
		panic("reorg: inconsistent CSR result: " + err.Error())
	}
	return c
}

func reverseDense[T data.Elem](m *data.Dense[T]) *data.Dense[T] {
	rows, cols := m.Rows(), m.Cols()
	res := data.NewDenseVT[T](m.ValueType(), rows, cols)
	for i := range rows {
		copy(res.Data[i*cols:(i+1)*cols], m.Data[(rows-1-i)*cols:(rows-i)*cols])
	}
	return res
}

func reverseCSR[T data.Elem](m *data.CSR[T]) *data.CSR[T] {
	rows := m.Rows()
	nnz := len(m.Values)
	rowPtr := make([]int, rows+1)
	colIdx := make([]int, 0, nnz)
	vals := make([]T, 0, nnz)
	for i := range rows {
		src := rows - 1 - i
		lo, hi := m.RowPtr[src], m.RowPtr[src+1]
		colIdx = append(colIdx, m.ColIdx[lo:hi]...)
		vals = append(vals, m.Values[lo:hi]...)
		rowPtr[i+1] = len(vals)
	}
	return mustCSR(m, rows, m.Cols(), rowPtr, colIdx, vals)
}

// reshapeCSR moves each stored value to its new position; row-major order
// is preserved, so the result is sorted without further work.
func reshapeCSR[T data.Elem](m *data.CSR[T], rows, cols int) *data.CSR[T] {
	oldCols := m.Cols()
	rowPtr := make([]int, rows+1)
	colIdx := make([]int, len(m.ColIdx))
	vals := make([]T, len(m.Values))
	copy(vals, m.Values)
	for i := range m.Rows() {
		for k := m.RowPtr[i]; k < m.RowPtr[i+1]; k++ {
			lin := i*oldCols + m.ColIdx[k]
			rowPtr[lin/cols+1]++
			colIdx[k] = lin % cols
		}
	}
	for i := range rows {
		rowPtr[i+1] += rowPtr[i]
	}
	return mustCSR(m, rows, cols, rowPtr, colIdx, vals)
}
