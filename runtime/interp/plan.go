package interp

import "github.com/daphne-go/daphne/ir"

// funcPlan is what the interpreter precomputes once per function: the frame
// size and, per block, which values die after each op.
type funcPlan struct {
	size int
	dead map[*ir.Block][][]*ir.Value
}

func (in *Interp) plan(f *ir.Func) *funcPlan {
	if p, ok := in.plans[f]; ok {
		return p
	}
	p := &funcPlan{dead: map[*ir.Block][][]*ir.Value{}}
	maxID := -1
	note := func(v *ir.Value) {
		if v.ID > maxID {
			maxID = v.ID
		}
	}
	for _, v := range f.Params {
		note(v)
	}
	var walk func(b *ir.Block)
	walk = func(b *ir.Block) {
		for _, a := range b.Args {
			note(a)
		}
		for _, op := range b.Ops {
			for _, r := range op.Results {
				note(r)
			}
			for _, rg := range op.Regions {
				walk(rg)
			}
		}
		p.dead[b] = deadAfter(b)
	}
	walk(f.Body)
	p.size = maxID + 1
	in.plans[f] = p
	return p
}

// deadAfter computes, for each op of b, the values defined in b (as block
// arguments or op results) whose last use in b is that op. Uses inside
// nested regions count as uses by the op owning the region. Values defined
// in b are defined afresh each time b runs, so dropping them after their
// last use is safe even inside loops; values of enclosing blocks are left
// alone (a loop body may read them again in the next iteration).
func deadAfter(b *ir.Block) [][]*ir.Value {
	local := map[*ir.Value]bool{}
	for _, a := range b.Args {
		local[a] = true
	}
	for _, op := range b.Ops {
		for _, r := range op.Results {
			local[r] = true
		}
	}
	last := map[*ir.Value]int{}
	for i, op := range b.Ops {
		forEachUse(op, func(v *ir.Value) {
			if local[v] {
				last[v] = i
			}
		})
	}
	dead := make([][]*ir.Value, len(b.Ops))
	for v, i := range last {
		dead[i] = append(dead[i], v)
	}
	// Results never used are dead right after their op.
	for i, op := range b.Ops {
		for _, r := range op.Results {
			if _, used := last[r]; !used {
				dead[i] = append(dead[i], r)
			}
		}
	}
	return dead
}

// forEachUse calls fn for every operand of op and of the ops nested in its
// regions.
func forEachUse(op *ir.Op, fn func(*ir.Value)) {
	for _, a := range op.Args {
		fn(a)
	}
	for _, rg := range op.Regions {
		for _, inner := range rg.Ops {
			forEachUse(inner, fn)
		}
	}
}
