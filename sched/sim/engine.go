package sim

import (
	"fmt"
	"math/rand/v2"
	"time"
)

// span is a chunk waiting in a queue: rows [lo, hi) and the partitioner
// that cut it (for feedback).
type span struct {
	lo, hi int
	part   Partitioner
}

// queue is one simulated task queue. A list queue holds chunks cut before
// the run; a lazy queue asks its partitioner at dequeue time (next..end are
// the rows not yet handed out), as sched's lazyQueue does under its mutex.
type queue struct {
	spans     []span
	head      int
	stride    int           // > 0: a constant-size scheme's chunks k = q, q+nq, ... of stride rows, no list
	q, nq     int           // stride: this queue's index and the queue count
	part      Partitioner   // non-nil: lazy queue
	next, end int           // lazy: rows [next, end) remain
	claim     time.Duration // how long one dequeue occupies the queue (QueueLock or AtomicClaim)
	busyUntil time.Duration // when the queue's lock (or counter) is next free
}

// take dequeues one chunk for worker w, or ok = false at EOF.
func (q *queue) take(w int) (s span, ok bool, err error) {
	if q.stride > 0 {
		lo := q.q*q.stride + q.head*q.nq*q.stride // chunk q + head*nq
		if lo >= q.end {
			return span{}, false, nil
		}
		q.head++
		return span{lo: lo, hi: min(lo+q.stride, q.end)}, true, nil
	}
	if q.part == nil {
		if q.head == len(q.spans) {
			return span{}, false, nil
		}
		q.head++
		return q.spans[q.head-1], true, nil
	}
	if q.next == q.end {
		return span{}, false, nil
	}
	n := q.part.Next(w)
	if n <= 0 || n > q.end-q.next {
		return span{}, false, fmt.Errorf("%w: Next(%d) = %d with %d rows left", ErrPartitioner, w, n, q.end-q.next)
	}
	q.next += n
	return span{lo: q.next - n, hi: q.next, part: q.part}, true, nil
}

// cut asks p for chunk sizes over rows [lo, hi), the k-th on behalf of
// worker who(k), and passes each chunk to put, in row order.
func cut(p Partitioner, who func(k int) int, lo, hi int, put func(span)) error {
	for k := 0; lo < hi; k++ {
		w := who(k)
		n := p.Next(w)
		if n <= 0 || n > hi-lo {
			return fmt.Errorf("%w: Next(%d) = %d with %d rows left", ErrPartitioner, w, n, hi-lo)
		}
		put(span{lo: lo, hi: lo + n, part: p})
		lo += n
	}
	return nil
}

// event: worker w acts at virtual time t; seq breaks ties first come,
// first served, which makes every run deterministic.
type event struct {
	t   time.Duration
	seq uint64
	w   int
}

// events is a binary min-heap of events ordered by (t, seq), typed to
// avoid container/heap's interface boxing (one allocation per event).
type events []event

func (h events) less(i, j int) bool {
	return h[i].t < h[j].t || h[i].t == h[j].t && h[i].seq < h[j].seq
}

func (h *events) push(e event) {
	*h = append(*h, e)
	a := *h
	for i := len(a) - 1; i > 0; {
		p := (i - 1) / 2
		if !a.less(i, p) {
			break
		}
		a[i], a[p] = a[p], a[i]
		i = p
	}
}

func (h *events) pop() event {
	a := *h
	top := a[0]
	n := len(a) - 1
	a[0] = a[n]
	a = a[:n]
	for i := 0; ; {
		l, m := 2*i+1, i
		if l < n && a.less(l, m) {
			m = l
		}
		if l+1 < n && a.less(l+1, m) {
			m = l + 1
		}
		if m == i {
			break
		}
		a[i], a[m] = a[m], a[i]
		i = m
	}
	*h = a
	return top
}

