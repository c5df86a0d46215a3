// Command experiments is the one-command harness of issue 3: simulator
// sweeps at 20 and 56 virtual cores, real runs of the two example
// pipelines over every scheduling option, and the per-chunk overhead
// against OpenMP, written as CSV, SVG figures and text under -out.
//
//	go run ./bench/cmd/experiments -out bench/out [-quick] [-sim=false] [-real=false] [-overhead=false]
//
// -quick uses small sizes (seconds); without it the paper's sizes (a
// 400,000-node, 3.4M-edge graph; 1,000,000 x 101 linear regression). Run
// it from the repository root (or give -root). See bench/README.md.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/daphne-go/daphne/bench"
	"github.com/daphne-go/daphne/sched/sim"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "experiments:", err)
		os.Exit(1)
	}
}

// findRoot walks up from the working directory to the directory holding go.mod.
func findRoot() (string, error) {
	d, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		}
		p := filepath.Dir(d)
		if p == d {
			return "", errors.New("go.mod not found above the working directory: give -root")
		}
		d = p
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("experiments", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "bench/out", "output directory")
	quick := fs.Bool("quick", false, "small sizes (seconds) instead of the paper's")
	doSim := fs.Bool("sim", true, "run the simulator sweeps")
	doReal := fs.Bool("real", true, "run the real daphne binary sweeps")
	doOver := fs.Bool("overhead", true, "compare the per-chunk overhead with OpenMP")
	reps := fs.Int("reps", 3, "repetitions of every real run (figures show medians; real_summary.csv medians and spreads)")
	threads := fs.String("threads", "1,2", "comma-separated --num-threads values of the real runs")
	layouts := fs.String("layouts", "CENTRALIZED,PERCPU,PERGROUP,PERCPU+pre", "queue layouts of the real runs (+pre: with --pre-partition)")
	pipes := fs.String("pipelines", "cc,lr", "real pipelines to run: cc, lr")
	root := fs.String("root", "", "repository root (default: the directory holding go.mod above the working directory)")
	bin := fs.String("bin", "", "daphne binary (default: go build ./cmd/daphne into -out)")
	benchtime := fs.String("benchtime", "", "go test -benchtime for the overhead benchmarks (default go's)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if *reps < 1 {
		return fmt.Errorf("-reps must be at least 1, got %d", *reps)
	}
	if *root == "" {
		r, err := findRoot()
		if err != nil {
			return err
		}
		*root = r
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	if *doSim {
		if err := runSim(ctx, *out, *quick, stdout); err != nil {
			return err
		}
	}
	ths, err := parseInts(*threads)
	if err != nil {
		return fmt.Errorf("-threads: %w", err)
	}
	if *doReal {
		rc := realConfig{reps: *reps, pipes: strings.Split(*pipes, ","), threads: ths, layouts: strings.Split(*layouts, ",")}
		if err := runReal(ctx, *root, *out, *bin, *quick, rc, stdout, stderr); err != nil {
			return err
		}
	}
	if *doOver {
		if err := runOverhead(ctx, *root, *out, *benchtime, stdout); err != nil {
			return err
		}
	}
	return nil
}

