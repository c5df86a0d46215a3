package parser

import (
	"fmt"

	"github.com/daphne-go/daphne/dsl/ast"
	"github.com/daphne-go/daphne/dsl/token"
	"github.com/daphne-go/daphne/types"
)

// literal converts a literal token to its node.
func literal(t token.Token) (ast.Expr, error) {
	switch t.Kind {
	case token.INT:
		v, vt, err := intValue(t.Lit)
		if err != nil {
			return nil, err
		}
		return &ast.IntLit{P: t.Pos, Raw: t.Lit, Value: v, VT: vt}, nil
	case token.FLOAT:
		v, vt, err := floatValue(t.Lit)
		if err != nil {
			return nil, err
		}
		return &ast.FloatLit{P: t.Pos, Raw: t.Lit, Value: v, VT: vt}, nil
	case token.STRING:
		return &ast.StrLit{P: t.Pos, Value: unquote(t.Lit)}, nil
	case token.TRUE, token.FALSE:
		return &ast.BoolLit{P: t.Pos, Value: t.Kind == token.TRUE}, nil
	}
	return nil, fmt.Errorf("%s is not a literal", t)
}

// ParseLiteral parses a script argument value (daphne script.daph name=value)
// by the literal rule of DAPHNE: exactly one integer, float (including nan
// and inf), true/false or double-quoted string literal, optionally preceded
// by one "-" for numbers, which is returned as ast.Unary{Op: "-"}.
// Surrounding white space is allowed. Anything else, such as 10+10, sin(1),
// abc or 10xyz23, is an error naming the value.
func ParseLiteral(s string) (ast.Expr, error) {
	bad := func(why string) error {
		return fmt.Errorf("invalid literal %q: %s (expected a number, true, false or a double-quoted string)", s, why)
	}
	var scanErr string
	sc := newScanner([]byte(s), func(_ token.Pos, msg string) {
		if scanErr == "" {
			scanErr = msg
		}
	})
	toks := sc.all()
	if scanErr != "" {
		return nil, bad(scanErr)
	}
	neg := len(toks) > 0 && toks[0].Kind == token.SUB
	if neg {
		toks = toks[1:]
	}
	if len(toks) != 2 { // the literal and EOF
		if len(toks) < 2 {
			return nil, bad("no value")
		}
		return nil, bad("more than one token")
	}
	t := toks[0]
	if neg && t.Kind != token.INT && t.Kind != token.FLOAT {
		return nil, bad("only numbers can be negated")
	}
	x, err := literal(t)
	if err != nil {
		return nil, bad(err.Error())
	}
	if neg {
		return &ast.Unary{P: token.Pos{Line: 1, Col: 1}, Op: "-", X: x}, nil
	}
	return x, nil
}

// matrixLit parses the rest of a matrix literal after "[" (at pos):
// elements, "]" and an optional shape "(" [rows] "," [cols] ")".
func (p *parser) matrixLit(pos token.Pos) ast.Expr {
	m := &ast.MatrixLit{P: pos}
	m.Elems = p.exprList()
	p.expectRBrack()
	if p.got(token.LPAREN) {
		m.HasShape = true
		if p.tok().Kind != token.COMMA {
			m.Rows = p.expr()
		}
		p.expect(token.COMMA, `"," in the matrix shape (rows, cols)`)
		if p.tok().Kind != token.RPAREN {
			m.Cols = p.expr()
		}
		p.expect(token.RPAREN, `")"`)
	}
	return m
}

// exprList parses [ expr { "," expr } ] up to a "]" (not consumed).
func (p *parser) exprList() []ast.Expr {
	if k := p.tok().Kind; k == token.RBRACK || k == token.RBRACK2 {
		return nil
	}
	list := []ast.Expr{p.expr()}
	for p.got(token.COMMA) {
		list = append(list, p.expr())
	}
	return list
}

// frameLit parses {"a": X, "b": Y} (by columns) or {[labels], [row], ...}
// (by rows).
func (p *parser) frameLit() ast.Expr {
	pos := p.expect(token.LBRACE, `"{"`).Pos
	f := &ast.FrameLit{P: pos}
	switch p.tok().Kind {
	case token.RBRACE:
		p.next()
		return f
	case token.LBRACK, token.LBRACK2:
		f.ByRows = true
		for {
			f.Rows = append(f.Rows, p.frameRow())
			if !p.got(token.COMMA) {
				break
			}
		}
		p.expect(token.RBRACE, `"," or "}" in the frame literal`)
		return f
	}
	for {
		f.Labels = append(f.Labels, p.expr())
		p.expect(token.COLON, `":" after the column label`)
		f.Cols = append(f.Cols, p.expr())
		if !p.got(token.COMMA) {
			break
		}
	}
	p.expect(token.RBRACE, `"," or "}" in the frame literal`)
	return f
}

// frameRow parses "[" [ expr { "," expr } ] "]" of a frame literal by rows.
func (p *parser) frameRow() []ast.Expr {
	if p.tok().Kind == token.LBRACK2 {
		p.splitLBrack2()
	} else {
		p.expect(token.LBRACK, `"[" to start a frame row`)
	}
	row := p.exprList()
	p.expectRBrack()
	if row == nil {
		row = []ast.Expr{}
	}
	return row
}

// cast parses as.DT(x), as.VT(x) or as.DT<VT>(x).
func (p *parser) cast() ast.Expr {
	pos := p.expect(token.AS, `"as"`).Pos
	p.expect(token.DOT, `"." after "as"`)
	c := &ast.Cast{P: pos, DT: types.AnyData, VT: types.Unknown}
	switch t := p.tok(); t.Kind {
	case token.VALUETYPE:
		p.next()
		c.VT, _ = types.ParseValueType(t.Lit)
	case token.DATATYPE:
		p.next()
		c.DT, _ = types.ParseDataType(t.Lit)
		if p.got(token.LT) {
			v := p.expect(token.VALUETYPE, "value type (f64, si64, ...)")
			c.VT, _ = types.ParseValueType(v.Lit)
			p.expect(token.GT, `">"`)
		}
	default:
		p.fail("data type or value type after \"as.\" (as.matrix, as.f64, as.matrix<f64>, ...)")
	}
	c.X = p.parenExpr()
	return c
}
