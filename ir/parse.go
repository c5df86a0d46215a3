package ir

import (
	"fmt"
	"math"
	"strconv"

	"github.com/daphne-go/daphne/types"
)

// maxNesting bounds region nesting so hostile input cannot exhaust the stack.
const maxNesting = 500

// Parse reads the text form written by Module.String (see print.go for the
// syntax). Values are resolved by their %ID within each function; a use of
// an ID not defined earlier in the text is an error. Parse checks syntax
// only: call Verify for the structural rules. Errors are *ParseError.
func Parse(src string) (m *Module, err error) {
	p := &parser{lx: newLexer(src)}
	defer func() {
		if r := recover(); r != nil {
			pe, ok := r.(bailout)
			if !ok {
				panic(r)
			}
			m, err = nil, pe.err
		}
	}()
	p.next()
	return p.module(), nil
}

// bailout carries a parse error out of the recursive descent; it is
// recovered only in Parse.
type bailout struct{ err *ParseError }

type parser struct {
	lx    *lexer
	tok   token
	fn    *Func
	vals  map[int]*Value
	maxID int
	depth int
}

func (p *parser) next() { p.tok = p.lx.next() }

func (p *parser) failAt(off int, format string, args ...any) {
	line, col := p.lx.lineCol(off)
	panic(bailout{&ParseError{Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}})
}

func (p *parser) fail(format string, args ...any) { p.failAt(p.tok.off, format, args...) }

func (p *parser) is(text string) bool {
	return (p.tok.kind == tPunct || p.tok.kind == tIdent) && p.tok.text == text
}

func (p *parser) expect(text string) {
	if !p.is(text) {
		p.fail("expected %q, found %s", text, p.tok.describe())
	}
	p.next()
}

func (p *parser) skipNL() {
	for p.tok.kind == tNL {
		p.next()
	}
}

func (p *parser) endLine() {
	switch p.tok.kind {
	case tNL:
		p.next()
	case tEOF:
	default:
		p.fail("expected end of line, found %s", p.tok.describe())
	}
}

func (p *parser) module() *Module {
	m := &Module{}
	p.skipNL()
	for p.tok.kind != tEOF {
		f := p.function()
		if m.Func(f.Name) != nil {
			p.fail("function @%s defined twice", f.Name)
		}
		m.Funcs = append(m.Funcs, f)
		p.skipNL()
	}
	return m
}

func (p *parser) function() *Func {
	p.expect("func")
	p.expect("@")
	f := &Func{Name: p.name("function name"), Body: &Block{}}
	p.fn, p.vals, p.maxID = f, map[int]*Value{}, -1
	p.expect("(")
	f.Params = p.typedDefs(")")
	p.expect(")")
	p.expect("->")
	p.expect("(")
	if !p.is(")") {
		f.ResultTypes = append(f.ResultTypes, p.typ())
		for p.is(",") {
			p.next()
			f.ResultTypes = append(f.ResultTypes, p.typ())
		}
	}
	p.expect(")")
	f.Loc = p.optLoc()
	if p.is("args") {
		p.next()
		p.expect("(")
		f.Body.Args = p.typedDefs(")")
		p.expect(")")
	}
	f.Body.Ops = p.block()
	p.endLine()
	f.SetNextID(p.maxID + 1)
	return f
}

// block parses "{" NL ops "}".
func (p *parser) block() []*Op {
	p.expect("{")
	p.depth++
	if p.depth > maxNesting {
		p.fail("regions nested deeper than %d", maxNesting)
	}
	if p.tok.kind != tNL {
		p.fail("expected end of line after '{', found %s", p.tok.describe())
	}
	var ops []*Op
	for {
		p.skipNL()
		if p.is("}") || p.tok.kind == tEOF {
			break
		}
		ops = append(ops, p.op())
	}
	p.expect("}")
	p.depth--
	return ops
}