// worker is the simulator's state of one virtual worker.
type worker struct {
	id, own int
	vic     victims
	waitQ   int           // queue whose lock this worker reserved, or -1
	arrive  time.Duration // when it arrived at waitQ
	running bool          // a chunk is executing; the next event ends it
	cur     span
	curCost time.Duration // execution time of cur
	lastEnd time.Duration // when the previous chunk with feedback ended (0 at first)
	noise   *rand.Rand    // per-worker source of Config.Noise, nil without noise
	stats   WorkerStats
}

// engine is one run's state. It is used by one goroutine only.
type engine struct {
	c      *Config
	queues []queue
	ws     []worker
	evs    events
	seq    uint64
	trace  []Chunk
}

func (e *engine) push(t time.Duration, w int) {
	e.seq++
	e.evs.push(event{t: t, seq: e.seq, w: w})
}

// run processes events until every worker has retired.
func (e *engine) run() error {
	for w := range e.ws {
		e.push(0, w)
	}
	for len(e.evs) > 0 {
		ev := e.evs.pop()
		if err := e.step(&e.ws[ev.w], ev.t); err != nil {
			return err
		}
	}
	return nil
}

// step advances worker w at time t: it completes the running chunk, takes
// the chunk its reserved lock grants, or moves on to the next queue.
func (e *engine) step(w *worker, t time.Duration) error {
	if w.running {
		w.running = false
		e.feedback(w, t)
	}
	if w.waitQ >= 0 {
		q := w.waitQ
		started, err := e.dequeue(w, t)
		if err != nil || started {
			return err
		}
		t += e.queues[q].claim
	}
	q, ok := w.vic.next()
	if !ok {
		w.stats.Finish = t
		return nil
	}
	w.waitQ, w.arrive = q, t
	qu := &e.queues[q]
	if qu.claim == 0 { // no contention model: dequeue at once
		_, err := e.dequeue(w, t)
		return err
	}
	acq := max(t, qu.busyUntil)
	w.stats.Wait += acq - t
	qu.busyUntil = acq + qu.claim
	e.push(acq, w.id)
	return nil
}

// dequeue takes a chunk from w.waitQ at time t (w occupies the queue from
// t to t+claim) and schedules its end; started = false means EOF, which
// has been reported to w's victims.
func (e *engine) dequeue(w *worker, t time.Duration) (started bool, err error) {
	q := w.waitQ
	claim := e.queues[q].claim
	w.waitQ = -1
	w.stats.Overhead += claim
	s, ok, err := e.queues[q].take(w.id)
	if err != nil || !ok {
		if err == nil {
			w.vic.eof(q)
			if claim == 0 {
				return false, e.step(w, t) // keep looking at the same instant
			}
		}
		return false, err
	}
	stolen := q != w.own
	oh := e.c.ChunkOverhead
	if stolen {
		oh += e.c.StealOverhead
		w.stats.Steals++
	}
	w.stats.Overhead += oh
	start := t + claim + oh
	cost := e.cost(w, s.lo, s.hi)
	w.stats.Work += cost
	w.stats.Chunks++
	w.stats.Rows += s.hi - s.lo
	w.running, w.cur, w.curCost = true, s, cost
	if !e.c.NoTrace {
		e.trace = append(e.trace, Chunk{Worker: w.id, Queue: q, Lo: s.lo, Hi: s.hi,
			Request: w.arrive, Start: start, End: start + cost, Stolen: stolen})
	}
	e.push(start+cost, w.id)
	return true, nil
}

// cost is the execution time of rows [lo, hi) on worker w's core, with
// its speed and noise applied.
func (e *engine) cost(w *worker, lo, hi int) time.Duration {
	c := e.c.Cost.Cost(lo, hi)
	f := 1.0
	if e.c.Speed != nil {
		f /= e.c.Speed[w.id]
	}
	if w.noise != nil {
		f *= 1 + e.c.Noise*(2*w.noise.Float64()-1)
	}
	if f != 1 {
		c = time.Duration(float64(c)*f + 0.5)
	}
	return c
}

