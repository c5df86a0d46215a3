package linalg

import (
	"math/rand/v2"
	"runtime"
	"testing"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"

	"github.com/daphne-go/daphne/runtime/data"
)

// sink keeps benchmark results alive.
var sink data.Matrix

// reportGFLOPs reports flops per iteration as GFLOP/s.
func reportGFLOPs(b *testing.B, flops float64) {
	b.ReportMetric(flops*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
}

// withKernel runs f with the named backend active ("purego", "avx2",
// "avx512", "openblas"; see allBackends) and, for the micro-kernel
// benchmark, microF64 set to that backend's micro-kernel. It reports false if
// this binary or CPU lacks the backend.
func withKernel(impl string, f func()) bool {
	for _, be := range allBackends() {
		if be.name != impl {
			continue
		}
		saved, savedMicro := active, microF64
		defer func() { active, microF64 = saved, savedMicro }()
		active = be
		if be.micro64 != nil {
			microF64 = be.micro64
		}
		f()
		return true
	}
	return false
}

// kernels are the implementations compared side by side (A B A B in one
// run, as performance-notes.md asks); "gonum" is gonum's pure-Go BLAS.
var kernels = []string{backendAVX512, backendAVX2, backendNEON, backendPureGo, backendOpenBLAS, "gonum"}

// skipMissing skips a benchmark whose backend is not in this binary.
func skipMissing(b *testing.B, ok bool) {
	if !ok {
		b.Skip("backend not available in this build or on this CPU")
	}
}

func benchMatMul(b *testing.B, n, threads int) {
	rng := rand.New(rand.NewPCG(1, 1))
	x, y := randDense(rng, n, n, 0), randDense(rng, n, n, 0)
	for _, impl := range kernels {
		b.Run(impl, func(b *testing.B) {
			b.ReportAllocs()
			if impl == "gonum" {
				c := make([]float64, n*n)
				for b.Loop() {
					blas64.Gemm(blas.NoTrans, blas.NoTrans, 1, general(x), general(y), 0,
						blas64.General{Rows: n, Cols: n, Stride: n, Data: c})
				}
			} else {
				skipMissing(b, withKernel(impl, func() {
					for b.Loop() {
						sink = must(MatMul(threads, x, y))
					}
				}))
			}
			reportGFLOPs(b, 2*float64(n)*float64(n)*float64(n))
		})
	}
}

func general(d *data.Dense[float64]) blas64.General {
	return blas64.General{Rows: d.Rows(), Cols: d.Cols(), Stride: d.Cols(), Data: d.Data}
}

func BenchmarkMatMul512(b *testing.B)          { benchMatMul(b, 512, 1) }
func BenchmarkMatMul1000(b *testing.B)         { benchMatMul(b, 1000, 1) }
func BenchmarkMatMul1000Parallel(b *testing.B) { benchMatMul(b, 1000, runtime.GOMAXPROCS(0)) }

func benchSyrk(b *testing.B, m, n, threads int) {
	rng := rand.New(rand.NewPCG(2, 2))
	x := randDense(rng, m, n, 0)
	for _, impl := range kernels {
		b.Run(impl, func(b *testing.B) {
			b.ReportAllocs()
			if impl == "gonum" {
				c := blas64.Symmetric{N: n, Stride: n, Data: make([]float64, n*n), Uplo: blas.Upper}
				for b.Loop() {
					blas64.Syrk(blas.Trans, 1, general(x), 0, c)
				}
			} else {
				skipMissing(b, withKernel(impl, func() {
					for b.Loop() {
						sink = must(Syrk(threads, x))
					}
				}))
			}
			// Only the upper triangle is computed: m*n*(n+1) flops.
			reportGFLOPs(b, float64(m)*float64(n)*float64(n+1))
		})
	}
}

func BenchmarkSyrk1e6x101(b *testing.B)         { benchSyrk(b, 1_000_000, 101, 1) }
func BenchmarkSyrk2e5x101(b *testing.B)         { benchSyrk(b, 200_000, 101, 1) }
func BenchmarkSyrk1e6x101Parallel(b *testing.B) { benchSyrk(b, 1_000_000, 101, runtime.GOMAXPROCS(0)) }

// BenchmarkMicroKernel measures the f64 micro-kernel alone on L1-resident
// panels (kb = 256).
func BenchmarkMicroKernel(b *testing.B) {
	rng := rand.New(rand.NewPCG(5, 5))
	a, p := randDense(rng, 1, kcBlock*mr, 0).Data, randDense(rng, 1, kcBlock*nr, 0).Data
	var tile [mr * nr]float64
	for _, impl := range kernels[:4] {
		b.Run(impl, func(b *testing.B) {
			skipMissing(b, withKernel(impl, func() {
				for b.Loop() {
					microF64(kcBlock, a, mr, p, &tile, nil, 0)
				}
			}))
			reportGFLOPs(b, 2*kcBlock*mr*nr)
		})
	}
}

func benchGemv(b *testing.B, threads int) {
	rng := rand.New(rand.NewPCG(3, 3))
	m, n := 1_000_000, 101
	x, v := randDense(rng, m, n, 0), randDense(rng, m, 1, 0)
	for _, impl := range kernels[:5] {
		b.Run(impl, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(m * n * 8))
			skipMissing(b, withKernel(impl, func() {
				for b.Loop() {
					sink = must(Gemv(threads, x, v))
				}
			}))
			reportGFLOPs(b, 2*float64(m)*float64(n))
		})
	}
}

func BenchmarkGemv1e6x101(b *testing.B)         { benchGemv(b, 1) }
func BenchmarkGemv1e6x101Parallel(b *testing.B) { benchGemv(b, runtime.GOMAXPROCS(0)) }

// BenchmarkCSRMatVec1MNNZ multiplies a 100k x 100k CSR matrix with 1M
// non-zeros (10 per row, random columns) by a dense vector.
func BenchmarkCSRMatVec1MNNZ(b *testing.B) {
	rng := rand.New(rand.NewPCG(4, 4))
	const n, perRow = 100_000, 10
	rowPtr := make([]int, n+1)
	colIdx := make([]int, 0, n*perRow)
	vals := make([]float64, 0, n*perRow)
	for i := 0; i < n; i++ {
		base := rng.IntN(n - perRow*100)
		for j := 0; j < perRow; j++ {
			colIdx = append(colIdx, base+j*100+rng.IntN(100))
			vals = append(vals, rng.Float64())
		}
		rowPtr[i+1] = len(vals)
	}
	a := must(data.NewCSR(n, n, rowPtr, colIdx, vals))
	x := randDense(rng, n, 1, 0)
	b.ReportAllocs()
	for b.Loop() {
		sink = must(MatMul(1, a, x))
	}
	reportGFLOPs(b, 2*float64(len(vals)))
}
