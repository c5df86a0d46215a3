package lower

import (
	"fmt"
	"strings"

	"github.com/daphne-go/daphne/builtin"
	"github.com/daphne-go/daphne/dsl/ast"
	"github.com/daphne-go/daphne/dsl/check"
	"github.com/daphne-go/daphne/ir"
	"github.com/daphne-go/daphne/types"
)

// udf is one definition of a user-defined function.
type udf struct {
	def      *ast.FuncDef
	name     string // as called in its file
	sym      string // ir.Func symbol
	params   []types.Type
	declared bool // result types declared with ->
	results  []types.Type
	nret     int // number of results (-1 until the first return is seen)
	fn       *ir.Func
	lowering bool // body being lowered (recursive calls)
}

// funcDef lowers def name(params) [-> results] { body } into its own
// ir.Func and makes it callable by the statements that follow.
func (c *fnCtx) funcDef(x *ast.FuncDef) {
	if !c.topLevel() {
		c.errorf(x.P, "function `%s` must be defined at the top level of a script, not inside a block, branch, loop or function", x.Name)
		return
	}
	u := &udf{def: x, name: x.Name, nret: -1}
	seen := map[string]bool{}
	for _, p := range x.Params {
		if seen[p.Name] {
			c.errorf(p.P, "parameter `%s` of function `%s` is defined twice", p.Name, x.Name)
		}
		seen[p.Name] = true
		t, err := check.ParamType(p.Type)
		if err != nil {
			c.errorf(p.P, "parameter `%s` of function `%s`: %v", p.Name, x.Name, err)
		}
		u.params = append(u.params, t)
	}
	if x.Results != nil {
		u.declared = true
		for _, r := range x.Results {
			t, err := check.ResultType(r)
			if err != nil {
				c.errorf(r.P, "result type of function `%s`: %v", x.Name, err)
			}
			u.results = append(u.results, t)
		}
		u.nret = len(u.results)
	}
	prev := c.file.funcs[x.Name]
	for _, o := range prev {
		if sameTypes(o.params, u.params) {
			c.errorf(x.P, "function `%s` is already defined with the same parameter types", x.Name)
			return
		}
	}
	u.sym = c.file.prefix + x.Name
	if len(prev) > 0 {
		u.sym = fmt.Sprintf("%s#%d", u.sym, len(prev)+1)
	}
	c.file.funcs[x.Name] = append(prev, u)
	c.lowerUDF(u)
}

func sameTypes(a, b []types.Type) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// lowerUDF lowers the body of u into a new function of the module.
func (c *fnCtx) lowerUDF(u *udf) {
	x := u.def
	f := ir.NewFunc(u.sym, u.params, u.results)
	f.Loc = ir.Loc{File: c.file.path, Line: x.P.Line, Col: x.P.Col}
	u.fn = f
	c.l.mod.Funcs = append(c.l.mod.Funcs, f)
	fc := &fnCtx{l: c.l, file: c.file, f: f, b: ir.NewBuilder(f, f.Body),
		scope: check.NewScope[*ir.Value](), udf: u, readOnly: map[string]bool{}}
	for i, p := range x.Params {
		f.Params[i].Name = p.Name
		fc.scope.Define(p.Name, f.Params[i])
	}
	u.lowering = true
	r := fc.stmts(x.Body.Stmts, true)
	u.lowering = false
	if !r.returned && u.nret > 0 {
		c.errorf(x.P, "function `%s` must end with a return statement giving %d value(s)", x.Name, u.nret)
	}
	fc.at(x.Body.P)
	fc.b.Return(r.vals...)
	if !u.declared {
		u.results = nil
		for _, v := range r.vals {
			u.results = append(u.results, v.Type)
		}
		f.ResultTypes = u.results
		if u.nret < 0 {
			u.nret = len(r.vals)
		}
	}
}

// returnValues lowers the values of a return statement and checks them
// against the function's declared or earlier results.
func (c *fnCtx) returnValues(x *ast.Return) []*ir.Value {
	if c.udf == nil {
		c.errorf(x.P, "return statement outside of a function")
		return nil
	}
	vals := make([]*ir.Value, len(x.Values))
	for i, e := range x.Values {
		vals[i] = c.expr(e)
	}
	u := c.udf
	switch {
	case u.nret >= 0 && u.nret != len(vals):
		c.errorf(x.P, "function `%s` returns %d value(s) here, but %d elsewhere or in its declaration", u.name, len(vals), u.nret)
	case u.declared:
		for i, v := range vals {
			if !check.Compatible(u.results[i], v.Type) {
				c.errorf(x.Values[i].Pos(), "function `%s` declares result %d as %s, but returns %s",
					u.name, i+1, check.Describe(u.results[i]), check.Describe(v.Type))
			}
		}
	default:
		u.nret = len(vals)
	}
	return vals
}

