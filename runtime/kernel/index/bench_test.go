package index

import (
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
)

var sink data.Matrix

func benchExtract(b *testing.B, x data.Matrix, rf string, rb []data.Value, cf string, cb []data.Value) {
	b.ReportAllocs()
	for b.Loop() {
		m, err := Extract(x, rf, rb, cf, cb)
		if err != nil {
			b.Fatal(err)
		}
		sink = m
	}
}

// benchDense is a 1000 x 1000 f64 matrix.
func benchDense() *data.Dense[float64] {
	vals := make([]float64, 1000*1000)
	for i := range vals {
		vals[i] = float64(i % 7)
	}
	return data.DenseFrom(1000, 1000, vals)
}

func BenchmarkExtractDenseRowRange(b *testing.B) {
	benchExtract(b, benchDense(), "lo:hi", []data.Value{data.SI64(100), data.SI64(900)}, "all", nil)
}

func BenchmarkExtractDenseColRange(b *testing.B) {
	benchExtract(b, benchDense(), "all", nil, "lo:hi", []data.Value{data.SI64(100), data.SI64(900)})
}

func BenchmarkExtractDenseGather(b *testing.B) {
	pos := make([]int64, 1000)
	for i := range pos {
		pos[i] = int64((i * 37) % 1000)
	}
	benchExtract(b, benchDense(), "at", []data.Value{colVec(pos...)}, "at", []data.Value{colVec(pos...)})
}

func BenchmarkExtractCSRRows(b *testing.B) {
	x := sparse(benchDense())
	pos := make([]int64, 500)
	for i := range pos {
		pos[i] = int64(i * 2)
	}
	benchExtract(b, x, "at", []data.Value{colVec(pos...)}, "lo:hi", []data.Value{data.SI64(10), data.SI64(990)})
}

func BenchmarkInsertDenseBlock(b *testing.B) {
	x := benchDense()
	y := data.NewDense[float64](100, 100)
	bounds := []data.Value{data.SI64(200), data.SI64(300)}
	b.ReportAllocs()
	for b.Loop() {
		m, err := Insert(x, y, "lo:hi", bounds, "lo:hi", bounds)
		if err != nil {
			b.Fatal(err)
		}
		sink = m
	}
}
