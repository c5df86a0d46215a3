package parser

import (
	"github.com/daphne-go/daphne/dsl/ast"
	"github.com/daphne-go/daphne/dsl/token"
)

// Binary operator precedence, from daphnedsl.md section 4 (higher binds
// tighter). All binary operators are left-associative. Unary + and - bind
// tighter than all of them, postfix indexing tighter still; the ternary
// ?: is below || and left-associative, too.
var binaryPrec = map[token.Kind]int{
	token.OR:     1,
	token.AND:    2,
	token.EQ:     3,
	token.NE:     3,
	token.LT:     3,
	token.LE:     3,
	token.GT:     3,
	token.GE:     3,
	token.ADD:    4,
	token.SUB:    4,
	token.MUL:    5,
	token.DIV:    5,
	token.MOD:    6,
	token.POW:    7,
	token.MATMUL: 8,
}

// hintable reports whether a kernel hint may follow the operator (X +::k Y).
func hintable(k token.Kind) bool {
	return k == token.ADD || k == token.SUB || k == token.MUL || k == token.DIV
}

// expr parses a full expression: binary operators and ternaries.
func (p *parser) expr() ast.Expr {
	x := p.binary(1)
	for p.got(token.QUESTION) {
		a := p.expr()
		p.expect(token.COLON, `":" of the conditional expression`)
		b := p.binary(1)
		x = &ast.Cond{P: x.Pos(), C: x, A: a, B: b}
	}
	return x
}

// binary parses operators of precedence minPrec or higher (precedence
// climbing; the right operand takes only tighter operators, which makes
// every level left-associative).
func (p *parser) binary(minPrec int) ast.Expr {
	x := p.unary()
	for {
		op := p.tok().Kind
		prec, ok := binaryPrec[op]
		if !ok || prec < minPrec {
			return x
		}
		p.next()
		hint := ""
		if hintable(op) && p.got(token.DCOLON) {
			hint = p.expect(token.IDENT, "kernel name after \"::\"").Lit
		}
		y := p.binary(prec + 1)
		x = &ast.Binary{P: x.Pos(), Op: op.String(), Hint: hint, X: x, Y: y}
	}
}

// unary parses prefix + and - and postfix indexing.
func (p *parser) unary() ast.Expr {
	p.enter()
	defer p.leave()
	if t := p.tok(); t.Kind == token.ADD || t.Kind == token.SUB {
		p.next()
		return &ast.Unary{P: t.Pos, Op: t.Kind.String(), X: p.unary()}
	}
	x := p.primary()
	for {
		switch p.tok().Kind {
		case token.LBRACK:
			rows, cols := p.indexing()
			x = &ast.Index{P: x.Pos(), X: x, Rows: rows, Cols: cols}
		case token.LBRACK2:
			x = p.bitIndex(x)
		default:
			return x
		}
	}
}

// indexing parses "[" [range] "," [range] "]".
func (p *parser) indexing() (rows, cols *ast.Range) {
	p.expect(token.LBRACK, `"["`)
	rows = p.rangeOpt(token.COMMA)
	p.expect(token.COMMA, `"," between the row and column index (write X[i, ] or X[, j])`)
	cols = p.rangeOpt(token.RBRACK)
	p.expectRBrack()
	return rows, cols
}

// rangeOpt parses an optional range: expr, or [expr] ":" [expr]. It returns
// nil when the next token is end (or "]]" for the column part).
func (p *parser) rangeOpt(end token.Kind) *ast.Range {
	atEnd := func() bool {
		k := p.tok().Kind
		return k == end || end == token.RBRACK && k == token.RBRACK2
	}
	if atEnd() {
		return nil
	}
	r := &ast.Range{P: p.tok().Pos}
	if !p.got(token.COLON) {
		r.Lo = p.expr()
		if !p.got(token.COLON) {
			return r
		}
	}
	r.IsRange = true
	if !atEnd() {
		r.Hi = p.expr()
	}
	return r
}

// bitIndex parses X "[[" [rows] "," [cols] "]]".
func (p *parser) bitIndex(x ast.Expr) ast.Expr {
	p.expect(token.LBRACK2, `"[["`)
	b := &ast.BitIndex{P: x.Pos(), X: x}
	if p.tok().Kind != token.COMMA {
		b.Rows = p.expr()
	}
	p.expect(token.COMMA, `"," between the row and column filter`)
	if k := p.tok().Kind; k != token.RBRACK2 && k != token.RBRACK {
		b.Cols = p.expr()
	}
	p.expectRBrack2()
	return b
}

// dottedRest reads { "." IDENT } after a first name and returns the whole
// dotted name.
func (p *parser) dottedRest(name string) string {
	for p.got(token.DOT) {
		name += "." + p.expect(token.IDENT, "name after \".\"").Lit
	}
	return name
}

// primary parses literals, names, calls, casts, parentheses and matrix and
// frame literals.
func (p *parser) primary() ast.Expr {
	t := p.tok()
	switch t.Kind {
	case token.INT, token.FLOAT, token.STRING, token.TRUE, token.FALSE:
		p.next()
		x, err := literal(t)
		if err != nil {
			p.failAt(t.Pos, err.Error())
		}
		return x
	case token.DOLLAR:
		p.next()
		return &ast.ArgRef{P: t.Pos, Name: p.expect(token.IDENT, "script argument name after \"$\"").Lit}
	case token.IDENT:
		p.next()
		return p.nameOrCall(t)
	case token.LPAREN:
		return p.parenExpr()
	case token.AS:
		return p.cast()
	case token.LBRACK:
		p.next()
		return p.matrixLit(t.Pos)
	case token.LBRACK2:
		// "[[" opening a matrix literal whose first element is one.
		p.splitLBrack2()
		return p.matrixLit(t.Pos)
	case token.LBRACE:
		return p.frameLit()
	}
	p.fail("expression")
	panic("unreachable")
}

// nameOrCall parses the rest of a variable reference or a call after its
// first name t.
func (p *parser) nameOrCall(t token.Token) ast.Expr {
	name := p.dottedRest(t.Lit)
	hint := ""
	if p.got(token.DCOLON) {
		hint = p.expect(token.IDENT, "kernel name after \"::\"").Lit
		if p.tok().Kind != token.LPAREN {
			p.fail(`"(" after the kernel hint`)
		}
	}
	if p.tok().Kind != token.LPAREN {
		return &ast.Ident{P: t.Pos, Name: name}
	}
	return &ast.Call{P: t.Pos, Func: name, Hint: hint, Args: p.args()}
}

// args parses "(" [ arg { "," arg } [","] ] ")" with arg = [name "="] expr.
func (p *parser) args() []ast.Arg {
	p.expect(token.LPAREN, `"("`)
	var args []ast.Arg
	for p.tok().Kind != token.RPAREN {
		a := ast.Arg{P: p.tok().Pos}
		if p.tok().Kind == token.IDENT && p.peek(1).Kind == token.ASSIGN {
			a.Name = p.tok().Lit
			p.next()
			p.next()
		}
		a.Value = p.expr()
		args = append(args, a)
		if !p.got(token.COMMA) {
			break
		}
	}
	p.expect(token.RPAREN, `"," or ")"`)
	return args
}
