package index

import (
	"fmt"
	"math"

	"github.com/daphne-go/daphne/runtime/data"
)

// Reading positions and filter bits of any value type: a matrix's cells are
// put in a canonical form (cells) by their class (signed, unsigned, float,
// bool, string), sharing storage where the Go type already is the canonical
// one. Value-type conversion proper (insert, matrixLit) is done by
// runtime/data (ConvertMatrix, ConvertScalar), so it follows the cast rules.

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
		if c.u[i] > math.MaxInt64 {
			return math.MaxInt64, true // out of range for any matrix
		}
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
