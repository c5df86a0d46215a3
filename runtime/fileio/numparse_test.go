package fileio

import (
	"math"
	"strconv"
	"testing"
)

func TestStrtod(t *testing.T) {
	t.Parallel()
	nan := math.NaN()
	tests := []struct {
		in   string
		want float64 // NaN: not a number
	}{
		{"0", 0}, {"-0", math.Copysign(0, -1)}, {"1.5", 1.5}, {"  -2.25 ", -2.25},
		{"1.", 1}, {".5", 0.5}, {".", nan}, {"-", nan}, {"", nan}, {"abc", nan},
		{"0.1", 0.1}, {"123456789012345", 123456789012345},
		{"1234567890123456789", 1234567890123456789}, {"0.30000000000000004", 0.30000000000000004},
		{"1e5", 1e5}, {"-1.5E-3", -1.5e-3}, {"2e", 2}, {"1e999", math.Inf(1)}, {"-1e999", math.Inf(-1)},
		{"1.5abc", 1.5}, {"1-2", 1}, {"e5", nan}, {"inf", math.Inf(1)}, {"-Infinity", math.Inf(-1)},
		{"nan", nan}, {"0x1p-2", 0.25}, {"0x10", 16}, {"+7", 7}, {"1_000", 1},
		{"000000000000000000001.5", 1.5}, {"1.0000000000000000000000001", 1},
	}
	for _, tc := range tests {
		t.Run(strconv.Quote(tc.in), func(t *testing.T) {
			t.Parallel()
			got := strtodOrNaN([]byte(tc.in), 64)
			switch {
			case math.IsNaN(tc.want):
				if !math.IsNaN(got) {
					t.Errorf("strtod(%q) = %v, want NaN", tc.in, got)
				}
			case got != tc.want || math.Signbit(got) != math.Signbit(tc.want):
				t.Errorf("strtod(%q) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

func TestStrtod32(t *testing.T) {
	t.Parallel()
	for _, in := range []string{"0.1", "16777217", "3.4e38", "1e-45", "0.333333333333333333"} {
		want, _ := strconv.ParseFloat(in, 32)
		if got := strtodOrNaN([]byte(in), 32); got != want {
			t.Errorf("strtod32(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestAtoiPrefix(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"42", 42, true}, {" -7x", -7, true}, {"+3", 3, true}, {"3.9", 3, true},
		{"", 0, false}, {"-", 0, false}, {"x1", 0, false},
		{"-9223372036854775808", math.MinInt64, true},
	}
	for _, tc := range tests {
		v, ok := atoiPrefix([]byte(tc.in))
		if int64(v) != tc.want || ok != tc.ok {
			t.Errorf("atoiPrefix(%q) = %d, %v; want %d, %v", tc.in, int64(v), ok, tc.want, tc.ok)
		}
	}
}
