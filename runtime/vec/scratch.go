package vec

import (
	"sync"
	"sync/atomic"
)

// Scratch holds the batch-sized buffers of one worker: the intermediates of
// a compiled pipeline (program.go) are written into them, batch after batch
// and pipeline run after pipeline run, instead of into fresh matrices. A
// Scratch is used by one goroutine at a time.
type Scratch struct {
	f64 typed[float64]
	f32 typed[float32]
	i64 typed[int64]
}

// typed is the part of a Scratch for one element type: bufs[k] is the
// buffer of the k-th intermediate of a program, vals the per-batch table of
// the program's values (views of inputs, buffers or result rows).
type typed[T elem] struct {
	bufs [][]T
	vals [][]T
}

// scratchOf returns the part of s for T.
func scratchOf[T elem](s *Scratch) *typed[T] {
	var z T
	switch any(z).(type) {
	case float64:
		return any(&s.f64).(*typed[T])
	case float32:
		return any(&s.f32).(*typed[T])
	}
	return any(&s.i64).(*typed[T])
}

// buf returns buffer k with length n, reusing its storage when it is large
// enough; its contents are undefined.
func (t *typed[T]) buf(k, n int) []T {
	for len(t.bufs) <= k {
		t.bufs = append(t.bufs, nil)
	}
	if cap(t.bufs[k]) < n {
		t.bufs[k] = make([]T, n)
	}
	return t.bufs[k][:n]
}

// table returns the value table with n entries (cleared).
func (t *typed[T]) table(n int) [][]T {
	if cap(t.vals) < n {
		t.vals = make([][]T, n)
	}
	t.vals = t.vals[:n]
	clear(t.vals)
	return t.vals
}

// maxScratchCells bounds the cells a Scratch keeps in the arena's free
// list (32 MB of float64): a larger one (from a huge --phy-batch-size) is
// dropped after its run rather than pinned for the rest of the process.
const maxScratchCells = 4 << 20

// cells is the number of cells s holds.
func (s *Scratch) cells() int {
	n := 0
	for _, b := range s.f64.bufs {
		n += cap(b)
	}
	for _, b := range s.f32.bufs {
		n += cap(b)
	}
	for _, b := range s.i64.bufs {
		n += cap(b)
	}
	return n
}

// Arena is a free list of Scratch buffers shared by all pipeline runs of a
// process (unlike a sync.Pool it is not emptied by the garbage collector,
// so the buffers survive between pipeline calls). Safe for concurrent use.
type Arena struct {
	mu   sync.Mutex
	free []*Scratch
}

// maxFree bounds the Scratch buffers an Arena keeps.
const maxFree = 64

// defaultArena serves the pipeline runs of the process.
var defaultArena = &Arena{}

// DefaultArena returns the process-wide arena.
func DefaultArena() *Arena { return defaultArena }

// Get returns a Scratch from the free list, or a new one.
func (a *Arena) Get() *Scratch {
	a.mu.Lock()
	defer a.mu.Unlock()
	if k := len(a.free); k > 0 {
		s := a.free[k-1]
		a.free[k-1] = nil
		a.free = a.free[:k-1]
		return s
	}
	return &Scratch{}
}

// Put returns s to the free list (dropping it when the list is full or s
// is very large).
func (a *Arena) Put(s *Scratch) {
	if s == nil || s.cells() > maxScratchCells {
		return
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if len(a.free) < maxFree {
		a.free = append(a.free, s)
	}
}

// Workers hands out one Scratch per worker index of one pipeline run, taken
// from an arena on first use and given back by Release. For is safe for
// concurrent use by different workers (the scheduler never runs two calls
// with the same worker index at once).
type Workers struct {
	arena *Arena
	slots []atomic.Pointer[Scratch]
	mu    sync.Mutex
	extra []*Scratch // scratch of worker indexes beyond slots (never expected)
}

// NewWorkers returns the per-worker scratch of a run with up to n workers.
func (a *Arena) NewWorkers(n int) *Workers {
	return &Workers{arena: a, slots: make([]atomic.Pointer[Scratch], max(n, 1))}
}

// For returns worker w's Scratch.
func (w *Workers) For(worker int) *Scratch {
	if worker >= 0 && worker < len(w.slots) {
		if s := w.slots[worker].Load(); s != nil {
			return s
		}
		s := w.arena.Get()
		w.slots[worker].Store(s)
		return s
	}
	// Out of range: a fresh Scratch per call, kept for Release.
	s := w.arena.Get()
	w.mu.Lock()
	w.extra = append(w.extra, s)
	w.mu.Unlock()
	return s
}

// Release gives every Scratch back to the arena; call it after the run.
func (w *Workers) Release() {
	for i := range w.slots {
		if s := w.slots[i].Swap(nil); s != nil {
			w.arena.Put(s)
		}
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, s := range w.extra {
		w.arena.Put(s)
	}
	w.extra = nil
}
