package lower

import (
	"sort"

	"github.com/daphne-go/daphne/builtin"
	"github.com/daphne-go/daphne/dsl/ast"
	"github.com/daphne-go/daphne/dsl/check"
	"github.com/daphne-go/daphne/ir"
	"github.com/daphne-go/daphne/types"
)

// region lowers fn into a fresh block with the given argument types and
// returns the block; the current builder is restored afterwards.
func (c *fnCtx) region(argTypes []types.Type, fn func(args []*ir.Value)) *ir.Block {
	blk := &ir.Block{}
	for _, t := range argTypes {
		blk.Args = append(blk.Args, c.f.NewValue(t, nil))
	}
	saved := c.b
	c.b = &ir.Builder{F: c.f, Block: blk, Loc: saved.Loc}
	fn(blk.Args)
	c.b = saved
	return blk
}

// branch lowers one if-branch in its own scope and returns the bindings of
// the names of snap it leaves.
func (c *fnCtx) branch(s ast.Stmt, snap map[string]*ir.Value) (*ir.Block, map[string]*ir.Value) {
	out := map[string]*ir.Value{}
	blk := c.region(nil, func([]*ir.Value) {
		c.scope.Push()
		c.branches++
		if s != nil {
			c.stmt(s)
		}
		for n := range snap {
			out[n], _ = c.scope.Lookup(n)
		}
		c.branches--
		c.scope.Pop()
	})
	c.scope.Restore(snap)
	return blk, out
}

