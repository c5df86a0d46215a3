package data

import (
	"fmt"

	"github.com/daphne-go/daphne/types"
)

var _ Matrix = (*Dense[float64])(nil)

// Dense is a dense row-major matrix. Cell (i, j) is Data[i*cols+j]; len(Data)
// is exactly rows*cols.
type Dense[T Elem] struct {
	vt         types.ValueType
	rows, cols int
	Data       []T
}

// NewDense returns a zeroed rows x cols matrix whose value type is the default
// for T. It panics on negative dimensions (callers validate user input).
func NewDense[T Elem](rows, cols int) *Dense[T] {
	return NewDenseVT[T](DefaultVT[T](), rows, cols)
}

// NewDenseVT is NewDense with an explicit value type (needed for size, which
// shares uint64 with ui64).
func NewDenseVT[T Elem](vt types.ValueType, rows, cols int) *Dense[T] {
	if rows < 0 || cols < 0 {
		panic(fmt.Sprintf("data: negative dimensions %dx%d", rows, cols))
	}
	checkVT[T](vt)
	return &Dense[T]{vt: vt, rows: rows, cols: cols, Data: make([]T, rows*cols)}
}

// DenseFrom wraps data (row-major, len rows*cols) without copying.
func DenseFrom[T Elem](rows, cols int, data []T) *Dense[T] {
	return DenseFromVT(DefaultVT[T](), rows, cols, data)
}

// DenseFromVT wraps data with an explicit value type.
func DenseFromVT[T Elem](vt types.ValueType, rows, cols int, data []T) *Dense[T] {
	if rows < 0 || cols < 0 || len(data) != rows*cols {
		panic(fmt.Sprintf("data: %d values for a %dx%d matrix", len(data), rows, cols))
	}
	checkVT[T](vt)
	return &Dense[T]{vt: vt, rows: rows, cols: cols, Data: data}
}

// DataType returns types.Matrix.
func (m *Dense[T]) DataType() types.DataType { return types.Matrix }

// ValueType returns the matrix's value type.
func (m *Dense[T]) ValueType() types.ValueType { return m.vt }

// Rows returns the number of rows.
func (m *Dense[T]) Rows() int { return m.rows }

// Cols returns the number of columns.
func (m *Dense[T]) Cols() int { return m.cols }

// IsSparse returns false.
func (m *Dense[T]) IsSparse() bool { return false }

// At returns cell (i, j).
func (m *Dense[T]) At(i, j int) T { return m.Data[i*m.cols+j] }

// Set sets cell (i, j). Only for matrices the caller has just created.
func (m *Dense[T]) Set(i, j int, v T) { m.Data[i*m.cols+j] = v }

// Row returns row i as a slice aliasing the matrix.
func (m *Dense[T]) Row(i int) []T { return m.Data[i*m.cols : (i+1)*m.cols] }

// RowRange returns rows [lo, hi) as a matrix sharing storage with m.
func (m *Dense[T]) RowRange(lo, hi int) *Dense[T] {
	return &Dense[T]{vt: m.vt, rows: hi - lo, cols: m.cols, Data: m.Data[lo*m.cols : hi*m.cols]}
}

// Clone returns a deep copy.
func (m *Dense[T]) Clone() *Dense[T] {
	d := make([]T, len(m.Data))
	copy(d, m.Data)
	return &Dense[T]{vt: m.vt, rows: m.rows, cols: m.cols, Data: d}
}

// Reshaped returns a matrix with the same cells in row-major order and a new
// shape, sharing storage. rows*cols must equal m.Rows()*m.Cols().
func (m *Dense[T]) Reshaped(rows, cols int) *Dense[T] {
	if rows*cols != len(m.Data) {
		panic("data: reshape changes the number of cells")
	}
	return &Dense[T]{vt: m.vt, rows: rows, cols: cols, Data: m.Data}
}
