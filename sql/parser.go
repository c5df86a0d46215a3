package sql

import (
	"fmt"
	"strconv"
	"strings"
)

// maxDepth bounds the nesting of expressions, so hostile input cannot
// exhaust the stack.
const maxDepth = 200

// Parse parses one query. It returns the first syntax error as an *Error.
func Parse(query string) (*Query, error) {
	toks, err := Tokenize(query)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks}
	return p.parse()
}

// bailout carries a syntax error up to Parse (the parser's private panic).
type bailout struct{ err *Error }

type parser struct {
	toks  []Token
	i     int
	depth int
}

func (p *parser) parse() (q *Query, err error) {
	defer func() {
		if r := recover(); r != nil {
			b, ok := r.(bailout)
			if !ok {
				panic(r)
			}
			q, err = nil, b.err
		}
	}()
	q = p.query()
	return q, nil
}

func (p *parser) tok() Token  { return p.toks[p.i] }
func (p *parser) peek() Token { return p.toks[min(p.i+1, len(p.toks)-1)] }

func (p *parser) next() Token {
	t := p.toks[p.i]
	if p.i < len(p.toks)-1 {
		p.i++
	}
	return t
}

func (p *parser) fail(pos Pos, format string, args ...any) {
	panic(bailout{&Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}})
}

// expected reports that the current token is not what the grammar needs.
func (p *parser) expected(what string) {
	p.fail(p.tok().Pos, "expected %s, found %s", what, p.tok().describe())
}

func (p *parser) isKw(kw string) bool { return p.tok().Kind == Keyword && p.tok().Up == kw }
func (p *parser) isOp(op string) bool { return p.tok().Kind == Op && p.tok().Text == op }

func (p *parser) acceptKw(kw string) bool {
	if p.isKw(kw) {
		p.next()
		return true
	}
	return false
}

func (p *parser) acceptOp(op string) bool {
	if p.isOp(op) {
		p.next()
		return true
	}
	return false
}

func (p *parser) wantKw(kw, context string) Token {
	if !p.isKw(kw) {
		p.expected(kw + context)
	}
	return p.next()
}

func (p *parser) wantOp(op, context string) Token {
	if !p.isOp(op) {
		p.expected(fmt.Sprintf("%q%s", op, context))
	}
	return p.next()
}

func (p *parser) name(what string) Token {
	if p.tok().Kind != Ident {
		if p.tok().Kind == Keyword {
			p.fail(p.tok().Pos, "expected %s, found keyword %s (a reserved word)", what, p.tok().Up)
		}
		p.expected(what)
	}
	return p.next()
}

func (p *parser) query() *Query {
	q := &Query{Select: p.wantKw("SELECT", " at the start of the query").Pos}
	q.Distinct = p.acceptKw("DISTINCT")
	q.Items = append(q.Items, p.selectItem())
	for p.acceptOp(",") {
		q.Items = append(q.Items, p.selectItem())
	}
	p.wantKw("FROM", " or \",\" after the select list")
	q.From = append(q.From, p.tableRef())
	for p.acceptOp(",") {
		q.From = append(q.From, p.tableRef())
	}
	for p.isKw("JOIN") || p.isKw("INNER") {
		q.Joins = append(q.Joins, p.join())
	}
	if p.acceptKw("WHERE") {
		q.Where = p.expr()
	}
	if p.acceptKw("GROUP") {
		p.wantKw("BY", " after GROUP")
		q.GroupBy = p.groupKeys()
	}
	if p.acceptKw("HAVING") {
		q.Having = p.expr()
	}
	if p.acceptKw("ORDER") {
		p.wantKw("BY", " after ORDER")
		q.OrderBy = append(q.OrderBy, p.orderItem())
		for p.acceptOp(",") {
			q.OrderBy = append(q.OrderBy, p.orderItem())
		}
	}
	if p.acceptKw("LIMIT") {
		if p.tok().Kind != Int {
			p.expected("an integer after LIMIT")
		}
		q.Limit = p.intLit(p.next())
	}
	p.acceptOp(";")
	if p.tok().Kind != EOF {
		p.expected(p.following(q))
	}
	return q
}

