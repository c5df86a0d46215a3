package pass

import (
	"math"

	"github.com/daphne-go/daphne/ir"
	"github.com/daphne-go/daphne/types"
)

// pushdown pushes element-wise operations into the source operation that
// produces their operand, as DAPHNE's canonicalizer does (daphnedsl.md 9,
// DAPHNE's CanonicalizationPushDownTest). Most of DAPHNE's push-downs
// (fill/seq/rand combined with a scalar + - * /) give the same values as
// computing the operation afterwards, so only the one that does not is
// done here:
//
//	ewAbs(rand(r, c, min, max, sp, seed)) -> rand(r, c, -max, -min, sp, seed)
//
// for constant min <= max <= 0. Both are uniform on [-max, -min], but they
// draw different values for the same seed, and DAPHNE prints the latter.
// The rand must have no other use (otherwise the two results would no longer
// be abs of each other; DAPHNE rewrites it anyway) and neither op may carry
// attributes (kernel hints).
//
// Deliberately not done: DAPHNE also turns rand(.., min, max, sp, ..) + s
// into rand(.., min+s, max+s, sp, ..) whatever the sparsity sp, so for
// sp < 1 its zero cells stay 0 instead of becoming s. daphne-go adds s to
// every cell; for sp = 1 both give the same values.
// The rewritten op keeps the result value of ewAbs; the old rand is left
// for deadcode.
func pushdown(s *state) error {
	for _, f := range s.m.Funcs {
		uses := useCounts(f)
		pushdownBlock(f, f.Body, uses)
	}
	return nil
}

func pushdownBlock(f *ir.Func, b *ir.Block, uses map[*ir.Value]int) {
	out := make([]*ir.Op, 0, len(b.Ops))
	for _, op := range b.Ops {
		for _, r := range op.Regions {
			pushdownBlock(f, r, uses)
		}
		if consts := pushAbsIntoRand(f, op, uses); consts != nil {
			out = append(out, consts...)
		}
		out = append(out, op)
	}
	b.Ops = out
}

// pushAbsIntoRand rewrites op in place if it is ewAbs of a matching rand
// and returns the constant ops (-max, -min) to insert before it; nil if op
// is left alone.
func pushAbsIntoRand(f *ir.Func, op *ir.Op, uses map[*ir.Value]int) []*ir.Op {
	if op.Kind != ir.KindCall || op.Name != "ewAbs" || len(op.Args) != 1 || len(op.Attrs) > 0 || len(op.Results) != 1 {
		return nil
	}
	x := op.Args[0]
	r := x.Def
	if r == nil || r.Kind != ir.KindCall || r.Name != "rand" || len(r.Args) != 6 || len(r.Attrs) > 0 || uses[x] != 1 {
		return nil
	}
	lo, hi := constOf(r.Args[2]), constOf(r.Args[3])
	if lo == nil || hi == nil || lo.VT != hi.VT {
		return nil
	}
	var negLo, negHi ir.Const
	switch {
	case lo.VT.IsSigned():
		if !(lo.I <= hi.I && hi.I <= 0) || lo.I == math.MinInt64 {
			return nil
		}
		negLo, negHi = ir.Const{VT: lo.VT, I: -lo.I}, ir.Const{VT: hi.VT, I: -hi.I}
	case lo.VT.IsFloat():
		if !(lo.F <= hi.F && hi.F <= 0) {
			return nil
		}
		negLo, negHi = ir.Const{VT: lo.VT, F: 0 - lo.F}, ir.Const{VT: hi.VT, F: 0 - hi.F} // 0-x: no -0
	default:
		return nil
	}
	newMin := constOp(f, negHi, op.Loc)
	newMax := constOp(f, negLo, op.Loc)
	op.Name = "rand"
	op.Args = []*ir.Value{r.Args[0], r.Args[1], newMin.Results[0], newMax.Results[0], r.Args[4], r.Args[5]}
	uses[x]--
	return []*ir.Op{newMin, newMax}
}

// constOp returns a new constant op of f (not yet in any block).
func constOp(f *ir.Func, c ir.Const, loc ir.Loc) *ir.Op {
	op := &ir.Op{Kind: ir.KindConst, Loc: loc}
	op.Const = &c
	op.Results = []*ir.Value{f.NewValue(types.ScalarOf(c.VT), op)}
	return op
}
