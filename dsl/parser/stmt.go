package parser

import (
	"github.com/daphne-go/daphne/dsl/ast"
	"github.com/daphne-go/daphne/dsl/token"
	"github.com/daphne-go/daphne/types"
)

// statement parses one statement; a syntax error inside it yields a BadStmt
// and skips to the statement's end.
func (p *parser) statement() (st ast.Stmt) {
	pos, start := p.tok().Pos, p.i
	p.enter()
	defer p.leave()
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(bailout); !ok {
				panic(r)
			}
			if !p.abort {
				p.sync(start)
			}
			st = &ast.BadStmt{P: pos}
		}
	}()
	switch p.tok().Kind {
	case token.LBRACE:
		return p.block()
	case token.IF:
		return p.ifStmt()
	case token.WHILE:
		return p.whileStmt()
	case token.DO:
		return p.doWhileStmt()
	case token.FOR:
		return p.forStmt()
	case token.IDENT:
		// parfor is no keyword in DAPHNE's grammar either; it starts a
		// loop only in the shape parfor (i in ...), so it stays usable as
		// a name.
		if p.tok().Lit == "parfor" && p.peek(1).Kind == token.LPAREN &&
			p.peek(2).Kind == token.IDENT && p.peek(3).Kind == token.IN {
			return p.forStmt()
		}
		// fun name(...) is the spelling of def in older DAPHNE test
		// scripts; two names in a row are otherwise never valid.
		if p.tok().Lit == "fun" && p.peek(1).Kind == token.IDENT && p.peek(2).Kind == token.LPAREN {
			return p.funcDef()
		}
	case token.DEF:
		return p.funcDef()
	case token.RETURN:
		return p.returnStmt()
	case token.IMPORT:
		return p.importStmt()
	}
	return p.simpleStmt()
}

// stmtList parses statements up to (not including) "}" or EOF.
func (p *parser) stmtList() []ast.Stmt {
	var list []ast.Stmt
	for k := p.tok().Kind; k != token.RBRACE && k != token.EOF; k = p.tok().Kind {
		before := p.i
		list = append(list, p.statement())
		if p.i == before { // progress guard; cannot happen with the rules above
			p.next()
		}
	}
	return list
}

// block parses "{" statements "}" [";"].
func (p *parser) block() *ast.Block {
	pos := p.expect(token.LBRACE, `"{"`).Pos
	stmts := p.stmtList()
	p.expect(token.RBRACE, `"}"`)
	p.got(token.SEMI)
	return &ast.Block{P: pos, Stmts: stmts}
}

func (p *parser) parenExpr() ast.Expr {
	p.expect(token.LPAREN, `"("`)
	x := p.expr()
	p.expect(token.RPAREN, `")"`)
	return x
}

func (p *parser) ifStmt() *ast.If {
	pos := p.expect(token.IF, `"if"`).Pos
	s := &ast.If{P: pos, Cond: p.parenExpr()}
	s.Then = p.statement()
	if p.got(token.ELSE) {
		s.Else = p.statement()
	}
	return s
}

func (p *parser) whileStmt() *ast.While {
	pos := p.expect(token.WHILE, `"while"`).Pos
	cond := p.parenExpr()
	return &ast.While{P: pos, Cond: cond, Body: p.statement()}
}

func (p *parser) doWhileStmt() *ast.While {
	pos := p.expect(token.DO, `"do"`).Pos
	body := p.statement()
	p.expect(token.WHILE, `"while" after the body of do`)
	cond := p.parenExpr()
	p.got(token.SEMI)
	return &ast.While{P: pos, Cond: cond, Body: body, DoWhile: true}
}

// forStmt parses for (i in from:to[:step]) body, and the same with parfor
// (the caller has checked that an identifier parfor starts such a loop).
func (p *parser) forStmt() *ast.For {
	parallel := p.tok().Kind == token.IDENT
	pos := p.tok().Pos
	p.next()
	p.expect(token.LPAREN, `"("`)
	v := p.expect(token.IDENT, "loop variable name")
	p.expect(token.IN, `"in"`)
	s := &ast.For{P: pos, Var: v.Lit, VarPos: v.Pos, Parallel: parallel}
	s.From = p.expr()
	p.expect(token.COLON, `":" in the loop range`)
	s.To = p.expr()
	if p.got(token.COLON) {
		s.Step = p.expr()
	}
	p.expect(token.RPAREN, `")"`)
	s.Body = p.statement()
	return s
}

