package sched

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/daphne-go/daphne/sched/topo"
)

// PoolOptions configure a Pool.
type PoolOptions struct {
	// Threads is the number of workers started up front and the default of
	// Options.Threads. 0 means DefaultThreads(Topology, Hyperthreading).
	Threads int
	// Hyperthreading makes the default thread count the logical CPUs instead
	// of the physical cores (DAPHNE's --hyperthreading as documented).
	Hyperthreading bool
	// Topology is the machine; nil means topo.Detect().
	Topology *topo.Topology
	// Spin is how long an idle worker polls for the next Run before it
	// parks, and how long Run polls for its workers to finish before it
	// blocks (OpenMP's GOMP_SPINCOUNT idea): back-to-back Runs then skip
	// goroutine wake-ups. 0 means DefaultSpin; negative means never spin.
	Spin time.Duration
}

// DefaultSpin is the default PoolOptions.Spin.
const DefaultSpin = 50 * time.Microsecond

// DefaultThreads is the default worker count: the physical cores (logical
// CPUs with hyperthreading), capped by $SLURM_CPUS_ON_NODE when set and
// smaller, as in DAPHNE.
func DefaultThreads(t *topo.Topology, hyperthreading bool) int {
	n := t.Cores
	if hyperthreading {
		n = t.Logical()
	}
	if s, err := strconv.Atoi(os.Getenv("SLURM_CPUS_ON_NODE")); err == nil && s > 0 && s < n {
		n = s
	}
	return max(n, 1)
}

// Pool is a persistent set of worker goroutines that execute Runs. Workers
// are started by NewPool (and when a Run asks for more threads than exist)
// and live until Close; a Run never starts goroutines of its own.
type Pool struct {
	topo *topo.Topology
	mach *machine      // topo with its worker order
	size int           // default threads per run
	spin time.Duration // PoolOptions.Spin resolved (0: never spin)

	busy sync.Mutex // held for the duration of a Run that uses the workers

	mu      sync.Mutex // guards workers and closed
	workers []*worker
	closed  bool
	wg      sync.WaitGroup // one count per worker goroutine
}

// worker is one pool goroutine; jobs carries the runs it takes part in.
type worker struct {
	id     int
	jobs   chan *run
	pinned int // OS CPU the goroutine is pinned to, -1 if none; owned by the goroutine
}

// NewPool starts a pool. Callers must Close it to stop its goroutines.
func NewPool(o PoolOptions) (*Pool, error) {
	t := o.Topology
	if t == nil {
		t = topo.Detect()
	}
	if o.Threads < 0 || o.Threads > MaxThreads {
		return nil, fmt.Errorf("%w: pool threads %d (accepted: 0 for the default, or 1..%d)", ErrOption, o.Threads, MaxThreads)
	}
	size := o.Threads
	if size == 0 {
		size = DefaultThreads(t, o.Hyperthreading)
	}
	spin := o.Spin
	switch {
	case spin == 0:
		spin = DefaultSpin
	case spin < 0:
		spin = 0
	}
	p := &Pool{topo: t, mach: newMachine(t), size: size, spin: spin}
	p.mu.Lock()
	p.grow(size)
	p.mu.Unlock()
	return p, nil
}

var (
	defaultOnce sync.Once
	defaultPool *Pool
)

// Default returns the process-wide pool (default threads, detected
// topology), started on first use and never closed. Safe for concurrent use.
func Default() *Pool {
	defaultOnce.Do(func() {
		defaultPool, _ = NewPool(PoolOptions{}) // cannot fail with zero options
	})
	return defaultPool
}

// Size is the default number of threads per Run.
func (p *Pool) Size() int { return p.size }

// Topology is the machine the pool schedules on.
func (p *Pool) Topology() *topo.Topology { return p.topo }

// grow starts workers up to n. p.mu must be held.
func (p *Pool) grow(n int) {
	for len(p.workers) < n {
		w := &worker{id: len(p.workers), jobs: make(chan *run, 1), pinned: -1}
		p.workers = append(p.workers, w)
		p.wg.Add(1)
		go p.loop(w)
	}
}

// loop is the body of worker goroutine w; only it reads w.jobs.
func (p *Pool) loop(w *worker) {
	defer p.wg.Done()
	for {
		r, ok := w.next(p.spin)
		if !ok {
			return
		}
		r.work(w)
	}
}

// next waits for w's next run, polling for spin before parking. Called
// only by w's goroutine.
func (w *worker) next(spin time.Duration) (*run, bool) {
	for deadline := time.Now().Add(spin); spin > 0 && time.Now().Before(deadline); {
		select {
		case r, ok := <-w.jobs:
			return r, ok
		default:
			runtime.Gosched()
		}
	}
	r, ok := <-w.jobs
	return r, ok
}

