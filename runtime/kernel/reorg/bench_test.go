package reorg

import (
	"math/rand/v2"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
)

var sink data.Matrix

func randomF64(rows, cols int) *data.Dense[float64] {
	r := rand.New(rand.NewPCG(1, 1))
	m := data.NewDense[float64](rows, cols)
	for i := range m.Data {
		m.Data[i] = r.Float64()
	}
	return m
}

func BenchmarkTranspose1e6x101(b *testing.B) {
	m := randomF64(1000000, 101)
	b.ReportAllocs()
	b.SetBytes(int64(len(m.Data)) * 8)
	for b.Loop() {
		res, err := Transpose(m)
		if err != nil {
			b.Fatal(err)
		}
		sink = res
	}
}

func BenchmarkOrder1e6(b *testing.B) {
	m := randomF64(1000000, 2)
	b.ReportAllocs()
	for b.Loop() {
		res, err := Order(m, []int{0}, []bool{true}, true)
		if err != nil {
			b.Fatal(err)
		}
		sink = res
	}
}
