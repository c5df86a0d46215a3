package sim

import "math/rand"

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
// nq queues. group maps a queue to its group (socket) for the *PRI variants.
func newVictims(c *Config, own, nq int, group func(q int) int, rng *rand.Rand) victims {
	pri := c.Layout == PerCPU // SEQPRI/RANDOMPRI equal SEQ/RANDOM unless PERCPU
	switch c.Victim {
	case Random, RandomPri:
		v := &randomVictims{own: own, rng: rng, done: make([]bool, nq), left: nq}
		if pri && c.Victim == RandomPri {
			for q := range nq {
				if group(q) == group(own) {
					v.near = append(v.near, q)
				}
			}
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

// randomVictims implements RANDOM and RANDOMPRI: after draining its own
// queue the worker picks a uniformly random queue it has not yet seen empty
// (same-group ones first if near is set) for every single dequeue. The
// random source is shared by all workers, like C's rand() in DAPHNE.
type randomVictims struct {
	own     int
	ownDone bool
	rng     *rand.Rand
	done    []bool // done[q]: q reported EOF to this worker
	left    int    // number of queues with done[q] == false
	near    []int  // same-group queues (RANDOMPRI on PERCPU), else nil
}

func (v *randomVictims) next() (int, bool) {
	if !v.ownDone {
		return v.own, true
	}
	if q, ok := v.pick(v.near); ok {
		return q, true
	}
	return v.pickAll()
}

// pick chooses uniformly among the not-done queues of set.
func (v *randomVictims) pick(set []int) (int, bool) {
	n := 0
	for _, q := range set {
		if !v.done[q] {
			n++
		}
	}
	if n == 0 {
		return 0, false
	}
	k := v.rng.Intn(n)
	for _, q := range set {
		if !v.done[q] {
			if k == 0 {
				return q, true
			}
			k--
		}
	}
	return 0, false // unreachable
}

func (v *randomVictims) pickAll() (int, bool) {
	if v.left == 0 {
		return 0, false
	}
	k := v.rng.Intn(v.left)
	for q, d := range v.done {
		if !d {
			if k == 0 {
				return q, true
			}
			k--
		}
	}
	return 0, false // unreachable
}

func (v *randomVictims) eof(q int) {
	if q == v.own {
		v.ownDone = true
	}
	if !v.done[q] {
		v.done[q] = true
		v.left--
	}
}
