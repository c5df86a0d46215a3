package parser

import (
	"fmt"

	"github.com/daphne-go/daphne/dsl/ast"
	"github.com/daphne-go/daphne/dsl/token"
)

// maxDepth bounds the nesting of statements and expressions, so that no
// input can overflow the stack.
const maxDepth = 1000

// parser holds the state of one ParseFile call. Syntax errors are recorded
// and then unwind to the innermost statement with a bailout panic; the
// statement becomes a BadStmt and parsing resumes after the next ";" (or
// before the next "}"). Exceeding the nesting limit aborts: the parser
// jumps to EOF and stops reporting errors, so every open statement ends as
// a BadStmt in one unwinding. The panic never leaves this package.
type parser struct {
	file  string
	toks  []token.Token // the whole input, ending with EOF
	i     int           // index of the current token
	errs  ErrorList
	depth int
	abort bool // nesting limit hit: skip the rest, report nothing more
}

type bailout struct{}

// ParseFile parses a DaphneDSL script. On syntax errors it returns the
// partial script, with BadStmt nodes where statements failed, together with
// an ErrorList sorted by position. filename is recorded in the script and in
// error positions.
func ParseFile(filename string, src []byte) (*ast.Script, error) {
	p := &parser{file: filename}
	p.toks = newScanner(src, p.errorAt).all()
	script := &ast.Script{File: filename}
	p.topLevel(script)
	return script, p.errs.Err()
}

// ParseExpr parses src as a single expression (no trailing ";"). It is
// meant for tools and tests; errors are reported as by ParseFile, with
// positions in src and an empty file name.
func ParseExpr(src string) (x ast.Expr, err error) {
	p := &parser{}
	p.toks = newScanner([]byte(src), p.errorAt).all()
	func() {
		defer func() {
			if r := recover(); r != nil {
				if _, ok := r.(bailout); !ok {
					panic(r)
				}
				x = &ast.BadExpr{P: p.tok().Pos}
			}
		}()
		x = p.expr()
		p.expect(token.EOF, "end of expression")
	}()
	return x, p.errs.Err()
}

// topLevel parses statements up to EOF into script.
func (p *parser) topLevel(script *ast.Script) {
	for p.tok().Kind != token.EOF {
		if t := p.tok(); t.Kind == token.RBRACE {
			p.errorAt(t.Pos, `unexpected "}" outside of a block`)
			p.next()
			continue
		}
		script.Stmts = append(script.Stmts, p.statement())
	}
}

// ---- token access ----

func (p *parser) tok() token.Token { return p.toks[p.i] }

// peek returns the token k positions after the current one (EOF past the end).
func (p *parser) peek(k int) token.Token {
	if p.i+k < len(p.toks) {
		return p.toks[p.i+k]
	}
	return p.toks[len(p.toks)-1]
}

func (p *parser) next() {
	if p.i < len(p.toks)-1 {
		p.i++
	}
}

// got consumes the current token if it has kind k.
func (p *parser) got(k token.Kind) bool {
	if p.tok().Kind == k {
		p.next()
		return true
	}
	return false
}

// expect consumes a token of kind k or fails with "unexpected X, expected what".
func (p *parser) expect(k token.Kind, what string) token.Token {
	t := p.tok()
	if t.Kind != k {
		p.fail(what)
	}
	p.next()
	return t
}

// expectRBrack consumes "]". A "]]" token is split so that its second half
// stays as the current token: X[1, Y[0, 0]] parses as the user meant.
func (p *parser) expectRBrack() {
	switch t := p.tok(); t.Kind {
	case token.RBRACK:
		p.next()
	case token.RBRACK2:
		p.toks[p.i] = token.Token{Kind: token.RBRACK, Pos: token.Pos{Line: t.Pos.Line, Col: t.Pos.Col + 1}, Lit: "]"}
	default:
		p.fail(`"]"`)
	}
}

// expectRBrack2 consumes "]]", also accepting two "]" tokens (left over
// when an inner "]]" was split).
func (p *parser) expectRBrack2() {
	switch {
	case p.tok().Kind == token.RBRACK2:
		p.next()
	case p.tok().Kind == token.RBRACK && p.peek(1).Kind == token.RBRACK:
		p.next()
		p.next()
	default:
		p.fail(`"]]" (a position list right after "[" needs a space: X[ [1, 2], ])`)
	}
}

// splitLBrack2 turns a current "[[" into "[" at the next column (the
// first "[" is consumed by the caller).
func (p *parser) splitLBrack2() {
	t := p.tok()
	p.toks[p.i] = token.Token{Kind: token.LBRACK, Pos: token.Pos{Line: t.Pos.Line, Col: t.Pos.Col + 1}, Lit: "["}
}

// ---- errors ----

func (p *parser) errorAt(pos token.Pos, msg string) {
	if p.abort {
		return
	}
	p.errs.Add(token.Position{File: p.file, Pos: pos}, msg)
}

// fail reports that the current token is unexpected and unwinds to the
// enclosing statement. An ILLEGAL token was already reported by the scanner.
func (p *parser) fail(expected string) {
	t := p.tok()
	if t.Kind != token.ILLEGAL {
		p.errorAt(t.Pos, fmt.Sprintf("unexpected %s, expected %s", t, expected))
	}
	panic(bailout{})
}

// failAt reports msg at pos and unwinds to the enclosing statement.
func (p *parser) failAt(pos token.Pos, msg string) {
	p.errorAt(pos, msg)
	panic(bailout{})
}

// enter and leave bound the recursion depth.
func (p *parser) enter() {
	p.depth++
	if p.depth > maxDepth {
		p.errorAt(p.tok().Pos, fmt.Sprintf("nesting deeper than %d levels", maxDepth))
		p.abort = true
		p.i = len(p.toks) - 1
		panic(bailout{})
	}
}

func (p *parser) leave() { p.depth-- }

// sync skips to the end of a failed statement that started at token index
// start: past the next ";" or up to the next "}" that closes no "{" of the
// statement itself (a frame literal or a block already entered), or EOF.
func (p *parser) sync(start int) {
	braces := 0
	for _, t := range p.toks[start:p.i] {
		switch t.Kind {
		case token.LBRACE:
			braces++
		case token.RBRACE:
			braces--
		}
	}
	braces = max(braces, 0)
	for {
		switch p.tok().Kind {
		case token.EOF:
			return
		case token.SEMI:
			if braces == 0 {
				p.next()
				return
			}
		case token.LBRACE:
			braces++
		case token.RBRACE:
			if braces == 0 {
				return
			}
			braces--
		}
		p.next()
	}
}
