package agg

import (
	"math"

	"github.com/daphne-go/daphne/runtime/data"
)

// Sum, min and max over dense matrices, in one pass over the row-major
// cells. Sums accumulate in the input type (integers wrap as in C++); min
// and max follow std::min/std::max. As in DAPHNE, row and column
// reductions start from their first value, so a leading NaN propagates and
// a later NaN is skipped, while the full reduction starts from the neutral
// element (+inf for min, -inf for max), so it skips every NaN and gives
// +inf/-inf when all values are NaN.

// reduceAllDense folds every cell of m; m must have at least one cell for
// Min and Max. Float sums use interleaved partial sums (sum.go).
func reduceAllDense[T ordered](op Op, d []T) T {
	if op == Sum {
		switch f := any(d).(type) {
		case []float64:
			return any(sumInterleaved(f)).(T)
		case []float32:
			return any(sumInterleaved(f)).(T)
		}
		return sumSlice(d)
	}
	return foldFrom(op, startAll(op, d[0]), d[1:])
}

// foldFrom folds d into acc with std::min (Min) or std::max (Max).
func foldFrom[T ordered](op Op, acc T, d []T) T {
	if op == Min {
		for _, v := range d {
			acc = minOf(acc, v)
		}
		return acc
	}
	for _, v := range d {
		acc = maxOf(acc, v)
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
		row := m.Data[i*cols : (i+1)*cols]
		switch {
		case len(row) == 0: // only sums get here: 0
		case op == Sum:
			// Starting from the first value (as DAPHNE) keeps a row of
			// negative zeros negative.
			acc := row[0]
			for _, v := range row[1:] {
				acc += v
			}
			res.Data[i] = acc
		default:
			res.Data[i] = foldFrom(op, row[0], row[1:])
		}
	}
	return res
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
	if op == Sum && sumColFloat(m.Data[cols:rows*cols], cols, acc) {
		return res
	}
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

// startAll is the accumulator a full min/max reduction starts from, given
// its first value: that value, or the neutral element (+inf for Min, -inf
// for Max) if it is NaN. Folding from the first value instead of the
// neutral element gives the same result except for a leading NaN.
func startAll[T ordered](op Op, first T) T {
	if first == first {
		return first
	}
	inf := math.Inf(1)
	if op == Max {
		inf = math.Inf(-1)
	}
	switch any(first).(type) {
	case float32:
		return any(float32(inf)).(T)
	case float64:
		return any(inf).(T)
	}
	return first
}

// sumColFloat adds the rows of d to acc through colAdd (assembly for f64
// and f32) and reports whether d is a float slice; other types keep the
// generic loop of reduceColDense.
func sumColFloat[T ordered](d []T, cols int, acc []T) bool {
	switch x := any(d).(type) {
	case []float64:
		colAdd(x, cols, any(acc).([]float64))
		return true
	case []float32:
		colAdd(x, cols, any(acc).([]float32))
		return true
	}
	return false
}
