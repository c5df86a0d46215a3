package linalg

// The conformance suite, continued (see conformance_test.go for the
// reference and the tolerance): micro-kernels with strided outputs,
// aliased inputs, NaN propagation, the exported ops on row views and empty
// shapes on every backend, integer products, the row-range entry points,
// and random shapes.

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// microCase checks one micro-kernel: the stored tile, and the tile added
// into a block of a strided output (rows ldc apart) without touching the
// cells between its rows.
func microCase[T flt](t *testing.T, kern microKernel[T]) {
	rng := rand.New(rand.NewPCG(51, 52))
	for _, kb := range []int{0, 1, 2, 3, 7, 15, 17, 33, 63, 65, 129, 256} {
		for _, aStep := range []int{mr, nr} {
			a, b := randView[T](rng, kb*aStep), randView[T](rng, kb*nr)
			want, abs := make([]float64, mr*nr), make([]float64, mr*nr)
			for i := 0; i < mr; i++ {
				for j := 0; j < nr; j++ {
					for p := 0; p < kb; p++ {
						v := float64(a[p*aStep+i]) * float64(b[p*nr+j])
						want[i*nr+j] += v
						abs[i*nr+j] += math.Abs(v)
					}
				}
			}
			var tile [mr * nr]T
			for i := range tile {
				tile[i] = T(math.NaN())
			}
			what := fmt.Sprintf("kb=%d aStep=%d", kb, aStep)
			kern(kb, a, aStep, b, &tile, nil, 0)
			checkRef(t, what+" stored", tile[:], want, abs, kb)
			for _, ldc := range []int{nr, 11, 33} {
				n := (mr-1)*ldc + nr
				buf, c := outView[T](n)
				for i := range c {
					c[i] = T(outCanary)
				}
				c0 := make([]float64, mr*nr)
				for i := 0; i < mr; i++ {
					for j := 0; j < nr; j++ {
						c0[i*nr+j] = rng.Float64()*2 - 1
						c[i*ldc+j] = T(c0[i*nr+j])
					}
				}
				kern(kb, a, aStep, b, &tile, c, ldc)
				checkCanaries(t, what, buf, n)
				got, want2, abs2 := make([]T, mr*nr), make([]float64, mr*nr), make([]float64, mr*nr)
				for i := 0; i < mr; i++ {
					for j := 0; j < nr; j++ {
						got[i*nr+j] = c[i*ldc+j]
						c[i*ldc+j] = T(outCanary)
						want2[i*nr+j] = float64(T(c0[i*nr+j])) + want[i*nr+j]
						abs2[i*nr+j] = math.Abs(float64(T(c0[i*nr+j]))) + abs[i*nr+j]
					}
				}
				checkRef(t, fmt.Sprintf("%s ldc=%d accumulated", what, ldc), got, want2, abs2, kb+1)
				for i, v := range c {
					if v != T(outCanary) {
						t.Fatalf("%s ldc=%d: cell %d between the tile's rows was written: %v", what, ldc, i, v)
					}
				}
			}
		}
	}
}

func TestConformanceMicroKernels(t *testing.T) {
	for _, be := range allBackends() {
		if be.micro64 == nil {
			continue // OpenBLAS has no micro-kernel of ours
		}
		t.Run(be.name+"/f64", func(t *testing.T) { t.Parallel(); microCase(t, be.micro64) })
		t.Run(be.name+"/f32", func(t *testing.T) { t.Parallel(); microCase(t, be.micro32) })
	}
}

// aliasCases runs gemm with a and b the same slice and with overlapping
// views of one buffer, and gemvT with x inside a's storage.
func aliasCases[T flt](t *testing.T, ks kernelSet[T]) {
	rng := rand.New(rand.NewPCG(53, 54))
	for _, n := range confSizes {
		a := randView[T](rng, n*n)
		_, c := outView[T](n * n)
		what := fmt.Sprintf("gemm a @ a, %dx%d", n, n)
		if err := ks.gemm(2, n, n, n, a, a, c); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		want, abs := refGemm(n, n, n, toF64(a), toF64(a))
		checkRef(t, what, c, want, abs, n)

		m, k := n+1, n+2 // b starts inside a
		buf := randView[T](rng, m*k+k*n)
		a, b := buf[:m*k], buf[m*k/2:m*k/2+k*n]
		_, c = outView[T](m * n)
		what = fmt.Sprintf("gemm of overlapping views %dx%d @ %dx%d", m, k, k, n)
		if err := ks.gemm(2, m, k, n, a, b, c); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		want, abs = refGemm(m, k, n, toF64(a), toF64(b))
		checkRef(t, what, c, want, abs, k)

		for _, cols := range []int{1, 3} {
			a := randView[T](rng, n*cols)
			x := a[:n] // for one column x is a itself
			_, y := outView[T](cols)
			what := fmt.Sprintf("gemvT of %dx%d with x in a", n, cols)
			if err := ks.gemvT(2, n, cols, a, x, y); err != nil {
				t.Fatalf("%s: %v", what, err)
			}
			want, abs := refGemm(cols, n, 1, transposeSlice(n, cols, toF64(a)), toF64(x))
			checkRef(t, what, y, want, abs, n)
		}
	}
}

