package sql

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
)

// benchViews returns f(k si64 in [0, groups), v f64) with n rows and
// d(k si64 = 0..dims-1, name str).
func benchViews(b *testing.B, n, groups, dims int) map[string]*data.Frame {
	r := rand.New(rand.NewPCG(3, 4))
	k, v := make([]int64, n), make([]float64, n)
	for i := range k {
		k[i], v[i] = r.Int64N(int64(groups)), r.Float64()
	}
	dk, dn := make([]int64, dims), make([]string, dims)
	for i := range dk {
		dk[i], dn[i] = int64(i), fmt.Sprint("n", i)
	}
	return map[string]*data.Frame{
		"f": frame(b, []string{"k", "v"}, col(k...), col(v...)),
		"d": frame(b, []string{"k", "name"}, col(dk...), col(dn...)),
	}
}

var sink *data.Frame

func benchQuery(b *testing.B, views map[string]*data.Frame, q string) {
	b.ReportAllocs()
	for b.Loop() {
		f, err := Run(views, q)
		if err != nil {
			b.Fatal(err)
		}
		sink = f
	}
	b.ReportMetric(float64(views["f"].Rows())/b.Elapsed().Seconds()*float64(b.N)/1e6, "Mrows/s")
}

// BenchmarkGroupBy: SELECT f.k, sum(f.v), count(*) ... GROUP BY f.k.
func BenchmarkGroupBy1M(b *testing.B)  { benchGroupBy(b, 1_000_000) }
func BenchmarkGroupBy10M(b *testing.B) { benchGroupBy(b, 10_000_000) }

func benchGroupBy(b *testing.B, n int) {
	views := benchViews(b, n, 1000, 1000)
	benchQuery(b, views, "SELECT f.k, sum(f.v), count(*) FROM f GROUP BY f.k")
}

// BenchmarkGroupByManyGroups: one million distinct keys (map coding).
func BenchmarkGroupByManyGroups10M(b *testing.B) {
	views := benchViews(b, 10_000_000, 1<<40, 1)
	benchQuery(b, views, "SELECT f.k, avg(f.v) FROM f GROUP BY f.k")
}

// BenchmarkJoin: the fact table joined to a dimension of 1000 rows on
// the key, then filtered and projected.
func BenchmarkJoin1M(b *testing.B)  { benchJoin(b, 1_000_000) }
func BenchmarkJoin10M(b *testing.B) { benchJoin(b, 10_000_000) }

func benchJoin(b *testing.B, n int) {
	views := benchViews(b, n, 1000, 1000)
	benchQuery(b, views, "SELECT f.v, d.name FROM f JOIN d ON f.k = d.k WHERE f.v > 0.5")
}

// BenchmarkJoinGroup10M: join, then group by a dimension attribute.
func BenchmarkJoinGroup10M(b *testing.B) {
	views := benchViews(b, 10_000_000, 1000, 1000)
	benchQuery(b, views, "SELECT d.name, sum(f.v) FROM f JOIN d ON f.k = d.k GROUP BY d.name")
}

// BenchmarkOrderBy10M: a stable sort of 10M rows by a float column.
func BenchmarkOrderBy10M(b *testing.B) {
	views := benchViews(b, 10_000_000, 1000, 1)
	benchQuery(b, views, "SELECT f.k, f.v FROM f ORDER BY f.v DESC")
}
