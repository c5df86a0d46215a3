package sim

import (
	"flag"
	"math/rand"
	"reflect"
	"testing"
	"time"

	"github.com/daphne-go/daphne/sched/partition"
)

var seedFlag = flag.Int64("sim.seed", 0, "seed of TestRandomConfigs (0: from the clock)")

// randomConfig draws a configuration over every scheme, layout, victim
// selection, machine shape, cost model and overhead.
func randomConfig(r *rand.Rand, schemes []string) Config {
	cores := 1 + r.Intn(64)
	if r.Intn(3) == 0 {
		cores = []int{1, 2, 3, 7}[r.Intn(4)]
	}
	c := Config{
		Scheme:    schemes[r.Intn(len(schemes))],
		Layout:    Layouts()[r.Intn(len(Layouts()))],
		Victim:    Victims()[r.Intn(len(Victims()))],
		Machine:   Machine{Cores: cores, Groups: r.Intn(min(cores, 4) + 1)},
		Rows:      r.Intn(3000),
		MinChunk:  r.Intn(4),
		ChunkSize: 1 + r.Intn(50),
		Seed:      r.Int63(),
		Compat:    r.Intn(2) == 0,
	}
	c.PrePartition = r.Intn(2) == 0
	ns := func() time.Duration { return time.Duration(r.Intn(3)) * time.Duration(r.Intn(100)) }
	c.ChunkOverhead, c.StealOverhead, c.QueueLock, c.AtomicClaim = ns(), ns(), ns(), ns()
	switch r.Intn(4) {
	case 0:
		c.Cost = Uniform(1 + r.Intn(100))
	case 1:
		c.Cost, _ = Linear(c.Rows, time.Duration(r.Intn(100)), time.Duration(r.Intn(1000)))
	case 2:
		c.Cost, _ = RandomCost(c.Rows, 0, time.Duration(1+r.Intn(1000)), r.Int63())
	default:
		nnz := make([]int, c.Rows)
		for i := range nnz {
			nnz[i] = int(r.ExpFloat64() * 10) // heavy-tailed degrees
		}
		c.Cost, _ = FromNNZ(nnz, 3, 2)
	}
	if r.Intn(4) == 0 {
		c.Noise = r.Float64() * 0.9
	}
	if r.Intn(5) == 0 {
		c.Speed = make([]float64, cores)
		for i := range c.Speed {
			c.Speed[i] = 0.25 + r.Float64()
		}
	}
	return c
}

// Every scheme x layout x victim x machine conserves rows, keeps its
// accounting and bounds, and is deterministic.
func TestRandomConfigs(t *testing.T) {
	t.Parallel()
	seed := *seedFlag
	if seed == 0 {
		seed = time.Now().UnixNano()
	}
	t.Logf("seed %d (rerun with -sim.seed=%d)", seed, seed)
	r := rand.New(rand.NewSource(seed))
	schemes := partition.Names()
	n := 400
	if testing.Short() {
		n = 50
	}
	for range n {
		c := randomConfig(r, schemes)
		a, err := Run(c)
		if err != nil {
			t.Fatalf("seed %d: %+v: %v", seed, c, err)
		}
		check(t, a)
		b, err := Run(c)
		if err != nil {
			t.Fatal(err)
		}
		if a.Makespan != b.Makespan || !reflect.DeepEqual(a.Trace, b.Trace) || !reflect.DeepEqual(a.Workers, b.Workers) {
			t.Fatalf("seed %d: %v: two runs differ", seed, a)
		}
		if t.Failed() {
			t.Fatalf("seed %d: config %+v", seed, c)
		}
	}
}

// Every scheme x layout x victim at the thread counts of the issue (1, 2,
// 3, 7) on a skewed cost, exhaustively.
func TestAllCombinations(t *testing.T) {
	t.Parallel()
	cost, _ := Linear(997, 1, 300)
	for _, s := range partition.Names() {
		for _, l := range Layouts() {
			for _, v := range Victims() {
				for _, p := range []int{1, 2, 3, 7} {
					for _, pre := range []bool{false, true} {
						if pre && (l == Centralized || l == LockFree) {
							continue
						}
						r, err := Run(Config{Scheme: s, Layout: l, Victim: v, PrePartition: pre, ChunkSize: 13,
							Machine: Machine{Cores: p, Groups: min(p, 2)}, Cost: cost,
							ChunkOverhead: 3, StealOverhead: 5, QueueLock: 2, AtomicClaim: 1, Seed: 1})
						if err != nil {
							t.Fatalf("%s %s %s p=%d pre=%t: %v", s, l, v, p, pre, err)
						}
						check(t, r)
					}
				}
			}
		}
	}
}
