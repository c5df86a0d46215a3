package parser

import (
	"math"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/dsl/ast"
	"github.com/daphne-go/daphne/types"
)

func TestIntLiteralValues(t *testing.T) {
	t.Parallel()
	tests := []struct {
		src  string
		want int64
		vt   types.ValueType
	}{
		{"0", 0, types.SI64},
		{"42", 42, types.SI64},
		{"1_000", 1000, types.SI64},
		{"1'000'000", 1000000, types.SI64},
		{"7l", 7, types.SI64},
		{"7u", 7, types.UI64},
		{"7ull", 7, types.UI64},
		{"7z", 7, types.Size},
		{"0z", 0, types.Size},
		{"9223372036854775807", math.MaxInt64, types.SI64},
		{"9223372036854775808", math.MinInt64, types.SI64},
		{"18446744073709551615u", -1, types.UI64},
		{"18446744073709551615z", -1, types.Size},
	}
	for _, tc := range tests {
		t.Run(tc.src, func(t *testing.T) {
			t.Parallel()
			x := parseExpr(t, tc.src)
			lit, ok := x.(*ast.IntLit)
			if !ok {
				t.Fatalf("got %T, want *ast.IntLit", x)
			}
			if lit.Value != tc.want || lit.VT != tc.vt || lit.Raw != tc.src {
				t.Errorf("got %d %s raw %q, want %d %s raw %q", lit.Value, lit.VT, lit.Raw, tc.want, tc.vt, tc.src)
			}
		})
	}
}

func TestFloatLiteralValues(t *testing.T) {
	t.Parallel()
	tests := []struct {
		src  string
		want float64
		vt   types.ValueType
	}{
		{"0.5", 0.5, types.F64},
		{"1.25e3", 1250, types.F64},
		{"1E-14", 1e-14, types.F64},
		{"2e+3", 2000, types.F64},
		{"1e0", 1, types.F64},
		{"1_000.000_5", 1000.0005, types.F64},
		{"1.2e5f", 120000, types.F32},
		{"0.1f", float64(float32(0.1)), types.F32},
		{"inf", math.Inf(1), types.F64},
		{"inff", math.Inf(1), types.F64},
	}
	for _, tc := range tests {
		t.Run(tc.src, func(t *testing.T) {
			t.Parallel()
			lit, ok := parseExpr(t, tc.src).(*ast.FloatLit)
			if !ok {
				t.Fatalf("not a *ast.FloatLit")
			}
			if lit.Value != tc.want || lit.VT != tc.vt || lit.Raw != tc.src {
				t.Errorf("got %v %s raw %q, want %v %s", lit.Value, lit.VT, lit.Raw, tc.want, tc.vt)
			}
		})
	}
	for _, src := range []string{"nan", "nanf"} {
		lit := parseExpr(t, src).(*ast.FloatLit)
		if !math.IsNaN(lit.Value) || lit.VT != types.F64 {
			t.Errorf("%s: got %v %s", src, lit.Value, lit.VT)
		}
	}
}

func TestLiteralRangeErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src, want string
	}{
		{"si64 overflow", "x = 9223372036854775809;", `1:5: integer literal "9223372036854775809" is out of range for si64`},
		{"l overflow", "x = 9223372036854775809l;", `1:5: integer literal "9223372036854775809l" is out of range for si64`},
		{"ui64 overflow", "x = 18446744073709551616u;", `1:5: integer literal "18446744073709551616u" is out of range for ui64`},
		{"f64 overflow", "x = 1e400;", `1:5: float literal "1e400" is out of range for f64`},
		{"f32 overflow", "x = 1e39f;", `1:5: float literal "1e39f" is out of range for f32`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := ParseFile("", []byte(tc.src))
			if err == nil || err.Error() != tc.want {
				t.Errorf("got %v, want %s", err, tc.want)
			}
		})
	}
}

func TestStringEscapes(t *testing.T) {
	t.Parallel()
	tests := []struct{ src, want string }{
		{`""`, ""},
		{`"abc"`, "abc"},
		{`"\b\f\n\r\t"`, "\b\f\n\r\t"},
		{`"a\"b"`, `a"b`},
		{`"a\\b"`, `a\b`},
		{`"\\\""`, `\"`},
		{"\"line\nbreak\"", "line\nbreak"},
		{`"ünï"`, "ünï"},
	}
	for _, tc := range tests {
		t.Run(tc.src, func(t *testing.T) {
			t.Parallel()
			lit, ok := parseExpr(t, tc.src).(*ast.StrLit)
			if !ok || lit.Value != tc.want {
				t.Errorf("got %#v, want %q", lit, tc.want)
			}
		})
	}
}

func TestParseLiteral(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want string // Fprint of the result
	}{
		{"123", "123"},
		{"-123.45", "-123.45"},
		{"true", "true"},
		{"false", "false"},
		{"1.2e5f", "1.2e5f"},
		{"1E-14", "1E-14"},
		{"-inf", "-inf"},
		{"nan", "nan"},
		{`"hello world"`, `"hello world"`},
		{`"a\"b"`, `"a\"b"`},
		{"-9223372036854775808", "-9223372036854775808"},
		{" 7u ", "7u"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			t.Parallel()
			x, err := ParseLiteral(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if got := fprint(t, x); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}

func TestParseLiteralNegativeIsUnary(t *testing.T) {
	t.Parallel()
	x, err := ParseLiteral("-9223372036854775808")
	if err != nil {
		t.Fatal(err)
	}
	u, ok := x.(*ast.Unary)
	if !ok || u.Op != "-" {
		t.Fatalf("got %T, want unary minus", x)
	}
	if lit := u.X.(*ast.IntLit); lit.Value != math.MinInt64 {
		t.Errorf("operand %d", lit.Value)
	}
}

func TestParseLiteralErrors(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, why string }{
		{"10+10", "more than one token"},
		{"sin(1)", "more than one token"},
		{"abc", "identifier"},
		{"10xyz23", `invalid number literal "10xyz23"`},
		{"", "no value"},
		{"-", "no value"},
		{"--5", "more than one token"},
		{`-"a"`, "only numbers can be negated"},
		{"-true", "only numbers can be negated"},
		{`"abc`, "unterminated string literal"},
		{"hello world", "more than one token"},
		{"99999999999999999999", "out of range"},
		{"$x", "more than one token"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			t.Parallel()
			x, err := ParseLiteral(tc.in)
			if err == nil {
				t.Fatalf("ParseLiteral(%q) = %#v, want an error", tc.in, x)
			}
			msg := err.Error()
			if !strings.Contains(msg, tc.why) || !strings.Contains(msg, `"`+strings.ReplaceAll(tc.in, `"`, `\"`)+`"`) {
				t.Errorf("error %q should name the value and say %q", msg, tc.why)
			}
		})
	}
}
