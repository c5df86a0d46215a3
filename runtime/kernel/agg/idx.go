package agg

import (
	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// idxMin and idxMax return positions as size-typed matrices. Ties go to the
// first position; comparisons are strict "<" (idxMin) and ">" (idxMax) as
// in DAPHNE, so a NaN in the first position wins and later NaNs are skipped.

// better reports whether v beats the current best for idxMin (min) or
// idxMax.
func better[T ordered](min bool, v, best T) bool {
	if min {
		return v < best
	}
	return v > best
}

// idxRowDense returns, per row, the column of the minimum (min) or maximum;
// every row needs at least one cell unless there are no rows.
func idxRowDense[T ordered](min bool, m *data.Dense[T]) *data.Dense[uint64] {
	rows, cols := m.Rows(), m.Cols()
	res := data.NewDenseVT[uint64](types.Size, rows, 1)
	for i := range rows {
		row := m.Data[i*cols : (i+1)*cols]
		best, at := row[0], 0
		for j := 1; j < len(row); j++ {
			if better(min, row[j], best) {
				best, at = row[j], j
			}
		}
		res.Data[i] = uint64(at)
	}
	return res
}

// idxColDense returns, per column, the row of the minimum (min) or maximum;
// there must be at least one row unless there are no columns.
func idxColDense[T ordered](min bool, m *data.Dense[T]) *data.Dense[uint64] {
	rows, cols := m.Rows(), m.Cols()
	res := data.NewDenseVT[uint64](types.Size, 1, cols)
	if rows == 0 {
		return res
	}
	best := make([]T, cols)
	copy(best, m.Data[:cols])
	at := res.Data
	for i := 1; i < rows; i++ {
		row := m.Data[i*cols : (i+1)*cols]
		best := best[:len(row)]
		for j, v := range row {
			if better(min, v, best[j]) {
				best[j] = v
				at[j] = uint64(i)
			}
		}
	}
	return res
}
