package sched

// Queues hold the chunks of one Run. All of a run's chunks are known (or, for
// lazy queues, decided on demand from a fixed row range) before workers
// start, and nothing is enqueued later, so an empty queue stays empty: a pop
// that fails is DAPHNE's EOF. Stealing is an ordinary pop on another
// worker's queue (one chunk from the head, no half-stealing), as in DAPHNE.
//
// Rejected alternative: DAPHNE's linked list + mutex + condition variable per
// queue. With every chunk enqueued before the workers look, no worker ever
// needs to block, so a slice with an atomic head (or a mutex around a
// partitioner that cuts chunks on demand) does the same job without
// allocation per chunk.

import (
	"fmt"
	"math"
	"sync"
	"sync/atomic"
	"time"

	"github.com/daphne-go/daphne/sched/partition"
)

// queue is one task queue. pop may be called by any worker concurrently.
type queue interface {
	// pop claims the next chunk [lo, hi) for worker w; ok is false once
	// the queue is empty (for good).
	pop(w int) (lo, hi int, ok bool)
	// feedback returns the adaptive scheme behind the queue, or nil.
	feedback() partition.Feedback
	// done reports a finished chunk to the adaptive scheme (feedback() != nil).
	done(w, size int, d time.Duration)
}

// lazyQueue cuts chunks from [next, end) on demand with a Partitioner under a
// mutex: CENTRALIZED, pre-partitioned blocks, and adaptive schemes.
type lazyQueue struct {
	mu   sync.Mutex // guards p, fb and next
	p    partition.Partitioner
	fb   partition.Feedback
	next int
	end  int
	name string
	bad  func(error) // reports a misbehaving scheme (0 with rows left); concurrency-safe
}

var _ queue = (*lazyQueue)(nil)

func newLazy(p partition.Partitioner, lo, hi int, name string, bad func(error)) *lazyQueue {
	q := &lazyQueue{p: p, next: lo, end: hi, name: name, bad: bad}
	q.fb, _ = p.(partition.Feedback)
	return q
}

// pop is safe for concurrent use by any worker (takes q.mu).
func (q *lazyQueue) pop(w int) (int, int, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.next >= q.end {
		return 0, 0, false
	}
	c := q.p.Next(w)
	if c <= 0 {
		q.bad(fmt.Errorf("sched: scheme %s returned chunk %d with rows [%d, %d) left", q.name, c, q.next, q.end))
		q.next = q.end
		return 0, 0, false
	}
	lo := q.next
	q.next = lo + min(c, q.end-lo)
	return lo, q.next, true
}

func (q *lazyQueue) feedback() partition.Feedback { return q.fb }

// done is safe for concurrent use by any worker (takes q.mu).
func (q *lazyQueue) done(w, size int, d time.Duration) {
	q.mu.Lock()
	q.fb.Done(w, size, d)
	q.mu.Unlock()
}

// chunk is a row range [lo, hi).
type chunk struct{ lo, hi int }

// listQueue is a precomputed list of chunks claimed with an atomic index:
// the lock-free queue of non-constant schemes and each queue of the
// round-robin PERGROUP/PERCPU layouts.
type listQueue struct {
	head   atomic.Int64 // index of the next unclaimed chunk; Add(1) claims one
	chunks []chunk      // read-only after construction
}

var _ queue = (*listQueue)(nil)

// pop is safe for concurrent use by any worker (one atomic add). Each
// worker pops an empty queue at most once per visit, so head stays near
// len(chunks).
func (q *listQueue) pop(int) (int, int, bool) {
	i := q.head.Add(1) - 1 // claim chunk i; claims past the end mean empty
	if i >= int64(len(q.chunks)) {
		return 0, 0, false
	}
	c := q.chunks[i]
	return c.lo, c.hi, true
}

func (q *listQueue) feedback() partition.Feedback { return nil }
func (q *listQueue) done(int, int, time.Duration) {}

// fixedQueue hands out constant-size chunks of [0, end) with one atomic add
// on a row counter: the lock-free queue of SS, CST and AUTO.
type fixedQueue struct {
	next atomic.Int64 // first unclaimed row; Add(size) claims a chunk
	size int64
	end  int64
}

var _ queue = (*fixedQueue)(nil)

// pop is safe for concurrent use by any worker (one atomic add). Each
// worker pops an empty queue at most once per visit (and visits are bounded
// by the victim policies), so next stays far from overflow.
func (q *fixedQueue) pop(int) (int, int, bool) {
	lo := q.next.Add(q.size) - q.size // claim [lo, lo+size)
	if lo >= q.end {
		return 0, 0, false
	}
	return int(lo), int(min(lo+q.size, q.end)), true
}

func (q *fixedQueue) feedback() partition.Feedback { return nil }
func (q *fixedQueue) done(int, int, time.Duration) {}

func newFixedQueue(size, n int) *fixedQueue {
	s := int64(max(1, min(size, n)))
	// Keep next + workers*size far from overflow for huge n.
	if int64(n) > math.MaxInt64/4 {
		s = min(s, math.MaxInt64/(4*MaxThreads))
	}
	return &fixedQueue{size: s, end: int64(n)}
}

// cutChunks draws all chunks of [lo, hi) from p, asking as worker k mod
// threads for the k-th chunk; a scheme returning 0 too early is an error.
func cutChunks(p partition.Partitioner, lo, hi, threads int, name string) ([]chunk, error) {
	var out []chunk
	for next := lo; next < hi; {
		c := p.Next(len(out) % threads)
		if c <= 0 {
			return nil, fmt.Errorf("sched: scheme %s returned chunk %d with rows [%d, %d) left", name, c, next, hi)
		}
		end := next + min(c, hi-next)
		out = append(out, chunk{next, end})
		next = end
	}
	return out, nil
}

// strideQueue is queue q of Q under round-robin distribution of a
// constant-size scheme: it holds chunks q, q+Q, q+2Q, ... of size rows each,
// claimed with an atomic add on the local index, without a chunk list.
type strideQueue struct {
	next       atomic.Int64 // local index j of the next chunk (global q + j*Q); Add(1) claims
	q, nq      int64
	size, rows int64
}

var _ queue = (*strideQueue)(nil)

// pop is safe for concurrent use by any worker (one atomic add).
func (s *strideQueue) pop(int) (int, int, bool) {
	j := s.next.Add(1) - 1 // claim local chunk j
	k := s.q + j*s.nq
	if k >= (s.rows+s.size-1)/s.size {
		return 0, 0, false
	}
	lo := k * s.size
	return int(lo), int(min(lo+s.size, s.rows)), true
}

func (s *strideQueue) feedback() partition.Feedback { return nil }
func (s *strideQueue) done(int, int, time.Duration) {}
