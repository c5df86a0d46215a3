package ir

import (
	"fmt"
	"sort"
	"strings"
)

var _ error = (*ParseError)(nil)

// ParseError is a syntax error in IR text, positioned by line and column
// (both 1-based, columns counted in bytes).
type ParseError struct {
	Line, Col int
	Msg       string
}

// Error formats the error as "ir: parse: line:col: message".
func (e *ParseError) Error() string {
	return fmt.Sprintf("ir: parse: %d:%d: %s", e.Line, e.Col, e.Msg)
}

// tokKind is the kind of a lexical token of the text form.
type tokKind uint8

const (
	tEOF          tokKind = iota
	tNL                   // end of line
	tIdent                // identifier or keyword (also "-inf")
	tValue                // %123
	tInt                  // 42, -7
	tFloat                // 1.5, -2e-07
	tString               // "quoted"
	tPunct                // ( ) { } , = : @ # ->
	tBad                  // an unexpected character
	tUnterminated         // a string literal without its closing quote
)

var tokNames = [...]string{
	tEOF: "end of input", tNL: "end of line", tIdent: "identifier", tValue: "value",
	tInt: "integer", tFloat: "number", tString: "string", tPunct: "punctuation", tBad: "character",
	tUnterminated: "unterminated string",
}

type token struct {
	kind tokKind
	text string
	off  int // byte offset of the first character
}

func (t token) describe() string {
	switch t.kind {
	case tEOF, tNL:
		return tokNames[t.kind]
	}
	return fmt.Sprintf("%s %q", tokNames[t.kind], t.text)
}

// lexer turns IR text into tokens. Newlines are tokens because the text
// form has one op per line; spaces, tabs, carriage returns and // comments
// are skipped.
type lexer struct {
	src   string
	pos   int
	lines []int // byte offsets of line starts
}

func newLexer(src string) *lexer {
	lx := &lexer{src: src, lines: []int{0}}
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			lx.lines = append(lx.lines, i+1)
		}
	}
	return lx
}

// lineCol converts a byte offset to a 1-based line and column.
func (lx *lexer) lineCol(off int) (int, int) {
	i := sort.Search(len(lx.lines), func(i int) bool { return lx.lines[i] > off }) - 1
	return i + 1, off - lx.lines[i] + 1
}

func (lx *lexer) skipSpace() {
	for lx.pos < len(lx.src) {
		c := lx.src[lx.pos]
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			lx.pos++
		case c == '/' && strings.HasPrefix(lx.src[lx.pos:], "//"):
			for lx.pos < len(lx.src) && lx.src[lx.pos] != '\n' {
				lx.pos++
			}
		default:
			return
		}
	}
}

// next scans the next token.
func (lx *lexer) next() token {
	lx.skipSpace()
	start := lx.pos
	if start >= len(lx.src) {
		return token{kind: tEOF, off: start}
	}
	c := lx.src[start]
	switch {
	case c == '\n':
		lx.pos++
		return token{tNL, "\n", start}
	case c == '%':
		lx.pos++
		lx.scanWhile(isDigit)
		if lx.pos < len(lx.src) && lx.src[lx.pos] == '?' && lx.pos == start+1 {
			lx.pos++
		}
		return token{tValue, lx.src[start:lx.pos], start}
	case c == '"':
		return lx.scanString(start)
	case c == '-' && strings.HasPrefix(lx.src[start:], "->"):
		lx.pos += 2
		return token{tPunct, "->", start}
	case c == '-' && start+1 < len(lx.src) && isDigit(lx.src[start+1]):
		lx.pos++
		return lx.scanNumber(start)
	case c == '-' && strings.HasPrefix(lx.src[start:], "-inf"):
		lx.pos += 4
		return token{tIdent, "-inf", start}
	case isDigit(c):
		return lx.scanNumber(start)
	case isIdentStart(c):
		lx.scanWhile(isIdentChar)
		return token{tIdent, lx.src[start:lx.pos], start}
	case strings.IndexByte("(){},=:@#", c) >= 0:
		lx.pos++
		return token{tPunct, lx.src[start:lx.pos], start}
	}
	lx.pos++
	return token{tBad, lx.src[start:lx.pos], start}
}

func (lx *lexer) scanWhile(f func(byte) bool) {
	for lx.pos < len(lx.src) && f(lx.src[lx.pos]) {
		lx.pos++
	}
}

// scanNumber scans digits, '.', exponents with their sign, and letters (so
// that malformed numbers are one token and get one clear error).
func (lx *lexer) scanNumber(start int) token {
	isFloat := false
	for lx.pos < len(lx.src) {
		c := lx.src[lx.pos]
		switch {
		case isDigit(c) || isIdentStart(c):
			if c == 'e' || c == 'E' {
				isFloat = true
				if lx.pos+1 < len(lx.src) && (lx.src[lx.pos+1] == '+' || lx.src[lx.pos+1] == '-') {
					lx.pos++
				}
			}
		case c == '.':
			isFloat = true
		default:
			return lx.numTok(start, isFloat)
		}
		lx.pos++
	}
	return lx.numTok(start, isFloat)
}

func (lx *lexer) numTok(start int, isFloat bool) token {
	k := tInt
	if isFloat {
		k = tFloat
	}
	return token{k, lx.src[start:lx.pos], start}
}

// scanString scans a Go-syntax double-quoted string (escapes are checked
// by the parser with strconv.Unquote). An unterminated string runs to the
// end of the line.
func (lx *lexer) scanString(start int) token {
	lx.pos++
	for lx.pos < len(lx.src) {
		switch lx.src[lx.pos] {
		case '\\':
			lx.pos += 2
			continue
		case '"':
			lx.pos++
			return token{tString, lx.src[start:lx.pos], start}
		case '\n':
			return token{tUnterminated, lx.src[start:lx.pos], start}
		}
		lx.pos++
	}
	if lx.pos > len(lx.src) {
		lx.pos = len(lx.src)
	}
	return token{tUnterminated, lx.src[start:lx.pos], start}
}

// scanType scans the text of a type as Type.String writes it: a run of
// letters, digits, '_', '<', '>', '?', '[' and ']'.
func (lx *lexer) scanType() (string, int) {
	lx.skipSpace()
	start := lx.pos
	lx.scanWhile(func(c byte) bool {
		return isIdentChar(c) && c != '.' || strings.IndexByte("<>?[]", c) >= 0
	})
	return lx.src[start:lx.pos], start
}

func isDigit(c byte) bool      { return c >= '0' && c <= '9' }
func isIdentStart(c byte) bool { return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isIdentChar(c byte) bool  { return isIdentStart(c) || isDigit(c) || c == '.' }
