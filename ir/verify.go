package ir

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/daphne-go/daphne/types"
)

// PipelineOp is the name of the one call op that may carry a region: a
// fused operator pipeline (ir/pass vectorize, run by the interpreter per
// row range). Its region takes one block argument per call argument and
// yields one value per result.
const PipelineOp = "vectorizedPipeline"

// ErrInvalid is wrapped by every error Verify returns.
var ErrInvalid = errors.New("ir: invalid module")

var _ error = (*VerifyError)(nil)

// VerifyError describes the first broken invariant Verify found.
type VerifyError struct {
	Func string // symbol of the function
	Op   string // the op, as "%5 = call fill" (empty for function-level errors)
	Loc  Loc    // the op's source location, if known
	Msg  string // what is wrong
}

// Error formats the error as "ir: verify: func @f: op %5 = call fill (a.daph:3:7): msg".
func (e *VerifyError) Error() string {
	var sb strings.Builder
	sb.WriteString("ir: verify: func @" + e.Func)
	if e.Op != "" {
		sb.WriteString(": op " + e.Op)
		if e.Loc.IsValid() {
			sb.WriteString(" (" + e.Loc.String() + ")")
		}
	}
	sb.WriteString(": " + e.Msg)
	return sb.String()
}

// Unwrap makes errors.Is(err, ErrInvalid) hold.
func (e *VerifyError) Unwrap() error { return ErrInvalid }

// Verify checks the structural invariants of m:
//   - function symbols are unique and every function has a body;
//   - every value is defined once (by pointer and by %ID within its function)
//     and every use refers to a value defined before it in a dominating
//     position: earlier in the same block, in an enclosing block, or as an
//     argument of an enclosing block or of the function;
//   - op shapes: const has a Const of a concrete value type and one result;
//     call has a name; callfunc names a function of the module with
//     matching argument and result counts; if has one argument and two
//     regions; while has two regions whose blocks take the carried values;
//     for has from, to, [step,] carried values and one region whose block
//     takes the loop variable and the carried values; results match; a call
//     of PipelineOp may have one region whose block
//     takes one argument per call argument and yields one value per result;
//   - terminators: yield and return only as the last op of a block; a
//     function body ends in return; an if region in yield (with one value
//     per result) or return; a while cond region in yield of one value; loop
//     bodies in yield of the carried values; return carries one value per
//     function result.
//
// It returns nil or a *VerifyError (wrapping ErrInvalid) for the first
// problem found.
func Verify(m *Module) error {
	seen := map[string]bool{}
	for _, f := range m.Funcs {
		if f == nil {
			return &VerifyError{Func: "?", Msg: "nil function in module"}
		}
		if seen[f.Name] {
			return &VerifyError{Func: f.Name, Msg: "function defined twice"}
		}
		seen[f.Name] = true
	}
	for _, f := range m.Funcs {
		v := &verifier{m: m, f: f, defined: map[*Value]bool{}, ids: map[int]bool{}, visible: map[*Value]bool{}}
		if err := v.fn(); err != nil {
			return err
		}
	}
	return nil
}

// blockCtx says which kind of block is being checked and how many values
// its yield must carry.
type blockCtx uint8

const (
	ctxFunc blockCtx = iota
	ctxIf
	ctxWhileCond
	ctxLoopBody
	ctxCallBody
)

var ctxNames = [...]string{ctxFunc: "function body", ctxIf: "if region", ctxWhileCond: "while condition", ctxLoopBody: "loop body", ctxCallBody: "call body"}

type verifier struct {
	m       *Module
	f       *Func
	defined map[*Value]bool
	ids     map[int]bool
	visible map[*Value]bool
}

func (v *verifier) errf(op *Op, format string, args ...any) error {
	e := &VerifyError{Func: v.f.Name, Msg: fmt.Sprintf(format, args...)}
	if op != nil {
		e.Op, e.Loc = describeOp(op), op.Loc
	}
	return e
}

// describeOp renders the head of an op: "%5, %6 = call fill".
func describeOp(op *Op) string {
	var sb strings.Builder
	for i, r := range op.Results {
		if i > 0 {
			sb.WriteString(", ")
		}
		if r == nil {
			sb.WriteString("%?")
		} else {
			sb.WriteString("%" + strconv.Itoa(r.ID))
		}
	}
	if len(op.Results) > 0 {
		sb.WriteString(" = ")
	}
	sb.WriteString(op.Kind.String())
	switch op.Kind {
	case KindCall:
		sb.WriteString(" " + op.Name)
	case KindCallFunc:
		sb.WriteString(" @" + op.Name)
	}
	return sb.String()
}

