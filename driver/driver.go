// Package driver runs a DaphneDSL script end to end: parse, lower to IR, run
// the pass pipeline, interpret. It turns every failure into DAPHNE's exit
// code (1 front end, 2 compiler pass, 3 run time) and a message for a
// person, and writes --explain and --timing output. cmd/daphne is a thin
// wrapper around it.
package driver

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/daphne-go/daphne/config"
	"github.com/daphne-go/daphne/dsl/parser"
	"github.com/daphne-go/daphne/ir"
	"github.com/daphne-go/daphne/ir/lower"
	"github.com/daphne-go/daphne/ir/pass"
	"github.com/daphne-go/daphne/runtime/interp"
	"github.com/daphne-go/daphne/runtime/ops"
	"github.com/daphne-go/daphne/runtime/opset"
	"github.com/daphne-go/daphne/runtime/vec"
	"github.com/daphne-go/daphne/sched"
)

// Exit codes, as DAPHNE's StatusCode.h.
const (
	ExitOK       = 0
	ExitFrontEnd = 1 // syntax and front-end semantic errors, bad command line
	ExitPass     = 2 // compiler-pass errors
	ExitRuntime  = 3 // errors while executing
)

// Error is a failure with its exit code.
type Error struct {
	Code int
	Err  error
}

func (e *Error) Error() string { return e.Err.Error() }

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Options are the streams and environment of one run.
type Options struct {
	Stdout, Stderr io.Writer
	Logger         *slog.Logger
	Start          time.Time // process start, for --timing; zero means now
	Registry       *ops.Registry
}

// Timing is the --timing report (seconds).
type Timing struct {
	Startup, Parsing, Compilation, Execution, Total float64
}

// Run runs script with the settings in cfg. It returns nil or an *Error.
// With cfg.Trace set, the trace file is created before anything runs (an
// unwritable path is a front-end error, exit 1) and written when the run
// ends, also when it fails; a failure to write it is a run-time error
// unless the run already failed.
func Run(ctx context.Context, cfg *config.Config, script string, o Options) (err error) {
	if o.Start.IsZero() {
		o.Start = time.Now()
	}
	if o.Registry == nil {
		o.Registry = opset.Default()
	}
	tStart := time.Now()
	var trace *vec.Trace
	if cfg.Trace != "" {
		f, ferr := os.Create(cfg.Trace)
		if ferr != nil {
			return &Error{ExitFrontEnd, fmt.Errorf("--trace: cannot create the trace file: %w", ferr)}
		}
		trace = vec.NewTrace()
		defer func() {
			_, werr := trace.WriteTo(f)
			if cerr := f.Close(); werr == nil {
				werr = cerr
			}
			if werr != nil && err == nil {
				err = &Error{ExitRuntime, fmt.Errorf("--trace: cannot write the trace file: %w", werr)}
			}
		}()
	}
	return run(ctx, cfg, script, o, tStart, trace)
}

