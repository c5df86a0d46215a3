package sched

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/daphne-go/daphne/sched/partition"
	"github.com/daphne-go/daphne/sched/topo"
)

// numaTopo is a fake 2-socket, 2-node, 4-core, 8-thread machine, so PERGROUP
// has two queues and SEQPRI/RANDOMPRI have groups to prefer.
func numaTopo(t testing.TB) *topo.Topology {
	t.Helper()
	tp, err := topo.Read("topo/testdata/numa2x2x2")
	if err != nil {
		t.Fatal(err)
	}
	return tp
}

func newTestPool(t testing.TB, tp *topo.Topology) *Pool {
	t.Helper()
	p, err := NewPool(PoolOptions{Threads: 2, Topology: tp})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

// recorder checks a run: every row exactly once, workers in range, no two
// chunks at once on one worker; it keeps the chunk sizes.
type recorder struct {
	count   []atomic.Int32
	busy    []atomic.Int32
	mu      sync.Mutex
	sizes   []int
	threads int
}

func newRecorder(n, threads int) *recorder {
	return &recorder{count: make([]atomic.Int32, n), busy: make([]atomic.Int32, threads), threads: threads}
}

func (r *recorder) body(lo, hi, w int) error {
	if w < 0 || w >= r.threads {
		return fmt.Errorf("worker %d out of range", w)
	}
	if r.busy[w].Add(1) != 1 {
		return fmt.Errorf("worker %d runs two chunks at once", w)
	}
	defer r.busy[w].Add(-1)
	if lo >= hi {
		return fmt.Errorf("empty chunk [%d, %d)", lo, hi)
	}
	for i := lo; i < hi; i++ {
		r.count[i].Add(1)
	}
	r.mu.Lock()
	r.sizes = append(r.sizes, hi-lo)
	r.mu.Unlock()
	return nil
}

func (r *recorder) check(t *testing.T, what string) {
	t.Helper()
	for i := range r.count {
		if c := r.count[i].Load(); c != 1 {
			t.Fatalf("%s: row %d processed %d times", what, i, c)
		}
	}
}

// sequence is the partitioner's own chunk sequence (workers round robin).
func sequence(t *testing.T, scheme string, n int, o Options) []int {
	t.Helper()
	p, err := partition.New(scheme, n, o.partition())
	if err != nil {
		t.Fatal(err)
	}
	var s []int
	for c := p.Next(0); c > 0; c = p.Next(len(s) % o.Threads) {
		s = append(s, c)
	}
	return s
}

// TestRunMatrix: every scheme x layout x victim x threads {1, 2, 3, 7} x
// pre-partition processes every row exactly once; where chunks come from one
// global sequence their sizes are the partitioner's (in order with one
// worker on the centralized queue).
func TestRunMatrix(t *testing.T) {
	t.Parallel()
	p := newTestPool(t, numaTopo(t))
	seed := time.Now().UnixNano()
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(uint64(seed), 1))
	runs := 0
	for _, scheme := range partition.Names() {
		if strings.HasPrefix(scheme, "TEST") {
			continue
		}
		for _, layout := range Layouts() {
			for _, victim := range Victims() {
				for _, threads := range []int{1, 2, 3, 7} {
					for _, pre := range []bool{false, true} {
						if pre && (layout == Centralized || layout == LockFree) {
							continue
						}
						n := rng.IntN(3000)
						o := Options{Scheme: scheme, Layout: layout, Victim: victim, Threads: threads, PrePartition: pre,
							MinChunk: rng.IntN(4), ChunkSize: 1 + rng.IntN(40), Compat: rng.IntN(2) == 0, Seed: seed}
						what := fmt.Sprintf("seed %d: n=%d %+v", seed, n, o)
						rec := newRecorder(n, threads)
						if err := p.Run(t.Context(), n, rec.body, o); err != nil {
							t.Fatalf("%s: %v", what, err)
						}
						rec.check(t, what)
						runs++
						_, adaptive := must(partition.New(scheme, n, o.partition())).(partition.Feedback)
						if adaptive {
							continue
						}
						var want []int
						if pre {
							// Each of the Q blocks is chunked by its own partitioner.
							Q := map[Layout]int{PerCPU: threads, PerGroup: 2}[layout]
							for q := range Q {
								size := n / Q
								if q == 0 {
									size += n % Q
								}
								want = append(want, sequence(t, scheme, size, o)...)
							}
						} else {
							want = sequence(t, scheme, n, o)
						}
						got := rec.sizes
						if !(threads == 1 && layout == Centralized) {
							got, want = slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(want))
						}
						if !slices.Equal(got, want) {
							t.Fatalf("%s: chunk sizes %v, want %v", what, got, want)
						}
					}
				}
			}
		}
	}
	t.Logf("%d runs", runs)
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestRunErrors(t *testing.T) {
	t.Parallel()
	p := newTestPool(t, nil)
	boom := errors.New("boom")
	for _, layout := range Layouts() {
		t.Run(layout.String(), func(t *testing.T) {
			var calls atomic.Int64
			err := p.Run(t.Context(), 100000, func(lo, hi, w int) error {
				calls.Add(1)
				if lo <= 500 && 500 < hi {
					return boom
				}
				return nil
			}, Options{Scheme: "SS", Layout: layout})
			var ce *ChunkError
			if !errors.Is(err, boom) || !errors.As(err, &ce) || ce.Lo > 500 || ce.Hi <= 500 {
				t.Fatalf("got %v", err)
			}
			if calls.Load() == 100000 {
				t.Errorf("run did not stop after the error")
			}
		})
	}
}

