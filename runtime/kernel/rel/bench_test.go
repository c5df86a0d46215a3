package rel

import (
	"context"
	"math/rand/v2"
	"runtime"
	"sync"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
)

// Benchmarks on 10 million rows: a fact table f (f.k: int64 keys uniform in
// [0, 100000), f.v: f64) joined with a dimension table d of 100,000 rows
// (d.id: a permutation of 0..99999, d.a: int64), and f grouped by f.k.
//
//	go test -run '^$' -bench 'Join10M|GroupSum10M' -benchtime 3x ./runtime/kernel/rel

const (
	benchFactRows = 10_000_000
	benchDimRows  = 100_000
)

var (
	benchOnce       sync.Once
	benchF, benchD  *data.Frame
	benchSink       *data.Frame
	benchThreadsMax = runtime.GOMAXPROCS(0)
)

// benchTables returns the fact and dimension tables (built once).
func benchTables(b *testing.B) (*data.Frame, *data.Frame) {
	benchOnce.Do(func() {
		r := rand.New(rand.NewPCG(1, 2))
		k, v := make([]int64, benchFactRows), make([]float64, benchFactRows)
		for i := range k {
			k[i], v[i] = r.Int64N(benchDimRows), float64(r.IntN(10000))/100
		}
		id, a := make([]int64, benchDimRows), make([]int64, benchDimRows)
		for i, p := range r.Perm(benchDimRows) {
			id[i], a[i] = int64(p), int64(i)
		}
		benchF = mkFrame(b, []string{"f.k", "f.v"}, data.DenseFrom(len(k), 1, k), data.DenseFrom(len(v), 1, v))
		benchD = mkFrame(b, []string{"d.id", "d.a"}, data.DenseFrom(len(id), 1, id), data.DenseFrom(len(a), 1, a))
	})
	return benchF, benchD
}

func benchThreads(b *testing.B, run func(b *testing.B, o Options)) {
	b.Run("threads=1", func(b *testing.B) { run(b, Options{Threads: 1}) })
	if benchThreadsMax > 1 {
		b.Run("threads=max", func(b *testing.B) { run(b, Options{Threads: benchThreadsMax}) })
	}
}

// BenchmarkInnerJoin10M joins the 10M-row fact table with the 100k-row
// dimension table (every fact row matches once: 10M result rows).
func BenchmarkInnerJoin10M(b *testing.B) {
	f, d := benchTables(b)
	benchThreads(b, func(b *testing.B, o Options) {
		b.ReportAllocs()
		for b.Loop() {
			res, err := InnerJoin(context.Background(), f, d, "f.k", "d.id", o)
			if err != nil {
				b.Fatal(err)
			}
			benchSink = res
		}
		b.ReportMetric(float64(benchFactRows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	})
}

// BenchmarkGroupSum10M sums f.v of the 10M-row fact table into its 100k
// groups of f.k.
func BenchmarkGroupSum10M(b *testing.B) {
	f, _ := benchTables(b)
	benchThreads(b, func(b *testing.B, o Options) {
		b.ReportAllocs()
		for b.Loop() {
			res, err := GroupSum(context.Background(), f, []string{"f.k"}, "f.v", o)
			if err != nil {
				b.Fatal(err)
			}
			benchSink = res
		}
		b.ReportMetric(float64(benchFactRows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	})
}
