package pass

import (
	"github.com/daphne-go/daphne/ir"
	"github.com/daphne-go/daphne/types"
)

// infer is property inference: it fills in the unknown parts (data type,
// value type, rows, columns) of result types where the rules of
// infer_rules.go derive them from the argument types and constant
// arguments. It is conservative: a known part is never changed, and what
// no rule derives stays unknown.
//
// Control flow: the results of an if get what both regions yield alike;
// the results of a loop get what the initial value and the value the body
// yields have alike (the result is one or the other); the results of a
// call of a user function get the callee's declared result types. Block
// arguments of loops are not refined (that needs a fixpoint over the loop).
func infer(s *state) error {
	for _, f := range s.m.Funcs {
		inferBlock(s.m, f.Body)
	}
	return nil
}

func inferBlock(m *ir.Module, b *ir.Block) {
	for _, op := range b.Ops {
		for _, r := range op.Regions {
			if r != nil {
				inferBlock(m, r)
			}
		}
		for i, t := range resultTypes(m, op) {
			if i < len(op.Results) {
				op.Results[i].Type = refine(op.Results[i].Type, t)
			}
		}
	}
}

// resultTypes derives the result types of op (nil if nothing is known).
func resultTypes(m *ir.Module, op *ir.Op) []types.Type {
	switch op.Kind {
	case ir.KindCall:
		if rule, ok := rules[op.Name]; ok {
			return rule(op)
		}
	case ir.KindCallFunc:
		if callee := m.Func(op.Name); callee != nil {
			return callee.ResultTypes
		}
	case ir.KindIf:
		if len(op.Regions) == 2 {
			return meetAll(yielded(op.Regions[0]), yielded(op.Regions[1]))
		}
	case ir.KindWhile:
		if len(op.Regions) == 2 {
			return meetAll(argTypes(op.Args), yielded(op.Regions[1]))
		}
	case ir.KindFor:
		if len(op.Regions) == 1 && len(op.Args) >= len(op.Results) {
			return meetAll(argTypes(op.Args[len(op.Args)-len(op.Results):]), yielded(op.Regions[0]))
		}
	}
	return nil
}

// yielded returns the types a region yields, or nil if it ends otherwise.
func yielded(b *ir.Block) []types.Type {
	if b == nil || len(b.Ops) == 0 {
		return nil
	}
	last := b.Ops[len(b.Ops)-1]
	if last.Kind != ir.KindYield {
		return nil
	}
	return argTypes(last.Args)
}

func argTypes(vs []*ir.Value) []types.Type {
	ts := make([]types.Type, len(vs))
	for i, v := range vs {
		ts[i] = v.Type
	}
	return ts
}

// meetAll is meet, pairwise; a region ending in return (nil) contributes
// nothing, so the other side decides.
func meetAll(a, b []types.Type) []types.Type {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	case len(a) != len(b):
		return nil
	}
	out := make([]types.Type, len(a))
	for i := range a {
		out[i] = meet(a[i], b[i])
	}
	return out
}

// meet keeps what two types have in common.
func meet(a, b types.Type) types.Type {
	if a.DT != b.DT {
		return types.Any
	}
	t := a
	if a.VT != b.VT {
		t.VT = types.Unknown
	}
	if a.Rows != b.Rows {
		t.Rows = types.UnknownDim
	}
	if a.Cols != b.Cols {
		t.Cols = types.UnknownDim
	}
	if a.Repr != b.Repr {
		t.Repr = types.AnyRepr
	}
	return t
}

// refine fills the unknown parts of old with those of derived. If the data
// types disagree, old is kept as is.
func refine(old, derived types.Type) types.Type {
	if old.DT == types.AnyData && old.VT != types.Unknown {
		return old // not expressible in the text form; leave it alone
	}
	if old.DT != types.AnyData && derived.DT != types.AnyData && old.DT != derived.DT {
		return old
	}
	t := old
	if t.VT == types.Unknown {
		t.VT = derived.VT
	}
	// A scalar of unknown value type prints as "?", like types.Any, so it
	// is left as Any to keep the text form faithful.
	if t.DT == types.AnyData && derived.DT != types.AnyData && (derived.DT != types.Scalar || t.VT != types.Unknown) {
		t.DT = derived.DT
		if t.DT == types.Scalar {
			t.Rows, t.Cols = 1, 1
		}
	}
	if t.DT == types.Matrix {
		if t.Rows == types.UnknownDim {
			t.Rows = derived.Rows
		}
		if t.Cols == types.UnknownDim {
			t.Cols = derived.Cols
		}
	}
	return t
}