func TestRunPanic(t *testing.T) {
	t.Parallel()
	p := newTestPool(t, nil)
	var zero []int
	err := p.Run(t.Context(), 100, func(lo, hi, w int) error {
		if lo <= 42 && 42 < hi {
			_ = zero[lo] // index out of range
		}
		return nil
	}, Options{Scheme: "GSS"})
	var pe *PanicError
	if !errors.As(err, &pe) || pe.Lo > 42 || pe.Hi <= 42 {
		t.Fatalf("got %v", err)
	}
	var re runtime.Error
	if !errors.As(err, &re) {
		t.Errorf("panic value is not unwrapped as runtime.Error: %v", pe.Value)
	}
	if !strings.Contains(string(pe.Stack), "TestRunPanic") || !strings.Contains(err.Error(), "rows [") {
		t.Errorf("stack or rows missing:\n%v", err)
	}
}

func TestRunCancel(t *testing.T) {
	t.Parallel()
	p := newTestPool(t, nil)
	for _, layout := range Layouts() {
		t.Run(layout.String(), func(t *testing.T) {
			ctx, cancel := context.WithCancel(t.Context())
			var calls atomic.Int64
			done := make(chan error, 1)
			go func() {
				done <- p.Run(ctx, 1_000_000, func(lo, hi, w int) error {
					if calls.Add(1) == 10 {
						cancel()
					}
					time.Sleep(100 * time.Microsecond)
					return nil
				}, Options{Scheme: "SS", Layout: layout})
			}()
			select {
			case err := <-done:
				if !errors.Is(err, context.Canceled) {
					t.Fatalf("got %v", err)
				}
			case <-time.After(30 * time.Second):
				t.Fatal("Run did not return after cancellation")
			}
			if c := calls.Load(); c > 10000 {
				t.Errorf("%d chunks ran after cancellation", c)
			}
		})
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if err := p.Run(ctx, 10, func(lo, hi, w int) error { t.Error("body called"); return nil }, Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: got %v", err)
	}
}

func TestRunOptionErrors(t *testing.T) {
	p := newTestPool(t, nil)
	nop := func(lo, hi, w int) error { return nil }
	tests := []struct {
		name   string
		n      int
		body   func(lo, hi, w int) error
		o      Options
		substr string
	}{
		{"unknown scheme", 10, nop, Options{Scheme: "FOO"}, `"FOO"`},
		{"bad layout", 10, nop, Options{Layout: 9}, "CENTRALIZED"},
		{"bad victim", 10, nop, Options{Victim: -1}, "SEQPRI"},
		{"negative threads", 10, nop, Options{Threads: -1}, "-1"},
		{"too many threads", 10, nop, Options{Threads: MaxThreads + 1}, "threads"},
		{"negative n", -5, nop, Options{}, "-5"},
		{"nil body", 5, nil, Options{}, "nil body"},
		{"cst without size", 5, nop, Options{Scheme: "CST"}, "DAPHNE_CST_TASK_SIZE"},
	}
	t.Setenv(partition.CSTEnv, "")
	for _, tc := range tests {
		err := p.Run(context.Background(), tc.n, tc.body, tc.o)
		if err == nil || !strings.Contains(err.Error(), tc.substr) {
			t.Errorf("%s: got %v, want an error containing %q", tc.name, err, tc.substr)
		}
	}
	if err := p.Run(context.Background(), 0, nop, Options{}); err != nil {
		t.Errorf("n = 0: %v", err)
	}
}

func TestParse(t *testing.T) {
	t.Parallel()
	for _, l := range Layouts() {
		if got, err := ParseLayout(strings.ToLower(l.String())); err != nil || got != l {
			t.Errorf("ParseLayout(%s) = %v, %v", l, got, err)
		}
	}
	for _, v := range Victims() {
		if got, err := ParseVictim(v.String()); err != nil || got != v {
			t.Errorf("ParseVictim(%s) = %v, %v", v, got, err)
		}
	}
	if _, err := ParseLayout("PERNODE"); !errors.Is(err, ErrOption) || !strings.Contains(err.Error(), "PERNODE") || !strings.Contains(err.Error(), "PERCPU") {
		t.Errorf("ParseLayout(PERNODE): %v", err)
	}
	if s, err := ParseScheme(" gss"); err != nil || s != "GSS" {
		t.Errorf("ParseScheme(gss) = %q, %v", s, err)
	}
	if _, err := ParseScheme("GSSS"); !errors.Is(err, ErrOption) || !strings.Contains(err.Error(), "GSSS") || !strings.Contains(err.Error(), "FAC2") {
		t.Errorf("ParseScheme(GSSS): %v", err)
	}
	if _, err := ParseVictim("STEAL"); !errors.Is(err, ErrOption) || !strings.Contains(err.Error(), "RANDOMPRI") {
		t.Errorf("ParseVictim(STEAL): %v", err)
	}
}

// misbehaving returns 0 after its first chunk although rows remain.
type misbehaving struct{ calls int }

func (m *misbehaving) Next(int) int {
	m.calls++
	if m.calls == 1 {
		return 3
	}
	return 0
}

func TestBadUserScheme(t *testing.T) {
	t.Parallel()
	if err := partition.Register("TEST-BAD", func(int, partition.Options) (partition.Partitioner, error) { return &misbehaving{}, nil }); err != nil && !errors.Is(err, partition.ErrRegister) {
		t.Fatal(err)
	}
	p := newTestPool(t, nil)
	for _, layout := range Layouts() {
		err := p.Run(t.Context(), 10, func(lo, hi, w int) error { return nil }, Options{Scheme: "test-bad", Layout: layout})
		if err == nil || !strings.Contains(err.Error(), "TEST-BAD") && !strings.Contains(err.Error(), "test-bad") {
			t.Errorf("%s: got %v", layout, err)
		}
	}
}

func TestNestedRun(t *testing.T) {
	t.Parallel()
	p := newTestPool(t, nil)
	var total atomic.Int64
	err := p.Run(t.Context(), 10, func(lo, hi, w int) error {
		return p.Run(t.Context(), 100, func(lo, hi, w int) error {
			total.Add(int64(hi - lo))
			return nil
		}, Options{Scheme: "GSS", Layout: PerCPU})
	}, Options{Scheme: "SS"})
	if err != nil || total.Load() != 1000 {
		t.Fatalf("nested: %v, %d rows", err, total.Load())
	}
}

func TestNoLeak(t *testing.T) {
	before := runtime.NumGoroutine()
	p, err := NewPool(PoolOptions{Threads: 3})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range Layouts() {
		if err := p.Run(t.Context(), 1000, func(lo, hi, w int) error { return nil }, Options{Scheme: "FAC2", Layout: l, Threads: 7}); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithCancel(t.Context())
	_ = p.Run(ctx, 1000, func(lo, hi, w int) error { cancel(); return nil }, Options{Scheme: "SS"})
	p.Close()
	p.Close() // idempotent
	if err := p.Run(t.Context(), 10, func(lo, hi, w int) error { return nil }, Options{}); !errors.Is(err, ErrClosed) {
		t.Errorf("Run after Close: %v", err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if after := runtime.NumGoroutine(); after > before {
		t.Errorf("%d goroutines before, %d after Close", before, after)
	}
}

func TestPinWorkers(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("pinning is Linux only")
	}
	tp := topo.Detect()
	p, err := NewPool(PoolOptions{Threads: 2, Topology: tp})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	var mu sync.Mutex
	seen := map[int][]int{}
	err = p.Run(t.Context(), 64, func(lo, hi, w int) error {
		cpus, err := topo.Affinity()
		mu.Lock()
		seen[w] = cpus
		mu.Unlock()
		return err
	}, Options{Scheme: "SS", Pin: true, Threads: 2})
	if err != nil {
		t.Fatal(err)
	}
	for w, cpus := range seen {
		if want := []int{tp.ForWorker(w).ID}; !slices.Equal(cpus, want) {
			t.Errorf("worker %d runs on %v, want %v", w, cpus, want)
		}
	}
}

func TestDefaultThreads(t *testing.T) {
	tp := numaTopo(t)
	if got := DefaultThreads(tp, false); got != 4 {
		t.Errorf("cores: %d", got)
	}
	if got := DefaultThreads(tp, true); got != 8 {
		t.Errorf("logical: %d", got)
	}
	t.Setenv("SLURM_CPUS_ON_NODE", "3")
	if got := DefaultThreads(tp, true); got != 3 {
		t.Errorf("slurm cap: %d", got)
	}
	if Default() != Default() || Default().Size() < 1 {
		t.Error("Default pool")
	}
}

// TestConcurrentRuns: Runs from several goroutines on one pool all complete
// exactly (one uses the workers, the others run on their callers).
func TestConcurrentRuns(t *testing.T) {
	t.Parallel()
	p := newTestPool(t, nil)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rec := newRecorder(5000, 2)
			layout := Layouts()[g%4]
			if err := p.Run(t.Context(), 5000, rec.body, Options{Scheme: "GSS", Layout: layout, Threads: 2}); err != nil {
				errs <- err
				return
			}
			for i := range rec.count {
				if c := rec.count[i].Load(); c != 1 {
					errs <- fmt.Errorf("run %d: row %d processed %d times", g, i, c)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestTrace(t *testing.T) {
	t.Parallel()
	p := newTestPool(t, numaTopo(t))
	for _, layout := range Layouts() {
		for _, scheme := range []string{"GSS", "AWFC"} {
			var mu sync.Mutex
			var evs []ChunkEvent
			o := Options{Scheme: scheme, Layout: layout, Threads: 3, Victim: Random, Trace: func(e ChunkEvent) {
				mu.Lock()
				evs = append(evs, e)
				mu.Unlock()
			}}
			rec := newRecorder(2000, 3)
			if err := p.Run(t.Context(), 2000, rec.body, o); err != nil {
				t.Fatal(err)
			}
			rows := 0
			for _, e := range evs {
				rows += e.Hi - e.Lo
				home := map[Layout]int{Centralized: 0, LockFree: 0, PerCPU: e.Worker, PerGroup: []int{0, 0, 1}[e.Worker]}[layout]
				if e.Worker < 0 || e.Worker >= 3 || e.End.Before(e.Start) || e.Stolen != (e.Queue != home) {
					t.Errorf("%s %s: bad event %+v", layout, scheme, e)
				}
			}
			if rows != 2000 || len(evs) != len(rec.sizes) {
				t.Errorf("%s %s: events cover %d rows in %d events, body saw %d chunks", layout, scheme, rows, len(evs), len(rec.sizes))
			}
		}
	}
}

// panicky panics on its second chunk.
type panicky struct{ calls int }

func (p *panicky) Next(int) int {
	p.calls++
	if p.calls == 2 {
		panic("scheme bug")
	}
	return 1
}

// TestPanickingUserScheme: a panic inside a user scheme's Next (called under
// a queue lock, or up front while chunks are cut) becomes a *PanicError.
func TestPanickingUserScheme(t *testing.T) {
	t.Parallel()
	if err := partition.Register("TEST-PANICKY", func(int, partition.Options) (partition.Partitioner, error) { return &panicky{}, nil }); err != nil && !errors.Is(err, partition.ErrRegister) {
		t.Fatal(err)
	}
	p := newTestPool(t, nil)
	for _, layout := range Layouts() {
		for _, trace := range []bool{false, true} {
			o := Options{Scheme: "TEST-PANICKY", Layout: layout, Threads: 2}
			if trace {
				o.Trace = func(ChunkEvent) {}
			}
			err := p.Run(t.Context(), 10, func(lo, hi, w int) error { return nil }, o)
			var pe *PanicError
			if !errors.As(err, &pe) || pe.Value != "scheme bug" {
				t.Errorf("%s trace=%v: got %v", layout, trace, err)
			}
		}
	}
}
