package sql

import (
	"fmt"
	"strconv"

	sqlast "github.com/daphne-go/daphne/sql"
	"github.com/daphne-go/daphne/types"
)

// mode says where an expression stands, which decides what it may contain.
type mode uint8

const (
	modeRow   mode = iota // WHERE, ON, GROUP BY, an ungrouped select list: no aggregates
	modeGroup             // select list, HAVING, ORDER BY of a grouped query
	modeAgg               // the argument of an aggregate: no nested aggregates
)

// groupKey is one GROUP BY expression.
type groupKey struct {
	canon string
	b     bexpr    // over the rows
	src   *colExpr // the column, if the key is a plain column
}

// aggSpec is one distinct aggregate call of a grouped query.
type aggSpec struct {
	canon string
	fn    string
	arg   bexpr // nil for count(*)
	src   *colExpr
	k     kind
	pos   sqlast.Pos
}

// binder resolves names and checks kinds.
type binder struct {
	s     *scope
	where string // the clause being bound, for messages about aggregates
	keys  []groupKey
	aggs  []aggSpec
}

// column returns the bound column of a reference.
func (b *binder) column(tab, col int) *colExpr {
	return &colExpr{tab: tab, col: col, k: kindOf(b.s.tabs[tab].f.Column(col).ValueType())}
}

// vtOf returns the value type of a plain column.
func (b *binder) vtOf(c *colExpr) types.ValueType { return b.s.tabs[c.tab].f.Column(c.col).ValueType() }

// bind binds e in mode m.
func (b *binder) bind(e sqlast.Expr, m mode) (bexpr, error) {
	if m == modeGroup {
		c, err := b.canon(e)
		if err != nil {
			return nil, err
		}
		for i, k := range b.keys {
			if k.canon == c {
				return &keyExpr{i: i, k: k.b.kind()}, nil
			}
		}
	}
	switch x := e.(type) {
	case *sqlast.Paren:
		return b.bind(x.X, m)
	case *sqlast.IntLit:
		return &litExpr{constInt(x.Value)}, nil
	case *sqlast.FloatLit:
		return &litExpr{constFloat(x.Value)}, nil
	case *sqlast.StringLit:
		return &litExpr{constStr(x.Value)}, nil
	case *sqlast.ColumnRef:
		tab, col, err := b.s.resolve(x)
		if err != nil {
			return nil, err
		}
		if m == modeGroup {
			return nil, errorf(x.Pos(), "column %s must appear in GROUP BY or be used in an aggregate", sqlast.ExprString(x))
		}
		return b.column(tab, col), nil
	case *sqlast.Star:
		return nil, errorf(x.StarPos, "a star (*) is not a value here")
	case *sqlast.Call:
		return b.call(x, m)
	case *sqlast.Unary:
		return b.unary(x, m)
	case *sqlast.Binary:
		return b.binary(x, m)
	case *sqlast.Between:
		return b.between(x, m)
	}
	return nil, fmt.Errorf("sql: unexpected expression %T", e)
}

func (b *binder) unary(x *sqlast.Unary, m mode) (bexpr, error) {
	v, err := b.bind(x.X, m)
	if err != nil {
		return nil, err
	}
	if x.Op == "NOT" {
		if v.kind() == kStr {
			return nil, errorf(x.OpPos, "NOT needs a truth value or a number, got a string")
		}
		return &notExpr{v}, nil
	}
	if v.kind() == kStr {
		return nil, errorf(x.OpPos, "unary - needs a number, got a string")
	}
	return &negExpr{v}, nil
}

func (b *binder) binary(x *sqlast.Binary, m mode) (bexpr, error) {
	l, err := b.bind(x.X, m)
	if err != nil {
		return nil, err
	}
	r, err := b.bind(x.Y, m)
	if err != nil {
		return nil, err
	}
	return combine(x.Op, x.OpPos, l, r)
}

// combine builds the bound form of l op r, checking the operand kinds.
func combine(op string, pos sqlast.Pos, l, r bexpr) (bexpr, error) {
	lk, rk := l.kind(), r.kind()
	switch op {
	case "AND", "OR":
		if lk == kStr || rk == kStr {
			return nil, errorf(pos, "%s needs truth values or numbers, got %s and %s", op, lk, rk)
		}
		return &logicExpr{and: op == "AND", x: l, y: r}, nil
	case "+", "-", "*", "/":
		if lk == kStr || rk == kStr {
			return nil, errorf(pos, "%s needs numbers, got %s and %s", op, lk, rk)
		}
		k := kInt
		if lk == kFloat || rk == kFloat {
			k = kFloat
		}
		return &arithExpr{op: op[0], pos: pos, x: l, y: r, k: k}, nil
	}
	if (lk == kStr) != (rk == kStr) {
		return nil, errorf(pos, "cannot compare %s with %s", lk, rk)
	}
	ck := kInt
	switch {
	case lk == kStr:
		ck = kStr
	case lk == kFloat || rk == kFloat:
		ck = kFloat
	}
	return &cmpExpr{op: op, x: l, y: r, ck: ck}, nil
}

