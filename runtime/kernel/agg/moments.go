package agg

import (
	"fmt"
	"math"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// Moments is a mergeable summary (count, mean and sum of squared deviations
// M2) of the values of each column, or of all cells, of a matrix. It lets a
// caller that splits a matrix into row ranges (the vectorized engine)
// compute mean, var and stddev of the whole from the parts: build one per
// part with MomentsOf, Merge them (Chan et al.'s pairwise update, exact up
// to rounding in any order) and Finish. Sum, min and max need no such help:
// their partial results combine with the same operation.
type Moments struct {
	Axis Axis      // All (one entry) or Col (one per column)
	N    int       // number of values per entry
	Mean []float64 // mean per entry
	M2   []float64 // sum of squared deviations from the mean per entry
}

// MomentsOf summarises m's cells (ax All) or columns (ax Col) in one pass.
// CSR matrices go through a dense copy.
func MomentsOf(ax Axis, m data.Matrix) (*Moments, error) {
	if ax != All && ax != Col {
		return nil, fmt.Errorf("moments: axis must be All or Col, got %v", ax)
	}
	switch x := densify(m).(type) {
	case *data.Dense[float64]:
		return momentsDense(ax, x), nil
	case *data.Dense[float32]:
		return momentsDense(ax, x), nil
	case *data.Dense[int64]:
		return momentsDense(ax, x), nil
	case *data.Dense[int32]:
		return momentsDense(ax, x), nil
	case *data.Dense[int8]:
		return momentsDense(ax, x), nil
	case *data.Dense[uint64]:
		return momentsDense(ax, x), nil
	case *data.Dense[uint32]:
		return momentsDense(ax, x), nil
	case *data.Dense[uint8]:
		return momentsDense(ax, x), nil
	}
	return nil, unsupported("moments", m)
}

func momentsDense[T data.Number](ax Axis, m *data.Dense[T]) *Moments {
	rows, cols := m.Rows(), m.Cols()
	if ax == All {
		mo := &Moments{Axis: All, N: len(m.Data), Mean: make([]float64, 1), M2: make([]float64, 1)}
		if len(m.Data) > 0 {
			k := float64(m.Data[0])
			var s1, s2 float64
			for _, v := range m.Data {
				x := float64(v) - k
				s1 += x
				s2 += float64(x * x) // no FMA: the same rounding on every platform
			}
			mo.Mean[0], mo.M2[0] = fromShifted(k, s1, s2, len(m.Data))
		}
		return mo
	}
	mo := &Moments{Axis: Col, N: rows, Mean: make([]float64, cols), M2: make([]float64, cols)}
	if rows == 0 {
		return mo
	}
	shift := make([]float64, cols)
	for j, v := range m.Data[:cols] {
		shift[j] = float64(v)
	}
	s1 := make([]float64, cols)
	s2 := make([]float64, cols)
	colShifted(m.Data[cols:rows*cols], cols, shift, s1, s2)
	for j := range cols {
		if k := shift[j]; math.IsInf(k, 0) || math.IsNaN(k) {
			// Shifting by a non-finite value loses the mean (Inf - Inf);
			// such a column's mean is its plain sum / rows and its M2 the
			// NaN that k - k gives (the NaN the kernels' first shifted
			// value carries, sign included, so fused and unfused runs
			// print the same "nan" or "-nan").
			mo.Mean[j], mo.M2[j] = colSumStrided(m.Data, j, cols)/float64(rows), k-k
			continue
		}
		mo.Mean[j], mo.M2[j] = fromShifted(shift[j], s1[j], s2[j], rows)
	}
	return mo
}

// colSumStrided returns the sum of column j of the row-major data with
// cols columns, in row order.
func colSumStrided[T data.Number](d []T, j, cols int) float64 {
	var s float64
	for i := j; i < len(d); i += cols {
		s += float64(d[i])
	}
	return s
}

// fromShifted turns shifted sums over n values into a mean and M2.
func fromShifted(k, s1, s2 float64, n int) (mean, m2 float64) {
	fn := float64(n)
	m2 = s2 - s1*s1/fn
	if m2 < 0 {
		m2 = 0
	}
	return k + s1/fn, m2
}

// Merge adds o's values to a; both must summarise the same axis and, for
// Col, the same number of columns.
func (a *Moments) Merge(o *Moments) error {
	if a.Axis != o.Axis || len(a.Mean) != len(o.Mean) {
		return fmt.Errorf("moments: cannot merge a %v summary of %d entries with a %v summary of %d",
			a.Axis, len(a.Mean), o.Axis, len(o.Mean))
	}
	switch {
	case o.N == 0:
		return nil
	case a.N == 0:
		a.N = o.N
		copy(a.Mean, o.Mean)
		copy(a.M2, o.M2)
		return nil
	}
	na, nb := float64(a.N), float64(o.N)
	n := na + nb
	for j := range a.Mean {
		delta := o.Mean[j] - a.Mean[j]
		a.Mean[j] += delta * nb / n
		a.M2[j] += o.M2[j] + delta*delta*na*nb/n
	}
	a.N += o.N
	return nil
}

// Finish returns the mean, var or stddev the summary describes, as
// Aggregate would for the whole matrix: a scalar for All, a 1 x m matrix for
// Col, of value type FloatOf(vt) where vt is the summarised matrix's value
// type. With no values the results are NaN.
func (a *Moments) Finish(op Op, vt types.ValueType) (data.Value, error) {
	if !op.isStat() {
		return nil, fmt.Errorf("moments: %v is not mean, var or stddev", op)
	}
	out := make([]float64, len(a.Mean))
	for j := range out {
		switch {
		case a.N == 0:
			out[j] = math.NaN()
		case op == Mean:
			out[j] = a.Mean[j]
		default:
			v := a.M2[j] / float64(a.N)
			if op == Stddev {
				v = math.Sqrt(v)
			}
			out[j] = v
		}
	}
	if types.FloatOf(vt) == types.F32 {
		f := make([]float32, len(out))
		for j, v := range out {
			f[j] = float32(v)
		}
		if a.Axis == All {
			return data.F32(f[0]), nil
		}
		return data.DenseFrom(1, len(f), f), nil
	}
	if a.Axis == All {
		return data.F64(out[0]), nil
	}
	return data.DenseFrom(1, len(out), out), nil
}
