package vec

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/daphne-go/daphne/sched"
)

// Trace collects the chunks of every pipeline run for --trace and writes
// them in the Chrome trace-event JSON format that Perfetto
// (ui.perfetto.dev) and chrome://tracing open. Each pipeline run is one
// process (pid = run number, from 1, in start order) named after the
// pipeline's source position and scheduling; each worker is one thread
// (tid = worker index, named "worker N"); each chunk is one complete event
// ("ph":"X") with ts and dur in microseconds relative to the start of its
// run and args lo, hi, rows, scheme, layout, queue, stolen and pos. The
// args lo and hi are integers, so sched/sim.ReadChromeTrace reads the file
// back.
//
// A Trace is safe for concurrent use. Chunks are recorded into per-worker
// buffers of their run (a worker index is used by one goroutine at a time
// within a run), so recording takes no lock.
type Trace struct {
	mu   sync.Mutex
	runs []*traceRun
}

// NewTrace returns an empty trace.
func NewTrace() *Trace { return &Trace{} }

type traceRun struct {
	id                     int
	pos                    string
	rows, threads          int
	scheme, layout, victim string
	start                  time.Time
	bufs                   [][]sched.ChunkEvent // per worker; bufs[w] written only by worker w
	overMu                 sync.Mutex
	over                   []sched.ChunkEvent // events with a worker index out of range (defensive)
}

func (r *traceRun) add(e sched.ChunkEvent) {
	if e.Worker >= 0 && e.Worker < len(r.bufs) {
		r.bufs[e.Worker] = append(r.bufs[e.Worker], e)
		return
	}
	r.overMu.Lock()
	r.over = append(r.over, e)
	r.overMu.Unlock()
}

// begin registers a run of rows rows at source position pos scheduled
// with o (Threads resolved) and returns it.
func (t *Trace) begin(pos string, rows int, o sched.Options) *traceRun {
	r := &traceRun{pos: pos, rows: rows, threads: o.Threads, scheme: schemeName(o.Scheme),
		layout: o.Layout.String(), victim: o.Victim.String(), start: time.Now(),
		bufs: make([][]sched.ChunkEvent, o.Threads)}
	t.mu.Lock()
	r.id = len(t.runs) + 1
	t.runs = append(t.runs, r)
	t.mu.Unlock()
	return r
}

// Runs returns the number of runs recorded so far.
func (t *Trace) Runs() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.runs)
}

// TraceEvent is one event of the Chrome trace-event JSON format (the
// subset written here).
type TraceEvent struct {
	Name string         `json:"name"`
	Cat  string         `json:"cat,omitempty"`
	Ph   string         `json:"ph"`
	Ts   float64        `json:"ts"`            // microseconds since the run's start
	Dur  float64        `json:"dur,omitempty"` // microseconds
	Pid  int            `json:"pid"`
	Tid  int            `json:"tid"`
	Args map[string]any `json:"args,omitempty"`
}

// TraceFile is the object form of a Chrome trace-event JSON file.
type TraceFile struct {
	TraceEvents     []TraceEvent `json:"traceEvents"`
	DisplayTimeUnit string       `json:"displayTimeUnit,omitempty"`
}

