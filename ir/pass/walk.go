package pass

import (
	"github.com/daphne-go/daphne/ir"
	"github.com/daphne-go/daphne/types"
)

// forEachOp calls fn on every op of b and of its nested regions, in
// pre-order (an op before the ops of its regions).
func forEachOp(b *ir.Block, fn func(op *ir.Op)) {
	for _, op := range b.Ops {
		fn(op)
		for _, r := range op.Regions {
			forEachOp(r, fn)
		}
	}
}

// useCounts counts the uses of every value of f.
func useCounts(f *ir.Func) map[*ir.Value]int {
	n := map[*ir.Value]int{}
	forEachOp(f.Body, func(op *ir.Op) {
		for _, a := range op.Args {
			n[a]++
		}
	})
	return n
}

// replacer maps values to their replacements; chains are followed.
type replacer map[*ir.Value]*ir.Value

// resolve returns the final replacement of v (v itself if none).
func (r replacer) resolve(v *ir.Value) *ir.Value {
	for i := 0; i < len(r)+1; i++ {
		w, ok := r[v]
		if !ok {
			return v
		}
		v = w
	}
	return v
}

// args rewrites the arguments of op.
func (r replacer) args(op *ir.Op) {
	if len(r) == 0 {
		return
	}
	for i, a := range op.Args {
		op.Args[i] = r.resolve(a)
	}
}

// apply rewrites every use in f.
func (r replacer) apply(f *ir.Func) {
	if len(r) == 0 {
		return
	}
	forEachOp(f.Body, r.args)
}

// constOf returns the constant defining v, or nil.
func constOf(v *ir.Value) *ir.Const {
	if v == nil || v.Def == nil || v.Def.Kind != ir.KindConst {
		return nil
	}
	return v.Def.Const
}

// truth returns the truth value of a constant used as a condition;
// ok=false for strings (not folded).
func truth(c *ir.Const) (val, ok bool) {
	switch {
	case c.VT == types.Bool || c.VT.IsSigned():
		return c.I != 0, true
	case c.VT.IsUnsigned():
		return c.U != 0, true
	case c.VT.IsFloat():
		return c.F != 0, true // NaN is true, as in C
	}
	return false, false
}

// constInt returns the integral value of a constant v, if it has one.
func constInt(v *ir.Value) (int64, bool) {
	c := constOf(v)
	switch {
	case c == nil:
		return 0, false
	case c.VT.IsSigned():
		return c.I, true
	case c.VT.IsUnsigned() && c.U <= 1<<62:
		return int64(c.U), true
	case c.VT.IsFloat() && c.F == float64(int64(c.F)) && c.F >= -(1<<62) && c.F <= 1<<62:
		return int64(c.F), true
	}
	return 0, false
}
