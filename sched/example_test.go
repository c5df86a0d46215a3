package sched_test

import (
	"context"
	"fmt"

	"github.com/daphne-go/daphne/sched"
)

// Summing 0..n-1 with per-worker partials: worker indexes never run two
// chunks at once, so partial[worker] needs no lock.
func ExamplePool_Run() {
	pool, err := sched.NewPool(sched.PoolOptions{Threads: 2})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer pool.Close()

	layout, err := sched.ParseLayout("PERCPU") // as --queue_layout=PERCPU
	if err != nil {
		fmt.Println(err)
		return
	}
	const n = 1000
	partial := make([]int, 4)
	err = pool.Run(context.Background(), n, func(lo, hi, worker int) error {
		for i := lo; i < hi; i++ {
			partial[worker] += i
		}
		return nil
	}, sched.Options{Scheme: "GSS", Layout: layout, Victim: sched.SeqPri, Threads: 4})
	total := 0
	for _, p := range partial {
		total += p
	}
	fmt.Println(total, err)

	_, err = sched.ParseVictim("NEAREST")
	fmt.Println(err)
	// Output:
	// 499500 <nil>
	// sched: invalid option: victim selection "NEAREST" (accepted: SEQ, SEQPRI, RANDOM, RANDOMPRI)
}
