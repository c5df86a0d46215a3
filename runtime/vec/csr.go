package vec

import (
	"sort"

	"github.com/daphne-go/daphne/runtime/data"
)

// CSR inputs and results of pipelines.
//
// A CSR input is split by rows like a dense one: the view of rows [lo, hi)
// shares the input's column indexes and values (no copy) and has its own
// row pointers (hi - lo + 1 ints, rebased to start at 0, as every CSR
// kernel expects). Row-wise results that the kernels return as CSR (G * s,
// G * t(c), abs(G), ...) are collected per task and joined in row order
// into one CSR matrix after the run; elementwise kernels work row by row,
// so the joined matrix is the one the unsplit kernel returns.

// csrRows returns rows [lo, hi) of m as a view.
func csrRows[T data.Elem](m *data.CSR[T], lo, hi int) *data.CSR[T] {
	v := data.EmptyCSR[T](m.ValueType(), hi-lo, m.Cols())
	p0, p1 := m.RowPtr[lo], m.RowPtr[hi]
	for i := range v.RowPtr {
		v.RowPtr[i] = m.RowPtr[lo+i] - p0
	}
	v.ColIdx, v.Values = m.ColIdx[p0:p1], m.Values[p0:p1]
	return v
}

// csrRowView is RowView for CSR matrices.
func csrRowView(v data.Value, lo, hi int) (data.Value, bool) {
	switch m := v.(type) {
	case *data.CSR[float64]:
		return csrRows(m, lo, hi), true
	case *data.CSR[float32]:
		return csrRows(m, lo, hi), true
	case *data.CSR[int64]:
		return csrRows(m, lo, hi), true
	case *data.CSR[int32]:
		return csrRows(m, lo, hi), true
	case *data.CSR[int8]:
		return csrRows(m, lo, hi), true
	case *data.CSR[uint64]:
		return csrRows(m, lo, hi), true
	case *data.CSR[uint32]:
		return csrRows(m, lo, hi), true
	case *data.CSR[uint8]:
		return csrRows(m, lo, hi), true
	}
	return nil, false
}

// Width returns the number of cells per row a batch of m touches, for
// sizing batches (--phy-batch-size): its columns if dense, its stored
// values per row (at least 1) if CSR.
func Width(m data.Matrix) int {
	if sp, ok := m.(interface{ NNZ() int }); ok && m.IsSparse() {
		return max(1, sp.NNZ()/max(1, m.Rows()))
	}
	return m.Cols()
}

// csrParts collects the CSR results of the tasks of one output.
type csrParts[T data.Elem] struct {
	like  *data.CSR[T]
	n     int
	parts []csrPart[T]
}

type csrPart[T data.Elem] struct {
	lo int
	m  *data.CSR[T]
}

// put records src (rows [lo, lo+src.Rows())) if it matches the first part.
func (c *csrParts[T]) put(lo int, src data.Value) bool {
	s, ok := src.(*data.CSR[T])
	if !ok || s.ValueType() != c.like.ValueType() || s.Cols() != c.like.Cols() || lo < 0 || lo+s.Rows() > c.n {
		return false
	}
	c.parts = append(c.parts, csrPart[T]{lo, s})
	return true
}

// join concatenates the parts in row order, or returns nil if they do not
// cover the rows exactly once.
func (c *csrParts[T]) join() data.Matrix {
	sort.Slice(c.parts, func(i, j int) bool { return c.parts[i].lo < c.parts[j].lo })
	nnz, next := 0, 0
	for _, p := range c.parts {
		if p.lo != next {
			return nil
		}
		next += p.m.Rows()
		nnz += p.m.NNZ()
	}
	if next != c.n {
		return nil
	}
	out := data.EmptyCSR[T](c.like.ValueType(), c.n, c.like.Cols())
	out.ColIdx, out.Values = make([]int, 0, nnz), make([]T, 0, nnz)
	for _, p := range c.parts {
		base := len(out.Values)
		for i := 1; i <= p.m.Rows(); i++ {
			out.RowPtr[p.lo+i] = base + p.m.RowPtr[i]
		}
		out.ColIdx = append(out.ColIdx, p.m.ColIdx...)
		out.Values = append(out.Values, p.m.Values...)
	}
	return out
}

// allocCSR returns the put and join functions of an n-row CSR result like
// src, or false if src is not CSR.
func allocCSR(src data.Value, n int) (func(int, data.Value) bool, func() data.Matrix, bool) {
	switch m := src.(type) {
	case *data.CSR[float64]:
		return newCSRParts(m, n)
	case *data.CSR[float32]:
		return newCSRParts(m, n)
	case *data.CSR[int64]:
		return newCSRParts(m, n)
	case *data.CSR[int32]:
		return newCSRParts(m, n)
	case *data.CSR[int8]:
		return newCSRParts(m, n)
	case *data.CSR[uint64]:
		return newCSRParts(m, n)
	case *data.CSR[uint32]:
		return newCSRParts(m, n)
	case *data.CSR[uint8]:
		return newCSRParts(m, n)
	}
	return nil, nil, false
}

func newCSRParts[T data.Elem](like *data.CSR[T], n int) (func(int, data.Value) bool, func() data.Matrix, bool) {
	c := &csrParts[T]{like: like, n: n}
	return c.put, c.join, true
}
