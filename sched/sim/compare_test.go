package sim

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"time"
)

// paperSchemes are the techniques of the DaphneSched paper's Figures 7-10,
// in the paper's order, plus SS.
var paperSchemes = []string{"STATIC", "GSS", "MFSC", "TSS", "FAC2", "TFSS", "FISS", "VISS", "PLS", "PSS", "SS"}

// paperMachines are the paper's Broadwell (2x10) and Cascade Lake (2x28).
var paperMachines = []Machine{{Cores: 20, Groups: 2}, {Cores: 56, Groups: 2}}

// rmatDegrees returns the vertex degrees of an undirected R-MAT graph with
// 2^scale nodes and the given number of edges (quadrant probabilities
// a, b, b, 1-a-2b), the per-row non-zeros of its adjacency matrix.
func rmatDegrees(scale, edges int, a, b float64, seed int64) []int {
	r := rand.New(rand.NewSource(seed))
	deg := make([]int, 1<<scale)
	for range edges {
		i, j := 0, 0
		for bit := 1 << (scale - 1); bit > 0; bit >>= 1 {
			switch x := r.Float64(); {
			case x < a:
			case x < a+b:
				j |= bit
			case x < a+2*b:
				i |= bit
			default:
				i |= bit
				j |= bit
			}
		}
		deg[i]++
		deg[j]++
	}
	return deg
}

type variant struct {
	name, layout, victim string
}

var compareVariants = []variant{
	{"CENTRAL", Centralized, Seq},
	{"LOCKFREE", LockFree, Seq},
	{"PERCPU/SEQ", PerCPU, Seq},
	{"PERCPU/SPRI", PerCPU, SeqPri},
	{"PERGRP/RND", PerGroup, Random},
}

// compare runs every paper scheme x variant on every paper machine and
// returns the makespans, indexed [machine][variant][scheme].
func compare(t *testing.T, cost CostModel, chunk, steal, lock, atomic time.Duration) [][][]time.Duration {
	t.Helper()
	return compareWith(t, Config{Cost: cost, ChunkOverhead: chunk, StealOverhead: steal, QueueLock: lock, AtomicClaim: atomic, Seed: 1, NoTrace: true})
}

// compareWith is compare over a base configuration.
func compareWith(t *testing.T, base Config) [][][]time.Duration {
	t.Helper()
	out := make([][][]time.Duration, len(paperMachines))
	for mi, m := range paperMachines {
		out[mi] = make([][]time.Duration, len(compareVariants))
		for vi, v := range compareVariants {
			for _, s := range paperSchemes {
				c := base
				c.Scheme, c.Layout, c.Victim, c.Machine = s, v.layout, v.victim, m
				r, err := Run(c)
				if err != nil {
					t.Fatal(err)
				}
				out[mi][vi] = append(out[mi][vi], r.Makespan)
			}
		}
	}
	return out
}

