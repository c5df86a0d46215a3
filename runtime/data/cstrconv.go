package data

import (
	"errors"
	"fmt"
	"math"
	"strconv"
)

// String to number conversion with the semantics of the C and C++ library
// functions DAPHNE uses: std::stoll / std::stoull / std::stold / std::stof
// for casts (leading white space skipped, the longest valid prefix converted,
// the rest ignored; an error if no digits were found or the value is out of
// range), and strtod / atoi for reading CSV files (see the fileio package).

// ErrNotANumber is wrapped by the string to number conversions when a string
// does not start with a number.
var ErrNotANumber = errors.New("not a number")

// ErrOutOfRange is wrapped by the string to number conversions when the
// number does not fit the target type.
var ErrOutOfRange = errors.New("number out of range")

func isCSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// SkipSpace returns the number of leading C white-space characters of s.
func SkipSpace(s string) int {
	i := 0
	for i < len(s) && isCSpace(s[i]) {
		i++
	}
	return i
}

// IntPrefixLen returns the length of the longest prefix of s (which must not
// start with white space) that strtoll would convert: an optional sign and at
// least one decimal digit. It returns 0 if there is none.
func IntPrefixLen(s string) int {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	start := i
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	if i == start {
		return 0
	}
	return i
}

// FloatPrefixLen returns the length of the longest prefix of s (which must
// not start with white space) that strtod would convert: a decimal number
// with optional fraction and exponent, a hexadecimal number (0x...), inf,
// infinity or nan (case-insensitive, nan optionally followed by "(chars)"),
// each with an optional sign. It returns 0 if there is none.
func FloatPrefixLen(s string) int {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	if n := specialPrefixLen(s[i:]); n > 0 {
		return i + n
	}
	if i+1 < len(s) && s[i] == '0' && (s[i+1] == 'x' || s[i+1] == 'X') {
		if n := hexPrefixLen(s[i+2:]); n > 0 {
			return i + 2 + n
		}
		return i + 1 // just the "0"
	}
	digits := 0
	for i < len(s) && isDigit(s[i]) {
		i++
		digits++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && isDigit(s[i]) {
			i++
			digits++
		}
	}
	if digits == 0 {
		return 0
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		if j < len(s) && isDigit(s[j]) {
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			i = j
		}
	}
	return i
}

func hasPrefixFold(s, p string) bool {
	if len(s) < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != p[i] {
			return false
		}
	}
	return true
}

func specialPrefixLen(s string) int {
	switch {
	case hasPrefixFold(s, "infinity"):
		return 8
	case hasPrefixFold(s, "inf"):
		return 3
	case hasPrefixFold(s, "nan"):
		if len(s) > 3 && s[3] == '(' {
			for j := 4; j < len(s); j++ {
				c := s[j]
				if c == ')' {
					return j + 1
				}
				if !(isDigit(c) || c == '_' || (c|0x20) >= 'a' && (c|0x20) <= 'z') {
					break
				}
			}
		}
		return 3
	}
	return 0
}

func isHex(c byte) bool { return isDigit(c) || (c|0x20) >= 'a' && (c|0x20) <= 'f' }

func hexPrefixLen(s string) int {
	i, digits := 0, 0
	for i < len(s) && isHex(s[i]) {
		i++
		digits++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && isHex(s[i]) {
			i++
			digits++
		}
	}
	if digits == 0 {
		return 0
	}
	if i < len(s) && (s[i] == 'p' || s[i] == 'P') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		if j < len(s) && isDigit(s[j]) {
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			i = j
		}
	}
	return i
}

// ParseFloatPrefix converts a prefix found by FloatPrefixLen. bits is 32 or
// 64. Overflow gives ±Inf and ErrOutOfRange (as strtod sets ERANGE).
func ParseFloatPrefix(p string, bits int) (float64, error) {
	q := p
	neg := false
	if len(q) > 0 && (q[0] == '+' || q[0] == '-') {
		neg = q[0] == '-'
		q = q[1:]
	}
	if hasPrefixFold(q, "nan") {
		if neg {
			return math.Copysign(math.NaN(), -1), nil
		}
		return math.NaN(), nil
	}
	if len(q) > 1 && q[0] == '0' && (q[1]|0x20) == 'x' {
		hasExp := false
		for i := 2; i < len(q); i++ {
			if q[i]|0x20 == 'p' {
				hasExp = true
			}
		}
		if !hasExp {
			p += "p0"
		}
	}
	f, err := strconv.ParseFloat(p, bits)
	if err != nil {
		var ne *strconv.NumError
		if errors.As(err, &ne) && ne.Err == strconv.ErrRange {
			return f, ErrOutOfRange
		}
		return 0, ErrNotANumber
	}
	return f, nil
}

// StrToInt64 converts s as std::stoll does.
func StrToInt64(s string) (int64, error) {
	t := s[SkipSpace(s):]
	n := IntPrefixLen(t)
	if n == 0 {
		return 0, fmt.Errorf("cannot convert string %q to an integer: %w", s, ErrNotANumber)
	}
	v, err := strconv.ParseInt(t[:n], 10, 64)
	if err != nil {
		return 0, fmt.Errorf("cannot convert string %q to an integer: %w", s, ErrOutOfRange)
	}
	return v, nil
}

// StrToUint64 converts s as std::stoull does: a leading minus sign negates
// the value modulo 2^64 ("-1" gives 18446744073709551615).
func StrToUint64(s string) (uint64, error) {
	t := s[SkipSpace(s):]
	n := IntPrefixLen(t)
	if n == 0 {
		return 0, fmt.Errorf("cannot convert string %q to an unsigned integer: %w", s, ErrNotANumber)
	}
	p, neg := t[:n], false
	if p[0] == '+' || p[0] == '-' {
		neg = p[0] == '-'
		p = p[1:]
	}
	v, err := strconv.ParseUint(p, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("cannot convert string %q to an unsigned integer: %w", s, ErrOutOfRange)
	}
	if neg {
		v = -v
	}
	return v, nil
}

// StrToFloat converts s as std::stold (bits 64) or std::stof (bits 32) does.
func StrToFloat(s string, bits int) (float64, error) {
	t := s[SkipSpace(s):]
	n := FloatPrefixLen(t)
	if n == 0 {
		return 0, fmt.Errorf("cannot convert string %q to a floating-point number: %w", s, ErrNotANumber)
	}
	f, err := ParseFloatPrefix(t[:n], bits)
	if err != nil {
		return 0, fmt.Errorf("cannot convert string %q to a floating-point number: %w", s, err)
	}
	return f, nil
}
