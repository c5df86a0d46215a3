package lower

import (
	"github.com/daphne-go/daphne/builtin"
	"github.com/daphne-go/daphne/dsl/ast"
	"github.com/daphne-go/daphne/dsl/check"
	"github.com/daphne-go/daphne/dsl/token"
	"github.com/daphne-go/daphne/ir"
	"github.com/daphne-go/daphne/types"
)

// expr lowers an expression that must give exactly one value.
func (c *fnCtx) expr(e ast.Expr) *ir.Value {
	vals := c.exprN(e, 1)
	if len(vals) != 1 {
		return c.bad()
	}
	return vals[0]
}

// exprN lowers an expression giving want values (-1: any number, for an
// expression statement) and reports a mismatch.
func (c *fnCtx) exprN(e ast.Expr, want int) []*ir.Value {
	call, isCall := e.(*ast.Call)
	if !isCall {
		v := c.expr1(e)
		if want > 1 {
			c.errorf(e.Pos(), "assignment to %d variables needs an expression with %d results, but this expression has one", want, want)
			return nil
		}
		return []*ir.Value{v}
	}
	mark := len(c.l.errs)
	vals, ok := c.call(call)
	if !ok || want < 0 || len(vals) == want {
		return vals
	}
	if len(c.l.errs) > mark {
		return nil
	}
	switch {
	case want > 1:
		c.errorf(call.P, "assignment to %d variables needs an expression with %d results, but `%s` returns %d", want, want, call.Func, len(vals))
	case len(vals) == 0:
		c.errorf(call.P, "function `%s` returns no value, but a value is expected", call.Func)
	default:
		c.errorf(call.P, "function `%s` returns %d values, but one value is expected", call.Func, len(vals))
	}
	return nil
}

// expr1 lowers an expression that is not a call.
func (c *fnCtx) expr1(e ast.Expr) *ir.Value {
	if e == nil {
		return c.bad()
	}
	if p := e.Pos(); p.IsValid() {
		c.at(p)
	}
	if v, ok := c.literal(e); ok {
		return v
	}
	switch x := e.(type) {
	case *ast.ArgRef:
		return c.scriptArg(x)
	case *ast.Ident:
		if v, ok := c.scope.Lookup(x.Name); ok {
			return v
		}
		c.errorf(x.P, "variable `%s` referenced before assignment", x.Name)
		return c.bad()
	case *ast.Call:
		return c.expr(x)
	case *ast.Cast:
		return c.cast(x)
	case *ast.Index:
		return c.extract(x)
	case *ast.BitIndex:
		return c.filter(x)
	case *ast.Unary:
		return c.unary(x)
	case *ast.Binary:
		return c.binary(x)
	case *ast.Cond:
		return c.cond(x)
	case *ast.MatrixLit:
		return c.matrixLit(x)
	case *ast.FrameLit:
		return c.frameLit(x)
	case *ast.BadExpr:
		c.errorf(x.P, "invalid expression")
		return c.bad()
	}
	c.errorf(e.Pos(), "unsupported expression %T", e)
	return c.bad()
}

// literal lowers a literal, possibly signed by unary minus, to a constant.
func (c *fnCtx) literal(e ast.Expr) (*ir.Value, bool) {
	k, ok := constOf(e)
	if !ok {
		return nil, false
	}
	return c.b.Const(k), true
}

// constOf returns the constant of a literal or a negated numeric literal.
func constOf(e ast.Expr) (ir.Const, bool) {
	switch x := e.(type) {
	case *ast.IntLit:
		if x.VT == types.SI64 || x.VT == types.Unknown {
			return ir.Const{VT: types.SI64, I: x.Value}, true
		}
		return ir.Const{VT: x.VT, U: uint64(x.Value)}, true
	case *ast.FloatLit:
		vt := x.VT
		if vt == types.Unknown {
			vt = types.F64
		}
		return ir.Const{VT: vt, F: x.Value}, true
	case *ast.StrLit:
		return ir.Const{VT: types.Str, S: x.Value}, true
	case *ast.BoolLit:
		k := ir.Const{VT: types.Bool}
		if x.Value {
			k.I = 1
		}
		return k, true
	case *ast.Unary:
		k, ok := constOf(x.X)
		if !ok || k.VT == types.Str || k.VT == types.Bool {
			return k, false
		}
		if x.Op == "-" {
			k.I, k.U, k.F = -k.I, -k.U, -k.F
		}
		return k, true
	}
	return ir.Const{}, false
}

// defaultConst converts a table default (builtin.Sig.Defaults) to a constant.
func defaultConst(d any) ir.Const {
	switch v := d.(type) {
	case bool:
		k := ir.Const{VT: types.Bool}
		if v {
			k.I = 1
		}
		return k
	case int8:
		return ir.Const{VT: types.SI8, I: int64(v)}
	case int64:
		return ir.Const{VT: types.SI64, I: v}
	case float64:
		return ir.Const{VT: types.F64, F: v}
	case string:
		return ir.Const{VT: types.Str, S: v}
	}
	panic("lower: unsupported default value in builtin table")
}

func (c *fnCtx) unary(x *ast.Unary) *ir.Value {
	v := c.expr(x.X)
	if x.Op == "+" {
		return v
	}
	sig, _ := builtin.Lookup("minus")
	c.at(x.P)
	return c.b.Call(builtin.OpMinus, sig.ResultTypes([]types.Type{v.Type})[0], v)
}

func (c *fnCtx) binary(x *ast.Binary) *ir.Value {
	sig, ok := builtin.Operator(x.Op)
	if !ok {
		c.errorf(x.P, "unknown operator `%s`", x.Op)
		return c.bad()
	}
	a, b := c.expr(x.X), c.expr(x.Y)
	c.at(x.P)
	op := c.b.Op(ir.KindCall, sig.Op, []*ir.Value{a, b}, sig.ResultTypes([]types.Type{a.Type, b.Type})...)
	c.hint(op, x.P, x.Hint)
	return op.Results[0]
}

func (c *fnCtx) cond(x *ast.Cond) *ir.Value {
	k, a, b := c.expr(x.C), c.expr(x.A), c.expr(x.B)
	// A scalar condition selects a branch whole, so both branches must have
	// the same data type; DAPHNE's type inference of CondOp rejects a
	// mismatch (a compiler-pass error, exit 2). Different value types are
	// promoted instead (a documented superset).
	if k.Type.DT == types.Scalar && a.Type.DT != types.AnyData && b.Type.DT != types.AnyData &&
		a.Type.DT != b.Type.DT {
		c.l.passErrorf(c.file.path, x.P, "the then and else branches of a conditional expression must have the same data type, got %s and %s",
			a.Type.DT, b.Type.DT)
		return c.bad()
	}
	sig, _ := builtin.Internal(builtin.OpCond)
	c.at(x.P)
	return c.b.Call(sig.Op, sig.ResultTypes([]types.Type{k.Type, a.Type, b.Type})[0], k, a, b)
}

// hint validates a kernel hint and records it as attribute "kernel".
func (c *fnCtx) hint(op *ir.Op, p token.Pos, hint string) {
	if hint == "" {
		return
	}
	if err := check.ValidateHint(op.Name, hint); err != nil {
		c.errorf(p, "%v", err)
		return
	}
	op.SetAttr("kernel", hint)
}
