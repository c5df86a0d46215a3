package sql

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Pos is a position in a query: 1-based line and column (in characters).
type Pos struct {
	Line, Col int
}

// String formats the position as line:col.
func (p Pos) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Col) }

// IsValid reports whether the position is known.
func (p Pos) IsValid() bool { return p.Line > 0 }

// Error is a syntax error at a position in the query.
type Error struct {
	Pos Pos
	Msg string
}

// Error formats the error as "sql: line:col: message".
func (e *Error) Error() string { return "sql: " + e.Pos.String() + ": " + e.Msg }

// Kind is the kind of a token.
type Kind uint8

// Token kinds. Keywords have kind Keyword and their upper-case spelling in
// Token.Up.
const (
	EOF Kind = iota
	Ident
	Keyword
	Int
	Float
	String
	Op // punctuation and operators: , . ( ) ; * + - / = <> != < <= > >=
)

var kindNames = [...]string{EOF: "end of query", Ident: "name", Keyword: "keyword", Int: "integer", Float: "number", String: "string", Op: "operator"}

// String names the kind for messages ("name", "integer", ...).
func (k Kind) String() string { return kindNames[k] }

// keywords are the reserved words of the dialect.
var keywords = map[string]bool{
	"SELECT": true, "DISTINCT": true, "FROM": true, "AS": true, "WHERE": true, "GROUP": true, "BY": true,
	"HAVING": true, "ORDER": true, "ASC": true, "DESC": true, "AND": true, "OR": true, "NOT": true,
	"BETWEEN": true, "JOIN": true, "INNER": true, "ON": true, "LIMIT": true,
}

// Token is one lexical unit. Text is its source text (string literals with
// their quotes), Up the upper-case text of a keyword, Val the value of a
// string literal.
type Token struct {
	Kind Kind
	Pos  Pos
	Text string
	Up   string
	Val  string
}

func (t Token) describe() string {
	switch t.Kind {
	case EOF:
		return "end of query"
	case Keyword:
		return "keyword " + t.Up
	case Op:
		return fmt.Sprintf("%q", t.Text)
	}
	return fmt.Sprintf("%s %s", t.Kind, t.Text)
}

// Tokenize splits a query into tokens, ending with EOF. On an error it
// returns the tokens so far and an *Error.
func Tokenize(src string) ([]Token, error) {
	l := lexer{src: src, line: 1, col: 1}
	var toks []Token
	for {
		t, err := l.next()
		if err != nil {
			return toks, err
		}
		toks = append(toks, t)
		if t.Kind == EOF {
			return toks, nil
		}
	}
}

type lexer struct {
	src       string
	off       int
	line, col int
}

func (l *lexer) peek(k int) byte {
	if l.off+k < len(l.src) {
		return l.src[l.off+k]
	}
	return 0
}

// advance moves past n bytes (of ASCII or whole runes).
func (l *lexer) advance(n int) {
	end := l.off + n
	for l.off < end {
		r, size := utf8.DecodeRuneInString(l.src[l.off:])
		l.off += size
		if r == '\n' {
			l.line++
			l.col = 1
		} else {
			l.col++
		}
	}
}

func (l *lexer) errorf(p Pos, format string, args ...any) error {
	return &Error{Pos: p, Msg: fmt.Sprintf(format, args...)}
}

func (l *lexer) next() (Token, error) {
	for l.off < len(l.src) && strings.IndexByte(" \t\r\n", l.src[l.off]) >= 0 {
		l.advance(1)
	}
	p := Pos{l.line, l.col}
	if l.off >= len(l.src) {
		return Token{Kind: EOF, Pos: p}, nil
	}
	start := l.off
	c := l.src[l.off]
	switch {
	case isLetter(c):
		for l.off < len(l.src) && (isLetter(l.src[l.off]) || isDigit(l.src[l.off])) {
			l.advance(1)
		}
		text := l.src[start:l.off]
		if up := strings.ToUpper(text); keywords[up] {
			return Token{Kind: Keyword, Pos: p, Text: text, Up: up}, nil
		}
		return Token{Kind: Ident, Pos: p, Text: text}, nil
	case isDigit(c) || c == '.' && isDigit(l.peek(1)):
		return l.number(p)
	case c == '\'' || c == '"':
		return l.str(p, c)
	}
	for _, op := range []string{"<>", "!=", "<=", ">=", ",", ".", "(", ")", ";", "*", "+", "-", "/", "=", "<", ">"} {
		if strings.HasPrefix(l.src[l.off:], op) {
			l.advance(len(op))
			return Token{Kind: Op, Pos: p, Text: op}, nil
		}
	}
	r, _ := utf8.DecodeRuneInString(l.src[l.off:])
	return Token{}, l.errorf(p, "unexpected character %q", r)
}

func (l *lexer) number(p Pos) (Token, error) {
	start := l.off
	kind := Int
	for isDigit(l.peek(0)) {
		l.advance(1)
	}
	if l.peek(0) == '.' && isDigit(l.peek(1)) {
		kind = Float
		l.advance(1)
		for isDigit(l.peek(0)) {
			l.advance(1)
		}
	}
	if e := l.peek(0); e == 'e' || e == 'E' {
		k := 1
		if s := l.peek(1); s == '+' || s == '-' {
			k = 2
		}
		if isDigit(l.peek(k)) {
			kind = Float
			l.advance(k)
			for isDigit(l.peek(0)) {
				l.advance(1)
			}
		}
	}
	if isLetter(l.peek(0)) {
		return Token{}, l.errorf(Pos{l.line, l.col}, "unexpected %q after the number %s", l.peek(0), l.src[start:l.off])
	}
	return Token{Kind: kind, Pos: p, Text: l.src[start:l.off]}, nil
}

// str lexes a string literal quoted with q; a doubled quote stands for one.
func (l *lexer) str(p Pos, q byte) (Token, error) {
	start := l.off
	l.advance(1)
	var val strings.Builder
	for {
		if l.off >= len(l.src) {
			return Token{}, l.errorf(p, "string literal not terminated (expected a closing %c)", q)
		}
		c := l.src[l.off]
		if c == q {
			if l.peek(1) == q {
				val.WriteByte(q)
				l.advance(2)
				continue
			}
			l.advance(1)
			return Token{Kind: String, Pos: p, Text: l.src[start:l.off], Val: val.String()}, nil
		}
		_, size := utf8.DecodeRuneInString(l.src[l.off:])
		val.WriteString(l.src[l.off : l.off+size])
		l.advance(size)
	}
}

func isLetter(c byte) bool { return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
