package sim

import (
	"testing"
	"time"
)

var sinkResult *Result // keeps benchmark results alive

// benchRun simulates one configuration per iteration and reports simulated
// chunks per second of wall time and the simulated makespan.
func benchRun(b *testing.B, c Config) {
	b.ReportAllocs()
	var chunks int
	for b.Loop() {
		r, err := Run(c)
		if err != nil {
			b.Fatal(err)
		}
		chunks += r.Chunks
		sinkResult = r
	}
	b.ReportMetric(float64(chunks)/b.Elapsed().Seconds(), "chunks/s")
	b.ReportMetric(float64(sinkResult.Makespan)/1e3, "sim-us")
}

// BenchmarkRun: scheme x layout on 56 virtual cores, 100,000 skewed rows,
// with chunk, steal and lock overheads.
func BenchmarkRun(b *testing.B) {
	cost, err := Linear(100_000, 10*time.Nanosecond, 990*time.Nanosecond)
	if err != nil {
		b.Fatal(err)
	}
	for _, s := range []string{"STATIC", "SS", "GSS", "FAC2", "MFSC", "AWFB", "AF"} {
		for _, l := range Layouts() {
			b.Run(s+"/"+l, func(b *testing.B) {
				benchRun(b, Config{Scheme: s, Layout: l, Victim: SeqPri, Machine: Machine{Cores: 56, Groups: 2},
					Cost: cost, ChunkOverhead: 60, StealOverhead: 120, QueueLock: 20, NoTrace: true})
			})
		}
	}
}

// BenchmarkTrace measures the cost of recording the trace (SS, 100,000 chunks).
func BenchmarkTrace(b *testing.B) {
	for _, noTrace := range []bool{true, false} {
		name := "trace"
		if noTrace {
			name = "notrace"
		}
		b.Run(name, func(b *testing.B) {
			benchRun(b, Config{Scheme: "SS", Machine: Machine{Cores: 20}, Rows: 100_000, Cost: Uniform(10), NoTrace: noTrace})
		})
	}
}
