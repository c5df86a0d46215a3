package sched

import (
	"github.com/daphne-go/daphne/sched/partition"
	"github.com/daphne-go/daphne/sched/topo"
)

// plan is the queue structure of one Run: the queues, each worker's own
// queue and the group (NUMA node or socket) of every queue and worker.
// Immutable once built, except for the queues' own synchronised state.
type plan struct {
	queues []queue
	home   []int // worker -> own queue
	qgroup []int // queue -> group
	wgroup []int // worker -> group
	cpu    []int // worker -> OS CPU (for pinning)

	adaptive bool // the scheme implements partition.Feedback
}

// groupOf is the PERGROUP group of a CPU: its NUMA node when the machine has
// several, else its socket.
func groupOf(t *topo.Topology, c topo.CPU) int {
	if t.Nodes > 1 {
		return c.Node
	}
	return c.Package
}

func groupCount(t *topo.Topology) int {
	if t.Nodes > 1 {
		return t.Nodes
	}
	return max(t.Packages, 1)
}

// machine is a topology with its worker order computed once (per Pool).
type machine struct {
	t     *topo.Topology
	order []topo.CPU // t.Order(): worker w runs on order[w mod len]
}

func newMachine(t *topo.Topology) *machine { return &machine{t: t, order: t.Order()} }

// newPlan builds the queues for n rows. fail receives a misbehaving user
// scheme's error during the run.
func newPlan(n int, o Options, m *machine, fail func(error)) (*plan, error) {
	T, t := o.Threads, m.t
	pl := &plan{home: make([]int, T), wgroup: make([]int, T), cpu: make([]int, T)}
	for w := range T {
		c := m.order[w%len(m.order)]
		pl.wgroup[w], pl.cpu[w] = groupOf(t, c), c.ID
	}
	p, err := partition.New(o.Scheme, n, o.partition())
	if err != nil {
		return nil, err
	}
	_, adaptive := p.(partition.Feedback)
	pl.adaptive = adaptive
	var Q int
	switch o.Layout {
	case Centralized, LockFree:
		Q = 1
		pl.qgroup = []int{0}
		pl.queues = []queue{central(p, n, o, adaptive, fail)}
		if pl.queues[0] == nil {
			chunks, err := cutChunks(p, 0, n, T, o.Scheme)
			if err != nil {
				return nil, err
			}
			pl.queues[0] = &listQueue{chunks: chunks}
		}
		return pl, nil
	case PerCPU:
		Q = T
		pl.qgroup = append([]int(nil), pl.wgroup...)
		for w := range T {
			pl.home[w] = w
		}
	case PerGroup:
		Q = groupCount(t)
		pl.qgroup = make([]int, Q)
		for q := range Q {
			pl.qgroup[q] = q
		}
		copy(pl.home, pl.wgroup)
	}
	if o.PrePartition || adaptive {
		pl.queues, err = blockQueues(n, Q, o, fail)
	} else {
		pl.queues, err = roundRobin(p, n, Q, o)
	}
	if err != nil {
		return nil, err
	}
	return pl, nil
}

// blockQueues cuts [0, n) into Q contiguous blocks (queue 0 gets floor(n/Q)
// + n mod Q rows, the others floor(n/Q)), each chunked on demand by its own
// partitioner with P = all threads (DAPHNE's --pre-partition).
func blockQueues(n, Q int, o Options, fail func(error)) ([]queue, error) {
	var qs []queue
	lo := 0
	for q := range Q {
		size := n / Q
		if q == 0 {
			size += n % Q
		}
		bp, err := partition.New(o.Scheme, size, o.partition())
		if err != nil {
			return nil, err
		}
		qs = append(qs, newLazy(bp, lo, lo+size, o.Scheme, fail))
		lo += size
	}
	return qs, nil
}

// roundRobin puts chunk k of p's sequence into queue k mod Q (DAPHNE's
// default distribution): stride queues for constant-size schemes, chunk
// lists cut up front otherwise.
func roundRobin(p partition.Partitioner, n, Q int, o Options) ([]queue, error) {
	var qs []queue
	if f, ok := p.(partition.Fixed); ok {
		size := int64(max(1, min(f.FixedSize(), n)))
		for q := range Q {
			qs = append(qs, &strideQueue{q: int64(q), nq: int64(Q), size: size, rows: int64(n)})
		}
		return qs, nil
	}
	chunks, err := cutChunks(p, 0, n, o.Threads, o.Scheme)
	if err != nil {
		return nil, err
	}
	lists := make([]*listQueue, Q)
	for q := range lists {
		lists[q] = &listQueue{chunks: make([]chunk, 0, len(chunks)/Q+1)}
	}
	for k, c := range chunks {
		lists[k%Q].chunks = append(lists[k%Q].chunks, c)
	}
	for _, l := range lists {
		qs = append(qs, l)
	}
	return qs, nil
}

// central returns the single queue of CENTRALIZED and LOCKFREE, or nil when
// LOCKFREE must precompute a chunk list.
func central(p partition.Partitioner, n int, o Options, adaptive bool, fail func(error)) queue {
	if o.Layout == Centralized || adaptive {
		return newLazy(p, 0, n, o.Scheme, fail)
	}
	if f, ok := p.(partition.Fixed); ok {
		return newFixedQueue(f.FixedSize(), n)
	}
	return nil
}