// between binds x BETWEEN lo AND hi as x >= lo AND x <= hi.
func (b *binder) between(x *sqlast.Between, m mode) (bexpr, error) {
	v, err := b.bind(x.X, m)
	if err != nil {
		return nil, err
	}
	lo, err := b.bind(x.Lo, m)
	if err != nil {
		return nil, err
	}
	hi, err := b.bind(x.Hi, m)
	if err != nil {
		return nil, err
	}
	ge, err := combine(">=", x.OpPos, v, lo)
	if err != nil {
		return nil, err
	}
	le, err := combine("<=", x.OpPos, v, hi)
	if err != nil {
		return nil, err
	}
	var res bexpr = &logicExpr{and: true, x: ge, y: le}
	if x.Not {
		res = &notExpr{res}
	}
	return res, nil
}

// call binds an aggregate: in a grouped context it becomes one of b.aggs.
func (b *binder) call(x *sqlast.Call, m mode) (bexpr, error) {
	switch m {
	case modeRow:
		return nil, errorf(x.FuncPos, "aggregate %s is not allowed in %s", x.Func, b.where)
	case modeAgg:
		return nil, errorf(x.FuncPos, "aggregate %s cannot be nested in another aggregate", x.Func)
	}
	c, err := b.canon(x)
	if err != nil {
		return nil, err
	}
	for i, a := range b.aggs {
		if a.canon == c {
			return &aggExpr{i: i, k: a.k}, nil
		}
	}
	a := aggSpec{canon: c, fn: x.Func, pos: x.FuncPos}
	if _, star := x.Arg.(*sqlast.Star); !star {
		if a.arg, err = b.bind(x.Arg, modeAgg); err != nil {
			return nil, err
		}
		a.src, _ = a.arg.(*colExpr)
	}
	switch x.Func {
	case "count":
		a.k = kInt
	case "avg":
		a.k = kFloat
	default:
		a.k = a.arg.kind()
		if a.k == kBool {
			a.k = kInt
		}
	}
	if (x.Func == "sum" || x.Func == "avg") && a.arg != nil && a.arg.kind() == kStr {
		return nil, errorf(x.FuncPos, "%s needs numbers, got a string", x.Func)
	}
	b.aggs = append(b.aggs, a)
	return &aggExpr{i: len(b.aggs) - 1, k: a.k}, nil
}

// canon returns a canonical text of e with its columns resolved, so that
// "f.a", "a" and "(f.a)" compare equal (group keys, repeated aggregates).
func (b *binder) canon(e sqlast.Expr) (string, error) {
	switch x := e.(type) {
	case *sqlast.Paren:
		return b.canon(x.X)
	case *sqlast.ColumnRef:
		tab, col, err := b.s.resolve(x)
		return fmt.Sprintf("#%d.%d", tab, col), err
	case *sqlast.Star:
		return "*", nil
	case *sqlast.IntLit:
		return "i" + strconv.FormatInt(x.Value, 10), nil
	case *sqlast.FloatLit:
		return "f" + strconv.FormatFloat(x.Value, 'g', -1, 64), nil
	case *sqlast.StringLit:
		return "s" + strconv.Quote(x.Value), nil
	case *sqlast.Call:
		a, err := b.canon(x.Arg)
		return x.Func + "(" + a + ")", err
	}
	var parts []string
	op := ""
	switch x := e.(type) {
	case *sqlast.Unary:
		op, parts = x.Op, []string{""}
		sub, err := b.canon(x.X)
		if err != nil {
			return "", err
		}
		parts[0] = sub
	case *sqlast.Binary:
		op = x.Op
		if op == "!=" {
			op = "<>"
		}
		for _, s := range []sqlast.Expr{x.X, x.Y} {
			c, err := b.canon(s)
			if err != nil {
				return "", err
			}
			parts = append(parts, c)
		}
	case *sqlast.Between:
		op = "BETWEEN"
		if x.Not {
			op = "NOTBETWEEN"
		}
		for _, s := range []sqlast.Expr{x.X, x.Lo, x.Hi} {
			c, err := b.canon(s)
			if err != nil {
				return "", err
			}
			parts = append(parts, c)
		}
	}
	return fmt.Sprintf("(%s %q)", op, parts), nil
}
