package pass

import "github.com/daphne-go/daphne/ir"

// pruneCarried drops the loop-carried values of a while or for op that
// nothing needs: carried value i goes when
//   - the loop's result i is unused,
//   - (while) the cond region's block argument i is unused, and
//   - the body's block argument i is unused, except as the body's own
//     yielded value i (a value passed through unchanged).
//
// The initial value, the block arguments, the yielded value and the result
// are removed together, and the use counts updated; the computation of the
// yielded value, now dead, goes in the next deadcode sweep. A value that
// feeds only itself through a computation (i = i + 1 with i unused after
// the loop) is kept: recognising it needs a liveness analysis over the loop.
//
// It reports whether anything was dropped.
func pruneCarried(op *ir.Op, uses map[*ir.Value]int) bool {
	body, cond, first, argOff, ok := loopParts(op)
	if !ok {
		return false
	}
	yield := body.Ops[len(body.Ops)-1]
	changed := false
	for i := len(op.Results) - 1; i >= 0; i-- {
		bodyArg := body.Args[argOff+i]
		self := 0
		if yield.Args[i] == bodyArg {
			self = 1
		}
		if uses[op.Results[i]] > 0 || uses[bodyArg] != self || cond != nil && uses[cond.Args[i]] > 0 {
			continue
		}
		uses[op.Args[first+i]]--
		uses[yield.Args[i]]--
		op.Args = remove(op.Args, first+i)
		op.Results = remove(op.Results, i)
		body.Args = remove(body.Args, argOff+i)
		yield.Args = remove(yield.Args, i)
		if cond != nil {
			cond.Args = remove(cond.Args, i)
		}
		changed = true
	}
	return changed
}

// loopParts returns the body and (for while) cond regions of a loop, the
// index of the first carried value in op.Args and the offset of the first
// carried value in the body's block arguments. ok is false if the op is
// not a well-formed loop (Verify's rules).
func loopParts(op *ir.Op) (body, cond *ir.Block, first, argOff int, ok bool) {
	n := len(op.Results)
	switch op.Kind {
	case ir.KindWhile:
		if len(op.Regions) != 2 || len(op.Args) != n {
			return nil, nil, 0, 0, false
		}
		cond, body = op.Regions[0], op.Regions[1]
		if cond == nil || len(cond.Args) != n {
			return nil, nil, 0, 0, false
		}
	case ir.KindFor:
		if len(op.Regions) != 1 {
			return nil, nil, 0, 0, false
		}
		body, first, argOff = op.Regions[0], len(op.Args)-n, 1
		if first != forFixed(op) {
			return nil, nil, 0, 0, false
		}
	default:
		return nil, nil, 0, 0, false
	}
	if body == nil || len(body.Args) != argOff+n || len(body.Ops) == 0 {
		return nil, nil, 0, 0, false
	}
	if y := body.Ops[len(body.Ops)-1]; y.Kind != ir.KindYield || len(y.Args) != n {
		return nil, nil, 0, 0, false
	}
	return body, cond, first, argOff, true
}

// forFixed is the number of loop-bound arguments of a for op.
func forFixed(op *ir.Op) int {
	if op.Attr("step") == "auto" {
		return 2
	}
	return 3
}

func remove(vs []*ir.Value, i int) []*ir.Value {
	return append(vs[:i:i], vs[i+1:]...)
}
