package linalg

import (
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
)

// sink keeps benchmark results alive.
var sink data.Matrix

// reportGFLOPs reports flops per iteration as GFLOP/s.
func reportGFLOPs(b *testing.B, flops float64) {
	b.ReportMetric(flops*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
}

func benchMatMul(b *testing.B, n, threads int) {
	rng := rand.New(rand.NewPCG(1, 1))
	x, y := randDense(rng, n, n, 0), randDense(rng, n, n, 0)
	b.ReportAllocs()
	for b.Loop() {
		sink = must(MatMul(threads, x, y))
	}
	reportGFLOPs(b, 2*float64(n)*float64(n)*float64(n))
}

func BenchmarkMatMul512(b *testing.B)          { benchMatMul(b, 512, 1) }
func BenchmarkMatMul1000(b *testing.B)         { benchMatMul(b, 1000, 1) }
func BenchmarkMatMul1000Parallel(b *testing.B) { benchMatMul(b, 1000, runtime.GOMAXPROCS(0)) }

func benchSyrk(b *testing.B, m, n, threads int) {
	rng := rand.New(rand.NewPCG(2, 2))
	x := randDense(rng, m, n, 0)
	b.ReportAllocs()
	for b.Loop() {
		sink = must(Syrk(threads, x))
	}
	// Only the upper triangle is computed: m*n*(n+1) flops.
	reportGFLOPs(b, float64(m)*float64(n)*float64(n+1))
}

func BenchmarkSyrk1e6x101(b *testing.B)         { benchSyrk(b, 1_000_000, 101, 1) }
func BenchmarkSyrk1e6x101Parallel(b *testing.B) { benchSyrk(b, 1_000_000, 101, runtime.GOMAXPROCS(0)) }

func benchGemv(b *testing.B, threads int) {
	rng := rand.New(rand.NewPCG(3, 3))
	m, n := 1_000_000, 101
	x, v := randDense(rng, m, n, 0), randDense(rng, m, 1, 0)
	b.ReportAllocs()
	b.SetBytes(int64(m * n * 8))
	for b.Loop() {
		sink = must(Gemv(threads, x, v))
	}
	reportGFLOPs(b, 2*float64(m)*float64(n))
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
