package linalg

// The conformance suite, continued: integer products (exact, wrapping as
// in C), the row-range entry points on random splits, and a property test
// on random shapes over every backend and float type.

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// intGemmCase checks MatMul on integer matrices of element type T against
// a naive loop in T: integer arithmetic wraps, and wrapping sums do not
// depend on the order, so the result must be exact.
func intGemmCase[T num](t *testing.T, rng *rand.Rand, vt types.ValueType, m, k, n int) {
	t.Helper()
	gen := func(r, c int) *data.Dense[T] {
		d := data.NewDenseVT[T](vt, r, c)
		for i := range d.Data {
			d.Data[i] = T(rng.IntN(200)) // overflows 8-bit sums: wrapping is exercised
		}
		return d
	}
	a, b := gen(m, k), gen(k, n)
	got, err := MatMul(3, a, b)
	if err != nil {
		t.Fatal(err)
	}
	g, ok := got.(*data.Dense[T])
	if !ok || got.ValueType() != vt || got.Rows() != m || got.Cols() != n {
		t.Fatalf("%v %dx%d @ %dx%d: result %s", vt, m, k, k, n, data.Describe(got))
	}
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			var s T
			for p := 0; p < k; p++ {
				s += a.Data[i*k+p] * b.Data[p*n+j]
			}
			if g.Data[i*n+j] != s {
				t.Fatalf("%v %dx%d @ %dx%d: cell (%d,%d) is %v, want %v", vt, m, k, k, n, i, j, g.Data[i*n+j], s)
			}
		}
	}
}

func TestConformanceIntegerMatMul(t *testing.T) {
	t.Parallel()
	cases := []struct {
		vt  types.ValueType
		run func(t *testing.T, rng *rand.Rand, m, k, n int)
	}{
		{types.SI64, func(t *testing.T, r *rand.Rand, m, k, n int) { intGemmCase[int64](t, r, types.SI64, m, k, n) }},
		{types.SI32, func(t *testing.T, r *rand.Rand, m, k, n int) { intGemmCase[int32](t, r, types.SI32, m, k, n) }},
		{types.SI8, func(t *testing.T, r *rand.Rand, m, k, n int) { intGemmCase[int8](t, r, types.SI8, m, k, n) }},
		{types.UI64, func(t *testing.T, r *rand.Rand, m, k, n int) { intGemmCase[uint64](t, r, types.UI64, m, k, n) }},
		{types.Size, func(t *testing.T, r *rand.Rand, m, k, n int) { intGemmCase[uint64](t, r, types.Size, m, k, n) }},
		{types.UI32, func(t *testing.T, r *rand.Rand, m, k, n int) { intGemmCase[uint32](t, r, types.UI32, m, k, n) }},
		{types.UI8, func(t *testing.T, r *rand.Rand, m, k, n int) { intGemmCase[uint8](t, r, types.UI8, m, k, n) }},
	}
	sizes := []int{0, 1, 2, 7, 17, 33, 65}
	for _, tc := range cases {
		t.Run(tc.vt.String(), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(61, 62))
			for _, m := range sizes {
				for _, k := range sizes {
					for _, n := range sizes {
						tc.run(t, rng, m, k, n)
					}
				}
			}
		})
	}
}

// splitRows returns random bounds 0 = b0 <= b1 <= ... = m (empty ranges
// included).
func splitRows(rng *rand.Rand, m int) []int {
	bounds := []int{0}
	for bounds[len(bounds)-1] < m {
		step := rng.IntN(m/3 + 2)
		bounds = append(bounds, min(m, bounds[len(bounds)-1]+step))
	}
	return bounds
}

// rowsCase checks GemmRows, SyrkRows (+ MirrorUpper) and GemvTRows, each
// called on the ranges of a random split, against the reference.
func rowsCase[T Float](t *testing.T, rng *rand.Rand, m, k, n int) {
	t.Helper()
	a, b := randView[T](rng, m*k), randView[T](rng, k*n)
	bounds := splitRows(rng, m)
	what := fmt.Sprintf("%dx%d, %dx%d, ranges %v", m, k, k, n, bounds)
	buf, c := outView[T](m * n)
	for i := 1; i < len(bounds); i++ {
		GemmRows(a, b, c, k, n, bounds[i-1], bounds[i])
	}
	checkCanaries(t, "GemmRows "+what, buf, m*n)
	want, abs := refGemm(m, k, n, toF64(a), toF64(b))
	checkRef(t, "GemmRows "+what, c, want, abs, k)

	// t(a) @ a and t(a) @ x with partial results per range, summed.
	sum, y := make([]T, k*k), make([]T, k)
	x := randView[T](rng, m)
	for i := 1; i < len(bounds); i++ {
		part, py := make([]T, k*k), make([]T, k)
		SyrkRows(a, part, k, bounds[i-1], bounds[i])
		GemvTRows(a, x, py, k, bounds[i-1], bounds[i])
		for j, v := range part {
			sum[j] += v
		}
		for j, v := range py {
			y[j] += v
		}
	}
	MirrorUpper(sum, k)
	a64 := toF64(a)
	want, abs = refGemm(k, m, k, transposeSlice(m, k, a64), a64)
	checkRef(t, "SyrkRows "+what, sum, want, abs, m+len(bounds))
	want, abs = refGemm(k, m, 1, transposeSlice(m, k, a64), toF64(x))
	checkRef(t, "GemvTRows "+what, y, want, abs, m+len(bounds))
}

func TestConformanceRowKernels(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(63, 64))
	for _, m := range confSizes {
		for _, k := range []int{0, 1, 3, 17, 65} {
			for _, n := range []int{0, 1, 2, 9, 33} {
				rowsCase[float64](t, rng, m, k, n)
				rowsCase[float32](t, rng, m, k, n)
			}
		}
	}
	rowsCase[float64](t, rng, 700, 101, 40)
}

// TestConformanceRandomShapes is the property test: on random shapes
// (each dimension 0 one time in eight, else up to 160), random thread
// counts, every backend and both float types, each kernel agrees with the
// reference.
func TestConformanceRandomShapes(t *testing.T) {
	dim := func(rng *rand.Rand) int {
		if rng.IntN(8) == 0 {
			return 0
		}
		return 1 + rng.IntN(160)
	}
	const cases = 40
	forEachKernelSet(t, func(t *testing.T, be *backend, ks kernelSet[float64]) {
		rng := rand.New(rand.NewPCG(65, uint64(len(be.name))))
		for range cases {
			th := 1 + rng.IntN(4)
			gemmCase(t, rng, ks, dim(rng), dim(rng), dim(rng), th)
			syrkCase(t, rng, ks, 2*dim(rng), dim(rng), th)
			gemvTCase(t, rng, ks, 4*dim(rng), dim(rng), th)
		}
	}, func(t *testing.T, be *backend, ks kernelSet[float32]) {
		rng := rand.New(rand.NewPCG(66, uint64(len(be.name))))
		for range cases {
			th := 1 + rng.IntN(4)
			gemmCase(t, rng, ks, dim(rng), dim(rng), dim(rng), th)
			syrkCase(t, rng, ks, 2*dim(rng), dim(rng), th)
			gemvTCase(t, rng, ks, 4*dim(rng), dim(rng), th)
		}
	})
}
