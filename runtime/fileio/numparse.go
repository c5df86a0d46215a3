package fileio

import (
	"math"
	"strconv"
	"unsafe"

	"github.com/daphne-go/daphne/runtime/data"
)

// Hand-written parsing of numbers in byte slices, for the CSV and Matrix
// Market readers. No strings are allocated on the fast paths.

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r'
}

// bytesString views b as a string without copying; the string must not
// outlive b or be retained (strconv copies what it keeps in errors).
func bytesString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// atoiPrefix parses the leading integer part of b like C's atoi/atoll:
// leading white space is skipped, an optional sign, then decimal digits; the
// rest is ignored. No digits give 0. The value wraps modulo 2^64, so that
// full-range si64 and ui64 values both survive (convert with int64(v) or
// uint64(v)). ok reports whether any digit was found.
func atoiPrefix(b []byte) (v uint64, ok bool) {
	i := 0
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	neg := false
	if i < len(b) && (b[i] == '+' || b[i] == '-') {
		neg = b[i] == '-'
		i++
	}
	start := i
	for i < len(b) && b[i] >= '0' && b[i] <= '9' {
		v = v*10 + uint64(b[i]-'0')
		i++
	}
	if neg {
		v = -v
	}
	return v, i > start
}

// pow10 holds the powers of ten that are exact in float64.
var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// fastFloat parses b if it is a plain decimal "[-+]digits[.digits]" with at
// most 15 significant digits (optionally followed by white space only). The
// result is then exact: an integer below 2^53 divided by an exact power of
// ten is correctly rounded (Clinger's fast path). ok is false otherwise;
// plain then tells whether b still consists of number characters only
// (digits, '.', 'e', 'E', '+', '-') up to trailing white space, so that
// strconv can parse it whole.
func fastFloat(b []byte) (f float64, ok, plain bool) {
	i := 0
	neg := false
	if i < len(b) && (b[i] == '+' || b[i] == '-') {
		neg = b[i] == '-'
		i++
	}
	var mant uint64
	digits, frac := 0, 0
	seenDot := false
	start := i
	for ; i < len(b); i++ {
		c := b[i]
		if c >= '0' && c <= '9' {
			if mant != 0 || c != '0' {
				digits++
			}
			mant = mant*10 + uint64(c-'0')
			if seenDot {
				frac++
			}
			continue
		}
		if c == '.' && !seenDot {
			seenDot = true
			continue
		}
		break
	}
	if i == start || (seenDot && i == start+1) {
		return 0, false, plainRest(b, i)
	}
	if digits > 15 || frac > 22 || !trailingSpace(b, i) {
		return 0, false, plainRest(b, i)
	}
	f = float64(mant) / pow10[frac]
	if neg {
		f = -f
	}
	return f, true, true
}

// plainRest reports whether b[i:] holds number characters only, up to
// trailing white space, and b is not empty.
func plainRest(b []byte, i int) bool {
	for ; i < len(b); i++ {
		c := b[i]
		if !(c >= '0' && c <= '9' || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
			break
		}
	}
	return len(b) > 0 && trailingSpace(b, i)
}

func trailingSpace(b []byte, i int) bool {
	for ; i < len(b); i++ {
		if !isSpace(b[i]) {
			return false
		}
	}
	return true
}

// strtod parses the leading floating-point number of b like C's strtod
// (leading white space skipped, the longest valid prefix converted,
// overflow giving ±inf). ok is false if b does not start with a number.
func strtod(b []byte, bits int) (float64, bool) {
	i := 0
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	b = b[i:]
	f, ok, plain := fastFloat(b)
	if ok && bits == 64 {
		return f, true
	}
	if plain {
		// A complete decimal number: strconv reads it exactly as strtod.
		if f, err := strconv.ParseFloat(bytesString(trimSpace(b)), bits); err == nil {
			return f, true
		}
	}
	s := bytesString(b)
	n := data.FloatPrefixLen(s)
	if n == 0 {
		return 0, false
	}
	f, err := data.ParseFloatPrefix(s[:n], bits)
	if err != nil && err != data.ErrOutOfRange {
		return 0, false
	}
	return f, true
}

// strtodOrNaN is strtod returning NaN for a field that is not a number, as
// DAPHNE's CSV reader does.
func strtodOrNaN(b []byte, bits int) float64 {
	f, ok := strtod(b, bits)
	if !ok {
		return math.NaN()
	}
	return f
}
