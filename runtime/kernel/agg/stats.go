package agg

import (
	"math"

	"github.com/daphne-go/daphne/runtime/data"
)

// Mean, variance and standard deviation over dense matrices, each in one
// pass.
//
// Mean adds the values converted to the result type R left to right and
// divides by N, as DAPHNE does (so an f32 mean accumulates in f32).
//
// Var and Stddev use shifted sums: with K the first value of the reduction,
// s1 = sum(x-K) and s2 = sum((x-K)^2) are accumulated in float64 and
// var = (s2 - s1^2/N) / N, clamped at 0 against rounding. Shifting by a
// sample value removes the catastrophic cancellation of the textbook
// sum/sum-of-squares formula when the mean is large compared to the spread:
// the rounding error is relative to the spread of the data around K rather
// than to the mean squared. DAPHNE uses two passes (mean first); results
// agree to about 1e-15 relative for well-conditioned data. The result is
// converted to R at the end.
//
// A reduction over zero values gives NaN (0/0), as in C++.

// statSlice returns the mean, variance or standard deviation of d.
func statSlice[T data.Number, R float](op Op, d []T) R {
	n := len(d)
	if n == 0 {
		return R(math.NaN())
	}
	if op == Mean {
		s := R(d[0])
		for _, v := range d[1:] {
			s += R(v)
		}
		return s / R(n)
	}
	k := float64(d[0])
	var s1, s2 float64
	for _, v := range d {
		x := float64(v) - k
		s1 += x
		s2 += float64(x * x) // no FMA: the same rounding on every platform
	}
	return R(finishVar(op, s1, s2, n))
}

// finishVar turns shifted sums over n values into a variance or standard
// deviation.
func finishVar(op Op, s1, s2 float64, n int) float64 {
	fn := float64(n)
	v := (s2 - s1*s1/fn) / fn
	if v < 0 {
		v = 0
	}
	if op == Stddev {
		return math.Sqrt(v)
	}
	return v
}

// statRowDense returns one statistic per row (n x 1).
func statRowDense[T data.Number, R float](op Op, m *data.Dense[T]) *data.Dense[R] {
	rows, cols := m.Rows(), m.Cols()
	res := data.NewDense[R](rows, 1)
	for i := range rows {
		res.Data[i] = statSlice[T, R](op, m.Data[i*cols:(i+1)*cols])
	}
	return res
}

// statColDense returns one statistic per column (1 x m).
func statColDense[T data.Number, R float](op Op, m *data.Dense[T]) *data.Dense[R] {
	rows, cols := m.Rows(), m.Cols()
	res := data.NewDense[R](1, cols)
	out := res.Data
	if rows == 0 {
		nan := R(math.NaN())
		for j := range out {
			out[j] = nan
		}
		return res
	}
	if op == Mean {
		colAdd(m.Data[:rows*cols], cols, out)
		for j := range out {
			out[j] /= R(rows)
		}
		return res
	}
	shift := make([]float64, cols)
	for j, v := range m.Data[:cols] {
		shift[j] = float64(v)
	}
	s1 := make([]float64, cols)
	s2 := make([]float64, cols)
	// Row 0 is included: it adds exact zeros for finite values, and NaN
	// for a non-finite one (Inf - Inf), so the variance of a column whose
	// only value is ±Inf is NaN, as the All form and DAPHNE's
	// mean-then-deviations kernel give.
	colShifted(m.Data[:rows*cols], cols, shift, s1, s2)
	for j := range out {
		out[j] = R(finishVar(op, s1[j], s2[j], rows))
	}
	return res
}
