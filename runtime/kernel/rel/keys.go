package rel

import (
	"fmt"
	"math"

	"github.com/daphne-go/daphne/runtime/data"
)

// Key columns normalized for hashing. Each implementation loops over a row
// range with the column's Go type known at compile time (one interface call
// per range, none per row).

var (
	_ keyVec = intKeys[int64]{}
	_ keyVec = floatKeys[float64]{}
	_ keyVec = boolKeys{}
	_ keyVec = strKeys{}
	_ keyVec = pairKeys{}
)

// keyVec is one key column (or a combination of two code columns).
type keyVec interface {
	// rows is the number of keys.
	rows() int
	// newTable returns an empty table for keys of this kind.
	newTable(hint int) table
	// insert writes the code of each row of [lo, hi) to out[row], giving new
	// keys new codes in t; rows whose key never matches get noCode.
	insert(t table, lo, hi int, out []int32)
	// lookup writes the code of each row of [lo, hi) in t to out[row], or
	// noCode for keys t does not hold.
	lookup(t table, lo, hi int, out []int32)
}

// intKey is the set of integer column types; their keys are the 64-bit
// (sign-extended) value.
type intKey interface {
	~int64 | ~int32 | ~int8 | ~uint64 | ~uint32 | ~uint8
}

type intKeys[T intKey] struct{ v []T }

func (k intKeys[T]) rows() int               { return len(k.v) }
func (k intKeys[T]) newTable(hint int) table { return newU64Table(hint) }

func (k intKeys[T]) insert(t table, lo, hi int, out []int32) {
	tt, v := t.(*u64Table), k.v[lo:hi]
	o := out[lo:hi]
	for i, x := range v {
		o[i] = tt.insert(uint64(x))
	}
}

func (k intKeys[T]) lookup(t table, lo, hi int, out []int32) {
	tt, v := t.(*u64Table), k.v[lo:hi]
	o := out[lo:hi]
	for i, x := range v {
		o[i] = tt.lookup(uint64(x))
	}
}

// canonicalNaN is the key of every NaN when NaNs are equal.
const canonicalNaN = 0x7FF8000000000001

// floatKeys keys floats by their bits, with -0 as +0 and, if nanEqual, every
// NaN as one key; otherwise NaN rows get noCode.
type floatKeys[T ~float32 | ~float64] struct {
	v        []T
	nanEqual bool
}

func (k floatKeys[T]) rows() int               { return len(k.v) }
func (k floatKeys[T]) newTable(hint int) table { return newU64Table(hint) }

// bits returns the key of x and whether it has one.
func (k floatKeys[T]) bits(x T) (uint64, bool) {
	f := float64(x)
	switch {
	case f != f:
		return canonicalNaN, k.nanEqual
	case f == 0:
		return 0, true
	}
	return math.Float64bits(f), true
}

func (k floatKeys[T]) insert(t table, lo, hi int, out []int32) {
	tt, v := t.(*u64Table), k.v[lo:hi]
	o := out[lo:hi]
	for i, x := range v {
		if b, ok := k.bits(x); ok {
			o[i] = tt.insert(b)
		} else {
			o[i] = noCode
		}
	}
}

func (k floatKeys[T]) lookup(t table, lo, hi int, out []int32) {
	tt, v := t.(*u64Table), k.v[lo:hi]
	o := out[lo:hi]
	for i, x := range v {
		if b, ok := k.bits(x); ok {
			o[i] = tt.lookup(b)
		} else {
			o[i] = noCode
		}
	}
}

type boolKeys struct{ v []bool }

func (k boolKeys) rows() int               { return len(k.v) }
func (k boolKeys) newTable(hint int) table { return newU64Table(2) }

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

func (k boolKeys) insert(t table, lo, hi int, out []int32) {
	tt := t.(*u64Table)
	for i := lo; i < hi; i++ {
		out[i] = tt.insert(b2u(k.v[i]))
	}
}

func (k boolKeys) lookup(t table, lo, hi int, out []int32) {
	tt := t.(*u64Table)
	for i := lo; i < hi; i++ {
		out[i] = tt.lookup(b2u(k.v[i]))
	}
}

type strKeys struct{ v []string }

func (k strKeys) rows() int               { return len(k.v) }
func (k strKeys) newTable(hint int) table { return newStrTable(hint) }

func (k strKeys) insert(t table, lo, hi int, out []int32) {
	tt := t.(*strTable)
	for i := lo; i < hi; i++ {
		out[i] = tt.insert(k.v[i])
	}
}

func (k strKeys) lookup(t table, lo, hi int, out []int32) {
	tt := t.(*strTable)
	for i := lo; i < hi; i++ {
		out[i] = tt.lookup(k.v[i])
	}
}

// pairKeys combines two code columns into one key; a row with noCode in
// either has no key.
type pairKeys struct{ a, b []int32 }

func (k pairKeys) rows() int               { return len(k.a) }
func (k pairKeys) newTable(hint int) table { return newU64Table(hint) }

func pair(a, b int32) uint64 { return uint64(uint32(a))<<32 | uint64(uint32(b)) }

func (k pairKeys) insert(t table, lo, hi int, out []int32) {
	tt := t.(*u64Table)
	for i := lo; i < hi; i++ {
		if a, b := k.a[i], k.b[i]; a >= 0 && b >= 0 {
			out[i] = tt.insert(pair(a, b))
		} else {
			out[i] = noCode
		}
	}
}

func (k pairKeys) lookup(t table, lo, hi int, out []int32) {
	tt := t.(*u64Table)
	for i := lo; i < hi; i++ {
		if a, b := k.a[i], k.b[i]; a >= 0 && b >= 0 {
			out[i] = tt.lookup(pair(a, b))
		} else {
			out[i] = noCode
		}
	}
}

// newKeyVec wraps a frame column (a rows x 1 dense matrix) as keys.
func newKeyVec(m data.Matrix, nanEqual bool) (keyVec, error) {
	switch d := m.(type) {
	case *data.Dense[float64]:
		return floatKeys[float64]{d.Data, nanEqual}, nil
	case *data.Dense[float32]:
		return floatKeys[float32]{d.Data, nanEqual}, nil
	case *data.Dense[int64]:
		return intKeys[int64]{d.Data}, nil
	case *data.Dense[int32]:
		return intKeys[int32]{d.Data}, nil
	case *data.Dense[int8]:
		return intKeys[int8]{d.Data}, nil
	case *data.Dense[uint64]:
		return intKeys[uint64]{d.Data}, nil
	case *data.Dense[uint32]:
		return intKeys[uint32]{d.Data}, nil
	case *data.Dense[uint8]:
		return intKeys[uint8]{d.Data}, nil
	case *data.Dense[bool]:
		return boolKeys{d.Data}, nil
	case *data.Dense[string]:
		return strKeys{d.Data}, nil
	}
	return nil, fmt.Errorf("rel: internal error: key column is %s", data.Describe(m))
}
