package agg

import (
	"math"

	"github.com/daphne-go/daphne/runtime/data"
)

// Sum, min, max and mean over CSR matrices in one pass over the stored
// values, counting the implicit zeros: the result equals that of the dense
// equivalent, NaN handling included. For min and max the first value of a
// reduction in dense order (cell (0,0), the first cell of a row, row 0 of a
// column) is taken as the starting accumulator, a stored one or an implicit
// zero, so a NaN propagates exactly when it would in the dense kernel; then
// the stored values are folded in and, if the reduction has any implicit
// zero, a zero. The full reduction replaces a leading NaN by the neutral
// element, as the dense kernel does (see reduce.go).

// firstInRow is the dense row i's first cell.
func firstInRow[T data.Number](m *data.CSR[T], i int) T {
	lo := m.RowPtr[i]
	if lo < m.RowPtr[i+1] && m.ColIdx[lo] == 0 {
		return m.Values[lo]
	}
	var z T
	return z
}

// fold combines acc with one value.
func fold[T data.Number](op Op, acc, v T) T {
	if op == Min {
		return minOf(acc, v)
	}
	return maxOf(acc, v)
}

// reduceAllCSR folds every cell; Min and Max need at least one cell.
func reduceAllCSR[T data.Number](op Op, m *data.CSR[T]) T {
	if op == Sum {
		return sumSlice(m.Values)
	}
	acc := startAll(op, firstInRow(m, 0))
	acc = foldFrom(op, acc, m.Values)
	if len(m.Values) < m.Rows()*m.Cols() {
		var z T
		acc = fold(op, acc, z)
	}
	return acc
}

// reduceRowCSR returns one value per row (n x 1).
func reduceRowCSR[T data.Number](op Op, m *data.CSR[T]) *data.Dense[T] {
	rows, cols := m.Rows(), m.Cols()
	res := data.NewDenseVT[T](m.ValueType(), rows, 1)
	var z T
	for i := range rows {
		vals := m.Values[m.RowPtr[i]:m.RowPtr[i+1]]
		if op == Sum {
			res.Data[i] = sumSlice(vals)
			continue
		}
		acc := foldFrom(op, firstInRow(m, i), vals)
		if len(vals) < cols {
			acc = fold(op, acc, z)
		}
		res.Data[i] = acc
	}
	return res
}

// reduceColCSR returns one value per column (1 x m).
func reduceColCSR[T data.Number](op Op, m *data.CSR[T]) *data.Dense[T] {
	rows, cols := m.Rows(), m.Cols()
	res := data.NewDenseVT[T](m.ValueType(), 1, cols)
	acc := res.Data
	if rows == 0 {
		return res
	}
	if op == Sum {
		for k, v := range m.Values {
			acc[m.ColIdx[k]] += v
		}
		return res
	}
	// Row 0 (stored values and implicit zeros) starts each column.
	start := m.RowPtr[1]
	for k := 0; k < start; k++ {
		acc[m.ColIdx[k]] = m.Values[k]
	}
	count := make([]int, cols) // stored values per column below row 0
	for k := start; k < len(m.Values); k++ {
		j := m.ColIdx[k]
		acc[j] = fold(op, acc[j], m.Values[k])
		count[j]++
	}
	var z T
	for j, c := range count {
		if c < rows-1 {
			acc[j] = fold(op, acc[j], z)
		}
	}
	return res
}

// meanCSR returns the mean of all cells, per row or per column, summing the
// stored values in R and dividing by the number of cells (NaN for none).
func meanCSR[T data.Number, R float](ax Axis, m *data.CSR[T]) (R, *data.Dense[R]) {
	rows, cols := m.Rows(), m.Cols()
	switch ax {
	case All:
		var s R
		for _, v := range m.Values {
			s += R(v)
		}
		return s / R(rows*cols), nil
	case Row:
		res := data.NewDense[R](rows, 1)
		for i := range rows {
			var s R
			for _, v := range m.Values[m.RowPtr[i]:m.RowPtr[i+1]] {
				s += R(v)
			}
			res.Data[i] = s / R(cols)
		}
		return 0, res
	}
	res := data.NewDense[R](1, cols)
	for k, v := range m.Values {
		res.Data[m.ColIdx[k]] += R(v)
	}
	for j := range res.Data {
		if rows == 0 {
			res.Data[j] = R(math.NaN())
		} else {
			res.Data[j] /= R(rows)
		}
	}
	return 0, res
}
