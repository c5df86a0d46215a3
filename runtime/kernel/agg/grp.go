package agg

import (
	"fmt"
	"math"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// Grouped aggregation, as DAPHNE's GrpAgg ops: for X (n x m), group ids g
// (n x 1, values in [0, k)) and k groups, the result is k x m and row q
// aggregates, column by column, the rows of X whose id is q. A group without
// rows has sum 0, count 0 and NaN mean, var and stddev; its min and max are
// an error (there is no value to report).

// groupIDs reads the n x 1 group-id matrix of a grouped aggregation.
func groupIDs(name string, g data.Matrix, n, k int) ([]int, error) {
	if g.Rows() != n || g.Cols() != 1 {
		return nil, fmt.Errorf("%s: groupIds must be a %dx1 column matrix (one id per row of the argument), got %s",
			name, n, data.Describe(g))
	}
	switch x := densify(g).(type) {
	case *data.Dense[float64]:
		return idsOf(name, x.Data, k)
	case *data.Dense[float32]:
		return idsOf(name, x.Data, k)
	case *data.Dense[int64]:
		return idsOf(name, x.Data, k)
	case *data.Dense[int32]:
		return idsOf(name, x.Data, k)
	case *data.Dense[int8]:
		return idsOf(name, x.Data, k)
	case *data.Dense[uint64]:
		return idsOf(name, x.Data, k)
	case *data.Dense[uint32]:
		return idsOf(name, x.Data, k)
	case *data.Dense[uint8]:
		return idsOf(name, x.Data, k)
	}
	return nil, fmt.Errorf("%s: groupIds must be numeric, got %s", name, data.Describe(g))
}

func idsOf[T data.Number](name string, d []T, k int) ([]int, error) {
	ids := make([]int, len(d))
	for i, v := range d {
		f := float64(v)
		if f != math.Trunc(f) || f < 0 || f >= float64(k) {
			return nil, fmt.Errorf("%s: group id %v in row %d is not an integer in [0, %d)", name, v, i, k)
		}
		ids[i] = int(f)
	}
	return ids, nil
}

// grpReduce computes sum, min or max per group.
func grpReduce[T data.Number](name string, op Op, m *data.Dense[T], ids []int, k int) (*data.Dense[T], error) {
	cols := m.Cols()
	res := data.NewDenseVT[T](m.ValueType(), k, cols)
	seen := make([]bool, k)
	for i, q := range ids {
		row := m.Data[i*cols : (i+1)*cols]
		acc := res.Data[q*cols : (q+1)*cols]
		acc = acc[:len(row)]
		switch {
		case op == Sum:
			for j, v := range row {
				acc[j] += v
			}
		case !seen[q]:
			copy(acc, row)
		default:
			for j, v := range row {
				acc[j] = fold(op, acc[j], v)
			}
		}
		seen[q] = true
	}
	if op != Sum && cols > 0 {
		for q, s := range seen {
			if !s {
				return nil, fmt.Errorf("%s: group %d has no rows, so it has no minimum or maximum", name, q)
			}
		}
	}
	return res, nil
}

// grpStat computes mean, var or stddev per group (shifted sums for var and
// stddev, shifted by the group's first row; see stats.go).
func grpStat[T data.Number, R float](op Op, m *data.Dense[T], ids []int, k int) *data.Dense[R] {
	cols := m.Cols()
	res := data.NewDense[R](k, cols)
	count := make([]int, k)
	var shift, s1, s2 []float64
	if op != Mean {
		shift = make([]float64, k*cols)
		s1 = make([]float64, k*cols)
		s2 = make([]float64, k*cols)
	}
	for i, q := range ids {
		row := m.Data[i*cols : (i+1)*cols]
		lo, hi := q*cols, (q+1)*cols
		if op == Mean {
			acc := res.Data[lo:hi]
			for j, v := range row {
				acc[j] += R(v)
			}
		} else {
			sh, a, b := shift[lo:hi], s1[lo:hi], s2[lo:hi]
			if count[q] == 0 {
				for j, v := range row {
					sh[j] = float64(v)
				}
			}
			for j, v := range row {
				x := float64(v) - sh[j]
				a[j] += x
				b[j] += float64(x * x) // no FMA: the same rounding on every platform
			}
		}
		count[q]++
	}
	for q, n := range count {
		out := res.Data[q*cols : (q+1)*cols]
		for j := range out {
			switch {
			case n == 0:
				out[j] = R(math.NaN())
			case op == Mean:
				out[j] /= R(n)
			default:
				out[j] = R(finishVar(op, s1[q*cols+j], s2[q*cols+j], n))
			}
		}
	}
	return res
}

// grpCount returns, per group and column, the number of rows in the group
// (k x m, size-typed).
func grpCount(ids []int, k, cols int) *data.Dense[uint64] {
	res := data.NewDenseVT[uint64](types.Size, k, cols)
	count := make([]uint64, k)
	for _, q := range ids {
		count[q]++
	}
	for q, c := range count {
		row := res.Data[q*cols : (q+1)*cols]
		for j := range row {
			row[j] = c
		}
	}
	return res
}
