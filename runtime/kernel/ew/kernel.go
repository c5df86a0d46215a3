package ew

import (
	"cmp"
	"fmt"
	"sync"

	"github.com/daphne-go/daphne/runtime/data"
)

// number is the set of numeric element types.
type number = data.Number

// integer is the set of integer element types.
type integer interface {
	~int64 | ~int32 | ~int8 | ~uint64 | ~uint32 | ~uint8
}

// float is the set of floating-point element types.
type float interface{ ~float32 | ~float64 }

// kern is one binary operation as three slice loops: vector∘vector,
// vector∘scalar and scalar∘vector. Every broadcasting case reduces to calls
// of these on whole rows (or the whole matrix), so the per-element work is a
// tight loop over slices with no calls; the function values are called once
// per row. d has the length of the vector operands; a loop returns an error
// only for integer division or modulo by zero.
type kern[T, R any] struct {
	vv func(d []R, a, b []T) error
	vs func(d []R, a []T, b T) error
	sv func(d []R, a T, b []T) error
}

// pure builds a kern from loops that cannot fail.
func pure[T, R any](vv func(d []R, a, b []T), vs func(d []R, a []T, b T), sv func(d []R, a T, b []T)) kern[T, R] {
	return kern[T, R]{
		vv: func(d []R, a, b []T) error { vv(d, a, b); return nil },
		vs: func(d []R, a []T, b T) error { vs(d, a, b); return nil },
		sv: func(d []R, a T, b []T) error { sv(d, a, b); return nil },
	}
}

// commuted returns a scalar∘vector loop from the vector∘scalar loop of a
// commutative operation.
func commuted[T, R any](vs func(d []R, a []T, b T)) func(d []R, a T, b []T) {
	return func(d []R, a T, b []T) { vs(d, b, a) }
}

// swapped returns a vector∘vector loop with the operands exchanged (a > b is b < a).
func swapped[T, R any](vv func(d []R, a, b []T)) func(d []R, a, b []T) {
	return func(d []R, a, b []T) { vv(d, b, a) }
}

// numKern returns the loops of op shared by all numeric types (everything
// but division, modulo, power and logarithm), or false.
func numKern[T number](op BinOp) (kern[T, T], bool) {
	switch op {
	case Add:
		return pure(addVV[T], addVS[T], commuted(addVS[T])), true
	case Sub:
		return pure(subVV[T], subVS[T], subSV[T]), true
	case Mul:
		return pure(mulVV[T], mulVS[T], commuted(mulVS[T])), true
	case Min:
		return pure(minVV[T], minVS[T], minSV[T]), true
	case Max:
		return pure(maxVV[T], maxVS[T], maxSV[T]), true
	case And:
		return pure(andVV[T], andVS[T], commuted(andVS[T])), true
	case Or:
		return pure(orVV[T], orVS[T], commuted(orVS[T])), true
	}
	if op.isCompare() {
		return cmpKern[T, T](op), true
	}
	return kern[T, T]{}, false
}

// cmpKern returns the loops of a comparison producing 0/1 of type R.
func cmpKern[T cmp.Ordered, R number](op BinOp) kern[T, R] {
	switch op {
	case Eq:
		return pure(eqVV[T, R], eqVS[T, R], commuted(eqVS[T, R]))
	case Neq:
		return pure(neVV[T, R], neVS[T, R], commuted(neVS[T, R]))
	case Lt:
		return pure(ltVV[T, R], ltVS[T, R], commuted(gtVS[T, R]))
	case Le:
		return pure(leVV[T, R], leVS[T, R], commuted(geVS[T, R]))
	case Gt:
		return pure(swapped(ltVV[T, R]), gtVS[T, R], commuted(ltVS[T, R]))
	case Ge:
		return pure(swapped(leVV[T, R]), geVS[T, R], commuted(leVS[T, R]))
	}
	panic(fmt.Sprintf("ew: %s is not a comparison", op))
}

// intKern returns the loops of op for an integer type T.
func intKern[T integer](op BinOp) (kern[T, T], bool) {
	switch op {
	case Div:
		return kern[T, T]{divIntVV[T], divIntVS[T], divIntSV[T]}, true
	case Mod:
		return kern[T, T]{modIntVV[T], modIntVS[T], modIntSV[T]}, true
	case Pow:
		return powKern[T](), true
	}
	return numKern[T](op)
}

// floatKern returns the loops of op for a floating-point type T.
func floatKern[T float](op BinOp) (kern[T, T], bool) {
	switch op {
	case Div:
		return pure(divVV[T], divVS[T], divSV[T]), true
	case Mod:
		return pure(modFVV[T], modFVS[T], modFSV[T]), true
	case Pow:
		return powKern[T](), true
	case Log:
		return pure(logVV[T], logVS[T], logSV[T]), true
	}
	return numKern[T](op)
}

// buildKern returns the loops of op computed in T, or false when op does
// not exist for T.
func buildKern[T number](op BinOp) (kern[T, T], bool) {
	var z T
	switch any(z).(type) {
	case float64:
		k, ok := floatKern[float64](op)
		return any(k).(kern[T, T]), ok
	case float32:
		k, ok := floatKern[float32](op)
		return any(k).(kern[T, T]), ok
	case int64:
		k, ok := intKern[int64](op)
		return any(k).(kern[T, T]), ok
	case int32:
		k, ok := intKern[int32](op)
		return any(k).(kern[T, T]), ok
	case int8:
		k, ok := intKern[int8](op)
		return any(k).(kern[T, T]), ok
	case uint64:
		k, ok := intKern[uint64](op)
		return any(k).(kern[T, T]), ok
	case uint32:
		k, ok := intKern[uint32](op)
		return any(k).(kern[T, T]), ok
	case uint8:
		k, ok := intKern[uint8](op)
		return any(k).(kern[T, T]), ok
	}
	return kern[T, T]{}, false
}

// kernTable holds the loops of every binary op for one element type, built
// once on first use (safe for concurrent callers).
type kernTable[T number] struct {
	once sync.Once
	k    [numBinOps]kern[T, T]
	ok   [numBinOps]bool
}

var (
	tabF64 kernTable[float64]
	tabF32 kernTable[float32]
	tabI64 kernTable[int64]
	tabI32 kernTable[int32]
	tabI8  kernTable[int8]
	tabU64 kernTable[uint64]
	tabU32 kernTable[uint32]
	tabU8  kernTable[uint8]
)

// kernFor returns the cached loops of op computed in T, or false when op
// does not exist for T.
func kernFor[T number](op BinOp) (*kern[T, T], bool) {
	var z T
	var p any
	switch any(z).(type) {
	case float64:
		p = &tabF64
	case float32:
		p = &tabF32
	case int64:
		p = &tabI64
	case int32:
		p = &tabI32
	case int8:
		p = &tabI8
	case uint64:
		p = &tabU64
	case uint32:
		p = &tabU32
	case uint8:
		p = &tabU8
	}
	t := p.(*kernTable[T])
	t.once.Do(func() {
		for o := BinOp(0); o < numBinOps; o++ {
			t.k[o], t.ok[o] = buildKern[T](o)
		}
	})
	if op >= numBinOps || !t.ok[op] {
		return nil, false
	}
	return &t.k[op], true
}

// b2n converts a truth value to 1 or 0.
func b2n[R number](c bool) R {
	if c {
		return 1
	}
	return 0
}

func divZero(op BinOp) error { return fmt.Errorf("%w (integer %s)", ErrDivByZero, op) }
