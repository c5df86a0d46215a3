package index

import (
	"fmt"
	"math"
	"strconv"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// Value conversion for left indexing (insert converts Y to X's value type)
// and for reading positions and filter bits. A matrix's cells are first put
// in a canonical form (cells) by their class (signed, unsigned, float, bool,
// string), sharing storage where the Go type already is the canonical one;
// convertCells then builds a slice of any element type with one type switch
// per matrix and tight, concretely typed loops.
//
// Conversions follow C static_cast: floats truncate toward zero when they
// become integers (negative floats become unsigned through int64, as on
// x86), integers wrap; numbers become strings with std::to_string (floats
// with six decimals); bools are 0/1. Strings never become numbers here
// (that is a cast, see runtime/data); trying is an error.

type cellKind uint8

const (
	kindInt cellKind = iota
	kindUint
	kindFloat
	kindBool
	kindStr
)

// cells holds a matrix's cells in row-major order in one canonical slice
// chosen by kind.
type cells struct {
	kind cellKind
	i    []int64
	u    []uint64
	f    []float64
	b    []bool
	s    []string
}

func (c cells) len() int {
	switch c.kind {
	case kindInt:
		return len(c.i)
	case kindUint:
		return len(c.u)
	case kindFloat:
		return len(c.f)
	case kindBool:
		return len(c.b)
	}
	return len(c.s)
}

// int64At returns cell i as an integer position (floats truncated); ok is
// false for NaN and infinities. Not for strings.
func (c cells) int64At(i int) (int64, bool) {
	switch c.kind {
	case kindInt:
		return c.i[i], true
	case kindUint:
		return int64(c.u[i]), true
	case kindFloat:
		if !finite(c.f[i]) {
			return 0, false
		}
		return int64(c.f[i]), true
	case kindBool:
		if c.b[i] {
			return 1, true
		}
		return 0, true
	}
	return 0, false
}

// float64At returns cell i as a float64 (NaN for strings).
func (c cells) float64At(i int) float64 {
	switch c.kind {
	case kindInt:
		return float64(c.i[i])
	case kindUint:
		return float64(c.u[i])
	case kindFloat:
		return c.f[i]
	case kindBool:
		if c.b[i] {
			return 1
		}
		return 0
	}
	return math.NaN()
}

// cellsOf puts a slice of cells in canonical form (sharing it when possible).
func cellsOf[T data.Elem](vals []T) cells {
	switch v := any(vals).(type) {
	case []float64:
		return cells{kind: kindFloat, f: v}
	case []float32:
		return cells{kind: kindFloat, f: widen[float64](v)}
	case []int64:
		return cells{kind: kindInt, i: v}
	case []int32:
		return cells{kind: kindInt, i: widen[int64](v)}
	case []int8:
		return cells{kind: kindInt, i: widen[int64](v)}
	case []uint64:
		return cells{kind: kindUint, u: v}
	case []uint32:
		return cells{kind: kindUint, u: widen[uint64](v)}
	case []uint8:
		return cells{kind: kindUint, u: widen[uint64](v)}
	case []bool:
		return cells{kind: kindBool, b: v}
	case []string:
		return cells{kind: kindStr, s: v}
	}
	panic(fmt.Sprintf("index: unsupported element slice %T", vals))
}

func widen[D, S data.Number](src []S) []D {
	dst := make([]D, len(src))
	for i, x := range src {
		dst[i] = D(x)
	}
	return dst
}

// convertCells returns the cells as a slice of T (a new slice unless c
// already holds exactly []T).
func convertCells[T data.Elem](c cells) ([]T, error) {
	var out any
	var err error
	switch any(*new(T)).(type) {
	case float64:
		out, err = toNumber[float64](c)
	case float32:
		out, err = toNumber[float32](c)
	case int64:
		out, err = toNumber[int64](c)
	case int32:
		out, err = toNumber[int32](c)
	case int8:
		out, err = toNumber[int8](c)
	case uint64:
		out, err = toNumber[uint64](c)
	case uint32:
		out, err = toNumber[uint32](c)
	case uint8:
		out, err = toNumber[uint8](c)
	case bool:
		out, err = toBool(c)
	case string:
		out = toStrings(c)
	}
	if err != nil {
		return nil, err
	}
	return out.([]T), nil
}

func stringToNumberError(c cells, what string) error {
	first := ""
	if len(c.s) > 0 {
		first = fmt.Sprintf(" (first value %q)", c.s[0])
	}
	return fmt.Errorf("cannot convert strings to %s%s: use an explicit cast", what, first)
}

func toNumber[D data.Number](c cells) ([]D, error) {
	n := c.len()
	dst := make([]D, n)
	var zero, one D = 0, 1
	unsigned := zero-one > zero
	switch c.kind {
	case kindInt:
		for i, x := range c.i {
			dst[i] = D(x)
		}
	case kindUint:
		for i, x := range c.u {
			dst[i] = D(x)
		}
	case kindFloat:
		for i, x := range c.f {
			if unsigned && x < 0 {
				dst[i] = D(int64(x))
			} else {
				dst[i] = D(x)
			}
		}
	case kindBool:
		for i, x := range c.b {
			if x {
				dst[i] = 1
			}
		}
	case kindStr:
		return nil, stringToNumberError(c, "numbers")
	}
	return dst, nil
}

func toBool(c cells) ([]bool, error) {
	if c.kind == kindBool {
		return c.b, nil
	}
	if c.kind == kindStr {
		return nil, stringToNumberError(c, "bool")
	}
	dst := make([]bool, c.len())
	for i := range dst {
		dst[i] = c.float64At(i) != 0
	}
	return dst, nil
}

func toStrings(c cells) []string {
	if c.kind == kindStr {
		return c.s
	}
	dst := make([]string, c.len())
	switch c.kind {
	case kindInt:
		for i, x := range c.i {
			dst[i] = strconv.FormatInt(x, 10)
		}
	case kindUint:
		for i, x := range c.u {
			dst[i] = strconv.FormatUint(x, 10)
		}
	case kindFloat:
		for i, x := range c.f {
			dst[i] = cToString(x)
		}
	case kindBool:
		for i, x := range c.b {
			dst[i] = "0"
			if x {
				dst[i] = "1"
			}
		}
	}
	return dst
}

// cToString formats f as C++ std::to_string does ("%f", C spellings of the
// special values).
func cToString(f float64) string {
	switch {
	case math.IsNaN(f):
		if math.Signbit(f) {
			return "-nan"
		}
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	return strconv.FormatFloat(f, 'f', 6, 64)
}

// scalarCells puts scalars in canonical form of the given kind (matrixLit,
// whose elements are scalars).
func scalarCells(elems []*data.Scalar, kind cellKind) cells {
	c := cells{kind: kind}
	for _, s := range elems {
		switch kind {
		case kindStr:
			c.s = append(c.s, scalarString(s))
		case kindFloat:
			c.f = append(c.f, s.Float64())
		case kindUint:
			c.u = append(c.u, data.Get[uint64](s))
		case kindBool:
			c.b = append(c.b, s.Truth())
		default:
			c.i = append(c.i, data.Get[int64](s))
		}
	}
	return c
}

// scalarString is std::to_string of a scalar (strings unchanged).
func scalarString(s *data.Scalar) string {
	switch {
	case s.VT == types.Str:
		return s.S
	case s.VT.IsFloat():
		return cToString(s.F)
	case s.VT.IsUnsigned():
		return strconv.FormatUint(s.U, 10)
	}
	return strconv.FormatInt(s.I, 10)
}

// kindFor is the canonical cell kind holding values of type vt.
func kindFor(vt types.ValueType) cellKind {
	switch {
	case vt == types.Str:
		return kindStr
	case vt == types.Bool:
		return kindBool
	case vt.IsFloat():
		return kindFloat
	case vt.IsUnsigned():
		return kindUint
	}
	return kindInt
}
