package bench

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/daphne-go/daphne/examples/graphgen"
)

// RealOptions configures the sweep over the real daphne binary.
type RealOptions struct {
	// Bin is the daphne binary; Root the repository root (for the example
	// scripts); Dir the directory for generated inputs.
	Bin, Root, Dir string
	// Nodes and Edges size the connected-components graph (seed 42, model
	// amazon); LRRows x LRCols the linear-regression data.
	Nodes, Edges   int
	LRRows, LRCols int
	// Schemes, Layouts and Victims to sweep (a layout ending in "+pre",
	// e.g. "PERCPU+pre", runs with --pre-partition); Threads the --num-threads
	// values. With one thread only CENTRALIZED/SEQ is run (a single worker
	// never steals, so the other layouts measure the same thing).
	Schemes, Layouts, Victims []string
	Threads                   []int
	// Reps is the number of repetitions of every point (medians are
	// plotted); Timeout bounds one run.
	Reps    int
	Timeout time.Duration
	// Pipelines selects "cc", "lr" or both (nil).
	Pipelines []string
}

// DefaultRealOptions returns the paper-sized real sweep, or with quick a
// small one (seconds).
func DefaultRealOptions(quick bool) RealOptions {
	o := RealOptions{
		Nodes: 400_000, Edges: 3_400_000, LRRows: 1_000_000, LRCols: 101,
		Schemes: PaperSchemes, Layouts: []string{"CENTRALIZED", "PERCPU", "PERGROUP"},
		Victims: []string{"SEQ", "SEQPRI", "RANDOM", "RANDOMPRI"},
		Threads: []int{1, 2}, Reps: 1, Timeout: 5 * time.Minute,
	}
	if quick {
		o.Nodes, o.Edges, o.LRRows = 20_000, 170_000, 20_000
		o.Schemes = []string{"STATIC", "GSS", "MFSC", "TSS"}
		o.Victims = []string{"SEQ", "SEQPRI"}
	}
	return o
}

// RealRun is one run of the daphne binary.
type RealRun struct {
	Pipeline, Scheme, Layout, Victim string
	Threads, Rep                     int
	// WallSeconds is measured around the process; ExecSeconds and
	// TotalSeconds come from --timing (NaN if it could not be read).
	WallSeconds, ExecSeconds, TotalSeconds float64
	// SameOutput is "yes" or "no" when stdout is compared with the run
	// without scheduling flags (deterministic pipelines), "n/a" otherwise.
	SameOutput string
	// Err is empty on success.
	Err string
}

// RealCSVHeader is the header line WriteRealCSV writes.
const RealCSVHeader = "pipeline,scheme,layout,victim,threads,rep,wall_s,exec_s,total_s,same_output,error"

