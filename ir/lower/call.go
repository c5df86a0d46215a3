package lower

import (
	"fmt"
	"sort"
	"strings"

	"github.com/daphne-go/daphne/builtin"
	"github.com/daphne-go/daphne/dsl/ast"
	"github.com/daphne-go/daphne/dsl/check"
	"github.com/daphne-go/daphne/ir"
	"github.com/daphne-go/daphne/types"
)

// call lowers a call of a UDF or builtin and returns all its results; ok is
// false after an error.
func (c *fnCtx) call(x *ast.Call) ([]*ir.Value, bool) {
	if ovs := c.file.funcs[x.Func]; len(ovs) > 0 {
		vals := c.callUDF(x, ovs)
		return vals, vals != nil || udfResults(ovs) == 0
	}
	sig, ok := builtin.Lookup(x.Func)
	if !ok {
		c.unknownFunc(x)
		return nil, false
	}
	if sig.Unsupported != "" {
		c.errorf(x.P, "`%s`: %s", x.Func, sig.Unsupported)
		return nil, false
	}
	if sig.Name == "map" {
		return c.mapCall(x, sig)
	}
	slots, ok := c.resolve(x, sig)
	if !ok {
		return nil, false
	}
	opName, slots, ok := c.aggForm(x, sig, slots)
	if !ok {
		return nil, false
	}
	args := make([]*ir.Value, len(slots))
	argTypes := make([]types.Type, len(slots))
	for i, s := range slots {
		if s.expr != nil {
			args[i] = c.expr(s.expr)
		} else {
			c.at(x.P)
			args[i] = c.b.Const(defaultConst(s.def))
		}
		argTypes[i] = args[i].Type
	}
	if !c.checkListArgs(x, sig, argTypes) || !c.checkFrameArgs(x, sig, argTypes) {
		return nil, false
	}
	resSig := sig
	if opName != sig.Op {
		if s, ok := builtin.ByOp(opName); ok {
			resSig = s
		}
	}
	c.at(x.P)
	op := c.b.Op(ir.KindCall, opName, args, frameResults(sig, args, resSig.ResultTypes(argTypes))...)
	refineShape(op)
	c.hint(op, x.P, x.Hint)
	return op.Results, true
}

func udfResults(ovs []*udf) int { return ovs[0].nret }

// slot is one resolved builtin argument: an expression or a default.
type slot struct {
	expr ast.Expr
	def  any
}

// resolve orders the call's arguments by the builtin's keyword names, fills
// defaults and checks the arity.
func (c *fnCtx) resolve(x *ast.Call, sig *builtin.Sig) ([]slot, bool) {
	var slots []slot
	filled := map[int]bool{}
	sawKW := false
	for _, a := range x.Args {
		if a.Name == "" {
			if sawKW {
				c.errorf(a.P, "positional argument after keyword arguments in call of `%s`", x.Func)
				return nil, false
			}
			filled[len(slots)] = true
			slots = append(slots, slot{expr: a.Value})
			continue
		}
		sawKW = true
		i := indexOf(sig.KW, a.Name)
		if i < 0 {
			if len(sig.KW) == 0 {
				c.errorf(a.P, "built-in function `%s` does not accept keyword arguments (got `%s`)", x.Func, a.Name)
			} else {
				c.errorf(a.P, "unknown keyword argument `%s` for built-in function `%s` (accepted: %s)", a.Name, x.Func, strings.Join(sig.KW, ", "))
			}
			return nil, false
		}
		if filled[i] {
			c.errorf(a.P, "argument `%s` of `%s` is given more than once", a.Name, x.Func)
			return nil, false
		}
		for len(slots) <= i {
			slots = append(slots, slot{})
		}
		slots[i] = slot{expr: a.Value}
		filled[i] = true
	}
	for i := range slots {
		if !filled[i] {
			if i < len(sig.Defaults) && sig.Defaults[i] != nil {
				slots[i].def = sig.Defaults[i]
				continue
			}
			c.errorf(x.P, "missing argument `%s` in call of `%s`", sig.KW[i], x.Func)
			return nil, false
		}
	}
	for i := len(slots); i < len(sig.Defaults) && sig.Defaults[i] != nil; i++ {
		slots = append(slots, slot{def: sig.Defaults[i]})
	}
	if !sig.Accepts(len(slots)) {
		c.errorf(x.P, "built-in function `%s` expects %s, but got %d", x.Func, arity(sig), len(x.Args))
		return nil, false
	}
	return slots, true
}

