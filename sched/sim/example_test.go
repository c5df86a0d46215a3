package sim_test

import (
	"context"
	"fmt"
	"time"

	"github.com/daphne-go/daphne/sched/sim"
)

// A sweep: three schemes on the paper's two machines, rows whose cost grows
// linearly (10 ns to 990 ns), 60 ns of scheduling overhead per chunk.
func ExampleRun() {
	cost, err := sim.Linear(100_000, 10*time.Nanosecond, 990*time.Nanosecond)
	if err != nil {
		panic(err)
	}
	for _, m := range []sim.Machine{{Cores: 20, Groups: 2}, {Cores: 56, Groups: 2}} {
		for _, scheme := range []string{"STATIC", "SS", "GSS"} {
			r, err := sim.Run(sim.Config{Scheme: scheme, Machine: m, Cost: cost,
				ChunkOverhead: 60 * time.Nanosecond, Seed: 1, NoTrace: true})
			if err != nil {
				panic(err)
			}
			fmt.Printf("%2d cores %-6s makespan %7.1f us  chunks %6d  imbalance %.3f\n",
				m.Cores, scheme, float64(r.Makespan)/1e3, r.Chunks, r.Imbalance)
		}
	}
	// Output:
	// 20 cores STATIC makespan  4827.6 us  chunks     20  imbalance 0.931
	// 20 cores SS     makespan  2800.5 us  chunks 100000  imbalance 0.000
	// 20 cores GSS    makespan  2501.1 us  chunks    178  imbalance 0.000
	// 56 cores STATIC makespan  1751.6 us  chunks     56  imbalance 0.962
	// 56 cores SS     makespan  1000.5 us  chunks 100000  imbalance 0.000
	// 56 cores GSS    makespan   893.9 us  chunks    448  imbalance 0.001
}

// Per-row costs from a sparse matrix: the row pointer of a CSR matrix gives
// each row's non-zeros.
func ExampleFromRowPtr() {
	rowPtr := []int{0, 3, 3, 4, 10} // 4 rows with 3, 0, 1 and 6 non-zeros
	cost, err := sim.FromRowPtr(rowPtr, 2*time.Nanosecond, 10*time.Nanosecond)
	if err != nil {
		panic(err)
	}
	r, err := sim.Run(sim.Config{Scheme: "SS", Machine: sim.Machine{Cores: 2}, Cost: cost})
	if err != nil {
		panic(err)
	}
	for _, c := range r.Trace {
		fmt.Printf("worker %d rows [%d, %d) from %v to %v\n", c.Worker, c.Lo, c.Hi, c.Start, c.End)
	}
	fmt.Println("makespan", r.Makespan)
	// Output:
	// worker 0 rows [0, 1) from 0s to 32ns
	// worker 1 rows [1, 2) from 0s to 2ns
	// worker 1 rows [2, 3) from 2ns to 14ns
	// worker 1 rows [3, 4) from 14ns to 76ns
	// makespan 76ns
}

// A sweep over schemes and layouts on both of the paper's machines, written
// as CSV (the bench harness's input format).
func ExampleSweep() {
	cost, err := sim.Linear(10_000, 10*time.Nanosecond, 990*time.Nanosecond)
	if err != nil {
		panic(err)
	}
	sw := sim.Sweep{
		Base:     sim.Config{Cost: cost, ChunkOverhead: 60 * time.Nanosecond, QueueLock: 20 * time.Nanosecond, Seed: 1, NoTrace: true},
		Schemes:  []string{"STATIC", "GSS"},
		Layouts:  []string{sim.Centralized, sim.PerCPU},
		Victims:  []string{sim.SeqPri},
		Machines: []sim.Machine{{Cores: 20, Groups: 2}, {Cores: 56, Groups: 2}},
	}
	rs, err := sw.Run(context.Background())
	if err != nil {
		panic(err)
	}
	for _, r := range rs {
		fmt.Printf("%2d %-11s %-6s %6.1f us  efficiency %.2f\n", r.Config.Cores, r.Config.Layout, r.Config.Scheme,
			float64(r.Makespan)/1e3, r.Efficiency())
	}
	// sim.WriteCSV(w, rs) writes the same results as CSV.
	// Output:
	// 20 CENTRALIZED STATIC  483.3 us  efficiency 0.52
	// 20 CENTRALIZED GSS     251.3 us  efficiency 0.99
	// 20 PERCPU      STATIC  482.8 us  efficiency 0.52
	// 20 PERCPU      GSS     259.0 us  efficiency 0.97
	// 56 CENTRALIZED STATIC  175.9 us  efficiency 0.51
	// 56 CENTRALIZED GSS      91.0 us  efficiency 0.98
	// 56 PERCPU      STATIC  174.7 us  efficiency 0.51
	// 56 PERCPU      GSS      93.1 us  efficiency 0.96
}
