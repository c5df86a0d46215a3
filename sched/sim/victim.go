package sim

import "math/rand/v2"

// victims is the order in which one worker visits queues: its own queue
// until it is empty, then others as runtime-reference.md 4.3 describes.
// Each worker owns its victims value; the simulator is single-threaded.
type victims interface {
	// next returns the queue to dequeue from next, or ok = false when the
	// worker has nothing left to visit and retires.
	next() (q int, ok bool)
	// eof reports that a dequeue on q found it empty (queues never refill:
	// every chunk is enqueued before the workers start).
	eof(q int)
}

var (
	_ victims = (*ringVictims)(nil)
	_ victims = (*randomVictims)(nil)
)

// newVictims builds the visiting order of worker w owning queue own, among
// nq queues. group maps a queue to its group (socket) for the *PRI
// variants, which differ from SEQ/RANDOM only with PERCPU, as in DAPHNE.
func newVictims(c *Config, w, own, nq int, group func(q int) int) victims {
	pri := c.Layout == PerCPU
	switch c.Victim {
	case Random, RandomPri:
		v := &randomVictims{own: own, finished: make([]bool, nq),
			rng: rand.New(rand.NewPCG(uint64(c.Seed), uint64(w)+1))} // sched's per-worker source
		if pri && c.Victim == RandomPri {
			for q := range nq {
				if group(q) == group(own) {
					v.near = append(v.near, q)
				}
			}
		}
		for q := range nq {
			v.all = append(v.all, q)
		}
		return v
	default:
		order := []int{own}
		if pri && c.Victim == SeqPri {
			for i := 1; i < nq; i++ {
				if q := (own + i) % nq; group(q) == group(own) {
					order = append(order, q)
				}
			}
		}
		for i := 1; i < nq; i++ {
			order = append(order, (own+i)%nq)
		}
		return &ringVictims{order: order}
	}
}

// ringVictims implements SEQ and SEQPRI: a fixed list of queues, each
// drained until it reports EOF before moving on.
type ringVictims struct {
	order []int
	i     int
}

func (v *ringVictims) next() (int, bool) {
	if v.i >= len(v.order) {
		return 0, false
	}
	return v.order[v.i], true
}

func (v *ringVictims) eof(q int) {
	if v.i < len(v.order) && v.order[v.i] == q {
		v.i++
	}
}

// randomVictims implements RANDOM and RANDOMPRI as sched does: after
// draining its own queue the worker draws a candidate uniformly from a
// per-worker source (seeded with Config.Seed and the worker), draws again
// if it is already finished, and takes one chunk per pick; same-group
// candidates (near, RANDOMPRI on PERCPU) come first, then all queues.
type randomVictims struct {
	own       int
	ownDone   bool
	rng       *rand.Rand
	finished  []bool // finished[q]: q reported EOF to this worker
	near, all []int  // candidate sets, in the order they are used
}

func (v *randomVictims) next() (int, bool) {
	if !v.ownDone {
		return v.own, true
	}
	for _, cand := range [][]int{v.near, v.all} {
		if q, ok := v.pick(cand); ok {
			return q, true
		}
	}
	return 0, false
}

// pick draws from cand until it hits an unfinished queue (rejection
// sampling, as sched); ok is false when every candidate is finished.
func (v *randomVictims) pick(cand []int) (int, bool) {
	left := 0
	for _, q := range cand {
		if !v.finished[q] {
			left++
		}
	}
	for left > 0 {
		if q := cand[v.rng.IntN(len(cand))]; !v.finished[q] {
			return q, true
		}
	}
	return 0, false
}

func (v *randomVictims) eof(q int) {
	if q == v.own {
		v.ownDone = true
	}
	v.finished[q] = true
}
