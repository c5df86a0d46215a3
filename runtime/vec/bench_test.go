package vec_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/daphne-go/daphne/config"
	"github.com/daphne-go/daphne/driver"
)

// chainScript is a fused chain over a 200,000 x 50 matrix, run 5 times.
const chainScript = `
X = rand(200000, 50, 0.0, 1.0, 1, 42);
r = rand(1, 50, 0.5, 1.5, 1, 7);
s = 0.0;
for (i in 1:5) {
  Z = abs((X - r) * 2.0 + 1.0) / r;
  s = s + sum(rowSums(sqrt(Z))) + sum(colMaxs(Z));
}
print(s);
`

// BenchmarkChain runs chainScript end to end without and with --vec
// (go test -bench Chain ./runtime/vec).
func BenchmarkChain(b *testing.B) {
	p := filepath.Join(b.TempDir(), "chain.daph")
	if err := os.WriteFile(p, []byte(chainScript), 0o644); err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		vec   bool
		batch int
	}{{"unfused", false, 0}, {"vec", true, 0}, {"vec-batch4MB", true, 4 << 20}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				cfg := config.Default()
				cfg.Vec = c.vec
				if c.batch > 0 {
					cfg.PhyBatchSize = c.batch
				}
				var out bytes.Buffer
				if err := driver.Run(context.Background(), cfg, p, driver.Options{Stdout: &out, Stderr: &out}); err != nil {
					b.Fatal(err, out.String())
				}
			}
		})
	}
}

// statsBenchScript is the linear-regression standardisation (column means and
// standard deviations, then (X - mean) / stddev) over a 200,000 x 100
// matrix, run 5 times.
const statsBenchScript = `
X = rand(200000, 100, 0.0, 1.0, 1, 42);
s = 0.0;
for (i in 1:5) {
  Xmeans = mean(X, 1);
  Xstddev = stddev(X, 1);
  Z = (X - Xmeans) / Xstddev;
  s = s + sum(colMaxs(Z));
}
print(s);
`

// BenchmarkColStats runs statsBenchScript end to end without and with
// --vec (go test -bench ColStats ./runtime/vec): fused, mean and stddev
// are one pipeline (one pass over X, on the pool's workers).
func BenchmarkColStats(b *testing.B) {
	p := filepath.Join(b.TempDir(), "stats.daph")
	if err := os.WriteFile(p, []byte(statsBenchScript), 0o644); err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		vec  bool
	}{{"unfused", false}, {"vec", true}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				cfg := config.Default()
				cfg.Vec = c.vec
				var out bytes.Buffer
				if err := driver.Run(context.Background(), cfg, p, driver.Options{Stdout: &out, Stderr: &out}); err != nil {
					b.Fatal(err, out.String())
				}
			}
		})
	}
}

// pipelineBenchScripts run one fused pipeline 10 times over a 100,000 x 100
// matrix (X and its column statistics are made once): "rows" writes a full
// result (Z, used outside the pipeline), "reduce" only column sums (the
// intermediates never leave the tasks).
var pipelineBenchScripts = map[string]string{
	"rows": `
X = rand(100000, 100, 0.0, 1.0, 1, 42);
m = mean(X, 1);
s = stddev(X, 1);
t = 0.0;
for (i in 1:10) {
  Z = abs((X - m) / s) * 0.5 + 1.0;
  t = t + as.scalar(Z[i, 0]);
}
print(t);
`,
	"reduce": `
X = rand(100000, 100, 0.0, 1.0, 1, 42);
m = mean(X, 1);
s = stddev(X, 1);
t = 0.0;
for (i in 1:10) {
  t = t + sum(colSums(abs((X - m) / s) * 0.5 + 1.0));
}
print(t);
`,
}

// BenchmarkFusedPipeline runs pipelineBenchScripts with --vec and reports
// allocations per run (go test -bench FusedPipeline -benchmem
// ./runtime/vec): with per-worker scratch, a task allocates nothing
// batch- or full-sized, so the bytes per run are X (80 MB), the results
// and small per-batch summaries.
func BenchmarkFusedPipeline(b *testing.B) {
	for _, name := range []string{"rows", "reduce"} {
		p := filepath.Join(b.TempDir(), name+".daph")
		if err := os.WriteFile(p, []byte(pipelineBenchScripts[name]), 0o644); err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				cfg := config.Default()
				cfg.Vec = true
				var out bytes.Buffer
				if err := driver.Run(context.Background(), cfg, p, driver.Options{Stdout: &out, Stderr: &out}); err != nil {
					b.Fatal(err, out.String())
				}
			}
		})
	}
}

// sparseBenchScript runs a fused chain over a random 20,000 x 20,000 CSR
// matrix with about 600,000 non-zeros 10 times (made once, under
// --select-matrix-repr).
const sparseBenchScript = `
G = rand(20000, 20000, 0.0, 1.0, 0.0015, 42);
c = rand(20000, 1, 1.0, 2.0, 1, 7);
s = 0.0;
for (i in 1:10) {
  u = rowMaxs(abs(G * t(c)) * 2.0) + rowSums(G);
  s = s + sum(u);
}
print(s);
`

// BenchmarkSparsePipeline runs sparseBenchScript unfused and with --vec
// (go test -bench SparsePipeline -benchmem ./runtime/vec): fused, G is
// split into row views on the pool's workers.
func BenchmarkSparsePipeline(b *testing.B) {
	p := filepath.Join(b.TempDir(), "sparse.daph")
	if err := os.WriteFile(p, []byte(sparseBenchScript), 0o644); err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		vec  bool
	}{{"unfused", false}, {"vec", true}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				cfg := config.Default()
				cfg.Vec, cfg.SelectMatrixRepr = c.vec, true
				var out bytes.Buffer
				if err := driver.Run(context.Background(), cfg, p, driver.Options{Stdout: &out, Stderr: &out}); err != nil {
					b.Fatal(err, out.String())
				}
			}
		})
	}
}
