package sim

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
)

// Sweep is the Cartesian product machines x layouts x victims x schemes
// over a base configuration, the shape of the paper's Figures 7 to 10.
type Sweep struct {
	// Base supplies every field the lists below do not vary.
	Base Config
	// Schemes, Layouts, Victims and Machines are the values to vary; an
	// empty list means Base's value. Victims vary only for layouts with more
	// than one queue (a single queue never steals), so a CENTRALIZED point
	// appears once, with the first victim.
	Schemes  []string
	Layouts  []string
	Victims  []string
	Machines []Machine
	// PrePartitions varies Config.PrePartition (e.g. {false, true}); empty
	// means Base's value. Like victims it varies only for layouts with more
	// than one queue.
	PrePartitions []bool
	// Parallel is the number of runs simulated at once; 0 means GOMAXPROCS.
	Parallel int
}

// Configs returns the sweep's configurations in order: machines outermost,
// then layouts, pre-partitioning, victims and schemes. Names are not validated here; Run
// reports invalid ones.
func (s Sweep) Configs() []Config {
	or := func(l []string, d string) []string {
		if len(l) == 0 {
			return []string{d}
		}
		return l
	}
	machines := s.Machines
	if len(machines) == 0 {
		machines = []Machine{s.Base.Machine}
	}
	var out []Config
	for _, m := range machines {
		for _, l := range or(s.Layouts, s.Base.Layout) {
			victims := or(s.Victims, s.Base.Victim)
			pres := s.PrePartitions
			if len(pres) == 0 {
				pres = []bool{s.Base.PrePartition}
			}
			if single(l, m) {
				victims, pres = victims[:1], pres[:1]
			}
			for _, pre := range pres {
				for _, v := range victims {
					for _, sc := range or(s.Schemes, s.Base.Scheme) {
						c := s.Base
						c.Machine, c.Layout, c.PrePartition, c.Victim, c.Scheme = m, l, pre, v, sc
						out = append(out, c)
					}
				}
			}
		}
	}
	return out
}

// single reports whether layout l has one queue on machine m.
func single(l string, m Machine) bool {
	switch strings.ToUpper(l) {
	case PerCPU:
		return m.Cores == 1
	case PerGroup:
		return m.Groups <= 1
	default:
		return true
	}
}

// Run simulates every configuration of the sweep, Parallel at a time, and
// returns the results in Configs order. The first error (or ctx's) stops
// the sweep; runs already started finish first. It may be called by any
// goroutine; it owns and waits for the goroutines it starts.
func (s Sweep) Run(ctx context.Context) ([]*Result, error) {
	cs := s.Configs()
	out := make([]*Result, len(cs))
	par := s.Parallel
	if par <= 0 {
		par = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		next     atomic.Int64 // index of the next configuration to claim
		wg       sync.WaitGroup
		errOnce  sync.Once
		firstErr error // set once under errOnce, read after wg.Wait
	)
	for range min(par, len(cs)) {
		wg.Go(func() {
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= len(cs) {
					return
				}
				r, err := Run(cs[i])
				if err != nil {
					errOnce.Do(func() {
						firstErr = fmt.Errorf("sweep point %d (%s %s/%s, %d cores): %w", i, cs[i].Scheme, cs[i].Layout, cs[i].Victim, cs[i].Cores, err)
					})
					cancel()
					return
				}
				out[i] = r
			}
		})
	}
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	for _, r := range out {
		if r == nil { // stopped by the caller's context
			return nil, ctx.Err()
		}
	}
	return out, nil
}

// CSVHeader is the header line WriteCSV writes.
const CSVHeader = "scheme,layout,victim,prepartition,compat,cores,groups,rows,min_chunk,chunk_overhead_ns,steal_overhead_ns,queue_lock_ns,atomic_claim_ns,noise,seed,makespan_ns,chunks,steals,imbalance,work_ns,overhead_ns,wait_ns"

// WriteCSV writes one line per result after CSVHeader.
func WriteCSV(w io.Writer, rs []*Result) error {
	if _, err := fmt.Fprintln(w, CSVHeader); err != nil {
		return err
	}
	for _, r := range rs {
		c := r.Config
		var wait int64
		for _, s := range r.Workers {
			wait += int64(s.Wait)
		}
		if _, err := fmt.Fprintf(w, "%s,%s,%s,%t,%t,%d,%d,%d,%d,%d,%d,%d,%d,%g,%d,%d,%d,%d,%.6f,%d,%d,%d\n",
			r.scheme(), c.Layout, c.Victim, c.PrePartition, c.Compat, c.Cores, c.Groups, c.Rows, c.MinChunk,
			int64(c.ChunkOverhead), int64(c.StealOverhead), int64(c.QueueLock), int64(c.AtomicClaim), c.Noise, c.Seed,
			int64(r.Makespan), r.Chunks, r.Steals, r.Imbalance, int64(r.Work), int64(r.Overhead), wait); err != nil {
			return err
		}
	}
	return nil
}
