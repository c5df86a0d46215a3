package ew

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

func TestUnary(t *testing.T) {
	t.Parallel()
	si, f64, f32 := types.SI64, types.F64, types.F32
	tests := []struct {
		name string
		op   UnOp
		v    data.Value
		want string
	}{
		{"abs int", Abs, sc(si, -3), "si64 3"},
		{"abs minint wraps", Abs, data.SI64(-9223372036854775808), "si64 -9223372036854775808"},
		{"abs float", Abs, sc(f64, -2.5), "f64 2.5"},
		{"abs unsigned", Abs, sc(types.UI8, 200), "ui8 200"},
		{"sign negative", Sign, sc(si, -7), "si64 -1"},
		{"sign zero", Sign, sc(si, 0), "si64 0"},
		{"sign si8", Sign, sc(types.SI8, 5), "si8 1"},
		{"sign unsigned", Sign, sc(types.UI32, 5), "ui32 1"},
		{"sign float", Sign, sc(f64, -0.1), "f64 -1"},
		{"sign nan", Sign, sc(f64, nan), "f64 nan"},
		{"exp int gives f64", Exp, sc(si, 0), "f64 1"},
		{"exp f32 stays", Exp, sc(f32, 1), "f32 2.71828"},
		{"ln 0", Ln, sc(f64, 0), "f64 -inf"},
		{"ln e", Ln, sc(f64, 2.718281828459045), "f64 1"},
		{"ln nan", Ln, sc(f64, nan), "f64 nan"},
		{"sqrt int", Sqrt, sc(si, 16), "f64 4"},
		{"sqrt f32", Sqrt, sc(f32, 2), "f32 1.41421"},
		{"sqrt negative zero", Sqrt, sc(f64, math.Copysign(0, -1)), "f64 -0"},
		{"sqrt nan", Sqrt, sc(f64, nan), "f64 nan"},
		{"sin", Sin, sc(f64, 0), "f64 0"},
		{"cos", Cos, sc(si, 0), "f64 1"},
		{"tan", Tan, sc(f64, 0.5), "f64 0.546302"},
		{"asin 1", Asin, sc(f64, 1), "f64 1.5708"},
		{"acos -1", Acos, sc(si, -1), "f64 3.14159"},
		{"atan", Atan, sc(f64, 1), "f64 0.785398"},
		{"sinh", Sinh, sc(f64, 1), "f64 1.1752"},
		{"cosh", Cosh, sc(f64, 1), "f64 1.54308"},
		{"tanh", Tanh, sc(f64, 1), "f64 0.761594"},
		{"round half up", Round, sc(f64, 2.5), "f64 3"},
		{"round half away", Round, sc(f64, -2.5), "f64 -3"},
		{"round int", Round, sc(si, 7), "si64 7"},
		{"floor", Floor, sc(f64, -1.5), "f64 -2"},
		{"ceil", Ceil, sc(f32, 1.2), "f32 2"},
		{"isNan int", IsNan, sc(si, 3), "si64 0"},
		{"isNan nan", IsNan, sc(f64, nan), "f64 1"},
		{"isNan number", IsNan, sc(f32, 1), "f32 0"},
		{"minus int", Minus, sc(si, 4), "si64 -4"},
		{"minus ui8 wraps", Minus, sc(types.UI8, 1), "ui8 255"},
		{"minus float", Minus, sc(f64, 0.5), "f64 -0.5"},
		{"minus bool", Minus, data.Bool(true), "bool 1"},
		{"abs bool", Abs, data.Bool(false), "bool 0"},
		{"sqrt bool", Sqrt, data.Bool(true), "f64 1"},
		{"lower", Lower, data.Str("AbC-É"), "str abc-É"},
		{"upper", Upper, data.Str("abC1"), "str ABC1"},
		{"size keeps size", Abs, data.SizeScalar(3), "size 3"},
		{"matrix sqrt", Sqrt, mat(si, 1, 3, 1, 4, 9), "DenseMatrix(1x3, double)|1 2 3"},
		{"matrix minus", Minus, mat(types.SI32, 2, 1, 1, -2), "DenseMatrix(2x1, int32_t)|-1|2"},
		{"matrix upper", Upper, smat(1, 2, "a", "B"), "DenseMatrix(1x2, std::string)|A B"},
		{"matrix isNan", IsNan, mat(f64, 1, 3, 1, nan, inf), "DenseMatrix(1x3, double)|0 1 0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := Unary(tc.op, tc.v)
			if err != nil {
				t.Fatal(err)
			}
			if s := show(got); s != tc.want {
				t.Errorf("%s(%s) = %s, want %s", tc.op, show(tc.v), s, tc.want)
			}
			rt, err := UnaryResultType(tc.op, tc.v.ValueType())
			if err != nil || rt != got.ValueType() {
				t.Errorf("UnaryResultType = %s, %v; kernel gave %s", rt, err, got.ValueType())
			}
		})
	}
}

