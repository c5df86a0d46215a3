package sim_test

import (
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