// runSim runs the simulator sweeps and writes sim_MODEL.csv, the figures
// and sim_summary.txt (the rankings at every machine).
func runSim(ctx context.Context, out string, quick bool, stdout io.Writer) error {
	o := bench.DefaultSimOptions(quick)
	rs, err := bench.RunSim(ctx, o)
	if err != nil {
		return err
	}
	var sum strings.Builder
	fmt.Fprintf(&sum, "simulator: chunk overhead %v, steal %v, queue lock %v, atomic claim %v; cc cost %v/row + %v/nnz; lr %v/row\n",
		o.ChunkOverhead, o.StealOverhead, o.QueueLock, o.AtomicClaim, o.PerRow, o.PerNNZ, o.LRRowCost)
	for _, r := range rs {
		p := filepath.Join(out, "sim_"+r.Model+".csv")
		f, err := os.Create(p)
		if err != nil {
			return err
		}
		w := bufio.NewWriter(f)
		err = sim.WriteCSV(w, r.Results)
		if err == nil {
			err = w.Flush()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("writing %s: %w", p, err)
		}
		paths, err := bench.WriteFigures(out, bench.SimFigures(r))
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "sim %s: %d runs -> %s and %d figures\n", r.Model, len(r.Results), p, len(paths))
		for _, m := range o.Machines {
			for _, sl := range []struct {
				lay, victim string
				pre         bool
			}{{sim.Centralized, sim.Seq, false}, {sim.LockFree, sim.Seq, false}, {sim.PerCPU, sim.Seq, false}, {sim.PerCPU, sim.SeqPri, true}, {sim.PerGroup, sim.Seq, false}, {sim.PerGroup, sim.Seq, true}} {
				names, vals := bench.Ranking(r.Results, m.Cores, sl.lay, sl.victim, sl.pre)
				fmt.Fprintf(&sum, "%s %d cores %s/%s pre=%v (ms):", r.Model, m.Cores, sl.lay, sl.victim, sl.pre)
				for i := range names {
					fmt.Fprintf(&sum, " %s=%.3g", names[i], vals[i])
				}
				sum.WriteString("\n")
			}
		}
	}
	if err := os.WriteFile(filepath.Join(out, "sim_summary.txt"), []byte(sum.String()), 0o644); err != nil {
		return err
	}
	_, err = io.WriteString(stdout, sum.String())
	return err
}

// runReal builds daphne if needed, runs the real sweep and writes real.csv
// and the figures.
func runReal(ctx context.Context, root, out, bin string, quick bool, rc realConfig, stdout, stderr io.Writer) error {
	o := bench.DefaultRealOptions(quick)
	o.Reps, o.Root, o.Dir, o.Pipelines, o.Threads, o.Layouts = rc.reps, root, out, rc.pipes, rc.threads, rc.layouts
	if bin == "" {
		abs, err := filepath.Abs(filepath.Join(out, "daphne"))
		if err != nil {
			return err
		}
		cmd := exec.CommandContext(ctx, "go", "build", "-o", abs, "./cmd/daphne")
		cmd.Dir, cmd.Stdout, cmd.Stderr = root, stderr, stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("building daphne: %w", err)
		}
		bin = abs
	}
	o.Bin = bin
	runs, err := bench.RunReal(ctx, o, stdout)
	if len(runs) > 0 {
		p := filepath.Join(out, "real.csv")
		f, ferr := os.Create(p)
		if ferr != nil {
			return ferr
		}
		werr := bench.WriteRealCSV(f, runs)
		if cerr := f.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			return werr
		}
		ps := filepath.Join(out, "real_summary.csv")
		sf, ferr := os.Create(ps)
		if ferr != nil {
			return ferr
		}
		werr = bench.WriteRealSummaryCSV(sf, bench.RealSummary(runs))
		if cerr := sf.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			return werr
		}
		paths, ferr := bench.WriteFigures(out, bench.RealFigures(runs))
		if ferr != nil {
			return ferr
		}
		failed := 0
		for _, r := range runs {
			if r.Err != "" || r.SameOutput == "no" {
				failed++
			}
		}
		fmt.Fprintf(stdout, "real: %d runs (%d failed or with a different output) -> %s and %d figures\n", len(runs), failed, p, len(paths))
	}
	return err
}

// realConfig holds the command-line settings of the real sweep.
type realConfig struct {
	reps    int
	pipes   []string
	threads []int
	layouts []string
}

// parseInts parses a comma-separated list of positive integers.
func parseInts(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("%q is not a positive integer", f)
		}
		out = append(out, n)
	}
	return out, nil
}

// runOverhead runs the OpenMP program and the Go benchmarks and writes
// overhead.txt.
func runOverhead(ctx context.Context, root, out, benchtime string, stdout io.Writer) error {
	var r bench.OverheadResult
	abs, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	r.OMPNs, err = bench.RunOMP(ctx, root, abs)
	if err != nil {
		r.OMPNs, r.OMPErr = math.NaN(), err.Error()
	}
	r.Go, err = bench.RunGoOverhead(ctx, root, benchtime)
	if err != nil {
		return err
	}
	var b strings.Builder
	if err := bench.WriteOverhead(&b, r); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "overhead.txt"), []byte(b.String()), 0o644); err != nil {
		return err
	}
	_, err = io.WriteString(stdout, b.String())
	return err
}
