package data

import (
	"math"
	"strconv"

	"github.com/daphne-go/daphne/types"
)

// Number formatting with the exact spelling of C++ iostreams and of
// std::to_string (glibc), which is what DAPHNE's printed output and string
// conversions consist of. Go's strconv is correct to the last digit for both
// %g-style and %f-style output; only the special values are spelled
// differently (NaN, +Inf), so they are mapped here.

// FormatFloat formats f as C++'s default ostream output does, i.e. like
// printf("%.6g"): 6 significant digits, trailing zeros removed, scientific
// form with a signed two-digit (at least) exponent when the decimal exponent
// is below -4 or at least 6. Special values are spelled as glibc does: nan,
// -nan (negative NaN), inf, -inf; negative zero is -0.
func FormatFloat(f float64) string {
	return string(AppendFloat(nil, f))
}

// AppendFloat appends FormatFloat(f) to dst.
func AppendFloat(dst []byte, f float64) []byte {
	if s, ok := specialFloat(f); ok {
		return append(dst, s...)
	}
	return strconv.AppendFloat(dst, f, 'g', 6, 64)
}

// FormatFloat32 formats an f32 value exactly as C++ prints a float: the
// float is widened to double and then formatted like FormatFloat.
func FormatFloat32(f float32) string { return FormatFloat(float64(f)) }

// specialFloat returns glibc's spelling of NaN and the infinities.
func specialFloat(f float64) (string, bool) {
	switch {
	case math.IsNaN(f):
		if math.Signbit(f) {
			return "-nan", true
		}
		return "nan", true
	case math.IsInf(f, 1):
		return "inf", true
	case math.IsInf(f, -1):
		return "-inf", true
	}
	return "", false
}

// FloatToString formats f as C++'s std::to_string(double) does, i.e. like
// printf("%f"): fixed notation with exactly six decimals ("1.500000",
// "-0.000000", "1000000.000000"), and nan, -nan, inf, -inf for special values.
func FloatToString(f float64) string {
	if s, ok := specialFloat(f); ok {
		return s
	}
	return strconv.FormatFloat(f, 'f', 6, 64)
}

// ToString converts a scalar to a string with std::to_string's rules, which
// DAPHNE uses for as.str and for string concatenation with numbers: integers
// (and size) in decimal, bool as 1 or 0, floats (f32 and f64) with six
// decimals ("a" + 1.5 is "a1.500000"); strings are returned unchanged.
func ToString(s *Scalar) string {
	switch {
	case s.VT == types.Str:
		return s.S
	case s.VT.IsFloat():
		return FloatToString(s.F)
	case s.VT.IsUnsigned():
		return strconv.FormatUint(s.U, 10)
	}
	return strconv.FormatInt(s.I, 10)
}

// FormatScalar formats a scalar as print writes it (without the newline):
// integers in decimal (si8 and ui8 as numbers, not characters), bool as 1 or
// 0, floats as FormatFloat, strings raw.
func FormatScalar(s *Scalar) string {
	return string(appendScalar(nil, s))
}

func appendScalar(dst []byte, s *Scalar) []byte {
	switch {
	case s.VT == types.Str:
		return append(dst, s.S...)
	case s.VT.IsFloat():
		return AppendFloat(dst, s.F)
	case s.VT.IsUnsigned():
		return strconv.AppendUint(dst, s.U, 10)
	}
	return strconv.AppendInt(dst, s.I, 10)
}

// appendElem appends one matrix cell in print format.
func appendElem[T Elem](dst []byte, v T) []byte {
	switch x := any(v).(type) {
	case float64:
		return AppendFloat(dst, x)
	case float32:
		return AppendFloat(dst, float64(x))
	case int64:
		return strconv.AppendInt(dst, x, 10)
	case int32:
		return strconv.AppendInt(dst, int64(x), 10)
	case int8:
		return strconv.AppendInt(dst, int64(x), 10)
	case uint64:
		return strconv.AppendUint(dst, x, 10)
	case uint32:
		return strconv.AppendUint(dst, uint64(x), 10)
	case uint8:
		return strconv.AppendUint(dst, uint64(x), 10)
	case bool:
		if x {
			return append(dst, '1')
		}
		return append(dst, '0')
	case string:
		return append(dst, x...)
	}
	return dst
}
