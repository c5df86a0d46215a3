package sim

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// Chunk is one executed chunk of a simulated run. Times are virtual, from
// the start of the run.
type Chunk struct {
	Worker int // worker (core) that ran it
	Queue  int // queue it was taken from
	Lo, Hi int // rows [Lo, Hi)
	// Request is when the worker arrived at the queue, Start when the rows
	// began (after lock wait, lock hold, chunk and steal overhead), End
	// when they were done.
	Request, Start, End time.Duration
	Stolen              bool // taken from a queue other than the worker's own
}

// Rows returns Hi - Lo.
func (c Chunk) Rows() int { return c.Hi - c.Lo }

// WorkerStats accounts for one worker's time: from 0 to Finish it was
// always doing exactly one of Work, Overhead or Wait, so
// Finish == Work + Overhead + Wait, and Idle == Makespan - Finish.
type WorkerStats struct {
	Work     time.Duration // executing rows
	Overhead time.Duration // lock hold, chunk and steal overheads
	Wait     time.Duration // waiting for a queue lock held by another worker
	Idle     time.Duration // after retiring, until the makespan
	Finish   time.Duration // when the worker found no more work
	Chunks   int           // chunks executed
	Steals   int           // chunks taken from another worker's queue
	Rows     int           // rows executed
}

// Busy returns Work + Overhead.
func (s WorkerStats) Busy() time.Duration { return s.Work + s.Overhead }

// Result is the outcome of one simulated run.
type Result struct {
	// Config is the normalized configuration that produced the result.
	Config Config
	// Makespan is when the last worker retired.
	Makespan time.Duration
	// Workers holds per-worker accounting, indexed by worker.
	Workers []WorkerStats
	// Chunks and Steals count all executed and all stolen chunks.
	Chunks, Steals int
	// Work is the summed row execution time (on speed-1 cores it equals
	// the cost model's cost of all rows); Overhead the summed overheads.
	Work, Overhead time.Duration
	// Imbalance is max/mean - 1 over the workers' finish times (0 is
	// perfect balance; a worker without any chunk counts as finishing at 0).
	Imbalance float64
	// Trace lists every chunk in the order the chunks were taken; nil with
	// Config.NoTrace.
	Trace []Chunk
}

// Speedup returns Work / Makespan: how many cores' worth of rows ran on
// average (Cores at best, on speed-1 cores); 0 for an empty run.
func (r *Result) Speedup() float64 {
	if r.Makespan == 0 {
		return 0
	}
	return float64(r.Work) / float64(r.Makespan)
}

// Efficiency returns Speedup / Cores, in [0, 1] on speed-1 cores.
func (r *Result) Efficiency() float64 { return r.Speedup() / float64(r.Config.Cores) }

// TraceChunks returns the trace as TraceChunk values (rows and execution
// time), the input of FromTrace.
func (r *Result) TraceChunks() []TraceChunk {
	out := make([]TraceChunk, len(r.Trace))
	for i, c := range r.Trace {
		out[i] = TraceChunk{Lo: c.Lo, Hi: c.Hi, Elapsed: c.End - c.Start}
	}
	return out
}

// String summarizes the run on one line.
func (r *Result) String() string {
	return fmt.Sprintf("%s %s/%s cores=%d rows=%d: makespan %v, %d chunks, %d steals, imbalance %.4f",
		r.scheme(), r.Config.Layout, r.Config.Victim, r.Config.Cores, r.Config.Rows,
		r.Makespan, r.Chunks, r.Steals, r.Imbalance)
}

func (r *Result) scheme() string {
	if r.Config.Scheme == "" {
		return "(custom)"
	}
	return strings.ToUpper(r.Config.Scheme)
}

// WriteTraceCSV writes the trace as CSV with the header
// worker,queue,lo,hi,request_ns,start_ns,end_ns,stolen.
func (r *Result) WriteTraceCSV(w io.Writer) error {
	if _, err := io.WriteString(w, "worker,queue,lo,hi,request_ns,start_ns,end_ns,stolen\n"); err != nil {
		return err
	}
	for _, c := range r.Trace {
		if _, err := fmt.Fprintf(w, "%d,%d,%d,%d,%d,%d,%d,%t\n", c.Worker, c.Queue, c.Lo, c.Hi,
			int64(c.Request), int64(c.Start), int64(c.End), c.Stolen); err != nil {
			return err
		}
	}
	return nil
}

// finish fills the aggregate fields from Workers.
func (r *Result) finish() {
	var sum time.Duration
	for _, s := range r.Workers {
		r.Makespan = max(r.Makespan, s.Finish)
		r.Chunks += s.Chunks
		r.Steals += s.Steals
		r.Work += s.Work
		r.Overhead += s.Overhead
		sum += s.Finish
	}
	for i := range r.Workers {
		r.Workers[i].Idle = r.Makespan - r.Workers[i].Finish
	}
	if sum > 0 {
		mean := float64(sum) / float64(len(r.Workers))
		r.Imbalance = float64(r.Makespan)/mean - 1
	}
}