// WriteRealCSV writes runs as CSV with RealCSVHeader (NaN as empty).
func WriteRealCSV(w io.Writer, runs []RealRun) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(strings.Split(RealCSVHeader, ",")); err != nil {
		return err
	}
	f := func(v float64) string {
		if math.IsNaN(v) {
			return ""
		}
		return strconv.FormatFloat(v, 'g', 6, 64)
	}
	for _, r := range runs {
		rec := []string{r.Pipeline, r.Scheme, r.Layout, r.Victim, strconv.Itoa(r.Threads), strconv.Itoa(r.Rep),
			f(r.WallSeconds), f(r.ExecSeconds), f(r.TotalSeconds), r.SameOutput, r.Err}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// timing is the part of daphne's --timing JSON the harness reads.
type timing struct {
	Exec  float64 `json:"execution_seconds"`
	Total float64 `json:"total_seconds"`
}

// parseTiming finds the last line of stderr that is a --timing object.
func parseTiming(stderr []byte) (timing, bool) {
	lines := strings.Split(strings.TrimSpace(string(stderr)), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		l := strings.TrimSpace(lines[i])
		if k := strings.Index(l, `{"startup_seconds"`); k >= 0 {
			var t timing
			if json.Unmarshal([]byte(l[k:]), &t) == nil {
				return t, true
			}
		}
	}
	return timing{}, false
}

// pipeline is one example script with its arguments.
type pipeline struct {
	name, script  string
	args          []string
	deterministic bool
}

// prepare generates the inputs and returns the pipelines to run.
func (o RealOptions) prepare() ([]pipeline, error) {
	want := func(n string) bool { return len(o.Pipelines) == 0 || slices.Contains(o.Pipelines, n) }
	var ps []pipeline
	if want("cc") {
		g := filepath.Join(o.Dir, fmt.Sprintf("rmat-%d-%d.mtx", o.Nodes, o.Edges))
		if _, err := os.Stat(g); err != nil {
			es, err := graphgen.Generate(o.Nodes, o.Edges, graphgen.Models["amazon"], 42)
			if err != nil {
				return nil, fmt.Errorf("bench: generating the graph: %w", err)
			}
			if err := graphgen.WriteMTX(g, o.Nodes, es); err != nil {
				return nil, fmt.Errorf("bench: writing the graph: %w", err)
			}
		}
		abs, err := filepath.Abs(g)
		if err != nil {
			return nil, err
		}
		ps = append(ps, pipeline{"cc", filepath.Join(o.Root, "examples", "connected_components.daph"), []string{`f="` + abs + `"`}, true})
	}
	if want("lr") {
		ps = append(ps, pipeline{"lr", filepath.Join(o.Root, "examples", "linear_regression.daph"),
			[]string{fmt.Sprintf("numRows=%d", o.LRRows), fmt.Sprintf("numCols=%d", o.LRCols)}, false})
	}
	return ps, nil
}

// run runs the binary once and returns stdout, the timing and the wall time.
func (o RealOptions) run(ctx context.Context, p pipeline, flags []string) ([]byte, timing, float64, error) {
	ctx, cancel := context.WithTimeout(ctx, o.Timeout)
	defer cancel()
	args := append(append(slices.Clone(flags), "--timing", p.script), p.args...)
	cmd := exec.CommandContext(ctx, o.Bin, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start).Seconds()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if len(msg) > 200 {
			msg = msg[:200]
		}
		return nil, timing{}, wall, fmt.Errorf("%s %s: %v: %s", o.Bin, strings.Join(args, " "), err, msg)
	}
	t, ok := parseTiming(stderr.Bytes())
	if !ok {
		t = timing{Exec: math.NaN(), Total: math.NaN()}
	}
	return stdout.Bytes(), t, wall, nil
}

// RunReal runs every pipeline x threads x layout x victim x scheme Reps
// times with --vec and the scheduling flags, after one run without any
// flag (the reference output, also a warm-up). The repetitions are the
// outer loop and every repetition visits the points in its own shuffled
// order (seeded, reproducible): a drift of the machine's load over the
// sweep then spreads over all points instead of biasing the ones run
// together. Failed runs are recorded with their error, not fatal;
// progress lines go to log.
func RunReal(ctx context.Context, o RealOptions, log io.Writer) ([]RealRun, error) {
	if o.Reps < 1 {
		o.Reps = 1
	}
	if o.Timeout <= 0 {
		o.Timeout = 5 * time.Minute
	}
	ps, err := o.prepare()
	if err != nil {
		return nil, err
	}
	var runs []RealRun
	for _, p := range ps {
		ref, _, _, err := o.run(ctx, p, nil)
		if err != nil {
			return runs, fmt.Errorf("bench: reference run of %s: %w", p.name, err)
		}
		pts := o.points()
		for rep := range o.Reps {
			order := rand.New(rand.NewPCG(uint64(rep), 42)).Perm(len(pts))
			for _, i := range order {
				if err := ctx.Err(); err != nil {
					return runs, err
				}
				pt := pts[i]
				flags := []string{"--vec", "--partitioning=" + pt.scheme, "--queue_layout=" + strings.TrimSuffix(pt.layout, PreSuffix),
					"--victim_selection=" + pt.victim, fmt.Sprintf("--num-threads=%d", pt.threads)}
				if strings.HasSuffix(pt.layout, PreSuffix) {
					flags = append(flags, "--pre-partition")
				}
				out, t, wall, err := o.run(ctx, p, flags)
				r := RealRun{Pipeline: p.name, Scheme: pt.scheme, Layout: pt.layout, Victim: pt.victim, Threads: pt.threads, Rep: rep,
					WallSeconds: wall, ExecSeconds: t.Exec, TotalSeconds: t.Total, SameOutput: "n/a"}
				if err != nil {
					r.Err, r.ExecSeconds, r.TotalSeconds = err.Error(), math.NaN(), math.NaN()
				} else if p.deterministic {
					r.SameOutput = map[bool]string{true: "yes", false: "no"}[bytes.Equal(out, ref)]
				}
				runs = append(runs, r)
				fmt.Fprintf(log, "real %s %s %s/%s t=%d rep=%d: exec %.3f s wall %.3f s same=%s %s\n",
					p.name, pt.scheme, pt.layout, pt.victim, pt.threads, rep, r.ExecSeconds, wall, r.SameOutput, r.Err)
			}
		}
	}
	return runs, nil
}

