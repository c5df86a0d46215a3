package pass

import (
	"fmt"
	"math"

	"github.com/daphne-go/daphne/ir"
	"github.com/daphne-go/daphne/types"
)

// fold is constant folding:
//   - a call whose arguments are all constants and whose op is foldable
//     (purity.go) is evaluated through Options.Eval; when every result is a
//     scalar the op becomes a const op defining the same value (several
//     results become several const ops);
//   - an if whose condition is a constant is replaced by the ops of the
//     taken region; uses of the if's results are replaced by the values the
//     region yields. When the taken region ends in return (an early
//     return), its ops are spliced in with the return and the rest of the
//     enclosing block, now unreachable, is dropped; this is done only where
//     a return may end the block (a function body or an if region).
//
// Ops are visited in definition order and each op's arguments are
// rewritten before it is considered, so folds cascade in one pass.
//
// An integer division or modulo whose operands are both constants and
// whose divisor is 0 is a compile-time error, as in DAPHNE, whose
// canonicalizer rejects it ("Can't divide by 0", exit code 2); with a
// non-constant operand the error comes at run time.
func fold(s *state) error {
	for _, f := range s.m.Funcs {
		fo := &folder{s: s, f: f, repl: replacer{}}
		f.Body.Ops = fo.block(f.Body.Ops, true)
		if fo.err != nil {
			return fo.err
		}
		fo.repl.apply(f)
	}
	return nil
}

type folder struct {
	s    *state
	f    *ir.Func
	repl replacer
	err  error // the first constant division by zero found
}

// block folds ops and returns the new op list. returnOK says whether a
// return may end this block.
func (fo *folder) block(ops []*ir.Op, returnOK bool) []*ir.Op {
	out := make([]*ir.Op, 0, len(ops))
	for _, op := range ops {
		fo.repl.args(op)
		for _, r := range op.Regions {
			if r != nil {
				r.Ops = fo.block(r.Ops, op.Kind == ir.KindIf)
			}
		}
		switch op.Kind {
		case ir.KindIf:
			if taken, returns, ok := fo.foldIf(op, returnOK); ok {
				out = append(out, taken...)
				if returns {
					return out // the rest of the block is unreachable
				}
				continue
			}
		case ir.KindCall:
			if err := constDivByZero(op); err != nil && fo.err == nil {
				fo.err = err
			}
			if consts := fo.eval(op); consts != nil {
				out = append(out, fo.replaceByConsts(op, consts)...)
				continue
			}
		}
		out = append(out, op)
	}
	return out
}

// foldIf returns the ops replacing an if with a constant condition, and
// whether they end in a return.
func (fo *folder) foldIf(op *ir.Op, returnOK bool) (ops []*ir.Op, returns, ok bool) {
	c := constOf(op.Args[0])
	if c == nil || len(op.Regions) != 2 {
		return nil, false, false
	}
	cond, ok := truth(c)
	if !ok {
		return nil, false, false
	}
	taken := op.Regions[1]
	if cond {
		taken = op.Regions[0]
	}
	if taken == nil || len(taken.Ops) == 0 {
		return nil, false, false
	}
	term := taken.Ops[len(taken.Ops)-1]
	switch {
	case term.Kind == ir.KindYield && len(term.Args) == len(op.Results):
		for i, r := range op.Results {
			fo.repl[r] = fo.repl.resolve(term.Args[i])
		}
		return taken.Ops[:len(taken.Ops)-1], false, true
	case term.Kind == ir.KindReturn && returnOK:
		return taken.Ops, true, true
	}
	return nil, false, false
}

// DivByZeroError is the compile-time error for an integer division or
// modulo whose operands are both constants and whose divisor is 0.
type DivByZeroError struct {
	Loc ir.Loc // of the division; may be unknown
	Op  string // ewDiv or ewMod
}

func (e *DivByZeroError) Error() string {
	what := "division"
	if e.Op == "ewMod" {
		what = "modulo"
	}
	msg := fmt.Sprintf("integer %s by zero in a constant expression", what)
	if e.Loc.IsValid() {
		return e.Loc.String() + ": " + msg
	}
	return msg
}

