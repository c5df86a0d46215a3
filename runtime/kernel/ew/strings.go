package ew

import (
	"fmt"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// binString evaluates op when an operand is a string (or op is concat):
// + and concat join the operands' texts (numbers formatted by
// std::to_string), comparisons are lexicographic (byte order) and give si64
// 0/1. Ordering comparisons also work on string scalars (DAPHNE only has
// them for string matrices).
func binString(op BinOp, a, b data.Value, rows, cols int) (data.Value, error) {
	_, aScalar := a.(*data.Scalar)
	_, bScalar := b.(*data.Scalar)
	both := aScalar && bScalar
	switch {
	case op == Add || op == Concat:
		if both {
			return data.Str(data.ToString(a.(*data.Scalar)) + data.ToString(b.(*data.Scalar))), nil
		}
		return denseBinary(concatKern(), types.Str, types.Str, a, b, rows, cols)
	case op.isCompare():
		k := cmpKern[string, int64](op)
		if both {
			d := []int64{0}
			_ = k.vv(d, []string{data.ToString(a.(*data.Scalar))}, []string{data.ToString(b.(*data.Scalar))})
			return data.SI64(d[0]), nil
		}
		return denseBinary(k, types.Str, types.SI64, a, b, rows, cols)
	}
	return nil, fmt.Errorf("%w: %s is not defined for strings (operands %s and %s)",
		ErrType, op, a.ValueType(), b.ValueType())
}

// concatKern joins strings.
func concatKern() kern[string, string] {
	return pure(
		func(d, a, b []string) {
			a, b = a[:len(d)], b[:len(d)]
			for i := range d {
				d[i] = a[i] + b[i]
			}
		},
		func(d, a []string, b string) {
			a = a[:len(d)]
			for i := range d {
				d[i] = a[i] + b
			}
		},
		func(d []string, a string, b []string) {
			b = b[:len(d)]
			for i := range d {
				d[i] = a + b[i]
			}
		})
}

// caseMap applies ASCII tolower (lower) or toupper to s, as C's functions
// do in the "C" locale; non-ASCII bytes are kept.
func caseMap(s string, upper bool) string {
	lo, hi, delta := byte('A'), byte('Z'), byte('a'-'A')
	if upper {
		lo, hi = 'a', 'z'
	}
	var buf []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < lo || c > hi {
			continue
		}
		if buf == nil {
			buf = []byte(s)
		}
		if upper {
			buf[i] = c - delta
		} else {
			buf[i] = c + delta
		}
	}
	if buf == nil {
		return s
	}
	return string(buf)
}
