package data

import (
	"fmt"

	"github.com/daphne-go/daphne/types"
)

var _ Matrix = (*CSR[float64])(nil)

// CSR is a compressed-sparse-row matrix. Row i's non-zeros are
// Values[RowPtr[i]:RowPtr[i+1]] at columns ColIdx[RowPtr[i]:RowPtr[i+1]],
// with column indices strictly increasing within a row. len(RowPtr) is
// rows+1, RowPtr[0] is 0. Explicit zeros may be stored but kernels never
// create them.
type CSR[T Elem] struct {
	vt         types.ValueType
	rows, cols int
	RowPtr     []int
	ColIdx     []int
	Values     []T
}

// NewCSR wraps the given arrays without copying, after validating them; it
// returns an error (never panics) for inconsistent arrays, so it is safe on
// data read from files.
func NewCSR[T Elem](rows, cols int, rowPtr, colIdx []int, values []T) (*CSR[T], error) {
	return NewCSRVT(DefaultVT[T](), rows, cols, rowPtr, colIdx, values)
}

// NewCSRVT is NewCSR with an explicit value type.
func NewCSRVT[T Elem](vt types.ValueType, rows, cols int, rowPtr, colIdx []int, values []T) (*CSR[T], error) {
	checkVT[T](vt)
	if rows < 0 || cols < 0 {
		return nil, fmt.Errorf("data: negative CSR dimensions %dx%d", rows, cols)
	}
	if len(rowPtr) != rows+1 {
		return nil, fmt.Errorf("data: CSR row pointer has %d entries, want %d", len(rowPtr), rows+1)
	}
	if rowPtr[0] != 0 || len(colIdx) != len(values) || rowPtr[rows] != len(values) {
		return nil, fmt.Errorf("data: CSR arrays disagree (rowPtr[0]=%d, rowPtr[n]=%d, %d columns, %d values)",
			rowPtr[0], rowPtr[rows], len(colIdx), len(values))
	}
	for i := 0; i < rows; i++ {
		lo, hi := rowPtr[i], rowPtr[i+1]
		if lo > hi || hi > len(colIdx) {
			return nil, fmt.Errorf("data: CSR row pointer of row %d is out of order or beyond the %d stored values", i, len(colIdx))
		}
		prev := -1
		for _, c := range colIdx[lo:hi] {
			if c <= prev || c >= cols {
				return nil, fmt.Errorf("data: CSR row %d has column index %d out of order or range [0,%d)", i, c, cols)
			}
			prev = c
		}
	}
	return &CSR[T]{vt: vt, rows: rows, cols: cols, RowPtr: rowPtr, ColIdx: colIdx, Values: values}, nil
}

// EmptyCSR returns a rows x cols CSR matrix with no non-zeros.
func EmptyCSR[T Elem](vt types.ValueType, rows, cols int) *CSR[T] {
	checkVT[T](vt)
	return &CSR[T]{vt: vt, rows: rows, cols: cols, RowPtr: make([]int, rows+1)}
}

// DataType returns types.Matrix.
func (m *CSR[T]) DataType() types.DataType { return types.Matrix }

// ValueType returns the matrix's value type.
func (m *CSR[T]) ValueType() types.ValueType { return m.vt }

// Rows returns the number of rows.
func (m *CSR[T]) Rows() int { return m.rows }

// Cols returns the number of columns.
func (m *CSR[T]) Cols() int { return m.cols }

// IsSparse returns true.
func (m *CSR[T]) IsSparse() bool { return true }

// NNZ returns the number of stored entries.
func (m *CSR[T]) NNZ() int { return len(m.Values) }

// At returns cell (i, j) (zero if not stored), by binary search in row i.
func (m *CSR[T]) At(i, j int) T {
	lo, hi := m.RowPtr[i], m.RowPtr[i+1]
	for lo < hi {
		mid := (lo + hi) / 2
		switch c := m.ColIdx[mid]; {
		case c == j:
			return m.Values[mid]
		case c < j:
			lo = mid + 1
		default:
			hi = mid
		}
	}
	var z T
	return z
}

// ToDense returns the dense equivalent.
func (m *CSR[T]) ToDense() *Dense[T] {
	d := NewDenseVT[T](m.vt, m.rows, m.cols)
	for i := 0; i < m.rows; i++ {
		for k := m.RowPtr[i]; k < m.RowPtr[i+1]; k++ {
			d.Data[i*m.cols+m.ColIdx[k]] = m.Values[k]
		}
	}
	return d
}

// DenseToCSR converts a dense matrix, dropping zero cells.
func DenseToCSR[T Elem](d *Dense[T]) *CSR[T] {
	var z T
	rowPtr := make([]int, d.rows+1)
	var colIdx []int
	var vals []T
	for i := 0; i < d.rows; i++ {
		for j, v := range d.Row(i) {
			if v != z {
				colIdx = append(colIdx, j)
				vals = append(vals, v)
			}
		}
		rowPtr[i+1] = len(vals)
	}
	return &CSR[T]{vt: d.vt, rows: d.rows, cols: d.cols, RowPtr: rowPtr, ColIdx: colIdx, Values: vals}
}
