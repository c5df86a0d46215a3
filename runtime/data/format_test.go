package data

import (
	"math"
	"testing"

	"github.com/daphne-go/daphne/types"
)

// The expected strings below were produced by g++/glibc (std::cout << d and
// std::to_string(d)) for the same inputs.
func TestFormatFloat(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		in       float64
		print    string // std::cout << in
		toString string // std::to_string(in)
	}{
		{"integer", 1000, "1000", "1000.000000"},
		{"fraction", 1.0001, "1.0001", "1.000100"},
		{"six digits", 123.456, "123.456", "123.456000"},
		{"million", 1e6, "1e+06", "1000000.000000"},
		{"1e13", 1e13, "1e+13", "10000000000000.000000"},
		{"1e-6", 1e-6, "1e-06", "0.000001"},
		{"small fraction", 0.1234, "0.1234", "0.123400"},
		{"third", 1.0 / 3, "0.333333", "0.333333"},
		{"tiny", 5.5247e-08, "5.5247e-08", "0.000000"},
		{"rounded exponent", 1.00008e+07, "1.00008e+07", "10000800.000000"},
		{"negative zero", math.Copysign(0, -1), "-0", "-0.000000"},
		{"hundred thousand", 100000, "100000", "100000.000000"},
		{"rounds up to 1e6", 999999.5, "1e+06", "999999.500000"},
		{"1e-4 fixed", 0.0001, "0.0001", "0.000100"},
		{"1e-5 scientific", 0.00001, "1e-05", "0.000010"},
		{"1e100", 1e100, "1e+100", "10000000000000000159028911097599180468360808563945281389781327557747838772170381060813469985856815104.000000"},
		{"negative", -2.5, "-2.5", "-2.500000"},
		{"rounded mantissa", 123456789, "1.23457e+08", "123456789.000000"},
		{"0.1+0.2", 0.1 + 0.2, "0.3", "0.300000"},
		{"nan", math.NaN(), "nan", "nan"},
		{"negative nan", math.Copysign(math.NaN(), -1), "-nan", "-nan"},
		{"inf", math.Inf(1), "inf", "inf"},
		{"-inf", math.Inf(-1), "-inf", "-inf"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := FormatFloat(tc.in); got != tc.print {
				t.Errorf("FormatFloat(%v) = %q, want %q", tc.in, got, tc.print)
			}
			if got := FloatToString(tc.in); got != tc.toString {
				t.Errorf("FloatToString(%v) = %q, want %q", tc.in, got, tc.toString)
			}
		})
	}
}

func TestFormatFloat32(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		in       float32
		print    string
		toString string
	}{
		{"tenth", 0.1, "0.1", "0.100000"},
		{"third", 1.0 / 3, "0.333333", "0.333333"},
		{"2^24+1 rounds", 16777217, "1.67772e+07", "16777216.000000"},
		{"near max", 3.4e38, "3.4e+38", "339999995214436424907732413799364296704.000000"},
		{"denormal", 1e-45, "1.4013e-45", "0.000000"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := FormatFloat32(tc.in); got != tc.print {
				t.Errorf("FormatFloat32(%v) = %q, want %q", tc.in, got, tc.print)
			}
			if got := ToString(F32(tc.in)); got != tc.toString {
				t.Errorf("ToString(f32 %v) = %q, want %q", tc.in, got, tc.toString)
			}
		})
	}
}

func TestToStringAndFormatScalar(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		in       *Scalar
		toString string
		print    string
	}{
		{"si64", SI64(-42), "-42", "-42"},
		{"si8", &Scalar{VT: types.SI8, I: -128}, "-128", "-128"},
		{"ui8", &Scalar{VT: types.UI8, U: 65}, "65", "65"},
		{"ui64 max", UI64(math.MaxUint64), "18446744073709551615", "18446744073709551615"},
		{"size", SizeScalar(7), "7", "7"},
		{"bool true", Bool(true), "1", "1"},
		{"bool false", Bool(false), "0", "0"},
		{"f64", F64(1.5), "1.500000", "1.5"},
		{"f32", F32(2.25), "2.250000", "2.25"},
		{"str", Str("a b"), "a b", "a b"},
		{"empty str", Str(""), "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := ToString(tc.in); got != tc.toString {
				t.Errorf("ToString = %q, want %q", got, tc.toString)
			}
			if got := FormatScalar(tc.in); got != tc.print {
				t.Errorf("FormatScalar = %q, want %q", got, tc.print)
			}
		})
	}
}
