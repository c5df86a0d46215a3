package agg

import (
	"math/rand/v2"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
)

var sink data.Value

var bigDense *data.Dense[float64]

// big returns a shared 1e6 x 101 f64 matrix of uniform values.
func big() *data.Dense[float64] {
	if bigDense == nil {
		r := rand.New(rand.NewPCG(3, 4))
		bigDense = data.NewDense[float64](1000000, 101)
		for i := range bigDense.Data {
			bigDense.Data[i] = r.Float64()
		}
	}
	return bigDense
}

func benchAgg(b *testing.B, op Op, ax Axis, m data.Matrix, bytes int64) {
	b.ReportAllocs()
	b.SetBytes(bytes)
	for b.Loop() {
		v, err := Aggregate(op, ax, m)
		if err != nil {
			b.Fatal(err)
		}
		sink = v
	}
}

func BenchmarkSumCol1e6x101(b *testing.B)    { benchAgg(b, Sum, Col, big(), 8*101e6) }
func BenchmarkMeanCol1e6x101(b *testing.B)   { benchAgg(b, Mean, Col, big(), 8*101e6) }
func BenchmarkStddevCol1e6x101(b *testing.B) { benchAgg(b, Stddev, Col, big(), 8*101e6) }
func BenchmarkSumRow1e6x101(b *testing.B)    { benchAgg(b, Sum, Row, big(), 8*101e6) }

// BenchmarkAggMaxRowCSR1M runs aggMaxRow over a 1e5 x 1e5 CSR matrix with
// 1e6 non-zeros (10 per row).
func BenchmarkAggMaxRowCSR1M(b *testing.B) {
	const rows, cols, perRow = 100000, 100000, 10
	r := rand.New(rand.NewPCG(5, 6))
	rowPtr := make([]int, rows+1)
	colIdx := make([]int, 0, rows*perRow)
	vals := make([]float64, 0, rows*perRow)
	for i := range rows {
		base := r.IntN(cols - perRow*100)
		for k := range perRow {
			colIdx = append(colIdx, base+k*100)
			vals = append(vals, r.Float64()-0.5)
		}
		rowPtr[i+1] = len(vals)
	}
	m, err := data.NewCSR(rows, cols, rowPtr, colIdx, vals)
	if err != nil {
		b.Fatal(err)
	}
	benchAgg(b, Max, Row, m, int64(len(vals))*16)
}