func (v *verifier) fn() error {
	f := v.f
	if f.Body == nil {
		return v.errf(nil, "function has no body")
	}
	if err := v.declare(nil, f.Params, "parameter"); err != nil {
		return err
	}
	if err := v.declare(nil, f.Body.Args, "body argument"); err != nil {
		return err
	}
	return v.block(f.Body, ctxFunc, 0, nil)
}

// declare defines values (results, parameters or block arguments).
func (v *verifier) declare(op *Op, vals []*Value, what string) error {
	for i, val := range vals {
		switch {
		case val == nil:
			return v.errf(op, "%s %d is nil", what, i)
		case v.defined[val]:
			return v.errf(op, "%s %%%d is defined twice", what, val.ID)
		case v.ids[val.ID]:
			return v.errf(op, "%s %%%d reuses the ID of another value", what, val.ID)
		case op != nil && val.Def != op:
			return v.errf(op, "result %%%d does not point back to its defining op", val.ID)
		case op == nil && val.Def != nil:
			return v.errf(op, "%s %%%d has a defining op", what, val.ID)
		}
		v.defined[val], v.ids[val.ID], v.visible[val] = true, true, true
	}
	return nil
}

// block checks b, whose terminator must fit ctx and yield want values (for
// ctxIf, ctxLoopBody) and whose owner is op (nil for the function body).
func (v *verifier) block(b *Block, ctx blockCtx, want int, owner *Op) error {
	var scope []*Value
	defer func() {
		for _, val := range scope {
			delete(v.visible, val)
		}
	}()
	scope = append(scope, b.Args...)
	for i, op := range b.Ops {
		if op == nil {
			return v.errf(owner, "nil op in %s", ctxNames[ctx])
		}
		last := i == len(b.Ops)-1
		if (op.Kind == KindYield || op.Kind == KindReturn) && !last {
			return v.errf(op, "terminator %s is not the last op of its block", op.Kind)
		}
		if err := v.op(op, ctx, want); err != nil {
			return err
		}
		scope = append(scope, op.Results...)
	}
	return v.terminator(b, ctx, want, owner)
}

func (v *verifier) terminator(b *Block, ctx blockCtx, want int, owner *Op) error {
	if len(b.Ops) == 0 {
		return v.errf(owner, "%s is empty; it must end in a terminator", ctxNames[ctx])
	}
	last := b.Ops[len(b.Ops)-1]
	switch {
	case last.Kind == KindReturn && (ctx == ctxFunc || ctx == ctxIf):
		return nil
	case last.Kind == KindYield && ctx != ctxFunc:
		if len(last.Args) != want {
			return v.errf(last, "%s yields %d values, want %d", ctxNames[ctx], len(last.Args), want)
		}
		return nil
	case ctx == ctxFunc:
		return v.errf(last, "function body must end in return")
	case last.Kind == KindReturn:
		return v.errf(last, "return may not end a %s (only a function body or an if region)", ctxNames[ctx])
	}
	return v.errf(last, "%s must end in yield", ctxNames[ctx])
}

// op checks one op: its uses, its own shape, its regions, then defines its
// results.
func (v *verifier) op(op *Op, ctx blockCtx, want int) error {
	for i, a := range op.Args {
		switch {
		case a == nil:
			return v.errf(op, "argument %d is nil", i)
		case !v.visible[a]:
			return v.errf(op, "argument %d (%%%d) is not defined before its use in a dominating position", i, a.ID)
		}
	}
	if err := v.shape(op); err != nil {
		return err
	}
	if err := v.regions(op); err != nil {
		return err
	}
	return v.declare(op, op.Results, "result")
}

