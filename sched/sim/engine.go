package sim

import (
	"fmt"
	"math/rand"
	"time"
)

// span is a chunk waiting in a queue: rows [lo, hi) and the partitioner
// that cut it (for feedback).
type span struct {
	lo, hi int
	part   Partitioner
}

// queue is one simulated task queue. Pre-filled queues hold spans; the
// on-demand centralized queue instead asks its partitioner at dequeue time
// (next..end are the rows not yet handed out).
type queue struct {
	spans     []span
	head      int
	part      Partitioner   // non-nil: on-demand queue
	next, end int           // on-demand: rows [next, end) remain
	lockFree  time.Duration // when the queue's lock is next free
}

// take dequeues one chunk for worker w, or ok = false at EOF.
func (q *queue) take(w int) (s span, ok bool, err error) {
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
	id, own  int
	vic      victims
	waitQ    int           // queue whose lock this worker reserved, or -1
	arrive   time.Duration // when it arrived at waitQ
	running  bool          // a chunk is executing; the next event ends it
	cur      span
	curCost  time.Duration // execution time of cur
	curStart time.Duration // when cur's dequeue began (feedback with overhead)
	stats    WorkerStats
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
		started, err := e.dequeue(w, t)
		if err != nil || started {
			return err
		}
		t += e.c.QueueLock
	}
	q, ok := w.vic.next()
	if !ok {
		w.stats.Finish = t
		return nil
	}
	w.waitQ, w.arrive = q, t
	if e.c.QueueLock == 0 { // no lock model: dequeue at once
		_, err := e.dequeue(w, t)
		return err
	}
	qu := &e.queues[q]
	acq := max(t, qu.lockFree)
	w.stats.Wait += acq - t
	qu.lockFree = acq + e.c.QueueLock
	e.push(acq, w.id)
	return nil
}

// dequeue takes a chunk from w.waitQ at time t (w holds its lock from t to
// t+QueueLock) and schedules its end; started = false means EOF, which
// has been reported to w's victims.
func (e *engine) dequeue(w *worker, t time.Duration) (started bool, err error) {
	q := w.waitQ
	w.waitQ = -1
	w.stats.Overhead += e.c.QueueLock
	s, ok, err := e.queues[q].take(w.id)
	if err != nil || !ok {
		if err == nil {
			w.vic.eof(q)
			if e.c.QueueLock == 0 {
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
	start := t + e.c.QueueLock + oh
	cost := e.cost(w.id, s.lo, s.hi)
	w.stats.Work += cost
	w.stats.Chunks++
	w.stats.Rows += s.hi - s.lo
	w.running, w.cur, w.curCost, w.curStart = true, s, cost, w.arrive
	if !e.c.NoTrace {
		e.trace = append(e.trace, Chunk{Worker: w.id, Queue: q, Lo: s.lo, Hi: s.hi,
			Request: w.arrive, Start: start, End: start + cost, Stolen: stolen})
	}
	e.push(start+cost, w.id)
	return true, nil
}

// cost is the execution time of rows [lo, hi) on worker w's core.
func (e *engine) cost(w, lo, hi int) time.Duration {
	c := e.c.Cost.Cost(lo, hi)
	if e.c.Speed != nil && e.c.Speed[w] != 1 {
		c = time.Duration(float64(c)/e.c.Speed[w] + 0.5)
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
	if e.c.FeedbackOverhead {
		elapsed = t - w.curStart
	}
	fb.Done(w.id, w.cur.hi-w.cur.lo, elapsed)
}

// newEngine builds the queues (filling them as DAPHNE's main thread does,
// before any worker starts) and the workers of a normalized config.
func newEngine(c *Config) (*engine, error) {
	nq, own := c.queues()
	e := &engine{c: c, queues: make([]queue, nq), ws: make([]worker, c.Cores)}
	owner := make([]int, nq) // first worker of each queue
	for w := c.Cores - 1; w >= 0; w-- {
		owner[own(w)] = w
	}
	switch {
	case nq == 1: // centralized (or one group): on demand, in request order
		p, err := newPartitioner(c, c.Rows)
		if err != nil {
			return nil, err
		}
		e.queues[0] = queue{part: p, end: c.Rows}
	case c.PrePartition: // contiguous block per queue, queue 0 takes the remainder
		lo := 0
		for q := range nq {
			hi := lo + c.Rows/nq
			if q == 0 {
				hi += c.Rows % nq
			}
			p, err := newPartitioner(c, hi-lo)
			if err != nil {
				return nil, err
			}
			qu := &e.queues[q]
			if err := cut(p, func(int) int { return owner[q] }, lo, hi, func(s span) { qu.spans = append(qu.spans, s) }); err != nil {
				return nil, err
			}
			lo = hi
		}
	default: // chunk k goes to queue k mod nq
		p, err := newPartitioner(c, c.Rows)
		if err != nil {
			return nil, err
		}
		k := 0
		if err := cut(p, func(k int) int { return owner[k%nq] }, 0, c.Rows, func(s span) {
			e.queues[k%nq].spans = append(e.queues[k%nq].spans, s)
			k++
		}); err != nil {
			return nil, err
		}
	}
	rng := rand.New(rand.NewSource(c.Seed))
	group := func(q int) int { return c.Machine.Group(owner[q]) }
	for w := range e.ws {
		e.ws[w] = worker{id: w, own: own(w), waitQ: -1, vic: newVictims(c, own(w), nq, group, rng)}
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