// constDivByZero returns a *DivByZeroError for an integer ewDiv or ewMod
// whose operands are both constants and whose divisor is 0 (bool operands
// are promoted as in the operation; a float division by zero is IEEE and
// fine).
func constDivByZero(op *ir.Op) error {
	if (op.Name != "ewDiv" && op.Name != "ewMod") || len(op.Args) != 2 || !foldable(op) {
		return nil
	}
	a, b := constOf(op.Args[0]), constOf(op.Args[1])
	if a == nil || b == nil || !types.Promote(a.VT, b.VT).IsInt() {
		return nil
	}
	if nonZero, ok := truth(b); !ok || nonZero {
		return nil
	}
	return &DivByZeroError{Loc: op.Loc, Op: op.Name}
}

// eval evaluates a foldable call on constant arguments; nil means "not
// folded".
func (fo *folder) eval(op *ir.Op) []ir.Const {
	ev := fo.s.opts.Eval
	if ev == nil || !foldable(op) || len(op.Args) == 0 || len(op.Results) == 0 || len(op.Regions) > 0 {
		return nil
	}
	for _, r := range op.Results {
		switch r.Type.DT {
		case types.Matrix, types.Frame, types.List:
			return nil
		}
	}
	args := make([]ir.Const, len(op.Args))
	for i, a := range op.Args {
		c := constOf(a)
		if c == nil {
			return nil
		}
		args[i] = *c
	}
	res, ok := ev.Eval(op.Name, args, op.Attrs)
	if !ok || len(res) != len(op.Results) {
		return nil
	}
	for i := range res {
		if res[i].VT == types.Unknown || res[i].VT > types.Size {
			return nil
		}
		if res[i].VT == types.F32 {
			res[i].F = float64(float32(res[i].F))
		}
	}
	if len(res) == 1 && res[0].VT.IsFloat() {
		res[0].F = apFloat(op.Name, args, res[0].F)
	}
	return res
}

// apFloat adjusts a folded float result r of op on args to what DAPHNE's
// folding with LLVM's APFloat gives where that differs from its run-time
// kernels (which the Evaluator runs):
//   - +, -, *, /: a NaN the operation creates (0/0, inf-inf, 0*inf) has a
//     clear sign bit (C++ prints nan), where the hardware sets it (-nan);
//     a NaN operand propagates unchanged;
//   - min, max: llvm::minimum/maximum propagate a NaN operand and order
//     -0 below +0, where the kernels' std::min/std::max skip a NaN right
//     operand and keep the left of two zeros.
func apFloat(op string, args []ir.Const, r float64) float64 {
	switch op {
	case "ewAdd", "ewSub", "ewMul", "ewDiv":
		if math.IsNaN(r) && !anyNaN(args) {
			return math.NaN() // positive
		}
	case "ewMin", "ewMax":
		if len(args) != 2 {
			return r
		}
		for _, c := range args {
			if c.VT.IsFloat() && math.IsNaN(c.F) {
				return c.F
			}
		}
		a, b := floatOf(args[0]), floatOf(args[1])
		if a == 0 && b == 0 {
			neg := math.Signbit(a) || math.Signbit(b) // some zero is -0
			if op == "ewMax" {
				neg = math.Signbit(a) && math.Signbit(b)
			}
			if neg {
				return math.Copysign(0, -1)
			}
			return 0
		}
	}
	return r
}

// floatOf returns the value of a numeric constant as a float64.
func floatOf(c ir.Const) float64 {
	switch {
	case c.VT.IsFloat():
		return c.F
	case c.VT.IsUnsigned():
		return float64(c.U)
	}
	return float64(c.I)
}

// anyNaN reports whether a float constant among cs is NaN.
func anyNaN(cs []ir.Const) bool {
	for _, c := range cs {
		if c.VT.IsFloat() && math.IsNaN(c.F) {
			return true
		}
	}
	return false
}

// replaceByConsts turns op into const ops holding consts. A single result
// keeps its value (the op itself becomes the const); several results get
// new const ops and their uses are redirected.
func (fo *folder) replaceByConsts(op *ir.Op, consts []ir.Const) []*ir.Op {
	if len(consts) == 1 {
		c := consts[0]
		op.Kind, op.Name, op.Args, op.Attrs, op.Const = ir.KindConst, "", nil, nil, &c
		op.Results[0].Type = types.ScalarOf(c.VT)
		return []*ir.Op{op}
	}
	ops := make([]*ir.Op, len(consts))
	for i := range consts {
		c := consts[i]
		nop := &ir.Op{Kind: ir.KindConst, Const: &c, Loc: op.Loc}
		v := fo.f.NewValue(types.ScalarOf(c.VT), nop)
		v.Name = op.Results[i].Name
		nop.Results = []*ir.Value{v}
		fo.repl[op.Results[i]] = v
		ops[i] = nop
	}
	return ops
}
