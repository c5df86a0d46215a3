package agg

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// The column statistics through their public entry points (Aggregate,
// MomentsOf), whose inner loops are the column updates, against the plain
// loops they replaced, written out here: exact equality (NaN == NaN).

// refColStat is the column statistic as the loops before colstats.go
// computed it: Mean adds R(v) from zero, Var/Stddev shifted sums by the
// first row, Sum adds to a copy of the first row.
func refColStat[T data.Number, R float](op Op, rows, cols int, d []T) []R {
	out := make([]R, cols)
	if rows == 0 {
		for j := range out {
			out[j] = R(math.NaN())
		}
		if op == Sum {
			clear(out)
		}
		return out
	}
	switch op {
	case Sum:
		for j := range cols {
			out[j] = R(d[j])
		}
		for i := 1; i < rows; i++ {
			for j := range cols {
				out[j] += R(d[i*cols+j])
			}
		}
	case Mean:
		for i := range rows {
			for j := range cols {
				out[j] += R(d[i*cols+j])
			}
		}
		for j := range out {
			out[j] /= R(rows)
		}
	default:
		for j := range cols {
			k := float64(d[j])
			var s1, s2 float64
			for i := 0; i < rows; i++ { // row 0 too: NaN for a non-finite k
				x := float64(d[i*cols+j]) - k
				s1 += x
				s2 += float64(x * x)
			}
			out[j] = R(finishVar(op, s1, s2, rows))
		}
	}
	return out
}

// viewOf returns a rows x cols matrix of vals that is a row range in the
// middle of a larger matrix (its data a sub-slice of a bigger buffer).
func viewOf[T data.Number](r *rand.Rand, rows, cols int, vals []T) *data.Dense[T] {
	above, below := r.IntN(3), r.IntN(3)
	big := data.NewDense[T](above+rows+below, cols)
	for i := range big.Data {
		big.Data[i] = T(r.IntN(100))
	}
	copy(big.Data[above*cols:], vals)
	return big.RowRange(above, above+rows)
}

func colFloats[R float](t *testing.T, v data.Value) []R {
	t.Helper()
	m, ok := v.(*data.Dense[R])
	if !ok {
		t.Fatalf("result %s, want a dense matrix of %T", data.Describe(v), R(0))
	}
	return m.Data
}

func checkColStats[T data.Number, R float](t *testing.T, m *data.Dense[T]) {
	t.Helper()
	ops := []Op{Mean, Var, Stddev}
	if _, ok := any(m.Data).([]R); ok { // float input: sum keeps the type
		ops = append(ops, Sum)
	}
	for _, op := range ops {
		got, err := Aggregate(op, Col, m)
		if err != nil {
			t.Fatal(err)
		}
		want := refColStat[T, R](op, m.Rows(), m.Cols(), m.Data)
		if g := colFloats[R](t, got); firstDiff(g, want) >= 0 {
			i := firstDiff(g, want)
			t.Fatalf("%v col %d: %v, reference loop %v", op, i, g[i], want[i])
		}
	}
}

func TestColStatsMatchReferenceLoops(t *testing.T) {
	t.Parallel()
	for _, p := range []float64{0, 0.1} {
		for _, sh := range slices.Concat(colShapes, [][2]int{{0, 0}, {5, 0}}) {
			rows, cols := sh[0], sh[1]
			t.Run(fmt.Sprintf("special=%v/%dx%d", p, rows, cols), func(t *testing.T) {
				r := rand.New(rand.NewPCG(uint64(rows*7), uint64(cols)))
				vals := fill(r, rows*cols, p)
				checkColStats[float64, float64](t, viewOf(r, rows, cols, vals))
				checkColStats[float32, float32](t, viewOf(r, rows, cols, toF32(vals)))
				ints := make([]int64, len(vals))
				for i := range ints {
					ints[i] = int64(r.IntN(2001)) - 1000
				}
				checkColStats[int64, float64](t, viewOf(r, rows, cols, ints))
			})
		}
	}
}

// TestMomentsColMatchesReferenceLoops checks MomentsOf(Col) on f64 and f32
// views: mean and M2 from the shifted sums of the reference loop, exactly.
func TestMomentsColMatchesReferenceLoops(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		vt   types.ValueType
	}{{"f64", types.F64}, {"f32", types.F32}}
	for _, tc := range tests {
		for _, sh := range [][2]int{{1, 101}, {2, 7}, {50, 13}, {33, 101}} {
			rows, cols := sh[0], sh[1]
			t.Run(fmt.Sprintf("%s/%dx%d", tc.name, rows, cols), func(t *testing.T) {
				r := rand.New(rand.NewPCG(uint64(rows), uint64(cols)))
				vals := fill(r, rows*cols, 0.1)
				var m data.Matrix = viewOf(r, rows, cols, vals)
				if tc.vt == types.F32 {
					vals = make([]float64, rows*cols)
					f := toF32(fill(r, rows*cols, 0.1))
					for i, v := range f {
						vals[i] = float64(v)
					}
					m = viewOf(r, rows, cols, f)
				}
				mo, err := MomentsOf(Col, m)
				if err != nil {
					t.Fatal(err)
				}
				for j := range cols {
					var s1, s2, sum float64
					for i := 1; i < rows; i++ {
						x := vals[i*cols+j] - vals[j]
						s1 += x
						s2 += float64(x * x)
					}
					for i := range rows {
						sum += vals[i*cols+j]
					}
					mean, m2 := fromShifted(vals[j], s1, s2, rows)
					if k := vals[j]; math.IsInf(k, 0) || math.IsNaN(k) {
						mean, m2 = sum/float64(rows), k-k
					}
					if !sameBits(mo.Mean[j], mean) || !sameBits(mo.M2[j], m2) {
						t.Fatalf("col %d: mean %v M2 %v, reference %v %v", j, mo.Mean[j], mo.M2[j], mean, m2)
					}
				}
			})
		}
	}
}
