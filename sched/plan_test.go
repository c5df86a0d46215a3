package sched

import (
	"fmt"
	"testing"

	"github.com/daphne-go/daphne/sched/partition"
)

// TestPlanShapes checks which queue type each layout builds, the queue
// count, each worker's home queue, and DAPHNE's distributions: round robin
// (chunk k to queue k mod Q) and pre-partition (queue 0 gets n/Q + n mod Q).
func TestPlanShapes(t *testing.T) {
	t.Parallel()
	tp := numaTopo(t)
	tests := []struct {
		name   string
		o      Options
		queues int
		home   []int
		kind   string
	}{
		{"centralized", Options{Scheme: "GSS", Layout: Centralized}, 1, []int{0, 0, 0, 0}, "*sched.lazyQueue"},
		{"lockfree SS", Options{Scheme: "SS", Layout: LockFree}, 1, []int{0, 0, 0, 0}, "*sched.fixedQueue"},
		{"lockfree GSS", Options{Scheme: "GSS", Layout: LockFree}, 1, []int{0, 0, 0, 0}, "*sched.listQueue"},
		{"lockfree AF", Options{Scheme: "AF", Layout: LockFree}, 1, []int{0, 0, 0, 0}, "*sched.lazyQueue"},
		{"pergroup GSS", Options{Scheme: "GSS", Layout: PerGroup}, 2, []int{0, 0, 1, 1}, "*sched.listQueue"},
		{"percpu SS", Options{Scheme: "SS", Layout: PerCPU}, 4, []int{0, 1, 2, 3}, "*sched.strideQueue"},
		{"percpu pre", Options{Scheme: "GSS", Layout: PerCPU, PrePartition: true}, 4, []int{0, 1, 2, 3}, "*sched.lazyQueue"},
		{"percpu AWFB", Options{Scheme: "AWFB", Layout: PerCPU}, 4, []int{0, 1, 2, 3}, "*sched.lazyQueue"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			o, err := tc.o.check(4)
			if err != nil {
				t.Fatal(err)
			}
			pl, err := newPlan(1003, o, newMachine(tp), func(error) {})
			if err != nil {
				t.Fatal(err)
			}
			if len(pl.queues) != tc.queues || fmt.Sprint(pl.home) != fmt.Sprint(tc.home) {
				t.Errorf("%d queues, homes %v", len(pl.queues), pl.home)
			}
			if k := fmt.Sprintf("%T", pl.queues[0]); k != tc.kind {
				t.Errorf("queue type %s, want %s", k, tc.kind)
			}
		})
	}
}

func TestRoundRobinAndPrePartition(t *testing.T) {
	t.Parallel()
	tp := numaTopo(t)
	o, _ := Options{Scheme: "GSS", Layout: PerCPU, Threads: 4}.check(4)
	pl, err := newPlan(1003, o, newMachine(tp), func(error) {})
	if err != nil {
		t.Fatal(err)
	}
	p, _ := partition.New("GSS", 1003, o.partition())
	lo := 0
	for k := 0; ; k++ {
		c := p.Next(k % 4)
		if c == 0 {
			break
		}
		q := pl.queues[k%4].(*listQueue)
		got := q.chunks[k/4]
		if got != (chunk{lo, lo + c}) {
			t.Fatalf("chunk %d in queue %d = %v, want [%d, %d)", k, k%4, got, lo, lo+c)
		}
		lo += c
	}
	o.PrePartition = true
	pl, _ = newPlan(1003, o, newMachine(tp), func(error) {})
	wantLo := []int{0, 253, 503, 753}
	for q, qu := range pl.queues {
		l := qu.(*lazyQueue)
		if l.next != wantLo[q] || l.end != wantLo[q]+map[bool]int{true: 253, false: 250}[q == 0] {
			t.Errorf("queue %d covers [%d, %d)", q, l.next, l.end)
		}
	}
}
