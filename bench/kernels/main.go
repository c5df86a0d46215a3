// Command kernels measures the runtime's kernels against the machine's
// limits and numpy, side by side in one run (issue 4):
//
//   - memory copy bandwidth (a 256 MiB slice, 1 and 2 goroutines);
//   - sum, column means, column standard deviations and elementwise
//     add/mul of 1e6 x 101 f64 matrices, through the ops the interpreter
//     calls (agg and ew, looked up by IR op name), in GB/s and as a
//     fraction of the copy bandwidth;
//   - dgemm 2000 x 2000 and syrk (t(X) @ X) of the 1e6 x 101 matrix in
//     GFLOP/s (linalg's active backend, see linalg.Backend);
//   - the same workloads in numpy (numpy_ref.py, run with
//     OPENBLAS_NUM_THREADS set to -threads) if python3 and numpy are there.
//
// Every workload runs once (reported as "first": includes faulting in
// fresh memory for results) and then -reps more times (best reported),
// with a garbage collection before each run.
//
// Usage:
//
//	go run ./bench/kernels [-rows 1000000] [-cols 101] [-gemm 2000] [-copy-mib 256] [-reps 5] [-threads 2]
//	    [-numpy=true] [-python PATH] [-cpuprofile FILE]
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"

	"github.com/daphne-go/daphne/runtime/data"
)

// config holds the command line.
type config struct {
	rows, cols, gemmN, copyMiB, reps, threads int
	numpy                                     bool
	python                                    string
	cpuprofile                                string
	only                                      map[string]bool // nil: all
}

// wants reports whether the workload name is to be measured (-only).
func (c config) wants(name string) bool { return c.only == nil || c.only[name] }

// workloadNames are the names -only accepts.
var workloadNames = []string{"sum", "meanCol", "stddevCol", "ewAdd", "ewMul", "syrk", "gemm"}

func main() {
	var c config
	flag.IntVar(&c.rows, "rows", 1_000_000, "rows of the matrices of the memory-bound kernels and syrk")
	flag.IntVar(&c.cols, "cols", 101, "columns of those matrices")
	flag.IntVar(&c.gemmN, "gemm", 2000, "size n of the n x n dgemm")
	flag.IntVar(&c.copyMiB, "copy-mib", 256, "MiB copied for the copy bandwidth")
	flag.IntVar(&c.reps, "reps", 5, "timed runs after the first (best is reported)")
	flag.IntVar(&c.threads, "threads", 2, "threads for gemm/syrk (ours and OpenBLAS's)")
	flag.BoolVar(&c.numpy, "numpy", true, "also run numpy_ref.py if python3 with numpy is installed")
	flag.StringVar(&c.python, "python", "", "the Python interpreter for numpy_ref.py (default: the first of python3 and /usr/bin/python3 that imports numpy)")
	flag.StringVar(&c.cpuprofile, "cpuprofile", "", "write a CPU profile of the Go measurements to this file")
	only := flag.String("only", "", "comma-separated workloads to measure (of "+strings.Join(workloadNames, ",")+"); the copy bandwidth is always measured")
	flag.Parse()
	if *only != "" {
		c.only = map[string]bool{}
		for _, name := range strings.Split(*only, ",") {
			if !slices.Contains(workloadNames, name) {
				fmt.Fprintf(os.Stderr, "kernels: -only: unknown workload %q, expected some of %s\n", name, strings.Join(workloadNames, ","))
				os.Exit(2)
			}
			c.only[name] = true
		}
	}
	if err := c.validate(); err != nil {
		fmt.Fprintln(os.Stderr, "kernels:", err)
		os.Exit(2)
	}
	if err := run(c, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "kernels:", err)
		os.Exit(1)
	}
}

// validate rejects sizes the harness cannot run.
func (c config) validate() error {
	switch {
	case c.rows < 1 || c.cols < 1:
		return fmt.Errorf("-rows and -cols must be at least 1, got %d and %d", c.rows, c.cols)
	case c.gemmN < 1 || c.copyMiB < 1:
		return fmt.Errorf("-gemm and -copy-mib must be at least 1, got %d and %d", c.gemmN, c.copyMiB)
	case c.reps < 1 || c.threads < 1:
		return fmt.Errorf("-reps and -threads must be at least 1, got %d and %d", c.reps, c.threads)
	}
	return nil
}

// results are the measurements of one run.
type results struct {
	copy1, copy2 timing
	goT          map[string]timing // by workload name
	pairCopy     map[string]timing // the 1-goroutine copy run before each run of a memory-bound workload
	np           *numpyResults     // nil if numpy did not run
	npNote       string            // why numpy did not run
}

// run measures everything and writes the report to w.
func run(c config, w io.Writer) error {
	r := results{goT: map[string]timing{}, pairCopy: map[string]timing{}}
	var err error
	if r.copy1, err = copyBandwidth(c.copyMiB, 1, c.reps); err != nil {
		return err
	}
	if r.copy2, err = copyBandwidth(c.copyMiB, 2, c.reps); err != nil {
		return err
	}
	if c.cpuprofile != "" {
		f, err := os.Create(c.cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
	}
	err = measureGo(c, &r)
	if c.cpuprofile != "" {
		pprof.StopCPUProfile()
	}
	if err != nil {
		return err
	}
	runtime.GC()
	r.np, r.npNote = runNumpy(c)
	report(w, c, &r)
	return nil
}

// measureGo times the runtime's kernels.
func measureGo(c config, r *results) error {
	ops, ctx := runtimeOps(), newCtx(c.threads)
	x, y := randMatrix(1, c.rows, c.cols), randMatrix(2, c.rows, c.cols)
	cp := copier(c.copyMiB, 1)
	for _, wl := range memWorkloads(c.rows, c.cols) {
		if !c.wants(wl.name) {
			continue
		}
		args := []data.Value{x}
		if wl.two {
			args = append(args, y)
		}
		var last data.Value
		t, tc, err := timedWith(c.reps, func() error {
			last = nil // the previous result is garbage before the run
			v, err := opCall(ops, ctx, wl.op, args...)
			last = v
			return err
		}, cp)
		if err != nil {
			return err
		}
		r.pairCopy[wl.name] = tc
		if err := wl.check(x, y, last); err != nil {
			return fmt.Errorf("%s: %w", wl.name, err)
		}
		r.goT[wl.name] = t
	}
	y = nil // the collector may free Y before syrk and gemm
	if c.wants("syrk") {
		t, err := timed(min(c.reps, 3), func() error {
			_, err := opCall(ops, ctx, "syrk", x)
			return err
		})
		if err != nil {
			return err
		}
		r.goT["syrk"] = t
	}
	x = nil // and X before gemm
	if c.wants("gemm") {
		a, b := randMatrix(3, c.gemmN, c.gemmN), randMatrix(4, c.gemmN, c.gemmN)
		t, err := timed(min(c.reps, 3), func() error {
			_, err := opCall(ops, ctx, "matMul", a, b)
			return err
		})
		if err != nil {
			return err
		}
		r.goT["gemm"] = t
	}
	return nil
}
