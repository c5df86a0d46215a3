package sql

import (
	"fmt"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// kind is the value kind expressions compute in: every integer value type
// (and size) is read as int64, f32 and f64 as float64.
type kind uint8

const (
	kInt kind = iota
	kFloat
	kStr
	kBool
)

var kindNames = [...]string{kInt: "an integer", kFloat: "a float", kStr: "a string", kBool: "a truth value"}

// String names the kind for messages ("an integer", ...).
func (k kind) String() string { return kindNames[k] }

func (k kind) numeric() bool { return k != kStr }

// kindOf returns the kind a column of value type vt is read as.
func kindOf(vt types.ValueType) kind {
	switch vt {
	case types.F64, types.F32:
		return kFloat
	case types.Str:
		return kStr
	case types.Bool:
		return kBool
	}
	return kInt
}

// vec is a column of values of one kind. A konst vec holds one value that
// stands for any number of rows.
type vec struct {
	k     kind
	i     []int64
	f     []float64
	s     []string
	b     []bool
	konst bool
}

func (v vec) len() int {
	switch v.k {
	case kInt:
		return len(v.i)
	case kFloat:
		return len(v.f)
	case kStr:
		return len(v.s)
	}
	return len(v.b)
}

// stride is 0 for a konst vec (index 0 for every row) and 1 otherwise.
func (v vec) stride() int {
	if v.konst {
		return 0
	}
	return 1
}

// asFloat returns v as floats (ints and truth values converted).
func (v vec) asFloat() vec {
	switch v.k {
	case kFloat:
		return v
	case kInt:
		f := make([]float64, len(v.i))
		for j, x := range v.i {
			f[j] = float64(x)
		}
		return vec{k: kFloat, f: f, konst: v.konst}
	case kBool:
		return v.asInt().asFloat()
	}
	panic("sql: asFloat of a string vector")
}

// asInt returns an int or bool vec as ints.
func (v vec) asInt() vec {
	switch v.k {
	case kInt:
		return v
	case kBool:
		out := make([]int64, len(v.b))
		for j, x := range v.b {
			if x {
				out[j] = 1
			}
		}
		return vec{k: kInt, i: out, konst: v.konst}
	}
	panic("sql: asInt of a " + v.k.String() + " vector")
}

// asBool returns v as truth values (numbers: non-zero is true).
func (v vec) asBool() vec {
	switch v.k {
	case kBool:
		return v
	case kInt:
		out := make([]bool, len(v.i))
		for j, x := range v.i {
			out[j] = x != 0
		}
		return vec{k: kBool, b: out, konst: v.konst}
	case kFloat:
		out := make([]bool, len(v.f))
		for j, x := range v.f {
			out[j] = x != 0
		}
		return vec{k: kBool, b: out, konst: v.konst}
	}
	panic("sql: asBool of a string vector")
}

// gather returns the rows idx of v (v itself for a konst vec).
func (v vec) gather(idx []int32) vec {
	if v.konst {
		return v
	}
	switch v.k {
	case kInt:
		return vec{k: kInt, i: gatherSlice(v.i, idx)}
	case kFloat:
		return vec{k: kFloat, f: gatherSlice(v.f, idx)}
	case kStr:
		return vec{k: kStr, s: gatherSlice(v.s, idx)}
	}
	return vec{k: kBool, b: gatherSlice(v.b, idx)}
}

func gatherSlice[T any](src []T, idx []int32) []T {
	out := make([]T, len(idx))
	for j, i := range idx {
		out[j] = src[i]
	}
	return out
}

// readColumn reads the rows idx of a frame column as a vec (all rows when
// idx is nil; f64, si64, string and bool columns are then shared).
func readColumn(m data.Matrix, idx []int32) (vec, error) {
	switch c := m.(type) {
	case *data.Dense[float64]:
		return vec{k: kFloat, f: pick(c.Data, idx)}, nil
	case *data.Dense[float32]:
		return vec{k: kFloat, f: widen[float32, float64](c.Data, idx)}, nil
	case *data.Dense[int64]:
		return vec{k: kInt, i: pick(c.Data, idx)}, nil
	case *data.Dense[int32]:
		return vec{k: kInt, i: widen[int32, int64](c.Data, idx)}, nil
	case *data.Dense[int8]:
		return vec{k: kInt, i: widen[int8, int64](c.Data, idx)}, nil
	case *data.Dense[uint64]:
		return vec{k: kInt, i: widen[uint64, int64](c.Data, idx)}, nil
	case *data.Dense[uint32]:
		return vec{k: kInt, i: widen[uint32, int64](c.Data, idx)}, nil
	case *data.Dense[uint8]:
		return vec{k: kInt, i: widen[uint8, int64](c.Data, idx)}, nil
	case *data.Dense[bool]:
		return vec{k: kBool, b: pick(c.Data, idx)}, nil
	case *data.Dense[string]:
		return vec{k: kStr, s: pick(c.Data, idx)}, nil
	}
	return vec{}, fmt.Errorf("sql: cannot read a frame column of type %s", data.Describe(m))
}

func pick[T any](src []T, idx []int32) []T {
	if idx == nil {
		return src
	}
	return gatherSlice(src, idx)
}

func widen[S interface {
	~int8 | ~int32 | ~uint8 | ~uint32 | ~uint64 | ~float32
}, D int64 | float64](src []S, idx []int32) []D {
	if idx == nil {
		out := make([]D, len(src))
		for j, x := range src {
			out[j] = D(x)
		}
		return out
	}
	out := make([]D, len(idx))
	for j, i := range idx {
		out[j] = D(src[i])
	}
	return out
}

// gatherMatrix returns the rows idx of a frame column, keeping its value
// type (m itself when idx is nil).
func gatherMatrix(m data.Matrix, idx []int32) (data.Matrix, error) {
	if idx == nil {
		return m, nil
	}
	switch c := m.(type) {
	case *data.Dense[float64]:
		return gatherDense(c, idx), nil
	case *data.Dense[float32]:
		return gatherDense(c, idx), nil
	case *data.Dense[int64]:
		return gatherDense(c, idx), nil
	case *data.Dense[int32]:
		return gatherDense(c, idx), nil
	case *data.Dense[int8]:
		return gatherDense(c, idx), nil
	case *data.Dense[uint64]:
		return gatherDense(c, idx), nil
	case *data.Dense[uint32]:
		return gatherDense(c, idx), nil
	case *data.Dense[uint8]:
		return gatherDense(c, idx), nil
	case *data.Dense[bool]:
		return gatherDense(c, idx), nil
	case *data.Dense[string]:
		return gatherDense(c, idx), nil
	}
	return nil, fmt.Errorf("sql: cannot gather a frame column of type %s", data.Describe(m))
}

func gatherDense[T data.Elem](c *data.Dense[T], idx []int32) data.Matrix {
	return data.DenseFromVT(c.ValueType(), len(idx), 1, gatherSlice(c.Data, idx))
}

// toMatrix makes an n x 1 column of v: ints become si64, floats f64,
// strings str and truth values si64 0/1. A konst vec is repeated n times.
func toMatrix(v vec, n int) data.Matrix {
	if v.k == kBool {
		v = v.asInt()
	}
	switch v.k {
	case kInt:
		return data.DenseFrom(n, 1, expand(v.i, v.konst, n))
	case kFloat:
		return data.DenseFrom(n, 1, expand(v.f, v.konst, n))
	}
	return data.DenseFrom(n, 1, expand(v.s, v.konst, n))
}

func expand[T any](s []T, konst bool, n int) []T {
	if !konst {
		return s
	}
	out := make([]T, n)
	for j := range out {
		out[j] = s[0]
	}
	return out
}

// constVec returns a konst vec of one value.
func constInt(x int64) vec     { return vec{k: kInt, i: []int64{x}, konst: true} }
func constFloat(x float64) vec { return vec{k: kFloat, f: []float64{x}, konst: true} }
func constStr(x string) vec    { return vec{k: kStr, s: []string{x}, konst: true} }
