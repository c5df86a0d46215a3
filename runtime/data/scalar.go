package data

import (
	"math"

	"github.com/daphne-go/daphne/types"
)

var _ Value = (*Scalar)(nil)

// Scalar is a single value of any value type. Exactly one payload field is
// meaningful, chosen by the value type: I for si8/si32/si64 and bool (0/1),
// U for ui8/ui32/ui64/size, F for f32/f64 (f32 values are kept rounded to
// float32), S for str.
type Scalar struct {
	VT types.ValueType
	I  int64
	U  uint64
	F  float64
	S  string
}

// DataType returns types.Scalar.
func (s *Scalar) DataType() types.DataType { return types.Scalar }

// ValueType returns the scalar's value type.
func (s *Scalar) ValueType() types.ValueType { return s.VT }

// F64 returns an f64 scalar.
func F64(v float64) *Scalar { return &Scalar{VT: types.F64, F: v} }

// F32 returns an f32 scalar.
func F32(v float32) *Scalar { return &Scalar{VT: types.F32, F: float64(v)} }

// SI64 returns an si64 scalar.
func SI64(v int64) *Scalar { return &Scalar{VT: types.SI64, I: v} }

// UI64 returns a ui64 scalar.
func UI64(v uint64) *Scalar { return &Scalar{VT: types.UI64, U: v} }

// SizeScalar returns a size-typed scalar.
func SizeScalar(v uint64) *Scalar { return &Scalar{VT: types.Size, U: v} }

// Bool returns a bool scalar.
func Bool(b bool) *Scalar {
	if b {
		return &Scalar{VT: types.Bool, I: 1}
	}
	return &Scalar{VT: types.Bool}
}

// Str returns a str scalar.
func Str(s string) *Scalar { return &Scalar{VT: types.Str, S: s} }

// ScalarOf returns a scalar holding v with value type vt. v's Go type must
// match vt as for matrices (uint64 for size).
func ScalarOf[T Elem](vt types.ValueType, v T) *Scalar {
	s := &Scalar{VT: vt}
	switch x := any(v).(type) {
	case float64:
		s.F = x
	case float32:
		s.F = float64(x)
	case int64:
		s.I = x
	case int32:
		s.I = int64(x)
	case int8:
		s.I = int64(x)
	case uint64:
		s.U = x
	case uint32:
		s.U = uint64(x)
	case uint8:
		s.U = uint64(x)
	case bool:
		if x {
			s.I = 1
		}
	case string:
		s.S = x
	}
	return s
}

// Get returns the scalar's payload as a T, converting with C semantics
// (static_cast): floats truncate toward zero when converted to integers,
// integers wrap. Strings are not converted here (see the kernel package's
// casts); Get[string] of a number returns "".
func Get[T Elem](s *Scalar) T {
	var z T
	switch any(z).(type) {
	case string:
		return any(s.S).(T)
	case bool:
		return any(s.Truth()).(T)
	}
	switch {
	case s.VT.IsFloat():
		return fromFloat[T](s.F)
	case s.VT.IsUnsigned():
		return fromUint[T](s.U)
	default:
		return fromInt[T](s.I)
	}
}

// Truth is the scalar's truth value: non-zero numbers are true; strings are
// true when non-empty.
func (s *Scalar) Truth() bool {
	switch {
	case s.VT == types.Str:
		return s.S != ""
	case s.VT.IsFloat():
		return s.F != 0
	case s.VT.IsUnsigned():
		return s.U != 0
	}
	return s.I != 0
}

// Float64 returns the numeric value as float64 (NaN for strings).
func (s *Scalar) Float64() float64 {
	switch {
	case s.VT == types.Str:
		return math.NaN()
	case s.VT.IsFloat():
		return s.F
	case s.VT.IsUnsigned():
		return float64(s.U)
	}
	return float64(s.I)
}

func fromFloat[T Elem](f float64) T {
	var z T
	var r any
	switch any(z).(type) {
	case float64:
		r = f
	case float32:
		r = float32(f)
	case int64:
		r = int64(f)
	case int32:
		r = int32(int64(f))
	case int8:
		r = int8(int64(f))
	case uint64:
		r = floatToUint64(f)
	case uint32:
		r = uint32(floatToUint64(f))
	case uint8:
		r = uint8(floatToUint64(f))
	}
	return r.(T)
}

// floatToUint64 mimics static_cast<uint64_t>(double) on x86 for the values
// users meet: negative numbers go through int64 (so -1.0 becomes 2^64-1).
func floatToUint64(f float64) uint64 {
	if f < 0 {
		return uint64(int64(f))
	}
	return uint64(f)
}

func fromInt[T Elem](i int64) T {
	var z T
	var r any
	switch any(z).(type) {
	case float64:
		r = float64(i)
	case float32:
		r = float32(i)
	case int64:
		r = i
	case int32:
		r = int32(i)
	case int8:
		r = int8(i)
	case uint64:
		r = uint64(i)
	case uint32:
		r = uint32(i)
	case uint8:
		r = uint8(i)
	}
	return r.(T)
}

func fromUint[T Elem](u uint64) T {
	var z T
	var r any
	switch any(z).(type) {
	case float64:
		r = float64(u)
	case float32:
		r = float32(u)
	case int64:
		r = int64(u)
	case int32:
		r = int32(u)
	case int8:
		r = int8(u)
	case uint64:
		r = u
	case uint32:
		r = uint32(u)
	case uint8:
		r = uint8(u)
	}
	return r.(T)
}