// Close stops the workers and waits for them to exit. Runs in progress
// finish first. Close is idempotent; Run after Close returns ErrClosed.
// Safe for concurrent use, but not from inside a body.
func (p *Pool) Close() error {
	p.busy.Lock() // wait for a run in progress
	defer p.busy.Unlock()
	p.mu.Lock()
	if !p.closed {
		p.closed = true
		for _, w := range p.workers {
			close(w.jobs)
		}
	}
	p.mu.Unlock()
	p.wg.Wait()
	return nil
}

// Run calls body for every row range of [0, n), as chunks cut by the scheme
// in o and handed out through o's queue layout to o.Threads workers, and
// returns when all rows are done or the run stops. The first error returned
// by body (wrapped in *ChunkError) or recovered from a panic in body
// (*PanicError, with the stack and the chunk's rows) stops the run: chunks
// not yet started are skipped and that error is returned. Cancelling ctx
// stops the run the same way and returns ctx's error. Every row in [0, n) is
// passed to exactly one body call when Run returns nil.
//
// worker is the worker index in [0, o.Threads); calls with the same worker
// never overlap, so per-worker scratch may be indexed by it.
//
// Run may be called by any goroutine. Runs on one pool use its workers one
// at a time: a Run that finds the workers busy (a concurrent Run, or a Run
// nested inside a body) executes on the calling goroutine alone, as worker
// 0, which visits every queue; it never deadlocks.
func (p *Pool) Run(ctx context.Context, n int, body func(lo, hi, worker int) error, o Options) error {
	if body == nil {
		return fmt.Errorf("%w: nil body", ErrOption)
	}
	if n < 0 {
		return fmt.Errorf("%w: row count %d (must be >= 0)", ErrOption, n)
	}
	o, err := o.check(p.size)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	r := &run{body: body, o: o}
	pl, err := safePlan(n, o, p.mach, r.fail)
	if err != nil {
		return err
	}
	r.pl = pl
	if n == 0 {
		return nil
	}
	stopCtx := context.AfterFunc(ctx, func() { r.fail(ctx.Err()) })
	defer stopCtx()
	if o.Trace != nil || pl.adaptive {
		r.start = time.Now()
		r.lastEnd = make([]time.Time, o.Threads)
		for i := range r.lastEnd {
			r.lastEnd[i] = r.start
		}
	}

	if !p.busy.TryLock() {
		r.inline()
		return r.result()
	}
	defer p.busy.Unlock()
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return ErrClosed
	}
	p.grow(o.Threads)
	ws := p.workers[:o.Threads]
	p.mu.Unlock()
	// Without pinning the caller is worker 0 (one wake-up less; a 1-thread
	// run wakes nobody). With pinning every worker is a pool goroutine.
	first := 1
	if o.Pin {
		first = 0
	}
	r.wg.Add(len(ws) - first)
	r.pending.Store(int32(len(ws) - first))
	for _, w := range ws[first:] {
		w.jobs <- r // buffered and idle (busy is held): never blocks
	}
	if first == 1 {
		r.part(0)
	}
	for deadline := time.Now().Add(p.spin); p.spin > 0 && r.pending.Load() > 0 && time.Now().Before(deadline); {
		runtime.Gosched()
	}
	r.wg.Wait()
	stopCtx() // a cancellation from here on no longer counts
	return r.result()
}

// run is the state of one Run, shared by its workers.
type run struct {
	body  func(lo, hi, worker int) error
	o     Options
	pl    *plan
	start time.Time

	lastEnd []time.Time // worker -> end of its previous chunk; slot w written only by worker w

	stop  atomic.Bool // set once on the first error or cancellation; read before every chunk
	errMu sync.Mutex  // guards err
	err   error
	wg    sync.WaitGroup // one count per pool worker taking part
	// pending counts pool workers not yet finished with the run: decremented
	// (release) by each before wg.Done, polled (acquire) by Run's spin.
	pending atomic.Int32
}

// fail records err if it is the first and stops the run. Any goroutine.
func (r *run) fail(err error) {
	r.errMu.Lock()
	if r.err == nil {
		r.err = err
	}
	r.errMu.Unlock()
	r.stop.Store(true) // release: workers see the stop before their next chunk
}

func (r *run) stopped() bool { return r.stop.Load() }

func (r *run) result() error {
	r.errMu.Lock()
	defer r.errMu.Unlock()
	return r.err
}

