package agg

import (
	"github.com/daphne-go/daphne/runtime/data"
)

// Sum, min and max over dense matrices, in one pass over the row-major
// cells. Sums accumulate in the input type (integers wrap as in C++); min
// and max follow std::min/std::max, so a NaN in the first position of a
// reduction propagates and a later NaN is skipped.

// reduceAllDense folds every cell of m; m must have at least one cell for
// Min and Max.
func reduceAllDense[T ordered](op Op, d []T) T {
	var acc T
	switch op {
	case Sum:
		return sumSlice(d)
	case Min:
		acc = d[0]
		for _, v := range d[1:] {
			acc = minOf(acc, v)
		}
	case Max:
		acc = d[0]
		for _, v := range d[1:] {
			acc = maxOf(acc, v)
		}
	}
	return acc
}

// sumSlice adds the values left to right (as DAPHNE does).
func sumSlice[T ordered](d []T) T {
	var acc T
	for _, v := range d {
		acc += v
	}
	return acc
}

// reduceRowDense returns one value per row (n x 1). For Min and Max every
// row must be non-empty (cols > 0) unless there are no rows.
func reduceRowDense[T ordered](op Op, m *data.Dense[T]) *data.Dense[T] {
	rows, cols := m.Rows(), m.Cols()
	res := data.NewDenseVT[T](m.ValueType(), rows, 1)
	for i := range rows {
		res.Data[i] = reduceAllDenseOrZero(op, m.Data[i*cols:(i+1)*cols])
	}
	return res
}

// reduceAllDenseOrZero is reduceAllDense that gives the zero value for an
// empty sum.
func reduceAllDenseOrZero[T ordered](op Op, d []T) T {
	if len(d) == 0 {
		var z T
		return z
	}
	return reduceAllDense(op, d)
}

// reduceColDense returns one value per column (1 x m). For Min and Max
// there must be at least one row unless there are no columns.
func reduceColDense[T ordered](op Op, m *data.Dense[T]) *data.Dense[T] {
	rows, cols := m.Rows(), m.Cols()
	res := data.NewDenseVT[T](m.ValueType(), 1, cols)
	if rows == 0 {
		return res
	}
	acc := res.Data
	copy(acc, m.Data[:cols])
	for i := 1; i < rows; i++ {
		row := m.Data[i*cols : (i+1)*cols]
		acc := acc[:len(row)]
		switch op {
		case Sum:
			for j, v := range row {
				acc[j] += v
			}
		case Min:
			for j, v := range row {
				acc[j] = minOf(acc[j], v)
			}
		case Max:
			for j, v := range row {
				acc[j] = maxOf(acc[j], v)
			}
		}
	}
	return res
}