func TestUnaryErrors(t *testing.T) {
	t.Parallel()
	f64 := types.F64
	tests := []struct {
		name  string
		op    UnOp
		v     data.Value
		is    error
		parts []string
	}{
		{"sqrt negative", Sqrt, sc(f64, -4), ErrDomain, []string{"sqrt", "-4"}},
		{"ln negative", Ln, sc(types.SI64, -1), ErrDomain, []string{"ln", "-1"}},
		{"asin above 1", Asin, sc(f64, 2), ErrDomain, []string{"asin", "2", "[-1, 1]"}},
		{"acos below -1", Acos, sc(f64, -1.5), ErrDomain, []string{"acos", "-1.5"}},
		{"sqrt matrix cell", Sqrt, mat(f64, 1, 3, 1, -0.25, 4), ErrDomain, []string{"-0.25"}},
		{"sqrt csr cell", Sqrt, sparse(f64, 2, 2, 0, -9, 0, 1), ErrDomain, []string{"-9"}},
		{"lower of number", Lower, sc(f64, 1), ErrType, []string{"lower", "strings"}},
		{"abs of string", Abs, data.Str("x"), ErrType, []string{"abs"}},
		{"list", Exp, &data.List{VT: f64}, ErrType, []string{"exp"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			v, err := Unary(tc.op, tc.v)
			if err == nil {
				t.Fatalf("got %s, want an error", show(v))
			}
			if !errors.Is(err, tc.is) {
				t.Errorf("error %q does not wrap %q", err, tc.is)
			}
			for _, p := range tc.parts {
				if !strings.Contains(err.Error(), p) {
					t.Errorf("error %q does not mention %q", err, p)
				}
			}
		})
	}
}

func TestUnarySparse(t *testing.T) {
	t.Parallel()
	G := sparse(types.F64, 2, 3, 0, -1.5, 0, 4, 0, 0.25)
	Gi := sparse(types.SI64, 2, 3, 0, -1, 0, 4, 0, 2)
	for op := UnOp(0); op < numUnOps; op++ {
		for _, m := range []data.Matrix{G, Gi} {
			if op == Lower || op == Upper {
				continue
			}
			t.Run(op.String()+"_"+m.ValueType().String(), func(t *testing.T) {
				t.Parallel()
				got, gerr := Unary(op, m)
				want, werr := Unary(op, densified(t, m))
				if (gerr == nil) != (werr == nil) {
					t.Fatalf("errors differ: sparse %v, dense %v", gerr, werr)
				}
				if gerr != nil {
					return
				}
				gm := got.(data.Matrix)
				z, err := Unary(op, sc(m.ValueType(), 0))
				if err != nil {
					t.Fatal(err)
				}
				if keeps := z.(*data.Scalar).Float64() == 0; gm.IsSparse() != keeps {
					t.Errorf("sparse result = %v, want %v (%s(0) = %s)", gm.IsSparse(), keeps, op, show(z))
				}
				sameMatrix(t, gm, want.(data.Matrix))
			})
		}
	}
}

func TestUnaryInputsUnchanged(t *testing.T) {
	t.Parallel()
	operands := []data.Value{
		mat(types.SI64, 1, 3, -1, 4, 9), mat(types.F64, 1, 3, -1.5, 0, 2.5),
		sparse(types.SI64, 2, 2, 0, -4, 1, 0), smat(1, 2, "aB", "Cd"),
	}
	for _, v := range operands {
		for op := UnOp(0); op < numUnOps; op++ {
			before := show(v)
			_, _ = Unary(op, v)
			if after := show(v); after != before {
				t.Fatalf("%s changed its operand: %s became %s", op, before, after)
			}
		}
	}
}