// feedback reports w's finished chunk (ending at t) to its partitioner.
func (e *engine) feedback(w *worker, t time.Duration) {
	fb, ok := w.cur.part.(Feedback)
	if !ok {
		return
	}
	elapsed := w.curCost
	if fb.IncludesOverhead() {
		elapsed = t - w.lastEnd
	}
	w.lastEnd = t
	fb.Done(w.id, w.cur.hi-w.cur.lo, elapsed)
}

// newEngine builds the queues and the workers of a normalized config. The
// queue structure is sched's (plan.go): CENTRALIZED and adaptive schemes
// cut chunks on demand under a lock; LOCKFREE and the round-robin
// PERGROUP/PERCPU lists are cut before the run (the k-th chunk asked as
// worker k mod Cores, as DAPHNE's main thread does) and claimed
// atomically; PrePartition (forced for adaptive schemes with several
// queues) gives each queue a contiguous block with its own lazy
// partitioner, queue 0 taking the remainder.
func newEngine(c *Config) (*engine, error) {
	nq, own := c.queues()
	e := &engine{c: c, queues: make([]queue, nq), ws: make([]worker, c.Cores)}
	p, err := newPartitioner(c, c.Rows)
	if err != nil {
		return nil, err
	}
	_, adaptive := p.(Feedback)
	lazy := func(p Partitioner, lo, hi int) queue {
		return queue{part: p, next: lo, end: hi, claim: c.QueueLock}
	}
	byWorker := func(k int) int { return k % c.Cores }
	switch {
	case c.Layout == Centralized || (c.Layout == LockFree && adaptive):
		e.queues[0] = lazy(p, 0, c.Rows)
	case c.PrePartition || adaptive:
		lo := 0
		for q := range nq {
			hi := lo + c.Rows/nq
			if q == 0 {
				hi += c.Rows % nq
			}
			bp := p
			if q > 0 || hi != c.Rows {
				if bp, err = newPartitioner(c, hi-lo); err != nil {
					return nil, err
				}
			}
			e.queues[q] = lazy(bp, lo, hi)
			lo = hi
		}
	default: // LOCKFREE (one list) or round robin: chunk k to queue k mod nq
		for q := range e.queues {
			e.queues[q].claim = c.AtomicClaim
		}
		if f, ok := p.(Fixed); ok { // sched's fixed/stride queues: no list
			size := max(1, min(f.FixedSize(), c.Rows))
			for q := range e.queues {
				qu := &e.queues[q]
				qu.stride, qu.q, qu.nq, qu.end = size, q, nq, c.Rows
			}
			break
		}
		k := 0
		if err := cut(p, byWorker, 0, c.Rows, func(s span) {
			e.queues[k%nq].spans = append(e.queues[k%nq].spans, s)
			k++
		}); err != nil {
			return nil, err
		}
	}
	group := func(q int) int { return c.Machine.Group(q) }
	if c.Layout == PerGroup {
		group = func(q int) int { return q }
	}
	for w := range e.ws {
		e.ws[w] = worker{id: w, own: own(w), waitQ: -1, vic: newVictims(c, w, own(w), nq, group)}
		if c.Noise > 0 {
			e.ws[w].noise = rand.New(rand.NewPCG(uint64(c.Seed), uint64(w)+1<<32))
		}
	}
	return e, nil
}

// Run simulates one run of c. It is deterministic: the same Config gives
// the same Result. Safe for concurrent use by any goroutine (runs share
// nothing except read-only cost models and partitioner factories).
func Run(c Config) (*Result, error) {
	c, err := c.normalized()
	if err != nil {
		return nil, err
	}
	e, err := newEngine(&c)
	if err != nil {
		return nil, err
	}
	if err := e.run(); err != nil {
		return nil, err
	}
	r := &Result{Config: c, Workers: make([]WorkerStats, len(e.ws)), Trace: e.trace}
	for i := range e.ws {
		r.Workers[i] = e.ws[i].stats
	}
	r.finish()
	return r, nil
}