// ifStmt lowers an if-statement: an if op yielding the new values of the
// pre-existing variables either branch assigns.
func (c *fnCtx) ifStmt(x *ast.If) {
	cond := c.expr(x.Cond)
	snap := c.scope.Snapshot()
	thenB, thenV := c.branch(x.Then, snap)
	elseB, elseV := c.branch(x.Else, snap)
	var names []string
	for n, v := range snap {
		if thenV[n] != v || elseV[n] != v {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	var res []types.Type
	var ty, ey []*ir.Value
	for _, n := range names {
		t, ok := check.MergeIf(thenV[n].Type, elseV[n].Type)
		if !ok {
			c.errorf(x.P, "type of variable `%s` after if-statement is ambiguous (%s in the then-branch, %s in the else-branch)",
				n, check.Describe(thenV[n].Type), check.Describe(elseV[n].Type))
		}
		res = append(res, t)
		ty, ey = append(ty, thenV[n]), append(ey, elseV[n])
	}
	appendYield(thenB, ty)
	appendYield(elseB, ey)
	c.at(x.P)
	op := c.b.Op(ir.KindIf, "", []*ir.Value{cond}, res...)
	op.Regions = []*ir.Block{thenB, elseB}
	for i, n := range names {
		op.Results[i].Name = n
		c.scope.Set(n, op.Results[i])
	}
}

func appendYield(b *ir.Block, vals []*ir.Value) {
	b.Ops = append(b.Ops, &ir.Op{Kind: ir.KindYield, Args: vals})
}

// carried returns the visible variables a loop body assigns, sorted.
func (c *fnCtx) carried(body ast.Stmt, exclude string) []string {
	var out []string
	for _, n := range check.Assigned(body) {
		if _, ok := c.scope.Lookup(n); ok && n != exclude && !c.readOnly[n] {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

// maxPreciseLoopDepth bounds the loop nesting up to which carried values
// keep precise static types. Deeper loops start with unknown types so that
// each is lowered once: re-lowering until the types are stable costs up to
// 2^depth for nested loops otherwise.
const maxPreciseLoopDepth = 4

// loop lowers the regions of a loop over the carried variables names with
// initial values init. build lowers the regions given the current types of
// the carried values and returns the regions and the values the body
// yields. Because a body may change a carried value's value type or shape,
// the regions are lowered again with generalised types until the types are
// stable (at most a few rounds; errors of discarded rounds are dropped).
func (c *fnCtx) loop(kind string, p ast.Node, names []string, init []*ir.Value,
	build func(argTypes []types.Type) ([]*ir.Block, []*ir.Value)) ([]*ir.Block, []types.Type) {
	argTypes := make([]types.Type, len(init))
	for i, v := range init {
		argTypes[i] = v.Type
		if c.loops >= maxPreciseLoopDepth {
			argTypes[i] = types.Any
		}
	}
	snap := c.scope.Snapshot()
	for round := 0; ; round++ {
		mark := len(c.l.errs)
		failed := c.l.failedArgs()
		regions, next := build(argTypes)
		c.scope.Restore(snap)
		stable := true
		for i := range next {
			g := builtin.Generalize(argTypes[i], next[i].Type)
			if g != argTypes[i] {
				stable = false
				argTypes[i] = g
			}
		}
		if !stable && round == maxLoopRounds-1 {
			// Give up on precision: unknown types are stable by construction.
			for i := range argTypes {
				argTypes[i] = types.Any
			}
		}
		if stable || round == maxLoopRounds {
			c.checkCarried(kind, p, names, init, next)
			return regions, argTypes
		}
		c.l.errs = c.l.errs[:mark]
		// A script argument first found missing in this round had its
		// error dropped with the round's: forget it, so the next round
		// reports it again.
		for name, lit := range c.l.args {
			if lit == nil && !failed[name] {
				delete(c.l.args, name)
			}
		}
	}
}

// maxLoopRounds bounds how often a loop body is lowered while its carried
// types generalise.
const maxLoopRounds = 4

// checkCarried reports carried variables whose data type the body changes.
func (c *fnCtx) checkCarried(kind string, p ast.Node, names []string, init, next []*ir.Value) {
	for i, n := range names {
		if _, ok := check.MergeLoop(init[i].Type, next[i].Type); !ok {
			c.l.passErrorf(c.file.path, p.Pos(), "the data type (%s) of a variable must not be changed within the body of a %s (variable `%s` becomes %s)",
				init[i].Type.DT, kind, n, next[i].Type.DT)
		}
	}
}

// bindCarried binds each carried name to the matching value.
func (c *fnCtx) bindCarried(names []string, vals []*ir.Value) {
	for i, n := range names {
		if vals[i].Name == "" {
			vals[i].Name = n
		}
		c.scope.Set(n, vals[i])
	}
}

// body lowers a loop body in its own scope and returns the new values of
// the carried names.
func (c *fnCtx) body(s ast.Stmt, names []string) []*ir.Value {
	c.scope.Push()
	c.loops++
	c.stmt(s)
	next := make([]*ir.Value, len(names))
	for i, n := range names {
		next[i], _ = c.scope.Lookup(n)
	}
	c.loops--
	c.scope.Pop()
	return next
}

// whileStmt lowers while and do-while loops.
func (c *fnCtx) whileStmt(x *ast.While) {
	names := c.carried(x.Body, "")
	init := c.lookupAll(names)
	kind := "while-loop"
	if x.DoWhile {
		kind = "do-while-loop"
	}
	regions, argTypes := c.loop(kind, x, names, init, func(argTypes []types.Type) ([]*ir.Block, []*ir.Value) {
		condB := c.region(argTypes, func(args []*ir.Value) {
			c.bindCarried(names, args)
			c.b.Yield(c.expr(x.Cond))
		})
		var next []*ir.Value
		bodyB := c.region(argTypes, func(args []*ir.Value) {
			c.bindCarried(names, args)
			next = c.body(x.Body, names)
			c.b.Yield(next...)
		})
		return []*ir.Block{condB, bodyB}, next
	})
	c.at(x.P)
	op := c.b.Op(ir.KindWhile, "", init, argTypes...)
	op.Regions = regions
	if x.DoWhile {
		op.SetAttr("do", "true")
	}
	c.bindCarried(names, op.Results)
}

// forStmt lowers for (i in from:to[:step]).
func (c *fnCtx) forStmt(x *ast.For) {
	args := []*ir.Value{c.expr(x.From), c.expr(x.To)}
	if x.Step != nil {
		args = append(args, c.expr(x.Step))
	}
	names := c.carried(x.Body, x.Var)
	init := c.lookupAll(names)
	regions, argTypes := c.loop("for-loop", x, names, init, func(argTypes []types.Type) ([]*ir.Block, []*ir.Value) {
		var next []*ir.Value
		all := append([]types.Type{types.ScalarOf(types.SI64)}, argTypes...)
		bodyB := c.region(all, func(bargs []*ir.Value) {
			c.bindCarried(names, bargs[1:])
			c.scope.Push()
			bargs[0].Name = x.Var
			c.scope.Define(x.Var, bargs[0])
			wasRO := c.readOnly[x.Var]
			c.readOnly[x.Var] = true
			next = c.body(x.Body, names)
			c.readOnly[x.Var] = wasRO
			c.scope.Pop()
			c.b.Yield(next...)
		})
		return []*ir.Block{bodyB}, next
	})
	c.at(x.P)
	op := c.b.Op(ir.KindFor, "", append(args, init...), argTypes...)
	op.Regions = regions
	if x.Step == nil {
		op.SetAttr("step", "auto")
	}
	c.bindCarried(names, op.Results)
}

func (c *fnCtx) lookupAll(names []string) []*ir.Value {
	out := make([]*ir.Value, len(names))
	for i, n := range names {
		out[i], _ = c.scope.Lookup(n)
	}
	return out
}
