package lower

import (
	"github.com/daphne-go/daphne/dsl/ast"
	"github.com/daphne-go/daphne/dsl/check"
	"github.com/daphne-go/daphne/ir"
)

// ret is the outcome of lowering a statement list in tail position of a
// function: the returned values when every path returned.
type ret struct {
	vals     []*ir.Value
	returned bool
}

// stmts lowers a statement list. tail tells whether the list ends the
// function (so a final return, or an if whose branches return, ends it).
// Early returns are restructured as DAPHNE does: the statements after an
// if containing a return move into the branches that do not return.
func (c *fnCtx) stmts(list []ast.Stmt, tail bool) ret {
	list = append([]ast.Stmt(nil), list...)
	for i := 0; i < len(list); i++ {
		st := list[i]
		if c.udf != nil && i < len(list)-1 && check.HasReturn(st) {
			switch x := st.(type) {
			case *ast.Return:
				list = list[:i+1] // statements after a return are dropped
			case *ast.Block:
				list = append(append([]ast.Stmt(nil), x.Stmts...), list[i+1:]...)
				i = -1
				continue
			case *ast.If:
				rest := list[i+1:]
				list = append(list[:i:i], restructure(x, rest))
				st = list[i]
			}
		}
		if i == len(list)-1 && tail {
			return c.tailStmt(st)
		}
		c.stmt(st)
	}
	return ret{}
}

// restructure moves rest into the branches of x that do not always return.
func restructure(x *ast.If, rest []ast.Stmt) *ast.If {
	els := x.Else
	if els == nil {
		els = &ast.Block{P: x.P}
	}
	return &ast.If{P: x.P, Cond: x.Cond, Then: withRest(x.Then, rest), Else: withRest(els, rest)}
}

func withRest(s ast.Stmt, rest []ast.Stmt) ast.Stmt {
	if check.AlwaysReturns(s) {
		return s
	}
	return &ast.Block{P: s.Pos(), Stmts: append([]ast.Stmt{s}, rest...)}
}

// tailStmt lowers the last statement of a function's statement list.
func (c *fnCtx) tailStmt(st ast.Stmt) ret {
	switch x := st.(type) {
	case *ast.Return:
		return ret{vals: c.returnValues(x), returned: true}
	case *ast.Block:
		c.scope.Push()
		defer c.scope.Pop()
		return c.stmts(x.Stmts, true)
	case *ast.If:
		if check.HasReturn(x) {
			return c.tailIf(x)
		}
	}
	c.stmt(st)
	return ret{}
}

// stmt lowers one statement that is not in tail position.
func (c *fnCtx) stmt(st ast.Stmt) {
	switch x := st.(type) {
	case *ast.ExprStmt:
		c.exprStmt(x)
	case *ast.Assign:
		c.assign(x)
	case *ast.Block:
		c.scope.Push()
		c.branches++
		c.stmts(x.Stmts, false)
		c.branches--
		c.scope.Pop()
	case *ast.If:
		c.ifStmt(x)
	case *ast.While:
		c.whileStmt(x)
	case *ast.For:
		c.forStmt(x)
	case *ast.FuncDef:
		c.funcDef(x)
	case *ast.Return:
		if c.udf == nil {
			c.errorf(x.P, "return statement outside of a function")
			return
		}
		c.errorf(x.P, "return is only allowed as the last statement of a function (early returns inside if/else are supported, returns inside loops are not)")
	case *ast.Import:
		c.importStmt(x)
	case *ast.BadStmt:
		c.errorf(x.P, "invalid statement")
	case nil:
	default:
		c.errorf(st.Pos(), "unsupported statement %T", st)
	}
}

// exprStmt lowers an expression evaluated for its effect; its results (if
// any) are dropped.
func (c *fnCtx) exprStmt(x *ast.ExprStmt) {
	c.exprN(x.X, -1)
}

// assign lowers t1, ..., tn = value.
func (c *fnCtx) assign(x *ast.Assign) {
	n := len(x.Targets)
	vals := c.exprN(x.Value, n)
	if len(vals) != n {
		// The error is already reported; bind the targets to placeholders
		// so that later uses do not add "referenced before assignment"
		// errors that are only consequences of this one.
		for _, t := range x.Targets {
			if _, ok := c.scope.Lookup(t.Name); !ok && !t.Indexed {
				c.scope.Set(t.Name, c.bad())
			}
		}
		return
	}
	for i, t := range x.Targets {
		c.bind(t, vals[i])
	}
}

// bind assigns v to one assignment target, lowering left indexing to insert.
func (c *fnCtx) bind(t ast.Target, v *ir.Value) {
	if c.readOnly[t.Name] {
		c.errorf(t.P, "the for-loop variable `%s` is read-only and cannot be assigned", t.Name)
		return
	}
	if t.Indexed {
		old, ok := c.scope.Lookup(t.Name)
		if !ok {
			c.errorf(t.P, "variable `%s` referenced before assignment (left indexing needs an existing matrix)", t.Name)
			return
		}
		v = c.insert(t, old, v)
	}
	if v.Name == "" {
		v.Name = t.Name
	}
	c.scope.Set(t.Name, v)
}