// point is one configuration of the real sweep.
type point struct {
	scheme, layout, victim string
	threads                int
}

// points lists the configurations: every threads x layout x victim x
// scheme, with one victim for single-queue layouts and for one thread
// (where only CENTRALIZED runs: a single worker never steals).
func (o RealOptions) points() []point {
	var pts []point
	for _, th := range o.Threads {
		for _, lay := range o.Layouts {
			victims := o.Victims
			if !multiQueue(lay) || th == 1 {
				if th == 1 && lay != "CENTRALIZED" {
					continue
				}
				victims = victims[:1]
			}
			for _, v := range victims {
				for _, sc := range o.Schemes {
					pts = append(pts, point{sc, lay, v, th})
				}
			}
		}
	}
	return pts
}

// median returns the median of the non-NaN values, or NaN if none.
func median(vs []float64) float64 {
	vs = slices.DeleteFunc(slices.Clone(vs), func(v float64) bool { return math.IsNaN(v) })
	if len(vs) == 0 {
		return math.NaN()
	}
	slices.Sort(vs)
	n := len(vs)
	if n%2 == 1 {
		return vs[n/2]
	}
	return (vs[n/2-1] + vs[n/2]) / 2
}

// RealFigures draws per pipeline a bar chart of the median execution time
// per scheme for CENTRALIZED at every thread count, and for the largest
// thread count a heatmap victim x scheme per multi-queue layout.
func RealFigures(runs []RealRun) []Figure {
	type key struct {
		p, sc, lay, v string
		th            int
	}
	vals := map[key][]float64{}
	var pipes, schemes, layouts, victims []string
	var threads []int
	add := func(l []string, s string) []string {
		if !slices.Contains(l, s) {
			l = append(l, s)
		}
		return l
	}
	for _, r := range runs {
		k := key{r.Pipeline, r.Scheme, r.Layout, r.Victim, r.Threads}
		vals[k] = append(vals[k], r.ExecSeconds)
		pipes, schemes, layouts, victims = add(pipes, r.Pipeline), add(schemes, r.Scheme), add(layouts, r.Layout), add(victims, r.Victim)
		if !slices.Contains(threads, r.Threads) {
			threads = append(threads, r.Threads)
		}
	}
	slices.Sort(threads)
	canonical(schemes, PaperSchemes)
	canonical(victims, victimOrder)
	get := func(k key) float64 { return median(vals[k]) }
	var figs []Figure
	for _, p := range pipes {
		bc := &BarChart{Title: fmt.Sprintf("daphne --vec, %s, CENTRALIZED", p), YLabel: "execution time (s, median)", Categories: schemes}
		for _, th := range threads {
			s := Series{Name: fmt.Sprintf("%d thread(s)", th)}
			for _, sc := range schemes {
				s.Values = append(s.Values, get(key{p, sc, "CENTRALIZED", victims[0], th}))
			}
			bc.Series = append(bc.Series, s)
		}
		figs = append(figs, Figure{Name: "real_" + p + "_centralized", Chart: bc})
		if len(threads) == 0 {
			continue
		}
		th := threads[len(threads)-1]
		for _, lay := range layouts {
			if !multiQueue(lay) {
				continue
			}
			reps := 0
			h := &Heatmap{RowLabels: victims, ColLabels: schemes, Unit: "s (median)"}
			sp := &Heatmap{RowLabels: victims, ColLabels: schemes, Unit: "% (max - min) / median"}
			for _, v := range victims {
				row, srow := make([]float64, len(schemes)), make([]float64, len(schemes))
				for j, sc := range schemes {
					xs := vals[key{p, sc, lay, v, th}]
					row[j], srow[j] = median(xs), 100*spread(xs)
					reps = max(reps, len(xs))
				}
				h.Values, sp.Values = append(h.Values, row), append(sp.Values, srow)
			}
			name := fmt.Sprintf("real_%s_%s", p, strings.ToLower(strings.ReplaceAll(lay, PreSuffix, "_pre")))
			h.Title = fmt.Sprintf("daphne --vec, %s, %s, %d threads, median of %d", p, lay, th, reps)
			sp.Title = fmt.Sprintf("daphne --vec, %s, %s, %d threads: spread of %d runs", p, lay, th, reps)
			figs = append(figs, Figure{Name: name, Chart: h}, Figure{Name: name + "_spread", Chart: sp})
		}
	}
	return figs
}

// ErrNoCompiler is returned by RunOverhead's OpenMP half when gcc is not
// on the PATH.
var ErrNoCompiler = errors.New("bench: gcc not found (apt-get install gcc); OpenMP comparison skipped")
