package sched

import (
	"slices"
	"sync"
	"testing"
	"time"
)

// TestVictimOrder runs one worker's steal phase alone on a 4-queue PERCPU
// plan over the fake NUMA machine (workers 0, 1 on node 0; 2, 3 on node 1)
// and records which queues it took chunks from, in order.
func TestVictimOrder(t *testing.T) {
	t.Parallel()
	tp := numaTopo(t)
	tests := []struct {
		name   string
		victim Victim
		worker int
		want   []int // queue of each stolen chunk (SEQ*) or the first victim (RANDOM*)
	}{
		{"SEQ from 1", Seq, 1, []int{2, 2, 3, 3, 0, 0}},
		{"SEQPRI from 1", SeqPri, 1, []int{0, 0, 2, 2, 3, 3}},
		{"SEQ from 3", Seq, 3, []int{0, 0, 1, 1, 2, 2}},
		{"SEQPRI from 3", SeqPri, 3, []int{2, 2, 0, 0, 1, 1}},
		{"RANDOMPRI from 1 starts in its node", RandomPri, 1, []int{0}},
		{"RANDOMPRI from 2 starts in its node", RandomPri, 2, []int{3}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			// 8 rows, 4 queues of 2 rows, SS: 2 chunks per queue.
			o := Options{Scheme: "SS", Layout: PerCPU, Victim: tc.victim, Threads: 4, PrePartition: true, Seed: 3}
			o, err := o.check(4)
			if err != nil {
				t.Fatal(err)
			}
			var mu sync.Mutex
			var got []int
			r := &run{o: o, body: func(lo, hi, w int) error {
				mu.Lock()
				got = append(got, lo/2) // queue q holds rows [2q, 2q+2)
				mu.Unlock()
				return nil
			}}
			if r.pl, err = newPlan(8, o, newMachine(tp), r.fail); err != nil {
				t.Fatal(err)
			}
			r.lastEnd = make([]time.Time, 4)
			r.drain(tc.worker, r.pl.home[tc.worker])
			if len(got) != 2 || got[0] != tc.worker {
				t.Fatalf("own queue: %v", got)
			}
			got = got[:0]
			r.steal(tc.worker)
			if len(got) != 6 {
				t.Fatalf("stole %v, want 6 chunks", got)
			}
			if tc.victim == Random || tc.victim == RandomPri {
				got = got[:1]
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("stole from %v, want %v", got, tc.want)
			}
		})
	}
}