// arity describes the accepted argument counts of sig.
func arity(sig *builtin.Sig) string {
	lo, hi := sig.Min, sig.Max
	for i := 0; i < len(sig.Defaults) && i < lo; i++ {
		if sig.Defaults[i] != nil {
			lo = i
			break
		}
	}
	switch {
	case len(sig.Arities) > 0:
		parts := make([]string, len(sig.Arities))
		for i, a := range sig.Arities {
			parts[i] = fmt.Sprint(a)
		}
		return "exactly " + strings.Join(parts, " or ") + " argument(s)"
	case hi < 0:
		return fmt.Sprintf("at least %d argument(s)", lo)
	case lo == hi:
		return fmt.Sprintf("exactly %d argument(s)", lo)
	}
	return fmt.Sprintf("between %d and %d arguments", lo, hi)
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// aggForm chooses the IR op of an aggregation by argument count and
// constant axis, dropping the axis argument.
func (c *fnCtx) aggForm(x *ast.Call, sig *builtin.Sig, slots []slot) (string, []slot, bool) {
	if sig.Agg == nil {
		return sig.Op, slots, true
	}
	switch len(slots) {
	case 1:
		return sig.Agg.All, slots, sig.Agg.All != ""
	case 3:
		return sig.Agg.Grp, slots, sig.Agg.Grp != ""
	}
	axisExpr := slots[1].expr
	if ref, ok := axisExpr.(*ast.ArgRef); ok {
		if axisExpr, ok = c.argLiteral(ref); !ok {
			return "", nil, false
		}
	}
	axis, ok := check.ConstInt(axisExpr)
	if !ok {
		c.errorf(slots[1].expr.Pos(), "the axis argument of aggregation `%s` must be a constant (0 for per-row, 1 for per-column)", x.Func)
		return "", nil, false
	}
	switch axis {
	case 0:
		return sig.Agg.Row, slots[:1], true
	case 1:
		return sig.Agg.Col, slots[:1], true
	}
	c.errorf(slots[1].expr.Pos(), "invalid axis %d for aggregation `%s`: expected 0 (per row) or 1 (per column)", axis, x.Func)
	return "", nil, false
}

// unknownFunc reports a call of an unknown function, suggesting the closest
// builtin or UDF name.
func (c *fnCtx) unknownFunc(x *ast.Call) {
	if c.file.defNames[x.Func] {
		c.errorf(x.P, "function `%s` is called before its definition (functions must be defined before their first call)", x.Func)
		return
	}
	cands := builtin.Names()
	for n := range c.file.funcs {
		cands = append(cands, n)
	}
	sort.Strings(cands)
	msg := fmt.Sprintf("unknown function `%s`", x.Func)
	if s := check.Closest(x.Func, cands, 2); s != "" {
		msg += fmt.Sprintf(" (did you mean `%s`?)", s)
	}
	c.errorf(x.P, "%s", msg)
}

// callArgs lowers a UDF call's arguments in source order and returns them
// with their keyword names ("" for positional ones).
func (c *fnCtx) callArgs(x *ast.Call) ([]*ir.Value, []string, bool) {
	vals := make([]*ir.Value, len(x.Args))
	names := make([]string, len(x.Args))
	seen := map[string]bool{}
	for i, a := range x.Args {
		if a.Name == "" && i > 0 && names[i-1] != "" {
			c.errorf(a.P, "positional argument after keyword arguments in call of `%s`", x.Func)
			return nil, nil, false
		}
		if a.Name != "" && seen[a.Name] {
			c.errorf(a.P, "argument `%s` of `%s` is given more than once", a.Name, x.Func)
			return nil, nil, false
		}
		seen[a.Name] = a.Name != ""
		vals[i], names[i] = c.expr(a.Value), a.Name
	}
	return vals, names, true
}

// mapCall lowers map(X, f): the UDF is named by a bare identifier and
// recorded as attribute "func".
func (c *fnCtx) mapCall(x *ast.Call, sig *builtin.Sig) ([]*ir.Value, bool) {
	slots, ok := c.resolve(x, sig)
	if !ok {
		return nil, false
	}
	id, isID := slots[1].expr.(*ast.Ident)
	if !isID {
		c.errorf(slots[1].expr.Pos(), "the second argument of `map` must be the name of a user-defined function")
		return nil, false
	}
	var u *udf
	for _, o := range c.file.funcs[id.Name] {
		if len(o.params) == 1 && o.nret == 1 {
			u = o
			break
		}
	}
	if u == nil {
		c.errorf(id.P, "`map` needs a user-defined function with one parameter and one result, `%s` is none", id.Name)
		return nil, false
	}
	m := c.expr(slots[0].expr)
	if x.Hint != "" {
		c.errorf(x.P, "kernel hints are not supported on `map`")
	}
	t := types.MatrixOf(types.Unknown)
	if len(u.results) == 1 {
		t.VT = u.results[0].VT
	}
	t.Rows, t.Cols = m.Type.Rows, m.Type.Cols
	c.at(x.P)
	op := c.b.Op(ir.KindCall, "map", []*ir.Value{m}, t)
	op.SetAttr("func", u.sym)
	return op.Results, true
}

// checkListArgs reports, as DAPHNE's type inference pass does (exit 2),
// statically known element value types that differ in createList (all
// elements) and append (the list and the new element). Unknown types are
// left to the run-time check of the kernels.
func (c *fnCtx) checkListArgs(x *ast.Call, sig *builtin.Sig, argTypes []types.Type) bool {
	switch sig.Name {
	case "createList":
		first := -1
		for i, t := range argTypes {
			if t.DT != types.Matrix || t.VT == types.Unknown {
				continue
			}
			if first < 0 {
				first = i
				continue
			}
			if t.VT != argTypes[first].VT {
				c.l.passErrorf(c.file.path, x.P, "all elements of `createList` must have the same value type, but element %d is %s and element %d is %s",
					first, argTypes[first].VT, i, t.VT)
				return false
			}
		}
	case "append":
		l, e := argTypes[0], argTypes[1]
		if l.DT == types.List && e.DT == types.Matrix && l.VT != types.Unknown && e.VT != types.Unknown && l.VT != e.VT {
			c.l.passErrorf(c.file.path, x.P, "cannot append a matrix of value type %s to a list of %s matrices", e.VT, l.VT)
			return false
		}
	}
	return true
}
