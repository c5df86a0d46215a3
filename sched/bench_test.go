package sched

import (
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/daphne-go/daphne/sched/partition"
)

// padded is a per-worker counter on its own cache line.
type padded struct {
	n int64
	_ [56]byte
}

// benchRun runs n rows with an empty body per iteration and reports chunks
// per second and nanoseconds per chunk.
func benchRun(b *testing.B, p *Pool, n int, o Options) {
	counts := make([]padded, o.Threads)
	body := func(lo, hi, w int) error { counts[w].n++; return nil }
	b.ReportAllocs()
	start := time.Now()
	for b.Loop() {
		if err := p.Run(b.Context(), n, body, o); err != nil {
			b.Fatal(err)
		}
	}
	el := time.Since(start)
	var chunks int64
	for i := range counts {
		chunks += counts[i].n
	}
	b.ReportMetric(float64(chunks)/el.Seconds(), "chunks/s")
	b.ReportMetric(float64(el.Nanoseconds())/float64(chunks), "ns/chunk")
}

// BenchmarkSchemeLayout: every scheme x layout, 2 workers, 65536 rows, empty
// body.
func BenchmarkSchemeLayout(b *testing.B) {
	p, err := NewPool(PoolOptions{Threads: 2})
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	for _, scheme := range partition.Names() {
		if strings.HasPrefix(scheme, "TEST") || strings.HasPrefix(scheme, "HALF") {
			continue
		}
		for _, layout := range Layouts() {
			b.Run(scheme+"/"+layout.String(), func(b *testing.B) {
				benchRun(b, p, 1<<16, Options{Scheme: scheme, Layout: layout, Threads: 2, ChunkSize: 64})
			})
		}
	}
}

// BenchmarkOverheadSS is the per-chunk scheduling overhead: SS (one row per
// chunk), empty body, 2 workers, 2^20 chunks per run (compare with OpenMP
// schedule(dynamic,1), 15 ns per chunk here).
func BenchmarkOverheadSS(b *testing.B) {
	p, err := NewPool(PoolOptions{Threads: 2})
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	for _, layout := range Layouts() {
		b.Run(layout.String(), func(b *testing.B) {
			benchRun(b, p, 1<<20, Options{Scheme: partition.SS, Layout: layout, Threads: 2})
		})
	}
}

// BenchmarkRunDispatch is the fixed cost of one Run (wake 2 workers, wait):
// one chunk per run.
func BenchmarkRunDispatch(b *testing.B) {
	p, err := NewPool(PoolOptions{Threads: 2})
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	benchRun(b, p, 1, Options{Scheme: partition.STATIC, Threads: 2})
}

// BenchmarkOverheadSSBothBusy is BenchmarkOverheadSS with both workers
// forced to take part: each worker's first chunk waits until the other has
// started one. On a loaded machine the plain benchmark can finish before
// the second worker wakes (one worker then claims almost all chunks without
// contention); this one measures the contended claim.
func BenchmarkOverheadSSBothBusy(b *testing.B) {
	p, err := NewPool(PoolOptions{Threads: 2})
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	for _, layout := range Layouts() {
		b.Run(layout.String(), func(b *testing.B) {
			const n = 1 << 20
			var arrived atomic.Int32
			var first [2]padded
			body := func(lo, hi, w int) error {
				if first[w].n == 0 {
					first[w].n = 1
					arrived.Add(1)
					for arrived.Load() < 2 {
						runtime.Gosched()
					}
				}
				return nil
			}
			start := time.Now()
			for b.Loop() {
				arrived.Store(0)
				first[0].n, first[1].n = 0, 0
				if err := p.Run(b.Context(), n, body, Options{Scheme: partition.SS, Layout: layout, Threads: 2}); err != nil {
					b.Fatal(err)
				}
			}
			el := time.Since(start)
			b.ReportMetric(float64(el.Nanoseconds())/float64(b.N*n), "ns/chunk")
		})
	}
}
