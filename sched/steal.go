package sched

import "math/rand/v2"

// Stealing, after DAPHNE (runtime-reference.md 4.3): a worker drains its own
// queue, then visits victims. Queues never refill, so an empty queue is
// finished for good. All functions here are called only by the worker w
// that owns the run slot; they touch shared state only through queue.pop.

// steal runs worker w's victim policy after its own queue is empty.
func (r *run) steal(w int) {
	Q := len(r.pl.queues)
	if Q <= 1 {
		return
	}
	own := r.pl.home[w]
	pri := r.o.Layout == PerCPU && (r.o.Victim == SeqPri || r.o.Victim == RandomPri)
	switch r.o.Victim {
	case Seq, SeqPri:
		if pri {
			r.ring(w, own, true)
		}
		r.ring(w, own, false)
	case Random, RandomPri:
		rng := rand.New(rand.NewPCG(uint64(r.o.Seed), uint64(w)+1))
		finished := make([]bool, Q)
		finished[own] = true
		if pri {
			r.random(w, rng, finished, true)
		}
		r.random(w, rng, finished, false)
	}
}

// ring visits own+1, own+2, ... (mod Q) and drains each victim; with
// sameGroup only queues of w's group.
func (r *run) ring(w, own int, sameGroup bool) {
	Q := len(r.pl.queues)
	for k := 1; k < Q && !r.stopped(); k++ {
		v := (own + k) % Q
		if sameGroup && r.pl.qgroup[v] != r.pl.wgroup[w] {
			continue
		}
		r.drain(w, v)
	}
}

// random picks victims uniformly and takes one chunk per pick until every
// candidate queue (all, or those of w's group) is marked finished.
func (r *run) random(w int, rng *rand.Rand, finished []bool, sameGroup bool) {
	Q := len(finished)
	var cand []int
	left := 0
	for q := range Q {
		if !sameGroup || r.pl.qgroup[q] == r.pl.wgroup[w] {
			cand = append(cand, q)
			if !finished[q] {
				left++
			}
		}
	}
	for left > 0 && !r.stopped() {
		v := cand[rng.IntN(len(cand))]
		if finished[v] {
			continue
		}
		lo, hi, ok := r.pl.queues[v].pop(w)
		if !ok {
			finished[v] = true
			left--
			continue
		}
		r.exec(w, v, lo, hi)
	}
}