// table formats makespans in microseconds, one row per scheme.
func table(ms [][][]time.Duration) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-7s", "scheme")
	for _, m := range paperMachines {
		for _, v := range compareVariants {
			fmt.Fprintf(&b, " %13s", fmt.Sprintf("%d:%s", m.Cores, v.name))
		}
	}
	b.WriteByte('\n')
	for si, s := range paperSchemes {
		fmt.Fprintf(&b, "%-7s", s)
		for mi := range paperMachines {
			for vi := range compareVariants {
				fmt.Fprintf(&b, " %13.1f", float64(ms[mi][vi][si])/1e3)
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// TestCompareSchemes prints the simulated makespans (us) of the paper's
// schemes on 20 and 56 cores for a linearly skewed cost and an R-MAT
// degree cost (connected components' per-row work), without and with
// overheads, and asserts only orderings that must hold.
func TestCompareSchemes(t *testing.T) {
	t.Parallel()
	skew, _ := Linear(100_000, 10*time.Nanosecond, 990*time.Nanosecond)
	deg := rmatDegrees(16, 400_000, 0.45, 0.15, 1)
	graph, _ := FromNNZ(deg, 5*time.Nanosecond, 20*time.Nanosecond)
	ss := len(paperSchemes) - 1
	for _, cm := range []struct {
		name string
		cost *Table
	}{{"linear skew 10..990 ns/row, 100000 rows", skew}, {"R-MAT 2^16 nodes 400k edges, 5 ns/row + 20 ns/nnz", graph}} {
		free := compare(t, cm.cost, 0, 0, 0, 0)
		t.Logf("%s, no overhead (makespan, us):\n%s", cm.name, table(free))
		for mi, m := range paperMachines {
			low := cm.cost.Total() / time.Duration(m.Cores)
			for vi, v := range compareVariants {
				row := free[mi][vi]
				// SS is within one row of the optimum, which no scheme beats.
				for si, s := range paperSchemes {
					if row[ss] > row[si]+cm.cost.Max() {
						t.Errorf("%s %d cores %s: SS %v worse than %s %v by more than one row", cm.name, m.Cores, v.name, row[ss], s, row[si])
					}
					if row[si] < low {
						t.Errorf("%s below work/cores", s)
					}
				}
				if row[ss] > row[0] {
					t.Errorf("%s %d cores %s: SS %v > STATIC %v", cm.name, m.Cores, v.name, row[ss], row[0])
				}
			}
		}
		// The dispatch floor of the worker pool (performance-notes.md) per
		// chunk, a steal costing two chunks, a 20 ns lock hold and a 5 ns
		// atomic claim.
		oh := compare(t, cm.cost, 60*time.Nanosecond, 120*time.Nanosecond, 20*time.Nanosecond, 5*time.Nanosecond)
		t.Logf("%s, chunk 60 ns, steal 120 ns, lock 20 ns, atomic 5 ns (makespan, us):\n%s", cm.name, table(oh))
		for mi := range paperMachines {
			for vi := range compareVariants {
				// Overheads only add time.
				for si := range paperSchemes {
					if oh[mi][vi][si] < free[mi][vi][si] {
						t.Errorf("%s: overheads made %s faster", cm.name, paperSchemes[si])
					}
				}
			}
		}
	}
}

// TestCompareUniform: a dense, uniform per-row cost (linear regression's
// pipelines). With only a per-chunk overhead STATIC is optimal: any
// schedule of at least Cores chunks needs work/Cores + one overhead, and one
// of fewer chunks has a chunk of more than work/Cores.
func TestCompareUniform(t *testing.T) {
	t.Parallel()
	cost := Uniform(100 * time.Nanosecond)
	base := Config{Rows: 56 * 20 * 100, Cost: cost, ChunkOverhead: 60 * time.Nanosecond, Seed: 1, NoTrace: true}
	ms := compareWith(t, base)
	t.Logf("uniform 100 ns/row, %d rows, chunk 60 ns (makespan, us):\n%s", base.Rows, table(ms))
	for mi, m := range paperMachines {
		want := cost.Cost(0, base.Rows/m.Cores) + base.ChunkOverhead
		for vi, v := range compareVariants {
			if got := ms[mi][vi][0]; got != want {
				t.Errorf("%d cores %s: STATIC %v, want %v", m.Cores, v.name, got, want)
			}
			for si, s := range paperSchemes {
				if ms[mi][vi][si] < want {
					t.Errorf("%d cores %s: %s %v beats STATIC %v", m.Cores, v.name, s, ms[mi][vi][si], want)
				}
			}
		}
	}
}

// TestCompareCompat logs the R-MAT comparison with DAPHNE's formulas as
// implemented (partition.Options.Compat), the ones the paper measured.
func TestCompareCompat(t *testing.T) {
	t.Parallel()
	graph, _ := FromNNZ(rmatDegrees(16, 400_000, 0.45, 0.15, 1), 5*time.Nanosecond, 20*time.Nanosecond)
	ms := compareWith(t, Config{Cost: graph, Compat: true, ChunkOverhead: 60 * time.Nanosecond, StealOverhead: 120 * time.Nanosecond,
		QueueLock: 20 * time.Nanosecond, AtomicClaim: 5 * time.Nanosecond, Seed: 1, NoTrace: true})
	t.Logf("R-MAT, DAPHNE's formulas (Compat), chunk 60 ns, steal 120 ns, lock 20 ns, atomic 5 ns (makespan, us):\n%s", table(ms))
}

// TestCompareAdaptive logs the adaptive schemes against their bases on a
// heterogeneous 20-core machine (every other core at half speed), with and
// without noise. Only the invariants are asserted.
func TestCompareAdaptive(t *testing.T) {
	t.Parallel()
	speed := make([]float64, 20)
	for i := range speed {
		speed[i] = 1 - 0.5*float64(i%2)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%-7s %12s %12s %12s\n", "scheme", "CENTRAL", "+noise 0.5", "PERCPU")
	for _, s := range []string{"STATIC", "SS", "FAC2", "AWFB", "AWFD", "AWFC", "AWFE", "AF"} {
		fmt.Fprintf(&b, "%-7s", s)
		for _, v := range []struct {
			noise  float64
			layout string
		}{{0, Centralized}, {0.5, Centralized}, {0, PerCPU}} {
			r, err := Run(Config{Scheme: s, Layout: v.layout, Machine: Machine{Cores: 20, Speed: speed}, Rows: 100_000,
				Cost: Uniform(100 * time.Nanosecond), Noise: v.noise, ChunkOverhead: 60 * time.Nanosecond,
				QueueLock: 20 * time.Nanosecond, Seed: 1})
			if err != nil {
				t.Fatal(err)
			}
			check(t, r)
			fmt.Fprintf(&b, " %12.1f", float64(r.Makespan)/1e3)
		}
		b.WriteByte('\n')
	}
	t.Logf("100000 rows x 100 ns on 20 cores, odd cores at half speed, chunk 60 ns, lock 20 ns (makespan, us; optimum 666.7):\n%s", b.String())
}