// Events returns the trace's events: per run a process_name metadata
// event, a thread_name event per worker of the run, then the run's chunks
// (per worker in execution order). Call it after the runs have finished.
func (t *Trace) Events() []TraceEvent {
	t.mu.Lock()
	runs := append([]*traceRun(nil), t.runs...)
	t.mu.Unlock()
	var evs []TraceEvent
	var t0 time.Time
	if len(runs) > 0 {
		t0 = runs[0].start
	}
	for _, r := range runs {
		evs = append(evs,
			TraceEvent{Name: "process_name", Ph: "M", Pid: r.id, Args: map[string]any{
				"name": fmt.Sprintf("pipeline %s run %d: %s %s/%s, %d rows, %d threads", r.pos, r.id, r.scheme, r.layout, r.victim, r.rows, r.threads)}},
			TraceEvent{Name: "process_sort_index", Ph: "M", Pid: r.id, Args: map[string]any{"sort_index": r.id}},
			TraceEvent{Name: "process_labels", Ph: "M", Pid: r.id, Args: map[string]any{
				"labels": fmt.Sprintf("starts %.0f us after the first run", us(r.start.Sub(t0)))}})
		for w := range r.bufs {
			evs = append(evs, TraceEvent{Name: "thread_name", Ph: "M", Pid: r.id, Tid: w, Args: map[string]any{"name": fmt.Sprintf("worker %d", w)}})
		}
		all := r.bufs
		if len(r.over) > 0 {
			all = append(append([][]sched.ChunkEvent(nil), r.bufs...), r.over)
		}
		for _, buf := range all {
			for _, e := range buf {
				evs = append(evs, TraceEvent{
					Name: fmt.Sprintf("rows %d-%d", e.Lo, e.Hi), Cat: "chunk", Ph: "X",
					Ts: us(e.Start.Sub(r.start)), Dur: us(e.End.Sub(e.Start)), Pid: r.id, Tid: e.Worker,
					Args: map[string]any{"lo": e.Lo, "hi": e.Hi, "rows": e.Hi - e.Lo, "scheme": r.scheme,
						"layout": r.layout, "queue": e.Queue, "stolen": e.Stolen, "pos": r.pos},
				})
			}
		}
	}
	return evs
}

// WriteTo writes the trace as one JSON object {"traceEvents": [...]}.
// Call it after the runs have finished.
func (t *Trace) WriteTo(w io.Writer) (int64, error) {
	b, err := json.Marshal(TraceFile{TraceEvents: t.Events(), DisplayTimeUnit: "ns"})
	if err != nil {
		return 0, err
	}
	b = append(b, '\n')
	n, err := w.Write(b)
	return int64(n), err
}

func us(d time.Duration) float64 { return float64(d) / 1e3 }

func schemeName(s string) string {
	if s == "" {
		return "STATIC"
	}
	return s
}

// Begin prepares one pipeline run of rows rows at source position pos: it
// returns the scheduling options for the run and a function to call with
// the run's error when it has finished. With neither Trace nor Logger set
// it returns o.Sched unchanged and a no-op. With Trace set, the run's
// chunks are recorded into it; with Logger set, the run's scheduling
// decisions (scheme, layout, victim selection, threads, rows, grain, chunks
// and stolen chunks) are logged at debug level when it ends (--debug-mt).
// A caller-set o.Sched.Trace is still called.
func (o Options) Begin(pos string, rows int) (sched.Options, func(error)) {
	so := o.Sched
	if o.Trace == nil && o.Logger == nil {
		return so, func(error) {}
	}
	if so.Threads == 0 {
		so.Threads = o.PoolOrDefault().Size()
	}
	var run *traceRun
	if o.Trace != nil {
		run = o.Trace.begin(pos, rows, so)
	}
	var chunks, stolen atomic.Int64
	prev := so.Trace
	so.Trace = func(e sched.ChunkEvent) {
		if run != nil {
			run.add(e)
		}
		if o.Logger != nil {
			chunks.Add(1)
			if e.Stolen {
				stolen.Add(1)
			}
		}
		if prev != nil {
			prev(e)
		}
	}
	start := time.Now()
	return so, func(err error) {
		if o.Logger == nil {
			return
		}
		attrs := []any{"pos", pos, "rows", rows, "scheme", schemeName(so.Scheme), "layout", so.Layout.String(),
			"victim", so.Victim.String(), "threads", so.Threads, "grain", max(so.MinChunk, 1),
			"pre_partition", so.PrePartition, "pin", so.Pin, "chunks", chunks.Load(), "stolen", stolen.Load(),
			"seconds", time.Since(start).Seconds()}
		if so.ChunkSize > 0 {
			attrs = append(attrs, "cst_task_size", so.ChunkSize)
		}
		if err != nil {
			attrs = append(attrs, "error", err.Error())
		}
		o.Logger.Log(context.Background(), slog.LevelDebug, "vectorized pipeline", attrs...)
	}
}