func TestConformanceAliasing(t *testing.T) {
	forEachKernelSet(t, func(t *testing.T, _ *backend, ks kernelSet[float64]) { aliasCases(t, ks) },
		func(t *testing.T, _ *backend, ks kernelSet[float32]) { aliasCases(t, ks) })
}

// nanCases checks that a NaN or an infinity in a reaches exactly the cells
// whose dot products include it.
func nanCases[T flt](t *testing.T, ks kernelSet[T]) {
	rng := rand.New(rand.NewPCG(55, 56))
	for _, bad := range []T{T(math.NaN()), T(math.Inf(1))} {
		for _, s := range []struct{ m, k, n int }{{3, 5, 4}, {70, 300, 33}} {
			a, b := randView[T](rng, s.m*s.k), randView[T](rng, s.k*s.n)
			r, p := s.m/2, s.k-1
			a[r*s.k+p] = bad
			_, c := outView[T](s.m * s.n)
			if err := ks.gemm(2, s.m, s.k, s.n, a, b, c); err != nil {
				t.Fatal(err)
			}
			for i := 0; i < s.m; i++ {
				for j := 0; j < s.n; j++ {
					if v := float64(c[i*s.n+j]); (i == r) != (math.IsNaN(v) || math.IsInf(v, 0)) {
						t.Fatalf("gemm %v with %v at a[%d,%d]: c[%d,%d] = %v", s, bad, r, p, i, j, v)
					}
				}
			}
			n := s.n
			x := randView[T](rng, s.m*n)
			x[r*n+1] = bad
			_, c = outView[T](n * n)
			if err := ks.syrk(2, s.m, n, x, c); err != nil {
				t.Fatal(err)
			}
			for i := 0; i < n; i++ {
				for j := 0; j < n; j++ {
					if v := float64(c[i*n+j]); (i == 1 || j == 1) != (math.IsNaN(v) || math.IsInf(v, 0)) {
						t.Fatalf("syrk %dx%d with %v at x[%d,1]: c[%d,%d] = %v", s.m, n, bad, r, i, j, v)
					}
				}
			}
		}
	}
}

func TestConformanceNaN(t *testing.T) {
	forEachKernelSet(t, func(t *testing.T, _ *backend, ks kernelSet[float64]) { nanCases(t, ks) },
		func(t *testing.T, _ *backend, ks kernelSet[float32]) { nanCases(t, ks) })
}

// rowView returns an r x c f64 dense matrix whose storage is a view into
// a larger NaN-filled buffer (as a slice of rows of a bigger matrix is).
func rowView(rng *rand.Rand, r, c int) *data.Dense[float64] {
	return data.DenseFrom(r, c, randView[float64](rng, r*c))
}

// TestConformanceOps runs the exported ops with each backend active, on
// row views and empty shapes, against the reference.
func TestConformanceOps(t *testing.T) {
	shapes := []struct{ m, k, n int }{{0, 4, 5}, {4, 0, 5}, {4, 5, 0}, {1, 1, 1}, {7, 17, 1}, {33, 65, 17}, {129, 63, 130}}
	for _, be := range allBackends() {
		t.Run(be.name, func(t *testing.T) {
			saved := active
			active = be
			defer func() { active = saved }()
			rng := rand.New(rand.NewPCG(57, 58))
			for _, s := range shapes {
				a, b := rowView(rng, s.m, s.k), rowView(rng, s.k, s.n)
				want, abs := refGemm(s.m, s.k, s.n, a.Data, b.Data)
				got := asF64(t, must(MatMul(2, a, b)))
				if got.Rows() != s.m || got.Cols() != s.n {
					t.Fatalf("matMul %v: result %s", s, shape(got))
				}
				checkRef(t, fmt.Sprintf("matMul %v", s), got.Data, want, abs, s.k)

				f32 := must(denseAs[float32](a, types.F32))
				sy := must(Syrk(2, f32))
				if sy.ValueType() != types.F32 || sy.Rows() != s.k || sy.Cols() != s.k {
					t.Fatalf("syrk of %s f32: result %s", shape(a), data.Describe(sy))
				}
				want, abs = refGemm(s.k, s.m, s.k, transposeSlice(s.m, s.k, toF64(f32.Data)), toF64(f32.Data))
				checkRef(t, fmt.Sprintf("syrk of %s", shape(a)), sy.(*data.Dense[float32]).Data, want, abs, s.m)

				x := rowView(rng, s.m, 1)
				gv := asF64(t, must(Gemv(2, a, x)))
				if gv.Rows() != s.k || gv.Cols() != 1 {
					t.Fatalf("gemv of %s: result %s", shape(a), shape(gv))
				}
				want, abs = refGemm(s.k, s.m, 1, transposeSlice(s.m, s.k, a.Data), x.Data)
				checkRef(t, fmt.Sprintf("gemv of %s", shape(a)), gv.Data, want, abs, s.m)
			}
		})
	}
}
