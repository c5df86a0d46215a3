package index

import (
	"sort"

	"github.com/daphne-go/daphne/runtime/data"
)

// extractCSR returns m[rs, cs] as a CSR matrix, in time proportional to the
// stored entries of the selected rows (plus a binary search per row for a
// column range, or per selected column for a column list). A row range
// over all columns shares m's column and value arrays.
func extractCSR[T data.Elem](m *data.CSR[T], rs, cs sel) *data.CSR[T] {
	allCols := cs.isRange() && cs.lo == 0 && cs.hi == m.Cols()
	if rs.isRange() && allCols {
		return csrRowRange(m, rs.lo, rs.hi)
	}
	nr := rs.len()
	rowPtr := make([]int, nr+1)
	capacity := 0 // an upper bound of the result's non-zeros
	for k := 0; k < nr; k++ {
		i := rs.at(k)
		n := m.RowPtr[i+1] - m.RowPtr[i]
		if !allCols {
			n = min(n, cs.len())
		}
		capacity += n
	}
	colIdx := make([]int, 0, capacity)
	vals := make([]T, 0, capacity)
	for k := 0; k < nr; k++ {
		i := rs.at(k)
		lo, hi := m.RowPtr[i], m.RowPtr[i+1]
		rowCols, rowVals := m.ColIdx[lo:hi], m.Values[lo:hi]
		switch {
		case allCols:
			colIdx = append(colIdx, rowCols...)
			vals = append(vals, rowVals...)
		case cs.isRange():
			start := sort.SearchInts(rowCols, cs.lo)
			for p := start; p < len(rowCols) && rowCols[p] < cs.hi; p++ {
				colIdx = append(colIdx, rowCols[p]-cs.lo)
				vals = append(vals, rowVals[p])
			}
		default:
			for j, c := range cs.idx {
				p := sort.SearchInts(rowCols, c)
				if p < len(rowCols) && rowCols[p] == c {
					colIdx = append(colIdx, j)
					vals = append(vals, rowVals[p])
				}
			}
		}
		rowPtr[k+1] = len(vals)
	}
	res := data.EmptyCSR[T](m.ValueType(), nr, cs.len())
	res.RowPtr, res.ColIdx, res.Values = rowPtr, colIdx, vals
	return res
}

// csrRowRange returns rows [lo, hi) of m sharing its column and value arrays.
func csrRowRange[T data.Elem](m *data.CSR[T], lo, hi int) *data.CSR[T] {
	base := m.RowPtr[lo]
	rowPtr := make([]int, hi-lo+1)
	for k := range rowPtr {
		rowPtr[k] = m.RowPtr[lo+k] - base
	}
	end := m.RowPtr[hi]
	res := data.EmptyCSR[T](m.ValueType(), hi-lo, m.Cols())
	res.RowPtr = rowPtr
	res.ColIdx = m.ColIdx[base:end:end]
	res.Values = m.Values[base:end:end]
	return res
}