// work is worker w's part of the run. Called only by w's goroutine.
func (r *run) work(w *worker) {
	defer r.wg.Done()
	defer r.pending.Add(-1)
	if r.o.Pin && w.pinned != r.pl.cpu[w.id] {
		if err := topo.Pin(r.pl.cpu[w.id]); err != nil {
			r.fail(fmt.Errorf("sched: worker %d: %w", w.id, err))
			return
		}
		w.pinned = r.pl.cpu[w.id]
	}
	r.part(w.id)
}

// part is worker w's share: drain its own queue, then steal. A panic that
// escapes the body's own recovery (one in a user scheme's Next, say) stops
// the run as a *PanicError instead of killing the process. Called only by
// worker w.
func (r *run) part(w int) {
	defer r.recoverChunk(w, nil, nil)
	r.drain(w, r.pl.home[w])
	r.steal(w)
}

// safePlan is newPlan with a panic in a user scheme turned into an error.
func safePlan(n int, o Options, m *machine, fail func(error)) (pl *plan, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = &PanicError{Lo: 0, Hi: n, Worker: -1, Value: v, Stack: debug.Stack()}
		}
	}()
	return newPlan(n, o, m, fail)
}

// inline runs the whole run on the calling goroutine as worker 0.
func (r *run) inline() {
	defer r.recoverChunk(0, nil, nil)
	r.drain(0, r.pl.home[0])
	for q := range r.pl.queues {
		r.drain(0, q)
	}
}

// drain takes chunks from queue q for worker w until it is empty or the run
// stops. Called only by worker w. For non-adaptive, untraced queues this is
// the hot path: one stop check, one pop and one body call per chunk, with a
// single deferred recover for the whole drain (a panic stops the run anyway).
func (r *run) drain(w, q int) {
	qu := r.pl.queues[q]
	if qu.feedback() != nil || r.o.Trace != nil {
		for !r.stopped() {
			lo, hi, ok := qu.pop(w)
			if !ok {
				return
			}
			r.exec(w, q, lo, hi)
		}
		return
	}
	var lo, hi int
	defer r.recoverChunk(w, &lo, &hi)
	body := r.body
	for !r.stopped() {
		var ok bool
		lo, hi = -1, -1 // a panic in pop (a user scheme) is outside any chunk
		if lo, hi, ok = qu.pop(w); !ok {
			return
		}
		if err := body(lo, hi, w); err != nil {
			r.fail(&ChunkError{Lo: lo, Hi: hi, Worker: w, Err: err})
			return
		}
	}
}

// recoverChunk is deferred by drain: it turns a panic in the chunk [*lo,
// *hi) into a *PanicError that stops the run. With nil lo, hi (a panic
// outside a body call) the rows are reported as [-1, -1).
func (r *run) recoverChunk(w int, lo, hi *int) {
	if v := recover(); v != nil {
		l, h := -1, -1
		if lo != nil {
			l, h = *lo, *hi
		}
		r.fail(&PanicError{Lo: l, Hi: h, Worker: w, Value: v, Stack: debug.Stack()})
	}
}

// exec runs body on [lo, hi) from queue q for worker w, reports the time to
// an adaptive scheme and to Options.Trace, and records errors and panics.
// Called only by worker w.
func (r *run) exec(w, q int, lo, hi int) {
	qu := r.pl.queues[q]
	fb := qu.feedback()
	if fb == nil && r.o.Trace == nil {
		if err := r.call(w, lo, hi); err != nil {
			r.fail(err)
		}
		return
	}
	t0 := time.Now()
	err := r.call(w, lo, hi)
	t1 := time.Now()
	if r.o.Trace != nil {
		r.o.Trace(ChunkEvent{Lo: lo, Hi: hi, Worker: w, Queue: q, Stolen: q != r.pl.home[w], Start: t0, End: t1})
	}
	if fb != nil {
		if fb.IncludesOverhead() {
			// AWFD/AWFE: time since the worker's previous chunk ended (or the
			// run started), i.e. the chunk plus its scheduling overhead.
			t0 = r.lastEnd[w]
		}
		qu.done(w, hi-lo, t1.Sub(t0))
	}
	r.lastEnd[w] = t1
	if err != nil {
		r.fail(err)
	}
}

// call invokes body and converts a panic into a *PanicError.
func (r *run) call(w, lo, hi int) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = &PanicError{Lo: lo, Hi: hi, Worker: w, Value: v, Stack: debug.Stack()}
		}
	}()
	if e := r.body(lo, hi, w); e != nil {
		return &ChunkError{Lo: lo, Hi: hi, Worker: w, Err: e}
	}
	return nil
}
