package linalg

// The conformance suite: every implementation of the dense float kernels
// in this binary (allBackends: purego, avx2 where the CPU has it, openblas
// with -tags openblas) and every native micro-kernel is checked against
// one reference, a naive triple loop in float64, on odd and empty shapes,
// inputs and outputs that are views into larger buffers, aliased inputs,
// f64 and f32, several thread counts, and random shapes.
// conformance_ops_test.go does the same through the exported ops and the
// row-range entry points.
//
// # Tolerance
//
// Every cell of these kernels is a dot product of length k (k = the inner
// dimension; m for syrk and gemvT). Whatever the order of the additions
// (blocking, FMA, per-thread partial sums added at the end: any summation
// tree of k products) the computed value differs from the exact one by at
// most (k+1)*u*sum|a_ip*b_pj| to first order, where u is the unit
// roundoff of the element type (2^-53 for f64, 2^-24 for f32; Higham,
// Accuracy and Stability of Numerical Algorithms, section 3.1). The
// float64 reference of f32 inputs is exact up to its own (k+1)*2^-53
// bound. The check allows twice the bound, so it cannot fail for a
// correct kernel. A missing, doubled or misplaced product (on average
// sum|a*b|/k for the random inputs in [-1, 1)) exceeds it as long as
// 2*(k+1)*k*u < 1: always for f64, for f32 up to k of about 2800. f32
// cases here have k <= 1000 but for syrk and gemvT of 4099 and 70001 rows
// (where a wrong block still moves many products at once); most have
// k <= 129, a margin of 150x or more.

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// confSizes are the odd dimensions every kernel is run on (0 included).
var confSizes = []int{0, 1, 2, 3, 7, 15, 17, 33, 63, 65, 129}

// confBig are shapes that cross the packing blocks (kcBlock, mcBlock,
// ncBlock) and the simple/packed threshold.
var confBig = []struct{ m, k, n int }{
	{5, 600, 2100}, {130, 257, 9}, {257, 3, 300}, {65, 257, 70}, {1, 1000, 17},
}

// confThreads are the thread counts every kernel runs with.
var confThreads = []int{1, 3}

// canary fills the cells of a view's buffer outside the view. As an input
// it is NaN (a read outside the view poisons the result); for outputs a
// distinct finite value that a write outside the view would change.
const outCanary = 12345.0

// view returns a buffer of n+2*pad cells filled with fill and the slice of
// its n middle cells (whose capacity reaches the buffer's end).
func view[T flt](n, pad int, fill T) (buf, v []T) {
	buf = make([]T, n+2*pad)
	for i := range buf {
		buf[i] = fill
	}
	return buf, buf[pad : pad+n]
}

// randView returns a view of n random cells in [-1, 1) inside a buffer
// whose other cells are NaN.
func randView[T flt](rng *rand.Rand, n int) []T {
	_, v := view(n, 7, T(math.NaN()))
	for i := range v {
		v[i] = T(rng.Float64()*2 - 1)
	}
	return v
}

// outView returns a zeroed output view of n cells and its buffer, whose
// other cells hold outCanary.
func outView[T flt](n int) (buf, v []T) {
	buf, v = view(n, 5, T(outCanary))
	clear(v)
	return buf, v
}

// checkCanaries fails if a cell of buf outside its middle n cells changed.
func checkCanaries[T flt](t *testing.T, what string, buf []T, n int) {
	t.Helper()
	pad := (len(buf) - n) / 2
	for i, v := range buf {
		if (i < pad || i >= pad+n) && v != T(outCanary) {
			t.Fatalf("%s: cell %d outside the output (of %d cells from %d) was written: %v", what, i, n, pad, v)
		}
	}
}

func toF64[T flt](s []T) []float64 {
	d := make([]float64, len(s))
	for i, v := range s {
		d[i] = float64(v)
	}
	return d
}

// refGemm returns a (m x k) @ b (k x n) by the naive triple loop in
// float64, and per cell the sum of the magnitudes of its products (for the
// error bound).
func refGemm(m, k, n int, a, b []float64) (c, abs []float64) {
	c, abs = make([]float64, m*n), make([]float64, m*n)
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			var s, sa float64
			for p := 0; p < k; p++ {
				s += a[i*k+p] * b[p*n+j]
				sa += math.Abs(a[i*k+p] * b[p*n+j])
			}
			c[i*n+j], abs[i*n+j] = s, sa
		}
	}
	return c, abs
}

// transposeSlice returns the n x m transpose of the row-major m x n a.
func transposeSlice(m, n int, a []float64) []float64 {
	t := make([]float64, m*n)
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			t[j*m+i] = a[i*n+j]
		}
	}
	return t
}

// unitRoundoff returns u for T.
func unitRoundoff[T flt]() float64 {
	var z T
	if _, ok := any(z).(float32); ok {
		return 0x1p-24
	}
	return 0x1p-53
}

// checkRef fails unless every cell of got is within the tolerance of the
// file comment (k products per cell) of want.
func checkRef[T flt](t *testing.T, what string, got []T, want, abs []float64, k int) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d cells, want %d", what, len(got), len(want))
	}
	u := unitRoundoff[T]()
	for i, w := range want {
		g := float64(got[i])
		tol := 2 * float64(k+1) * u * abs[i]
		if math.IsNaN(g) || math.Abs(g-w) > tol {
			t.Fatalf("%s: cell %d is %v, want %v (tolerance %.3g)", what, i, g, w, tol)
		}
	}
}

