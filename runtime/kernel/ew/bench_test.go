package ew

import (
	"math/rand/v2"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

var sink data.Value

func randDense(r *rand.Rand, rows, cols int) *data.Dense[float64] {
	d := data.NewDense[float64](rows, cols)
	for i := range d.Data {
		d.Data[i] = r.Float64()
	}
	return d
}

// randGraph returns an n x n CSR matrix with nnzPerRow ones per row.
func randGraph(r *rand.Rand, n, nnzPerRow int) *data.CSR[float64] {
	rowPtr := make([]int, n+1)
	colIdx := make([]int, 0, n*nnzPerRow)
	vals := make([]float64, 0, n*nnzPerRow)
	for i := 0; i < n; i++ {
		base := r.IntN(n - nnzPerRow*2)
		for k := 0; k < nnzPerRow; k++ {
			colIdx = append(colIdx, base+2*k)
			vals = append(vals, 1)
		}
		rowPtr[i+1] = len(vals)
	}
	g, err := data.NewCSR(n, n, rowPtr, colIdx, vals)
	if err != nil {
		panic(err)
	}
	return g
}

func benchBinary(b *testing.B, op BinOp, x, y data.Value, cells int) {
	b.ReportAllocs()
	b.SetBytes(int64(cells) * 8)
	for b.Loop() {
		v, err := Binary(op, x, y)
		if err != nil {
			b.Fatal(err)
		}
		sink = v
	}
}

// BenchmarkEwAddF64_1e6 adds two 1000 x 1000 f64 matrices (1e6 cells).
func BenchmarkEwAddF64_1e6(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 1))
	benchBinary(b, Add, randDense(r, 1000, 1000), randDense(r, 1000, 1000), 1e6)
}

// BenchmarkEwAddF64Scalar_1e6 adds a scalar to 1e6 cells.
func BenchmarkEwAddF64Scalar_1e6(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 1))
	benchBinary(b, Add, randDense(r, 1000, 1000), data.F64(2), 1e6)
}

// BenchmarkEwAddF64RowBroadcast_1e6 adds a 1 x 100 row to a 1e4 x 100 matrix.
func BenchmarkEwAddF64RowBroadcast_1e6(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 1))
	benchBinary(b, Add, randDense(r, 10000, 100), randDense(r, 1, 100), 1e6)
}

// BenchmarkEwAddF64ColBroadcast_1e6 adds a 1e6 x 1 column to a row vector: 1000 x 1000.
func BenchmarkEwAddF64ColBroadcast_1e6(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 1))
	benchBinary(b, Add, randDense(r, 1000, 1), randDense(r, 1, 1000), 1e6)
}

// BenchmarkEwLtSI64_1e6 compares two 1e6-cell si64 matrices.
func BenchmarkEwLtSI64_1e6(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 1))
	x, _ := data.ConvertMatrix(randDense(r, 1000, 1000), types.SI64)
	y, _ := data.ConvertMatrix(randDense(r, 1000, 1000), types.SI64)
	benchBinary(b, Lt, x, y, 1e6)
}

// BenchmarkCSRTimesRow_1M multiplies a 1e6 x 1e6 CSR matrix with 1M
// non-zeros by a 1 x 1e6 row vector (G * t(c) in connected components);
// the result must stay CSR and cost O(nnz + n).
func BenchmarkCSRTimesRow_1M(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 1))
	const n = 1_000_000
	g := randGraph(r, n, 1)
	c := randDense(r, 1, n)
	v, err := Binary(Mul, g, c)
	if err != nil {
		b.Fatal(err)
	}
	if !v.(data.Matrix).IsSparse() {
		b.Fatal("result is not CSR")
	}
	benchBinary(b, Mul, g, c, g.NNZ())
}

// BenchmarkSqrtF64_1e6 takes the square root of 1e6 cells.
func BenchmarkSqrtF64_1e6(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 1))
	x := randDense(r, 1000, 1000)
	b.ReportAllocs()
	b.SetBytes(8e6)
	for b.Loop() {
		v, err := Unary(Sqrt, x)
		if err != nil {
			b.Fatal(err)
		}
		sink = v
	}
}

// BenchmarkScalarAddSI64 is the interpreter's loop-counter case, i + 1.
func BenchmarkScalarAddSI64(b *testing.B) {
	x, y := data.SI64(41), data.SI64(1)
	b.ReportAllocs()
	for b.Loop() {
		v, err := Binary(Add, x, y)
		if err != nil {
			b.Fatal(err)
		}
		sink = v
	}
}