// tailIf lowers an if-statement that ends a function and contains a
// return: the branches yield the returned values, which the if op gives as
// its results (the caller returns them).
func (c *fnCtx) tailIf(x *ast.If) ret {
	cond := c.expr(x.Cond)
	snap := c.scope.Snapshot()
	rs := make([]ret, 2)
	blocks := make([]*ir.Block, 2)
	for i, s := range []ast.Stmt{x.Then, x.Else} {
		blocks[i] = c.region(nil, func([]*ir.Value) {
			c.scope.Push()
			c.branches++
			if s != nil {
				rs[i] = c.stmts([]ast.Stmt{s}, true)
			}
			c.branches--
			c.scope.Pop()
			c.b.Yield(rs[i].vals...)
		})
		c.scope.Restore(snap)
	}
	c.at(x.P)
	if !rs[0].returned || !rs[1].returned || len(rs[0].vals) != len(rs[1].vals) {
		if c.udf.nret > 0 {
			c.errorf(x.P, "function `%s` does not return a value on every path", c.udf.name)
		}
		for i := range blocks {
			blocks[i].Ops[len(blocks[i].Ops)-1].Args = nil
		}
		op := c.b.Op(ir.KindIf, "", []*ir.Value{cond})
		op.Regions = blocks
		return ret{}
	}
	res := make([]types.Type, len(rs[0].vals))
	for i := range res {
		res[i] = builtin.Generalize(rs[0].vals[i].Type, rs[1].vals[i].Type)
	}
	op := c.b.Op(ir.KindIf, "", []*ir.Value{cond}, res...)
	op.Regions = blocks
	return ret{vals: op.Results, returned: true}
}

// callUDF lowers a call of a user-defined function, choosing the first
// overload whose arity and parameter types fit.
func (c *fnCtx) callUDF(x *ast.Call, overloads []*udf) []*ir.Value {
	if x.Hint != "" {
		c.errorf(x.P, "kernel hints are not allowed on calls of user-defined functions (`%s::%s`)", x.Func, x.Hint)
	}
	vals, names, ok := c.callArgs(x)
	if !ok {
		return nil
	}
	for _, u := range overloads {
		args, ok := bindUDFArgs(u, vals, names)
		if !ok {
			continue
		}
		if u.lowering && !u.declared {
			c.errorf(x.P, "recursive call of function `%s` needs declared result types (def %s(...) -> type { ... })", x.Func, x.Func)
			return nil
		}
		c.at(x.P)
		op := c.b.Op(ir.KindCallFunc, u.sym, args, u.results...)
		return op.Results
	}
	argDesc := make([]string, len(vals))
	for i, v := range vals {
		argDesc[i] = check.Describe(v.Type)
		if names[i] != "" {
			argDesc[i] = names[i] + "=" + argDesc[i]
		}
	}
	var cands []string
	for _, u := range overloads {
		cands = append(cands, signature(u))
	}
	c.errorf(x.P, "no definition of function `%s` matches the call with arguments (%s); defined: %s",
		x.Func, strings.Join(argDesc, ", "), strings.Join(cands, "; "))
	return nil
}

// bindUDFArgs orders the call's arguments by u's parameters (keywords by
// parameter name) and checks their types.
func bindUDFArgs(u *udf, vals []*ir.Value, names []string) ([]*ir.Value, bool) {
	if len(vals) != len(u.params) {
		return nil, false
	}
	out := make([]*ir.Value, len(vals))
	for i, v := range vals {
		pos := i
		if names[i] != "" {
			pos = -1
			for j, p := range u.def.Params {
				if p.Name == names[i] {
					pos = j
				}
			}
			if pos < 0 || out[pos] != nil {
				return nil, false
			}
		}
		out[pos] = v
	}
	for i, v := range out {
		if v == nil || !check.Compatible(u.params[i], v.Type) {
			return nil, false
		}
	}
	return out, true
}

func signature(u *udf) string {
	ps := make([]string, len(u.def.Params))
	for i, p := range u.def.Params {
		ps[i] = p.Name
		if p.Type != nil {
			ps[i] += ": " + check.Describe(u.params[i])
		}
	}
	return u.name + "(" + strings.Join(ps, ", ") + ")"
}