// following says what may come next at the end of a query, for the error
// message.
func (p *parser) following(q *Query) string {
	switch {
	case q.Limit != nil || q.OrderBy != nil:
		return "end of query"
	case q.Having != nil:
		return "ORDER BY, LIMIT or end of query"
	case q.GroupBy != nil:
		return "HAVING, ORDER BY, LIMIT or end of query"
	case q.Where != nil:
		return "GROUP BY, HAVING, ORDER BY, LIMIT or end of query"
	}
	return "JOIN, WHERE, GROUP BY, HAVING, ORDER BY, LIMIT or end of query"
}

func (p *parser) selectItem() *SelectItem {
	start := p.i
	it := &SelectItem{}
	switch {
	case p.isOp("*"):
		it.Expr = &Star{StarPos: p.next().Pos}
	case p.tok().Kind == Ident && p.peek().Kind == Op && p.peek().Text == "." &&
		p.i+2 < len(p.toks) && p.toks[p.i+2].Kind == Op && p.toks[p.i+2].Text == "*":
		t := p.next()
		p.next()
		p.next()
		it.Expr = &Star{Table: t.Text, StarPos: t.Pos}
	default:
		it.Expr = p.expr()
	}
	it.Text = p.text(start, p.i)
	if p.acceptKw("AS") {
		if _, star := it.Expr.(*Star); star {
			p.fail(p.toks[p.i-1].Pos, "a star (*) cannot have an alias")
		}
		t := p.name("an alias after AS")
		it.Alias, it.AliasPos = t.Text, t.Pos
	}
	return it
}

// text concatenates the source text of tokens [from, to).
func (p *parser) text(from, to int) string {
	var b strings.Builder
	for _, t := range p.toks[from:to] {
		b.WriteString(t.Text)
	}
	return b.String()
}

func (p *parser) tableRef() *TableRef {
	t := p.name("a view name")
	r := &TableRef{Name: t.Text, NamePos: t.Pos}
	if p.acceptKw("AS") {
		a := p.name("an alias after AS")
		r.Alias, r.AliasPos = a.Text, a.Pos
	} else if p.tok().Kind == Ident {
		a := p.next()
		r.Alias, r.AliasPos = a.Text, a.Pos
	}
	return r
}

func (p *parser) join() *Join {
	j := &Join{JoinPos: p.tok().Pos}
	if p.acceptKw("INNER") {
		p.wantKw("JOIN", " after INNER")
	} else {
		p.next()
	}
	j.Table = p.tableRef()
	p.wantKw("ON", " after the joined view")
	j.On = p.expr()
	return j
}

func (p *parser) groupKeys() []Expr {
	var keys []Expr
	for {
		if p.tok().Kind == Ident && p.peek().Kind == Op && p.peek().Text == "." &&
			p.i+2 < len(p.toks) && p.toks[p.i+2].Kind == Op && p.toks[p.i+2].Text == "*" {
			t := p.next()
			p.next()
			p.next()
			keys = append(keys, &Star{Table: t.Text, StarPos: t.Pos})
		} else {
			keys = append(keys, p.expr())
		}
		if !p.acceptOp(",") {
			return keys
		}
	}
}

func (p *parser) orderItem() *OrderItem {
	o := &OrderItem{Expr: p.expr()}
	if p.acceptKw("DESC") {
		o.Desc = true
	} else {
		p.acceptKw("ASC")
	}
	return o
}

func (p *parser) intLit(t Token) *IntLit {
	v, err := strconv.ParseInt(t.Text, 10, 64)
	if err != nil {
		p.fail(t.Pos, "integer literal %s is out of range (at most %d)", t.Text, int64(1<<63-1))
	}
	return &IntLit{ValuePos: t.Pos, Value: v, Text: t.Text}
}
