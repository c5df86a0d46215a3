package pass

import "github.com/daphne-go/daphne/ir"

// deadcode removes ops whose results are all unused and that have no
// effect (purity.go): constants, pure calls without a kernel hint, calls of
// pure user functions
// and ifs whose regions are pure, recursively inside regions. Loops are
// kept even when unused (a loop might not terminate), but carried values
// nothing needs are dropped (carried.go).
//
// Each sweep walks blocks backwards so a chain of dead ops goes in one
// sweep; sweeps repeat until nothing changes (removing an op inside a
// region can make an outer value dead).
func deadcode(s *state) error {
	p := newPurity(s.m)
	for _, f := range s.m.Funcs {
		uses := useCounts(f)
		for sweepBlock(f.Body, uses, p) {
		}
	}
	return nil
}

// sweepBlock removes dead ops of b and its regions; it reports whether
// anything was removed.
func sweepBlock(b *ir.Block, uses map[*ir.Value]int, p *purity) bool {
	changed := false
	keep := make([]bool, len(b.Ops))
	for i := len(b.Ops) - 1; i >= 0; i-- {
		op := b.Ops[i]
		keep[i] = true
		for _, r := range op.Regions {
			if r != nil && sweepBlock(r, uses, p) {
				changed = true
			}
		}
		if pruneCarried(op, uses) {
			changed = true
		}
		if !unused(op, uses) || !p.removable(op) {
			continue
		}
		keep[i], changed = false, true
		for _, a := range op.Args {
			uses[a]--
		}
		for _, r := range op.Regions {
			forEachOp(r, func(inner *ir.Op) {
				for _, a := range inner.Args {
					uses[a]--
				}
			})
		}
	}
	if changed {
		ops := b.Ops[:0]
		for i, op := range b.Ops {
			if keep[i] {
				ops = append(ops, op)
			}
		}
		for i := len(ops); i < len(b.Ops); i++ {
			b.Ops[i] = nil
		}
		b.Ops = ops
	}
	return changed
}

func unused(op *ir.Op, uses map[*ir.Value]int) bool {
	for _, r := range op.Results {
		if uses[r] > 0 {
			return false
		}
	}
	return true
}
