package sql

import (
	"strconv"
	"strings"
)

// expr parses an expression: OR has the lowest precedence, then AND, NOT,
// comparisons and BETWEEN, + and -, * and /, unary minus.
func (p *parser) expr() Expr {
	p.depth++
	if p.depth > maxDepth {
		p.fail(p.tok().Pos, "expression nested too deeply (more than %d levels)", maxDepth)
	}
	defer func() { p.depth-- }()
	x := p.and()
	for p.isKw("OR") {
		t := p.next()
		x = &Binary{OpPos: t.Pos, Op: "OR", X: x, Y: p.and()}
	}
	return x
}

func (p *parser) and() Expr {
	x := p.not()
	for p.isKw("AND") {
		t := p.next()
		x = &Binary{OpPos: t.Pos, Op: "AND", X: x, Y: p.not()}
	}
	return x
}

func (p *parser) not() Expr {
	if p.isKw("NOT") {
		t := p.next()
		p.depth++
		if p.depth > maxDepth {
			p.fail(t.Pos, "expression nested too deeply (more than %d levels)", maxDepth)
		}
		defer func() { p.depth-- }()
		return &Unary{OpPos: t.Pos, Op: "NOT", X: p.not()}
	}
	return p.cmp()
}

var cmpOps = map[string]bool{"=": true, "<>": true, "!=": true, "<": true, "<=": true, ">": true, ">=": true}

func (p *parser) cmp() Expr {
	x := p.add()
	for {
		t := p.tok()
		switch {
		case t.Kind == Op && cmpOps[t.Text]:
			p.next()
			x = &Binary{OpPos: t.Pos, Op: t.Text, X: x, Y: p.add()}
		case p.isKw("BETWEEN") || p.isKw("NOT") && p.peek().Kind == Keyword && p.peek().Up == "BETWEEN":
			b := &Between{OpPos: t.Pos, X: x}
			if p.acceptKw("NOT") {
				b.Not = true
			}
			p.next()
			b.Lo = p.add()
			p.wantKw("AND", " between the bounds of BETWEEN")
			b.Hi = p.add()
			x = b
		default:
			return x
		}
	}
}

func (p *parser) add() Expr {
	x := p.mul()
	for p.isOp("+") || p.isOp("-") {
		t := p.next()
		x = &Binary{OpPos: t.Pos, Op: t.Text, X: x, Y: p.mul()}
	}
	return x
}

func (p *parser) mul() Expr {
	x := p.unary()
	for p.isOp("*") || p.isOp("/") {
		t := p.next()
		x = &Binary{OpPos: t.Pos, Op: t.Text, X: x, Y: p.unary()}
	}
	return x
}

func (p *parser) unary() Expr {
	if p.isOp("-") {
		t := p.next()
		p.depth++
		if p.depth > maxDepth {
			p.fail(t.Pos, "expression nested too deeply (more than %d levels)", maxDepth)
		}
		defer func() { p.depth-- }()
		return &Unary{OpPos: t.Pos, Op: "-", X: p.unary()}
	}
	return p.primary()
}

func (p *parser) primary() Expr {
	t := p.tok()
	switch t.Kind {
	case Int:
		p.next()
		return p.intLit(t)
	case Float:
		p.next()
		v, err := strconv.ParseFloat(t.Text, 64)
		if err != nil {
			p.fail(t.Pos, "number %s is out of range", t.Text)
		}
		return &FloatLit{ValuePos: t.Pos, Value: v, Text: t.Text}
	case String:
		p.next()
		return &StringLit{ValuePos: t.Pos, Value: t.Val, Text: t.Text}
	case Ident:
		return p.identExpr()
	case Op:
		if t.Text == "(" {
			p.next()
			x := p.expr()
			p.wantOp(")", " to close the parenthesis")
			return &Paren{Lparen: t.Pos, X: x}
		}
		if t.Text == "*" {
			p.fail(t.Pos, "a star (*) may only stand alone in the select list or in count(*)")
		}
	}
	p.expected("an expression (a column, a literal, an aggregate or a parenthesis)")
	return nil
}

// identExpr parses a column reference or an aggregate call.
func (p *parser) identExpr() Expr {
	t := p.next()
	if p.isOp("(") {
		return p.call(t)
	}
	if p.acceptOp(".") {
		if p.isOp("*") {
			p.fail(p.tok().Pos, "%s.* may only stand alone in the select list or after GROUP BY", t.Text)
		}
		c := p.name("a column name after \"" + t.Text + ".\"")
		return &ColumnRef{Table: t.Text, TablePos: t.Pos, Column: c.Text, ColPos: c.Pos}
	}
	return &ColumnRef{Column: t.Text, ColPos: t.Pos}
}

func (p *parser) call(name Token) Expr {
	fn := strings.ToLower(name.Text)
	known := false
	for _, a := range Aggregates {
		known = known || a == fn
	}
	if !known {
		p.fail(name.Pos, "unknown function %s (expected one of the aggregates %s)", name.Text, strings.Join(Aggregates, ", "))
	}
	p.next() // (
	c := &Call{FuncPos: name.Pos, Func: fn}
	if p.isOp("*") {
		if fn != "count" {
			p.fail(p.tok().Pos, "only count takes * as its argument, not %s", name.Text)
		}
		c.Arg = &Star{StarPos: p.next().Pos}
	} else {
		c.Arg = p.expr()
	}
	p.wantOp(")", " to close the call of "+name.Text)
	return c
}
