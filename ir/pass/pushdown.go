package pass

import (
	"math"

	"github.com/daphne-go/daphne/ir"
	"github.com/daphne-go/daphne/types"
)

// pushdown pushes element-wise operations into the source operation that
// produces their operand, as DAPHNE's canonicalizer does (daphnedsl.md 9,
// DAPHNE's CanonicalizationPushDownTest). Most of DAPHNE's push-downs
// (fill/seq combined with a scalar + - * /) give the same values as
// computing the operation afterwards; only those that draw different
// random values are done here:
//
//	ewAbs(rand(r, c, min, max, sp, seed)) -> rand(r, c, -max, -min, sp, seed)
//	ewAdd(rand(r, c, min, max, 1, seed), s) -> rand(r, c, min+s, max+s, 1, seed)
//
// The first for constant min <= max <= 0: both sides are uniform on
// [-max, -min], but draw different values for the same seed. The second
// (s on either side) for constant min, max and s of one value type and
// sparsity 1: rand re-draws zeros, so when zero lies in one of the two
// ranges the two forms draw different values for the same seed. DAPHNE
// prints the right-hand sides. The rand must have no other use (otherwise
// the results would no longer be derived from the same values; DAPHNE
// rewrites it anyway) and neither op may carry attributes (kernel hints).
// The rewritten op keeps its result value; the old rand is left for
// deadcode.
//
// Deliberately not done: DAPHNE pushes + s into rand whatever the sparsity
// sp, so for sp < 1 its zero cells stay 0 instead of becoming s; daphne-go
// adds s to every cell.
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
		consts := pushAbsIntoRand(f, op, uses)
		if consts == nil {
			consts = pushAddIntoRand(f, op, uses)
		}
		if consts != nil {
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

// pushAddIntoRand rewrites op in place if it is ewAdd of a matching rand and
// a constant and returns the constant ops (min+s, max+s) to insert before
// it; nil if op is left alone.
func pushAddIntoRand(f *ir.Func, op *ir.Op, uses map[*ir.Value]int) []*ir.Op {
	if op.Kind != ir.KindCall || op.Name != "ewAdd" || len(op.Args) != 2 || len(op.Attrs) > 0 || len(op.Results) != 1 {
		return nil
	}
	x, sv := op.Args[0], op.Args[1]
	if x.Def == nil || x.Def.Name != "rand" {
		x, sv = sv, x
	}
	r := x.Def
	if r == nil || r.Kind != ir.KindCall || r.Name != "rand" || len(r.Args) != 6 || len(r.Attrs) > 0 || uses[x] != 1 {
		return nil
	}
	lo, hi, sc, sp := constOf(r.Args[2]), constOf(r.Args[3]), constOf(sv), r.Args[4]
	if lo == nil || hi == nil || sc == nil || lo.VT != hi.VT || sc.VT != lo.VT {
		return nil
	}
	if p, ok := constFloat(sp); !ok || p != 1 {
		return nil
	}
	var newLo, newHi ir.Const
	switch {
	case lo.VT.IsSigned():
		a, okA := addInt(lo.I, sc.I)
		b, okB := addInt(hi.I, sc.I)
		if !okA || !okB {
			return nil
		}
		newLo, newHi = ir.Const{VT: lo.VT, I: a}, ir.Const{VT: hi.VT, I: b}
	case lo.VT.IsFloat():
		newLo, newHi = ir.Const{VT: lo.VT, F: lo.F + sc.F}, ir.Const{VT: hi.VT, F: hi.F + sc.F}
	default:
		return nil
	}
	minOp := constOp(f, newLo, op.Loc)
	maxOp := constOp(f, newHi, op.Loc)
	op.Name = "rand"
	op.Args = []*ir.Value{r.Args[0], r.Args[1], minOp.Results[0], maxOp.Results[0], r.Args[4], r.Args[5]}
	uses[x]--
	uses[sv]--
	return []*ir.Op{minOp, maxOp}
}

// addInt adds two int64 values; ok=false on overflow.
func addInt(a, b int64) (int64, bool) {
	c := a + b
	if (c > a) != (b > 0) {
		return 0, false
	}
	return c, true
}
