package parser

import (
	"fmt"
	"unicode/utf8"

	"github.com/daphne-go/daphne/dsl/token"
)

// scanner splits DaphneDSL source into tokens. Malformed tokens become
// ILLEGAL tokens and a positioned error is reported through errf.
type scanner struct {
	src       []byte
	off       int // offset of the next unread byte
	line      int // 1-based line of off
	lineStart int // offset of the first byte of line
	errf      func(pos token.Pos, msg string)
}

func newScanner(src []byte, errf func(token.Pos, string)) *scanner {
	s := &scanner{src: src, line: 1, errf: errf}
	if len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		s.off = 3 // skip a UTF-8 byte order mark; columns still count it
	}
	return s
}

// Tokenize scans src completely and returns its tokens, the last one being
// EOF. Malformed tokens are returned as ILLEGAL; the error (an ErrorList)
// lists why. filename is only used in error positions.
func Tokenize(filename string, src []byte) ([]token.Token, error) {
	var errs ErrorList
	s := newScanner(src, func(p token.Pos, msg string) {
		errs.Add(token.Position{File: filename, Pos: p}, msg)
	})
	toks := s.all()
	return toks, errs.Err()
}

func (s *scanner) all() []token.Token {
	var toks []token.Token
	for {
		t := s.scan()
		toks = append(toks, t)
		if t.Kind == token.EOF {
			return toks
		}
	}
}

func (s *scanner) pos() token.Pos { return s.posAt(s.off) }

func (s *scanner) posAt(off int) token.Pos {
	return token.Pos{Line: s.line, Col: off - s.lineStart + 1}
}

// peek returns the byte k positions after off, or 0 past the end.
func (s *scanner) peek(k int) byte {
	if s.off+k < len(s.src) {
		return s.src[s.off+k]
	}
	return 0
}

// advance consumes one byte, keeping track of lines.
func (s *scanner) advance() {
	if s.src[s.off] == '\n' {
		s.line++
		s.lineStart = s.off + 1
	}
	s.off++
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }

// skipSpace skips whitespace and comments.
func (s *scanner) skipSpace() {
	for s.off < len(s.src) {
		switch c := s.src[s.off]; {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n':
			s.advance()
		case c == '#' || c == '/' && s.peek(1) == '/':
			for s.off < len(s.src) && s.src[s.off] != '\n' {
				s.off++
			}
		case c == '/' && s.peek(1) == '*':
			start := s.pos()
			s.off += 2
			for {
				if s.off >= len(s.src) {
					s.errf(start, "unterminated block comment")
					return
				}
				if s.src[s.off] == '*' && s.peek(1) == '/' {
					s.off += 2
					break
				}
				s.advance()
			}
		default:
			return
		}
	}
}

// scan returns the next token.
func (s *scanner) scan() token.Token {
	s.skipSpace()
	p := s.pos()
	if s.off >= len(s.src) {
		return token.Token{Kind: token.EOF, Pos: p}
	}
	start := s.off
	c := s.src[s.off]
	switch {
	case isLetter(c):
		for s.off < len(s.src) && (isLetter(s.src[s.off]) || isDigit(s.src[s.off])) {
			s.off++
		}
		word := string(s.src[start:s.off])
		return token.Token{Kind: token.Lookup(word), Pos: p, Lit: word}
	case isDigit(c) || c == '.' && isDigit(s.peek(1)):
		return s.scanNumber(p)
	case c == '"':
		return s.scanString(p)
	}
	if k, n := punct(c, s.peek(1)); n > 0 {
		s.off += n
		return token.Token{Kind: k, Pos: p, Lit: string(s.src[start:s.off])}
	}
	r, n := utf8.DecodeRune(s.src[s.off:])
	s.off += n
	lit := string(s.src[start:s.off])
	switch {
	case c == '!':
		s.errf(p, `invalid character "!": DaphneDSL has no logical not (compare with false instead)`)
	case r == utf8.RuneError && n <= 1:
		s.errf(p, fmt.Sprintf("invalid byte 0x%02x in source", c))
	default:
		s.errf(p, fmt.Sprintf("invalid character %q", lit))
	}
	return token.Token{Kind: token.ILLEGAL, Pos: p, Lit: lit}
}

// punct recognises punctuation starting with c (next is the byte after it)
// and returns its kind and length, or length 0.
func punct(c, next byte) (token.Kind, int) {
	two := func(second byte, long, short token.Kind) (token.Kind, int) {
		if next == second {
			return long, 2
		}
		return short, 1
	}
	switch c {
	case '(':
		return token.LPAREN, 1
	case ')':
		return token.RPAREN, 1
	case '[':
		return two('[', token.LBRACK2, token.LBRACK)
	case ']':
		return two(']', token.RBRACK2, token.RBRACK)
	case '{':
		return token.LBRACE, 1
	case '}':
		return token.RBRACE, 1
	case ',':
		return token.COMMA, 1
	case ';':
		return token.SEMI, 1
	case ':':
		return two(':', token.DCOLON, token.COLON)
	case '.':
		return token.DOT, 1
	case '-':
		return two('>', token.ARROW, token.SUB)
	case '=':
		return two('=', token.EQ, token.ASSIGN)
	case '?':
		return token.QUESTION, 1
	case '$':
		return token.DOLLAR, 1
	case '@':
		return token.MATMUL, 1
	case '^':
		return token.POW, 1
	case '%':
		return token.MOD, 1
	case '*':
		return token.MUL, 1
	case '/':
		return token.DIV, 1
	case '+':
		return token.ADD, 1
	case '!':
		if next == '=' {
			return token.NE, 2
		}
	case '<':
		return two('=', token.LE, token.LT)
	case '>':
		return two('=', token.GE, token.GT)
	case '&':
		// A single & is accepted as && (DaphneSched paper, Listing 1).
		return two('&', token.AND, token.AND)
	case '|':
		return two('|', token.OR, token.OR)
	}
	return token.ILLEGAL, 0
}

// scanString scans a double-quoted string literal. Lit keeps the raw text
// with quotes; escapes are checked here and resolved by unquote.
func (s *scanner) scanString(p token.Pos) token.Token {
	start := s.off
	s.off++ // opening quote
	ok := true
	for {
		if s.off >= len(s.src) {
			s.errf(p, "unterminated string literal")
			return token.Token{Kind: token.ILLEGAL, Pos: p, Lit: string(s.src[start:s.off])}
		}
		switch c := s.src[s.off]; c {
		case '"':
			s.off++
			kind := token.STRING
			if !ok {
				kind = token.ILLEGAL
			}
			return token.Token{Kind: kind, Pos: p, Lit: string(s.src[start:s.off])}
		case '\\':
			escPos := s.pos()
			s.off++
			if s.off >= len(s.src) {
				continue // reported as unterminated
			}
			if !isEscape(s.src[s.off]) {
				r, _ := utf8.DecodeRune(s.src[s.off:])
				s.errf(escPos, fmt.Sprintf(`invalid escape sequence "\%c" in string literal (allowed: \b \f \n \r \t \" \\)`, r))
				ok = false
			}
			s.advance()
		default:
			s.advance()
		}
	}
}

func isEscape(c byte) bool {
	switch c {
	case 'b', 'f', 'n', 'r', 't', '"', '\\':
		return true
	}
	return false
}
