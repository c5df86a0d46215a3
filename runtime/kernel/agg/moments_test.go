package agg

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// TestMomentsMergeMatchesWhole splits matrices into row ranges, merges the
// parts' moments and compares with the kernels over the whole matrix.
func TestMomentsMergeMatchesWhole(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(11, 12))
	m := data.NewDense[float64](97, 5)
	for i := range m.Data {
		m.Data[i] = 1e6 + r.NormFloat64()*3 // large offset, small spread
	}
	splits := map[string][]int{
		"one part":     {0, 97},
		"equal parts":  {0, 25, 50, 75, 97},
		"ragged parts": {0, 1, 2, 40, 41, 97},
		"empty part":   {0, 0, 50, 50, 97},
	}
	for name, cuts := range splits {
		for _, ax := range []Axis{All, Col} {
			for _, op := range []Op{Mean, Var, Stddev} {
				t.Run(name+"/"+opName(op, ax), func(t *testing.T) {
					acc, err := MomentsOf(ax, m.RowRange(0, 0))
					if err != nil {
						t.Fatal(err)
					}
					for k := 0; k+1 < len(cuts); k++ {
						part, err := MomentsOf(ax, m.RowRange(cuts[k], cuts[k+1]))
						if err != nil {
							t.Fatal(err)
						}
						if err := acc.Merge(part); err != nil {
							t.Fatal(err)
						}
					}
					got, err := acc.Finish(op, types.F64)
					if err != nil {
						t.Fatal(err)
					}
					want, err := Aggregate(op, ax, m)
					if err != nil {
						t.Fatal(err)
					}
					g, w := floats(got), floats(want)
					for j := range w {
						if math.Abs(g[j]-w[j]) > 1e-9*math.Max(1, math.Abs(w[j])) {
							t.Fatalf("entry %d: merged %v, whole %v", j, g[j], w[j])
						}
					}
				})
			}
		}
	}
}

func floats(v data.Value) []float64 {
	if s, ok := v.(*data.Scalar); ok {
		return []float64{s.Float64()}
	}
	return v.(*data.Dense[float64]).Data
}

func TestMomentsErrorsAndTypes(t *testing.T) {
	t.Parallel()
	m := denseOf([][]float32{{1, 2}, {3, 4}})
	t.Run("f32 stays f32", func(t *testing.T) {
		mo, err := MomentsOf(Col, m)
		if err != nil {
			t.Fatal(err)
		}
		got, err := mo.Finish(Mean, types.F32)
		if err != nil {
			t.Fatal(err)
		}
		if s := show(got); s != "1x2 f32 [2 3]" {
			t.Fatalf("got %s", s)
		}
	})
	t.Run("empty is NaN", func(t *testing.T) {
		mo, _ := MomentsOf(All, data.NewDense[int64](0, 3))
		got, _ := mo.Finish(Var, types.SI64)
		if s := show(got); s != "f64 NaN" {
			t.Fatalf("got %s", s)
		}
	})
	t.Run("row axis", func(t *testing.T) {
		if _, err := MomentsOf(Row, m); !contains(err, "axis must be All or Col") {
			t.Fatalf("error %v", err)
		}
	})
	t.Run("mismatched merge", func(t *testing.T) {
		a, _ := MomentsOf(Col, m)
		b, _ := MomentsOf(All, m)
		if err := a.Merge(b); !contains(err, "cannot merge") {
			t.Fatalf("error %v", err)
		}
	})
	t.Run("sum is not a moment", func(t *testing.T) {
		a, _ := MomentsOf(Col, m)
		if _, err := a.Finish(Sum, types.F32); !contains(err, "not mean, var or stddev") {
			t.Fatalf("error %v", err)
		}
	})
	t.Run("strings", func(t *testing.T) {
		if _, err := MomentsOf(All, denseOf([][]string{{"a"}})); !contains(err, "unsupported argument") {
			t.Fatalf("error %v", err)
		}
	})
}

// TestMomentsNonFiniteColumns checks columns whose first value is not
// finite: the shift by that value cannot give the mean, so the mean is the
// plain one (inf stays inf) and M2 is NaN, as the kernels give.
func TestMomentsNonFiniteColumns(t *testing.T) {
	t.Parallel()
	inf, nan := math.Inf(1), math.NaN()
	m := data.DenseFrom(3, 4, []float64{
		inf, -inf, nan, 1,
		2, 5, 1, inf,
		4, -inf, 2, 3,
	})
	mo, err := MomentsOf(Col, m)
	if err != nil {
		t.Fatal(err)
	}
	wantMean := []float64{inf, -inf, nan, inf}
	for j, w := range wantMean {
		if g := mo.Mean[j]; !(g == w || math.IsNaN(g) && math.IsNaN(w)) {
			t.Errorf("mean of column %d = %v, want %v", j, g, w)
		}
		if !math.IsNaN(mo.M2[j]) {
			t.Errorf("M2 of column %d = %v, want NaN", j, mo.M2[j])
		}
	}
	for _, op := range []Op{Mean, Var, Stddev} {
		got, err := mo.Finish(op, types.F64)
		if err != nil {
			t.Fatal(err)
		}
		want, err := Aggregate(op, Col, m)
		if err != nil {
			t.Fatal(err)
		}
		if show(got) != show(want) {
			t.Errorf("%v: moments give %s, the kernel %s", op, show(got), show(want))
		}
	}
	one, err := MomentsOf(Col, data.DenseFrom(1, 2, []float64{inf, 7}))
	if err != nil {
		t.Fatal(err)
	}
	if one.Mean[0] != inf || !math.IsNaN(one.M2[0]) || one.Mean[1] != 7 || one.M2[1] != 0 {
		t.Errorf("one row: mean %v, M2 %v; want [inf 7], [NaN 0]", one.Mean, one.M2)
	}
}
