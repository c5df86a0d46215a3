package pass

import (
	"fmt"
	"sort"
	"strings"

	"github.com/daphne-go/daphne/ir"
)

// Evaluator evaluates one op on constant scalar arguments at compile time.
// The runtime supplies it. ok=false means "do not fold" (the op is unknown,
// its result is not a scalar, or evaluating it would fail at run time,
// which must then happen at run time).
type Evaluator interface {
	Eval(op string, args []ir.Const, attrs map[string]string) ([]ir.Const, bool)
}

// Options control Run.
type Options struct {
	// Disabled names passes (see Names) that are skipped.
	Disabled map[string]bool
	// NoPhyOpSelection skips physical operator selection
	// (--no-phy-op-selection).
	NoPhyOpSelection bool
	// SelectMatrixRepr runs matrix representation selection
	// (--select-matrix-repr); without it every matrix stays dense.
	SelectMatrixRepr bool
	// Eval folds constant calls; nil disables folding of calls (constant
	// if conditions are still folded).
	Eval Evaluator
	// Explain, if set, is called with the module after each stage of
	// Stages (--explain); it must not keep or modify the module.
	Explain func(stage string, m *ir.Module)
	// VerifyEach runs ir.Verify on the input and after every pass.
	VerifyEach bool
	// Vec runs the vectorize pass (--vec), which fuses chains of
	// vectorizable ops into vectorizedPipeline ops, and reports the
	// "vectorized" --explain stage.
	Vec bool
}

// pass is one entry of the pipeline.
type pass struct {
	name    string
	fn      func(s *state) error
	phy     bool   // physical operator selection: skipped under NoPhyOpSelection
	repr    bool   // representation selection: run only under SelectMatrixRepr
	vec     bool   // vectorization: run (and explained) only under Vec
	explain string // --explain stage reported after this entry, run or not
}

// state is what a pass sees besides the module.
type state struct {
	m    *ir.Module
	opts Options
}

// passes is the pipeline, in order. The same function may appear under
// several names.
var passes = [...]pass{
	{name: "fold", fn: fold},
	{name: "sqlcheck", fn: sqlcheck},
	{name: "pushdown", fn: pushdown},
	{name: "deadcode", fn: deadcode, explain: StageSimplified},
	{name: "infer", fn: infer, explain: StagePropertyInference},
	{name: "repr", fn: selectRepr, repr: true, explain: StageSelectMatrixRepr},
	{name: "phyop", fn: selectPhysical, phy: true},
	{name: "late-deadcode", fn: deadcode, explain: StagePhyOpSelection},
	{name: "vectorize", fn: vectorize, vec: true, explain: StageVectorized},
}

// constraint says pass a must run before pass b, and why.
type constraint struct{ a, b, reason string }

// order lists the constraints on the pass table; init checks them.
var order = [...]constraint{
	{"fold", "pushdown", "push-downs read rand's bounds from constants, which folding creates"},
	{"fold", "sqlcheck", "queries and view names may be constant expressions (concatenations), which folding makes constants"},
	{"pushdown", "deadcode", "pushing ewAbs into a rand leaves the old rand dead"},
	{"fold", "deadcode", "folding turns ops and branches into dead constants for deadcode to remove"},
	{"fold", "infer", "inference reads dimensions from constants, which folding creates"},
	{"infer", "phyop", "gemv selection needs the inferred shape of the vector operand"},
	{"fold", "repr", "representation selection reads rand's sparsity from a constant, which folding creates"},
	{"phyop", "late-deadcode", "rewriting t(X)@X to syrk(X) leaves the transpose dead"},
	{"phyop", "vectorize", "fused kernels chosen by phyop must not be split into pipelines"},
	{"infer", "vectorize", "fusion needs the inferred shapes"},
}

// The --explain stage names (daphnedsl.md 2.3) Run reports, in order. The
// "parsing" stage (the module as lowered) is the caller's to report, before
// Run.
const (
	StageSimplified        = "parsing_simplified"
	StagePropertyInference = "property_inference"
	StageSelectMatrixRepr  = "select_matrix_repr"
	StagePhyOpSelection    = "phy_op_selection"
	StageVectorized        = "vectorized" // reported only under Options.Vec
	StageKernels           = "kernels"
)

func init() {
	if err := checkOrder(passes[:], order[:]); err != nil {
		panic(err)
	}
}

// checkOrder verifies a pass table against order constraints.
func checkOrder(passes []pass, order []constraint) error {
	pos := map[string]int{}
	for i, p := range passes {
		if _, dup := pos[p.name]; dup {
			return fmt.Errorf("pass: %q appears twice in the pass table", p.name)
		}
		pos[p.name] = i
	}
	for _, c := range order {
		ia, oka := pos[c.a]
		ib, okb := pos[c.b]
		if !oka || !okb {
			return fmt.Errorf("pass: order constraint %s before %s names an unknown pass", c.a, c.b)
		}
		if ia >= ib {
			return fmt.Errorf("pass: %s must run before %s: %s", c.a, c.b, c.reason)
		}
	}
	return nil
}

// Names returns the pass names in pipeline order (the keys of
// Options.Disabled).
func Names() []string {
	var ns []string
	for _, p := range passes {
		ns = append(ns, p.name)
	}
	return ns
}

// Stages returns the --explain stages Run reports, in order, without
// Options.Vec ("vectorized" follows "phy_op_selection" under Vec).
func Stages() []string {
	return []string{StageSimplified, StagePropertyInference, StageSelectMatrixRepr, StagePhyOpSelection, StageKernels}
}

// Run runs the pipeline over m in place. It calls opts.Explain with the
// module at each stage of Stages (not "parsing": the caller reports the
// module as lowered before calling Run). Errors name the pass that failed or after
// which Verify failed.
func Run(m *ir.Module, opts Options) error {
	if err := checkDisabled(opts.Disabled); err != nil {
		return err
	}
	if opts.VerifyEach {
		if err := ir.Verify(m); err != nil {
			return fmt.Errorf("pass: input module: %w", err)
		}
	}
	explain := func(stage string) {
		if opts.Explain != nil {
			opts.Explain(stage, m)
		}
	}
	s := &state{m: m, opts: opts}
	for _, p := range passes {
		if p.vec && !opts.Vec {
			continue
		}
		if !opts.Disabled[p.name] && !(p.phy && opts.NoPhyOpSelection) && !(p.repr && !opts.SelectMatrixRepr) {
			if err := s.run(p); err != nil {
				return err
			}
		}
		if p.explain != "" {
			explain(p.explain)
		}
	}
	explain(StageKernels)
	return nil
}

// run runs one pass and, if asked, verifies its output.
func (s *state) run(p pass) error {
	if err := p.fn(s); err != nil {
		return fmt.Errorf("pass %s: %w", p.name, err)
	}
	if s.opts.VerifyEach {
		if err := ir.Verify(s.m); err != nil {
			return fmt.Errorf("pass: after %s: %w", p.name, err)
		}
	}
	return nil
}

func checkDisabled(d map[string]bool) error {
	var unknown []string
	for name := range d {
		found := false
		for _, p := range passes {
			found = found || p.name == name
		}
		if !found {
			unknown = append(unknown, name)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	sort.Strings(unknown)
	return fmt.Errorf("pass: unknown pass %s to disable (known: %s)", strings.Join(unknown, ", "), strings.Join(Names(), ", "))
}
