package parser

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/daphne-go/daphne/dsl/token"
	"github.com/daphne-go/daphne/types"
)

// Number literal syntax (daphnedsl.md section 3):
//
//	int   = ( "0" | [1-9] { [_'] ? [0-9] } ) [ "u" | "ull" | "l" | "z" ]
//	float = int-part "." digits [ exp ] [ "f" ] | int-part exp [ "f" ]
//	digits = [0-9] { [_'] ? [0-9] }
//	exp   = [eE] [+-]? ( "0" | [1-9] [0-9]* )
//
// A literal never has a sign. Whatever else follows a number directly
// (letters, digits, separators, dots) makes the whole run one invalid
// literal, so "007" and "10xyz23" are reported as such instead of as two
// tokens.

// scanNumber scans a number literal starting at s.off.
func (s *scanner) scanNumber(p token.Pos) token.Token {
	start := s.off
	kind, ok := token.INT, true
	if s.src[s.off] == '.' {
		ok = false
	} else {
		ok = s.scanIntPart()
	}
	if ok && s.peek(0) == '.' && isDigit(s.peek(1)) {
		kind = token.FLOAT
		s.off++
		s.scanDigits()
	}
	if ok && (s.peek(0) == 'e' || s.peek(0) == 'E') {
		kind = token.FLOAT
		s.off++
		ok = s.scanExponent()
	}
	if ok {
		s.scanSuffix(kind)
	}
	// Anything glued to the literal makes it invalid.
	for s.off < len(s.src) {
		c := s.src[s.off]
		if !isLetter(c) && !isDigit(c) && c != '\'' && c != '.' {
			break
		}
		ok = false
		s.off++
	}
	lit := string(s.src[start:s.off])
	if !ok {
		s.errf(p, fmt.Sprintf("invalid number literal %q", lit))
		return token.Token{Kind: token.ILLEGAL, Pos: p, Lit: lit}
	}
	return token.Token{Kind: kind, Pos: p, Lit: lit}
}

// scanIntPart scans "0" or a non-zero digit followed by digits with single
// separators. It reports false when a leading zero is followed by a digit.
func (s *scanner) scanIntPart() bool {
	if s.src[s.off] == '0' {
		s.off++
		return !isDigit(s.peek(0))
	}
	s.scanDigits()
	return true
}

// scanDigits scans a digit followed by digits, each optionally preceded by
// one separator _ or '. A separator not followed by a digit is left unread.
func (s *scanner) scanDigits() {
	s.off++
	for {
		c := s.peek(0)
		if isDigit(c) {
			s.off++
		} else if (c == '_' || c == '\'') && isDigit(s.peek(1)) {
			s.off += 2
		} else {
			return
		}
	}
}

// scanExponent scans the part of an exponent after e/E.
func (s *scanner) scanExponent() bool {
	if c := s.peek(0); c == '+' || c == '-' {
		s.off++
	}
	switch c := s.peek(0); {
	case c == '0':
		s.off++
		return !isDigit(s.peek(0))
	case isDigit(c):
		for isDigit(s.peek(0)) {
			s.off++
		}
		return true
	}
	return false
}

// scanSuffix consumes a type suffix valid for kind, if present.
func (s *scanner) scanSuffix(kind token.Kind) {
	if kind == token.FLOAT {
		if s.peek(0) == 'f' {
			s.off++
		}
		return
	}
	switch {
	case s.peek(0) == 'u' && s.peek(1) == 'l' && s.peek(2) == 'l':
		s.off += 3
	case s.peek(0) == 'u', s.peek(0) == 'l', s.peek(0) == 'z':
		s.off++
	}
}

// intValue converts the text of an INT token. Without suffix or with l the
// value type is SI64 (9223372036854775808 becomes math.MinInt64); u and
// ull give UI64 and z gives Size, both up to 2^64-1, stored as bits.
func intValue(lit string) (int64, types.ValueType, error) {
	digits, vt := lit, types.SI64
	switch {
	case strings.HasSuffix(lit, "ull"):
		digits, vt = lit[:len(lit)-3], types.UI64
	case strings.HasSuffix(lit, "u"):
		digits, vt = lit[:len(lit)-1], types.UI64
	case strings.HasSuffix(lit, "z"):
		digits, vt = lit[:len(lit)-1], types.Size
	case strings.HasSuffix(lit, "l"):
		digits = lit[:len(lit)-1]
	}
	digits = stripSeparators(digits)
	u, err := strconv.ParseUint(digits, 10, 64)
	if err != nil {
		return 0, vt, fmt.Errorf("integer literal %q is out of range for %s", lit, vt)
	}
	if vt == types.SI64 && u > math.MaxInt64+1 {
		return 0, vt, fmt.Errorf("integer literal %q is out of range for si64", lit)
	}
	return int64(u), vt, nil
}

// floatValue converts the text of a FLOAT token. The suffix f gives F32
// (the value rounded to float32); nan, nanf, inf and inff give F64 as in
// DAPHNE.
func floatValue(lit string) (float64, types.ValueType, error) {
	switch lit {
	case "nan", "nanf":
		return math.NaN(), types.F64, nil
	case "inf", "inff":
		return math.Inf(1), types.F64, nil
	}
	digits, vt := lit, types.F64
	if strings.HasSuffix(lit, "f") {
		digits, vt = lit[:len(lit)-1], types.F32
	}
	bits := 64
	if vt == types.F32 {
		bits = 32
	}
	v, err := strconv.ParseFloat(stripSeparators(digits), bits)
	if err != nil || math.IsInf(v, 0) {
		return 0, vt, fmt.Errorf("float literal %q is out of range for %s", lit, vt)
	}
	return v, vt, nil
}

func stripSeparators(s string) string {
	if !strings.ContainsAny(s, "_'") {
		return s
	}
	return strings.NewReplacer("_", "", "'", "").Replace(s)
}

// unquote resolves the escapes of a scanned STRING token (quotes included).
func unquote(lit string) string {
	body := lit[1 : len(lit)-1]
	if !strings.Contains(body, `\`) {
		return body
	}
	var b strings.Builder
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c != '\\' || i+1 >= len(body) {
			b.WriteByte(c)
			continue
		}
		i++
		switch body[i] {
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		default: // " and \ (the scanner rejected all others)
			b.WriteByte(body[i])
		}
	}
	return b.String()
}