func run(ctx context.Context, cfg *config.Config, script string, o Options, tStart time.Time, trace *vec.Trace) error {
	src, err := os.ReadFile(script)
	if err != nil {
		return &Error{ExitFrontEnd, fmt.Errorf("cannot read script: %w", err)}
	}
	ast, err := parser.ParseFile(script, src)
	if err != nil {
		return &Error{ExitFrontEnd, err}
	}
	m, err := lower.Lower(ast, lower.Options{Args: cfg.Args, ImportPaths: cfg.ImportPaths})
	if err != nil {
		return &Error{lower.ExitCode(err), err}
	}
	tParsed := time.Now()
	if cfg.Explains("parsing") {
		explain(o.Stderr, "parsing", m)
	}
	vopts, err := vecOptions(cfg)
	if err != nil {
		return &Error{ExitFrontEnd, err}
	}
	vopts.Trace = trace
	if cfg.DebugMT {
		vopts.Logger = slog.New(slog.NewTextHandler(o.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	err = pass.Run(m, pass.Options{
		// --vec-restricted fuses only ops carrying vec=true; none does yet,
		// so it fuses nothing, even with --vec.
		Vec:              cfg.Vec && !cfg.VecRestricted,
		NoPhyOpSelection: cfg.NoPhyOpSelection,
		SelectMatrixRepr: cfg.SelectMatrixRepr,
		Eval:             interp.Evaluator{Reg: o.Registry},
		Explain: func(stage string, m *ir.Module) {
			if cfg.Explains(stage) {
				explain(o.Stderr, stage, m)
			}
		},
	})
	if err != nil {
		return &Error{ExitPass, err}
	}
	tCompiled := time.Now()
	var kernelSched *sched.Options
	if cfg.Vec && !cfg.VecRestricted {
		so := vopts.Sched
		kernelSched = &so
	}
	err = interp.Run(ctx, m, o.Registry, interp.Options{
		Stdout: o.Stdout, Stderr: o.Stderr, Logger: o.Logger,
		Threads: threads(cfg), ScriptDir: filepath.Dir(script), ShowSparse: cfg.SelectMatrixRepr,
		Vec: vopts, KernelSched: kernelSched,
	})
	tDone := time.Now()
	if cfg.Timing {
		writeTiming(o.Stderr, Timing{
			Startup:     tStart.Sub(o.Start).Seconds(),
			Parsing:     tParsed.Sub(tStart).Seconds(),
			Compilation: tCompiled.Sub(tParsed).Seconds(),
			Execution:   tDone.Sub(tCompiled).Seconds(),
			Total:       tDone.Sub(o.Start).Seconds(),
		})
	}
	if err != nil {
		var ce *ops.CompileError
		if errors.As(err, &ce) {
			return &Error{ExitPass, err}
		}
		return &Error{ExitRuntime, err}
	}
	return nil
}

// vecOptions are the scheduling options of vectorized pipelines (--vec):
// scheme, queue layout, victim selection, threads (0: the pool's size),
// grain size, pre-partitioning and pinning from cfg, on the default pool,
// in batches of --phy-batch-size bytes.
// With --hyperthreading and no --num-threads, pipelines use one thread per
// logical CPU (sched.DefaultThreads) instead of the pool's default of one
// per physical core.
func vecOptions(cfg *config.Config) (vec.Options, error) {
	so, err := vec.Flags{Scheme: cfg.Partitioning, Layout: cfg.QueueLayout, Victim: cfg.VictimSelection,
		Threads: vecThreads(cfg), Grain: cfg.GrainSize, CSTTaskSize: cfg.CSTTaskSize,
		PrePartition: cfg.PrePartition, Pin: cfg.PinWorkers}.Sched()
	return vec.Options{Sched: so, BatchBytes: cfg.PhyBatchSize}, err
}

// vecThreads is the thread count of pipeline runs: --num-threads, else 0
// (the pool's size) or, with --hyperthreading, the logical CPUs.
func vecThreads(cfg *config.Config) int {
	if cfg.NumThreads > 0 || !cfg.Hyperthreading {
		return cfg.NumThreads
	}
	return sched.DefaultThreads(sched.Default().Topology(), true)
}

// threads is the thread count of the kernels: --num-threads, else the
// logical CPUs (runtime.NumCPU, which --hyperthreading does not change).
func threads(cfg *config.Config) int {
	if cfg.NumThreads > 0 {
		return cfg.NumThreads
	}
	return runtime.NumCPU()
}

func explain(w io.Writer, stage string, m *ir.Module) {
	fmt.Fprintf(w, "IR after %s:\n%s\n", stage, m.String())
}

func writeTiming(w io.Writer, t Timing) {
	fmt.Fprintf(w, "{\"startup_seconds\": %g, \"parsing_seconds\": %g, \"compilation_seconds\": %g, \"execution_seconds\": %g, \"total_seconds\": %g}\n",
		t.Startup, t.Parsing, t.Compilation, t.Execution, t.Total)
}

// ExitCode returns the exit code for err (0 for nil; 3 for an error without
// a code, which only a bug produces).
func ExitCode(err error) int {
	if err == nil {
		return ExitOK
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	var ue *config.UsageError
	if errors.As(err, &ue) {
		return ExitFrontEnd
	}
	return ExitRuntime
}

// Report writes err the way DAPHNE's logger does: "[error]: <message>" on
// stdout, one line per message.
func Report(w io.Writer, err error) {
	for _, line := range strings.Split(strings.TrimRight(err.Error(), "\n"), "\n") {
		fmt.Fprintf(w, "[error]: %s\n", line)
	}
}
