package interp

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"runtime/debug"

	"github.com/daphne-go/daphne/ir"
	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
	"github.com/daphne-go/daphne/runtime/vec"
	"github.com/daphne-go/daphne/sched"
)

// Options configure a run.
type Options struct {
	Stdout, Stderr io.Writer
	Logger         *slog.Logger // nil discards
	Threads        int          // worker threads ops may use; < 1 means 1
	ScriptDir      string
	ShowSparse     bool // name CSR matrices CSRMatrix in print/typeOf (--select-matrix-repr)
	// Vec is where and how vectorizedPipeline ops (--vec) run their tasks.
	Vec vec.Options
	// KernelSched, when set (--vec), is handed to ops as ops.Ctx.Sched so
	// that data-parallel kernels (the fused label-propagation step) split
	// their rows with the run's scheduling options too.
	KernelSched *sched.Options
}

// Interp executes the functions of one module. It is not safe for
// concurrent use; create one per run.
type Interp struct {
	mod   *ir.Module
	reg   *ops.Registry
	octx  *ops.Ctx
	plans map[*ir.Func]*funcPlan
	depth int
	vec   vec.Options
}

// maxCallDepth bounds recursion of user-defined functions so that runaway
// recursion is a script error, not a Go stack overflow.
const maxCallDepth = 10000

// New prepares an interpreter for m with the op implementations of reg.
func New(m *ir.Module, reg *ops.Registry, opts Options) *Interp {
	logger := opts.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	threads := opts.Threads
	if threads < 1 {
		threads = 1
	}
	stdout, stderr := opts.Stdout, opts.Stderr
	if stdout == nil {
		stdout = io.Discard
	}
	if stderr == nil {
		stderr = io.Discard
	}
	return &Interp{
		mod: m, reg: reg,
		octx: &ops.Ctx{Context: context.Background(), Stdout: stdout, Stderr: stderr,
			Logger: logger, Threads: threads, ScriptDir: opts.ScriptDir, ShowSparse: opts.ShowSparse, Sched: opts.KernelSched},
		plans: map[*ir.Func]*funcPlan{},
		vec:   opts.Vec,
	}
}

// Run executes the module's main function.
func Run(ctx context.Context, m *ir.Module, reg *ops.Registry, opts Options) error {
	main := m.Main()
	if main == nil {
		return fmt.Errorf("interp: module has no main function")
	}
	_, err := New(m, reg, opts).Call(ctx, main, nil)
	return err
}

// Call runs function f with the given arguments and returns its results.
func (in *Interp) Call(ctx context.Context, f *ir.Func, args []data.Value) ([]data.Value, error) {
	if len(args) != len(f.Params) {
		return nil, fmt.Errorf("function %s takes %d arguments, got %d", f.Name, len(f.Params), len(args))
	}
	in.depth++
	defer func() { in.depth-- }()
	if in.depth > maxCallDepth {
		return nil, fmt.Errorf("function %s: recursion deeper than %d calls", f.Name, maxCallDepth)
	}
	p := in.plan(f)
	fr := &frame{vals: make([]data.Value, p.size), plan: p}
	for i, a := range f.Params {
		fr.vals[a.ID] = args[i]
	}
	oldCtx := in.octx.Context
	in.octx.Context = ctx
	defer func() { in.octx.Context = oldCtx }()
	exit, vals, err := in.block(ctx, fr, f.Body)
	if err != nil {
		return nil, err
	}
	if exit == exitNormal && len(f.ResultTypes) > 0 {
		return nil, fmt.Errorf("function %s ended without returning its %d results", f.Name, len(f.ResultTypes))
	}
	return vals, nil
}

type frame struct {
	vals []data.Value
	plan *funcPlan
}

func (fr *frame) get(v *ir.Value) data.Value { return fr.vals[v.ID] }

func (fr *frame) args(vs []*ir.Value) []data.Value {
	out := make([]data.Value, len(vs))
	for i, v := range vs {
		out[i] = fr.vals[v.ID]
	}
	return out
}

type exitKind uint8

const (
	exitNormal exitKind = iota // fell off the end of the block
	exitYield                  // a yield ended the block
	exitReturn                 // a return: unwind to the function
)

// block runs the ops of b and reports how it ended, with the yielded or
// returned values.
func (in *Interp) block(ctx context.Context, fr *frame, b *ir.Block) (exitKind, []data.Value, error) {
	dead := fr.plan.dead[b]
	for i, op := range b.Ops {
		switch op.Kind {
		case ir.KindYield:
			return exitYield, fr.args(op.Args), nil
		case ir.KindReturn:
			return exitReturn, fr.args(op.Args), nil
		}
		if err := in.op(ctx, fr, op); err != nil {
			if rs, ok := err.(*returnSignal); ok {
				return exitReturn, rs.vals, nil
			}
			return exitNormal, nil, err
		}
		for _, v := range dead[i] {
			fr.vals[v.ID] = nil
		}
	}
	return exitNormal, nil, nil
}

// op executes one non-terminator op, storing its results in the frame. A
// nested return propagates as errReturn carrying the values.
func (in *Interp) op(ctx context.Context, fr *frame, op *ir.Op) error {
	var res []data.Value
	var err error
	switch op.Kind {
	case ir.KindConst:
		res = []data.Value{constValue(op.Const)}
	case ir.KindCall:
		if op.Name == ir.PipelineOp && len(op.Regions) == 1 {
			res, err = in.pipeline(ctx, fr, op)
			break
		}
		res, err = in.call(fr, op)
	case ir.KindCallFunc:
		res, err = in.callFunc(ctx, fr, op)
	case ir.KindIf:
		res, err = in.ifOp(ctx, fr, op)
	case ir.KindWhile:
		res, err = in.whileOp(ctx, fr, op)
	case ir.KindFor:
		res, err = in.forOp(ctx, fr, op)
	default:
		err = fmt.Errorf("unexpected %s op", op.Kind)
	}
	if err != nil {
		if _, ok := err.(*returnSignal); ok {
			return err
		}
		return opError(op, err)
	}
	if len(res) != len(op.Results) {
		return &RuntimeError{Loc: op.Loc, Op: opLabel(op), Internal: true,
			Err: fmt.Errorf("produced %d results, want %d", len(res), len(op.Results))}
	}
	for i, r := range op.Results {
		fr.vals[r.ID] = res[i]
	}
	return nil
}

// call runs a builtin op through the registry, recovering panics.
func (in *Interp) call(fr *frame, op *ir.Op) (res []data.Value, err error) {
	if op.Name == "map" {
		return in.mapOp(fr, op)
	}
	f, ok := in.reg.Lookup(op.Name)
	if !ok {
		return nil, fmt.Errorf("operation %q is not implemented yet", op.Name)
	}
	args := fr.args(op.Args)
	for i, a := range args {
		if a == nil {
			return nil, &RuntimeError{Loc: op.Loc, Op: op.Name, Internal: true,
				Err: fmt.Errorf("argument %d (%%%d) has no value", i, op.Args[i].ID)}
		}
	}
	defer func() {
		if r := recover(); r != nil {
			err = &RuntimeError{Loc: op.Loc, Op: op.Name, Internal: true,
				Err: fmt.Errorf("%v\n%s", r, debug.Stack())}
		}
	}()
	return f(in.octx, args, op.Attrs)
}

func (in *Interp) callFunc(ctx context.Context, fr *frame, op *ir.Op) ([]data.Value, error) {
	f := in.mod.Func(op.Name)
	if f == nil {
		return nil, fmt.Errorf("unknown function %q", op.Name)
	}
	return in.Call(ctx, f, fr.args(op.Args))
}