// funcDef parses def name(params) [-> types] block (or fun name..., which
// the caller has recognised).
func (p *parser) funcDef() *ast.FuncDef {
	pos := p.tok().Pos
	p.next()
	f := &ast.FuncDef{P: pos, Name: p.expect(token.IDENT, "function name").Lit}
	p.expect(token.LPAREN, `"("`)
	for p.tok().Kind != token.RPAREN {
		t := p.expect(token.IDENT, `parameter name or ")"`)
		prm := ast.Param{P: t.Pos, Name: t.Lit}
		if p.got(token.COLON) {
			ts := p.typeSpec()
			prm.Type = &ts
		}
		f.Params = append(f.Params, prm)
		if !p.got(token.COMMA) {
			break
		}
	}
	p.expect(token.RPAREN, `"," or ")"`)
	if p.got(token.ARROW) {
		f.Results = []ast.TypeSpec{p.typeSpec()}
		for p.got(token.COMMA) {
			f.Results = append(f.Results, p.typeSpec())
		}
	}
	if p.tok().Kind != token.LBRACE {
		p.fail(`"{" to start the function body`)
	}
	f.Body = p.block()
	return f
}

// typeSpec parses matrix, matrix<f64>, scalar, frame or a bare value type.
func (p *parser) typeSpec() ast.TypeSpec {
	t := p.tok()
	switch t.Kind {
	case token.VALUETYPE:
		p.next()
		vt, _ := types.ParseValueType(t.Lit)
		return ast.TypeSpec{P: t.Pos, DT: types.AnyData, VT: vt}
	case token.DATATYPE:
		p.next()
		dt, _ := types.ParseDataType(t.Lit)
		ts := ast.TypeSpec{P: t.Pos, DT: dt, VT: types.Unknown}
		if p.got(token.LT) {
			v := p.expect(token.VALUETYPE, "value type (f64, si64, ...)")
			ts.VT, _ = types.ParseValueType(v.Lit)
			p.expect(token.GT, `">"`)
		}
		return ts
	}
	p.fail("type (matrix, scalar, frame or a value type)")
	panic("unreachable")
}

func (p *parser) returnStmt() *ast.Return {
	pos := p.expect(token.RETURN, `"return"`).Pos
	s := &ast.Return{P: pos}
	if p.tok().Kind != token.SEMI {
		s.Values = []ast.Expr{p.expr()}
		for p.got(token.COMMA) {
			s.Values = append(s.Values, p.expr())
		}
	}
	p.expect(token.SEMI, `";"`)
	return s
}

func (p *parser) importStmt() *ast.Import {
	pos := p.expect(token.IMPORT, `"import"`).Pos
	s := &ast.Import{P: pos, Path: unquote(p.expect(token.STRING, "file path string").Lit)}
	if p.got(token.AS) {
		s.Alias = unquote(p.expect(token.STRING, "alias string").Lit)
	}
	p.expect(token.SEMI, `";"`)
	return s
}

// simpleStmt parses an expression statement or an assignment. Assignments
// are recognised after parsing the first left-hand side as an expression:
// it must then be a (dotted) name, optionally indexed.
func (p *parser) simpleStmt() ast.Stmt {
	first := p.tok()
	x := p.expr()
	if k := p.tok().Kind; k != token.ASSIGN && k != token.COMMA {
		p.expect(token.SEMI, `";"`)
		return &ast.ExprStmt{X: x}
	}
	t, ok := toTarget(x)
	if !ok || first.Kind != token.IDENT {
		p.failAt(x.Pos(), "cannot assign to this expression (expected a variable name, optionally indexed as X[rows, cols])")
	}
	s := &ast.Assign{P: t.P, Targets: []ast.Target{t}}
	for p.got(token.COMMA) {
		s.Targets = append(s.Targets, p.target())
	}
	p.expect(token.ASSIGN, `"=" or ","`)
	s.Value = p.expr()
	p.expect(token.SEMI, `";"`)
	return s
}

// toTarget converts a parsed left-hand side to a Target.
func toTarget(x ast.Expr) (ast.Target, bool) {
	switch x := x.(type) {
	case *ast.Ident:
		return ast.Target{P: x.P, Name: x.Name}, true
	case *ast.Index:
		if id, ok := x.X.(*ast.Ident); ok {
			return ast.Target{P: id.P, Name: id.Name, Indexed: true, Rows: x.Rows, Cols: x.Cols}, true
		}
	}
	return ast.Target{}, false
}

// target parses a further left-hand side: name { "." name } [ indexing ].
func (p *parser) target() ast.Target {
	t := p.expect(token.IDENT, "variable name")
	tg := ast.Target{P: t.Pos, Name: p.dottedRest(t.Lit)}
	if p.tok().Kind == token.LBRACK {
		tg.Indexed = true
		tg.Rows, tg.Cols = p.indexing()
	}
	return tg
}
