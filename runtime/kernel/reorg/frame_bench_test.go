package reorg

import (
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
)

var frameSink data.Value

// benchFrame is an n-row frame: a string key with 1000 distinct values, an
// f64 column and an si64 column.
func benchFrame(b *testing.B, n int) *data.Frame {
	b.Helper()
	r := rand.New(rand.NewPCG(1, 2))
	keys := make([]string, n)
	vals := make([]float64, n)
	ids := make([]int64, n)
	for i := range keys {
		keys[i] = "k" + strconv.Itoa(r.IntN(1000))
		vals[i] = r.Float64()
		ids[i] = int64(i)
	}
	f, err := data.NewFrame([]data.Matrix{data.DenseFrom(n, 1, keys), data.DenseFrom(n, 1, vals), data.DenseFrom(n, 1, ids)},
		[]string{"key", "val", "id"})
	if err != nil {
		b.Fatal(err)
	}
	return f
}

// BenchmarkOrderFrame sorts 1e5 and 1e6 rows by (string key asc, f64 desc)
// and reorders all three columns.
func BenchmarkOrderFrame(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			f := benchFrame(b, n)
			b.ReportAllocs()
			for b.Loop() {
				res, err := OrderFrame(f, []int{0, 1}, []bool{true, false}, false)
				if err != nil {
					b.Fatal(err)
				}
				frameSink = res
			}
		})
	}
}

// BenchmarkRbindFrames appends a 1e6-row frame to itself.
func BenchmarkRbindFrames(b *testing.B) {
	f := benchFrame(b, 1_000_000)
	b.ReportAllocs()
	for b.Loop() {
		res, err := RbindFrames(f, f)
		if err != nil {
			b.Fatal(err)
		}
		frameSink = res
	}
}