// name parses an identifier or a quoted name.
func (p *parser) name(what string) string {
	switch p.tok.kind {
	case tIdent:
		s := p.tok.text
		p.next()
		return s
	case tString:
		s := p.str()
		return s
	}
	p.fail("expected %s, found %s", what, p.tok.describe())
	return ""
}

func (p *parser) str() string {
	s, err := strconv.Unquote(p.tok.text)
	if err != nil {
		p.fail("bad string literal %s", p.tok.text)
	}
	p.next()
	return s
}

// typ parses a type from the raw text at the current token.
func (p *parser) typ() types.Type {
	p.lx.pos = p.tok.off
	s, off := p.lx.scanType()
	if s == "" {
		p.failAt(off, "expected a type, found %s", p.tok.describe())
	}
	t, err := types.ParseType(s)
	if err != nil {
		p.failAt(off, "bad type %q: %v", s, err)
	}
	p.next()
	return t
}

// valueID parses %N.
func (p *parser) valueID() (int, int) {
	if p.tok.kind != tValue {
		p.fail("expected a value (%%N), found %s", p.tok.describe())
	}
	off := p.tok.off
	id, err := strconv.Atoi(p.tok.text[1:])
	if err != nil || id < 0 || id > math.MaxInt32 {
		p.fail("bad value %s", p.tok.text)
	}
	p.next()
	return id, off
}

// def parses "%N[#name]" and returns an unregistered value.
func (p *parser) def() (*Value, int) {
	id, off := p.valueID()
	v := &Value{ID: id}
	if p.is("#") {
		p.next()
		v.Name = p.name("value name")
	}
	return v, off
}

// define registers v, failing on a second definition of its ID.
func (p *parser) define(v *Value, off int) {
	if _, dup := p.vals[v.ID]; dup {
		p.failAt(off, "value %%%d defined twice in @%s", v.ID, p.fn.Name)
	}
	p.vals[v.ID] = v
	if v.ID > p.maxID {
		p.maxID = v.ID
	}
}

// typedDefs parses "%N[#name]: type, ..." up to (not including) closer,
// registering each value.
func (p *parser) typedDefs(closer string) []*Value {
	var vs []*Value
	for !p.is(closer) {
		if len(vs) > 0 {
			p.expect(",")
		}
		v, off := p.def()
		p.expect(":")
		v.Type = p.typ()
		p.define(v, off)
		vs = append(vs, v)
	}
	return vs
}

func (p *parser) use() *Value {
	id, off := p.valueID()
	v, ok := p.vals[id]
	if !ok {
		p.failAt(off, "undefined value %%%d in @%s", id, p.fn.Name)
	}
	return v
}

// uses parses a comma-separated list of uses; it stops at the first token
// that is not a value.
func (p *parser) uses() []*Value {
	var vs []*Value
	if p.tok.kind != tValue {
		return nil
	}
	vs = append(vs, p.use())
	for p.is(",") {
		p.next()
		vs = append(vs, p.use())
	}
	return vs
}

func (p *parser) parenUses() []*Value {
	p.expect("(")
	vs := p.uses()
	p.expect(")")
	return vs
}

func (p *parser) optLoc() Loc {
	if !p.is("loc") {
		return Loc{}
	}
	p.next()
	p.expect("(")
	var l Loc
	if p.tok.kind == tString {
		l.File = p.str()
		p.expect(":")
	}
	l.Line = p.smallInt("line")
	p.expect(":")
	l.Col = p.smallInt("column")
	p.expect(")")
	return l
}

func (p *parser) smallInt(what string) int {
	if p.tok.kind != tInt {
		p.fail("expected a %s number, found %s", what, p.tok.describe())
	}
	n, err := strconv.Atoi(p.tok.text)
	if err != nil || n < 0 || n > math.MaxInt32 {
		p.fail("bad %s number %s", what, p.tok.text)
	}
	p.next()
	return n
}