// shape checks the kind-specific counts of args, results and regions.
func (v *verifier) shape(op *Op) error {
	if op.Kind != KindIf && op.Kind != KindWhile && op.Kind != KindFor && len(op.Regions) > 0 &&
		!(op.Kind == KindCall && op.Name == PipelineOp && len(op.Regions) == 1) {
		return v.errf(op, "%s op has %d regions, want none", op.Kind, len(op.Regions))
	}
	switch op.Kind {
	case KindConst:
		return v.constOp(op)
	case KindCall:
		if op.Name == "" {
			return v.errf(op, "call has no op name")
		}
	case KindCallFunc:
		return v.callFunc(op)
	case KindIf:
		if len(op.Args) != 1 || len(op.Regions) != 2 {
			return v.errf(op, "if has %d arguments and %d regions, want 1 condition and 2 regions", len(op.Args), len(op.Regions))
		}
	case KindWhile:
		if len(op.Regions) != 2 || len(op.Results) != len(op.Args) {
			return v.errf(op, "while has %d regions, %d carried values and %d results, want 2 regions and one result per carried value", len(op.Regions), len(op.Args), len(op.Results))
		}
	case KindFor:
		n := forFixedArgs(op)
		if len(op.Args) < n || len(op.Regions) != 1 || len(op.Results) != len(op.Args)-n {
			return v.errf(op, "for has %d arguments, %d regions and %d results, want %d loop bounds, the carried values, 1 region and one result per carried value", len(op.Args), len(op.Regions), len(op.Results), n)
		}
	case KindYield, KindReturn:
		if len(op.Results) > 0 {
			return v.errf(op, "%s defines %d values, want none", op.Kind, len(op.Results))
		}
		if op.Kind == KindReturn && len(op.Args) != len(v.f.ResultTypes) {
			return v.errf(op, "return carries %d values, function has %d results", len(op.Args), len(v.f.ResultTypes))
		}
	default:
		return v.errf(op, "unknown op kind %d", uint8(op.Kind))
	}
	return nil
}

// forFixedArgs is the number of non-carried arguments of a for op: from,
// to and step (step is absent when Attrs["step"] is "auto").
func forFixedArgs(op *Op) int {
	if op.Attr("step") == "auto" {
		return 2
	}
	return 3
}

func (v *verifier) constOp(op *Op) error {
	c := op.Const
	switch {
	case c == nil:
		return v.errf(op, "const has no value")
	case len(op.Args) != 0 || len(op.Results) != 1:
		return v.errf(op, "const has %d arguments and %d results, want 0 and 1", len(op.Args), len(op.Results))
	case c.VT == types.Unknown || int(c.VT) > int(types.Size):
		return v.errf(op, "const has no concrete value type (%s)", c.VT)
	case c.VT == types.Bool && c.I != 0 && c.I != 1:
		return v.errf(op, "bool const holds %d, want 0 or 1", c.I)
	case c.VT == types.F32 && c.F == c.F && float64(float32(c.F)) != c.F:
		return v.errf(op, "f32 const holds %v, which is not a float32 value", c.F)
	}
	return nil
}

func (v *verifier) callFunc(op *Op) error {
	callee := v.m.Func(op.Name)
	switch {
	case callee == nil:
		return v.errf(op, "callfunc names @%s, which is not a function of the module", op.Name)
	case len(op.Args) != len(callee.Params):
		return v.errf(op, "callfunc passes %d arguments, @%s has %d parameters", len(op.Args), op.Name, len(callee.Params))
	case len(op.Results) != len(callee.ResultTypes):
		return v.errf(op, "callfunc defines %d values, @%s has %d results", len(op.Results), op.Name, len(callee.ResultTypes))
	}
	return nil
}

// regions checks the block arguments and terminators of an op's regions.
func (v *verifier) regions(op *Op) error {
	for i, r := range op.Regions {
		if r == nil {
			return v.errf(op, "region %d is nil", i)
		}
	}
	switch op.Kind {
	case KindIf:
		for i, r := range op.Regions {
			if err := v.region(op, r, 0, ctxIf, len(op.Results), RegionLabel(op.Kind, i)); err != nil {
				return err
			}
		}
	case KindWhile:
		n := len(op.Args)
		if err := v.region(op, op.Regions[0], n, ctxWhileCond, 1, "cond"); err != nil {
			return err
		}
		return v.region(op, op.Regions[1], n, ctxLoopBody, n, "body")
	case KindFor:
		n := len(op.Args) - forFixedArgs(op)
		return v.region(op, op.Regions[0], n+1, ctxLoopBody, n, "body")
	case KindCall:
		if op.Name == PipelineOp && len(op.Regions) == 1 {
			return v.region(op, op.Regions[0], len(op.Args), ctxCallBody, len(op.Results), "region")
		}
	}
	return nil
}

func (v *verifier) region(op *Op, r *Block, nargs int, ctx blockCtx, want int, label string) error {
	if len(r.Args) != nargs {
		return v.errf(op, "%s region takes %d block arguments, want %d", label, len(r.Args), nargs)
	}
	if err := v.declare(nil, r.Args, label+" block argument"); err != nil {
		var ve *VerifyError
		if errors.As(err, &ve) {
			ve.Op, ve.Loc = describeOp(op), op.Loc
		}
		return err
	}
	return v.block(r, ctx, want, op)
}
