package agg

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// TestSumInterleaved checks the interleaved float sum against the exact
// sum of integer-valued floats (exact in any order) and, for general
// values, against the left-to-right sum within the error bound of
// recursive summation (n * 2^-53 * sum|x|).
func TestSumInterleaved(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for _, n := range []int{0, 1, 7, 8, 9, 15, 16, 17, 1000, 100003} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			ints, vals := make([]float64, n), make([]float64, n)
			var exact int64
			var abs float64
			for i := range n {
				v := rng.Int64N(1<<20) - 1<<19
				ints[i], exact = float64(v), exact+v
				vals[i] = rng.Float64()*2 - 1
				abs += math.Abs(vals[i])
			}
			if got := sumInterleaved(ints); got != float64(exact) {
				t.Fatalf("sum of integers: %v, want %v", got, exact)
			}
			if got, want := sumInterleaved(vals), sumSlice(vals); math.Abs(got-want) > 2*float64(n)*0x1p-53*abs {
				t.Fatalf("sum: %v, left to right %v", got, want)
			}
			f32 := make([]float32, n)
			for i := range f32 {
				f32[i] = float32(ints[i])
			}
			if n <= 16 { // exact in float32 only while partial sums stay below 2^24
				if got := sumInterleaved(f32); float64(got) != float64(exact) {
					t.Fatalf("f32 sum of integers: %v, want %v", got, exact)
				}
			}
		})
	}
	if s := sumInterleaved([]float64{1, math.NaN(), 2}); !math.IsNaN(s) {
		t.Fatalf("NaN does not propagate: %v", s)
	}
	if s := sumInterleaved([]float64{math.Copysign(0, -1)}); math.Signbit(s) {
		t.Fatalf("sum of -0 is %v, want +0 (DAPHNE's full sum starts from +0)", s)
	}
}
