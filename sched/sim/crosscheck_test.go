package sim

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/daphne-go/daphne/sched"
	"github.com/daphne-go/daphne/sched/partition"
	"github.com/daphne-go/daphne/sched/topo"
)

// twoSockets is a 4-CPU machine in 2 packages, the real scheduler's view
// of Machine{Cores: 4, Groups: 2}.
func twoSockets() *topo.Topology {
	t := &topo.Topology{Packages: 2, Nodes: 1, Cores: 4}
	for i := range 4 {
		t.CPUs = append(t.CPUs, topo.CPU{ID: i, Package: i / 2, Core: i, Siblings: []int{i}})
	}
	return t
}

// The simulator cuts exactly the chunks the real scheduler (sched.Pool)
// cuts, for every non-adaptive scheme, layout and pre-partitioning. (Which
// worker runs which chunk depends on real timing and is not compared.)
func TestSameChunksAsSched(t *testing.T) {
	t.Parallel()
	pool, err := sched.NewPool(sched.PoolOptions{Threads: 4, Topology: twoSockets()})
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	const n = 1009
	compared := 0
	defer func() { t.Logf("%d scheme x layout x pre-partition points compared", compared) }()
	for _, s := range partition.Names() {
		if p, err := partition.New(s, n, partition.Options{Workers: 4, ChunkSize: 7}); err != nil {
			t.Fatal(err)
		} else if _, adaptive := p.(partition.Feedback); adaptive {
			continue // chunk sizes depend on measured times
		}
		for _, layout := range sched.Layouts() {
			for _, pre := range []bool{false, true} {
				name := fmt.Sprintf("%s/%s/pre=%t", s, layout, pre)
				var mu sync.Mutex
				var real [][2]int
				err := pool.Run(t.Context(), n, func(lo, hi, _ int) error {
					mu.Lock()
					real = append(real, [2]int{lo, hi})
					mu.Unlock()
					return nil
				}, sched.Options{Scheme: s, Layout: layout, Threads: 4, ChunkSize: 7, PrePartition: pre})
				if err != nil {
					t.Fatalf("%s: sched: %v", name, err)
				}
				r, err := Run(Config{Scheme: s, Layout: layout.String(), PrePartition: pre, ChunkSize: 7,
					Machine: Machine{Cores: 4, Groups: 2}, Rows: n, Cost: Uniform(1)})
				if err != nil {
					t.Fatalf("%s: sim: %v", name, err)
				}
				var simulated [][2]int
				for _, c := range r.Trace {
					simulated = append(simulated, [2]int{c.Lo, c.Hi})
				}
				cmp := func(a, b [2]int) int { return a[0] - b[0] }
				slices.SortFunc(real, cmp)
				slices.SortFunc(simulated, cmp)
				compared++
				if !slices.Equal(real, simulated) {
					t.Errorf("%s: sched cut %d chunks %v...\nsim cut %d chunks %v...", name,
						len(real), real[:min(8, len(real))], len(simulated), simulated[:min(8, len(simulated))])
				}
			}
		}
	}
}