// forEachKernelSet runs f for every backend of the binary, for f64 and
// f32, as named subtests.
func forEachKernelSet(t *testing.T, f64 func(t *testing.T, be *backend, ks kernelSet[float64]),
	f32 func(t *testing.T, be *backend, ks kernelSet[float32])) {
	for _, be := range allBackends() {
		t.Run(be.name+"/f64", func(t *testing.T) { t.Parallel(); f64(t, be, be.f64) })
		t.Run(be.name+"/f32", func(t *testing.T) { t.Parallel(); f32(t, be, be.f32) })
	}
}

// gemmCase runs one gemm of the given shape on ks and checks it.
func gemmCase[T flt](t *testing.T, rng *rand.Rand, ks kernelSet[T], m, k, n, threads int) {
	t.Helper()
	a, b := randView[T](rng, m*k), randView[T](rng, k*n)
	buf, c := outView[T](m * n)
	what := fmt.Sprintf("gemm %dx%d @ %dx%d, %d threads", m, k, k, n, threads)
	if err := ks.gemm(threads, m, k, n, a, b, c); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	checkCanaries(t, what, buf, m*n)
	want, abs := refGemm(m, k, n, toF64(a), toF64(b))
	checkRef(t, what, c, want, abs, k)
}

func TestConformanceGemm(t *testing.T) {
	run := func(t *testing.T, gemm func(rng *rand.Rand, m, k, n, threads int)) {
		rng := rand.New(rand.NewPCG(41, 42))
		for _, m := range confSizes {
			for _, k := range confSizes {
				for _, n := range confSizes {
					if m*k*n > 1<<18 {
						continue // big shapes: confBig
					}
					gemm(rng, m, k, n, confThreads[(m+k+n)%len(confThreads)])
				}
			}
		}
		for _, s := range confBig {
			for _, th := range confThreads {
				gemm(rng, s.m, s.k, s.n, th)
			}
		}
	}
	forEachKernelSet(t, func(t *testing.T, _ *backend, ks kernelSet[float64]) {
		run(t, func(rng *rand.Rand, m, k, n, th int) { gemmCase(t, rng, ks, m, k, n, th) })
	}, func(t *testing.T, _ *backend, ks kernelSet[float32]) {
		run(t, func(rng *rand.Rand, m, k, n, th int) { gemmCase(t, rng, ks, m, k, n, th) })
	})
}

// syrkCase runs one syrk of an m x n matrix on ks and checks it, including
// exact symmetry.
func syrkCase[T flt](t *testing.T, rng *rand.Rand, ks kernelSet[T], m, n, threads int) {
	t.Helper()
	a := randView[T](rng, m*n)
	buf, c := outView[T](n * n)
	what := fmt.Sprintf("syrk of %dx%d, %d threads", m, n, threads)
	if err := ks.syrk(threads, m, n, a, c); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	checkCanaries(t, what, buf, n*n)
	a64 := toF64(a)
	want, abs := refGemm(n, m, n, transposeSlice(m, n, a64), a64)
	checkRef(t, what, c, want, abs, m)
	for i := 0; i < n; i++ {
		for j := 0; j < i; j++ {
			if c[i*n+j] != c[j*n+i] {
				t.Fatalf("%s: not symmetric at (%d,%d): %v vs %v", what, i, j, c[i*n+j], c[j*n+i])
			}
		}
	}
}

func TestConformanceSyrk(t *testing.T) {
	ms := append(append([]int(nil), confSizes...), 1000, 4099)
	run := func(syrk func(rng *rand.Rand, m, n, threads int)) {
		rng := rand.New(rand.NewPCG(43, 44))
		for _, m := range ms {
			for _, n := range confSizes {
				if m*n*n > 1<<21 {
					continue // keeps the reference cheap; big shapes below
				}
				syrk(rng, m, n, confThreads[(m+n)%len(confThreads)])
			}
		}
		syrk(rng, 300, 257, 2)
		syrk(rng, 1000, 101, 3)
	}
	forEachKernelSet(t, func(t *testing.T, _ *backend, ks kernelSet[float64]) {
		run(func(rng *rand.Rand, m, n, th int) { syrkCase(t, rng, ks, m, n, th) })
	}, func(t *testing.T, _ *backend, ks kernelSet[float32]) {
		run(func(rng *rand.Rand, m, n, th int) { syrkCase(t, rng, ks, m, n, th) })
	})
}

// gemvTCase runs one t(a) @ x for a (m x n) on ks and checks it.
func gemvTCase[T flt](t *testing.T, rng *rand.Rand, ks kernelSet[T], m, n, threads int) {
	t.Helper()
	a, x := randView[T](rng, m*n), randView[T](rng, m)
	buf, y := outView[T](n)
	what := fmt.Sprintf("gemvT of %dx%d, %d threads", m, n, threads)
	if err := ks.gemvT(threads, m, n, a, x, y); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	checkCanaries(t, what, buf, n)
	want, abs := refGemm(n, m, 1, transposeSlice(m, n, toF64(a)), toF64(x))
	checkRef(t, what, y, want, abs, m)
}

func TestConformanceGemvT(t *testing.T) {
	ms := append(append([]int(nil), confSizes...), 1000, 70001)
	run := func(gemv func(rng *rand.Rand, m, n, threads int)) {
		rng := rand.New(rand.NewPCG(45, 46))
		for _, m := range ms {
			for _, n := range confSizes {
				if m*n > 1<<20 {
					continue
				}
				for _, th := range confThreads {
					gemv(rng, m, n, th)
				}
			}
		}
	}
	forEachKernelSet(t, func(t *testing.T, _ *backend, ks kernelSet[float64]) {
		run(func(rng *rand.Rand, m, n, th int) { gemvTCase(t, rng, ks, m, n, th) })
	}, func(t *testing.T, _ *backend, ks kernelSet[float32]) {
		run(func(rng *rand.Rand, m, n, th int) { gemvTCase(t, rng, ks, m, n, th) })
	})
}
