package ew

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

func TestBinaryScalars(t *testing.T) {
	t.Parallel()
	si, f64, f32, ui8 := types.SI64, types.F64, types.F32, types.UI8
	tests := []struct {
		name string
		op   BinOp
		a, b *data.Scalar
		want string
	}{
		{"int div truncates", Div, sc(si, 5), sc(si, 2), "si64 2"},
		{"int div toward zero", Div, sc(si, -5), sc(si, 2), "si64 -2"},
		{"minint div -1 wraps", Div, data.SI64(math.MinInt64), sc(si, -1), "si64 -9223372036854775808"},
		{"float div by zero", Div, sc(f64, 1), sc(f64, 0), "f64 inf"},
		{"float neg div by zero", Div, sc(f64, -1), sc(f64, 0), "f64 -inf"},
		{"int plus float", Add, sc(si, 1), sc(f64, 2.3), "f64 3.3"},
		{"f32 stays f32", Mul, sc(f32, 1.5), sc(f32, 2), "f32 3"},
		{"si32 ui32 -> ui32", Add, sc(types.SI32, -1), sc(types.UI32, 0), "ui32 4294967295"},
		{"size plus size", Add, data.SizeScalar(2), data.SizeScalar(3), "size 5"},
		{"size plus si64", Add, data.SizeScalar(2), sc(si, -3), "si64 -1"},
		{"overflow wraps", Add, data.SI64(math.MaxInt64), sc(si, 1), "si64 -9223372036854775808"},
		{"ui8 wraps", Add, sc(ui8, 250), sc(ui8, 10), "ui8 4"},
		{"si8 mul wraps", Mul, sc(types.SI8, 100), sc(types.SI8, 2), "si8 -56"},
		{"mod sign of dividend", Mod, sc(si, -5), sc(si, 3), "si64 -2"},
		{"mod negative divisor", Mod, sc(si, 5), sc(si, -3), "si64 2"},
		{"fmod", Mod, sc(f64, 5.5), sc(f64, 2), "f64 1.5"},
		{"fmod negative", Mod, sc(f64, -5.5), sc(f64, 2), "f64 -1.5"},
		{"int pow", Pow, sc(si, 2), sc(si, 10), "si64 1024"},
		{"int pow negative exponent", Pow, sc(si, 2), sc(si, -1), "si64 0"},
		{"float pow", Pow, sc(f64, 10), sc(f64, -3), "f64 0.001"},
		{"log base 2 of ints", Log, sc(si, 8), sc(si, 2), "f64 3"},
		{"log f32", Log, sc(f32, 100), sc(f32, 10), "f32 2"},
		{"min", Min, sc(si, 3), sc(si, -4), "si64 -4"},
		{"max mixed", Max, sc(si, 3), sc(f64, 3.5), "f64 3.5"},
		{"min nan left", Min, sc(f64, nan), sc(f64, 1), "f64 nan"},
		{"min nan right", Min, sc(f64, 1), sc(f64, nan), "f64 1"},
		{"gt keeps f64", Gt, sc(f64, 1.5), sc(si, 1), "f64 1"},
		{"lt int", Lt, sc(si, 2), sc(si, 1), "si64 0"},
		{"le equal", Le, sc(si, 2), sc(si, 2), "si64 1"},
		{"ge", Ge, sc(si, 1), sc(si, 2), "si64 0"},
		{"eq nan", Eq, sc(f64, nan), sc(f64, nan), "f64 0"},
		{"neq", Neq, sc(ui8, 1), sc(ui8, 2), "ui8 1"},
		{"bool eq", Eq, data.Bool(true), data.Bool(true), "bool 1"},
		{"bool and", And, data.Bool(true), data.Bool(false), "bool 0"},
		{"bool or", Or, data.Bool(true), data.Bool(false), "bool 1"},
		{"bool plus", Add, data.Bool(true), data.Bool(true), "bool 1"},
		{"bool minus", Sub, data.Bool(true), data.Bool(true), "bool 0"},
		{"and ints", And, sc(si, 3), sc(si, 2), "si64 1"},
		{"and si8 si32", And, sc(types.SI8, 3), sc(types.SI32, 0), "si32 0"},
		{"and float gives ui64", And, sc(f64, 0.5), sc(si, 1), "ui64 1"},
		{"or float zero", Or, sc(f64, 0), sc(f32, 0), "ui64 0"},
		{"string plus float", Add, data.Str("a"), sc(f64, 1.5), "str a1.500000"},
		{"int plus string", Add, sc(si, 1), data.Str("a"), "str 1a"},
		{"concat numbers", Concat, sc(si, 1), sc(si, 2), "str 12"},
		{"concat strings", Concat, data.Str("ab"), data.Str("cd"), "str abcd"},
		{"string eq", Eq, data.Str("a"), data.Str("a"), "si64 1"},
		{"string neq", Neq, data.Str("a"), data.Str("a"), "si64 0"},
		{"string lt", Lt, data.Str("a"), data.Str("b"), "si64 1"},
		{"string ge", Ge, data.Str("a"), data.Str("b"), "si64 0"},
		{"string eq number", Eq, data.Str("1"), sc(si, 1), "si64 1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := Binary(tc.op, tc.a, tc.b)
			if err != nil {
				t.Fatalf("%s %s %s: %v", show(tc.a), tc.op, show(tc.b), err)
			}
			if s := show(got); s != tc.want {
				t.Errorf("%s %s %s = %s, want %s", show(tc.a), tc.op, show(tc.b), s, tc.want)
			}
			rt, err := ResultType(tc.op, tc.a.VT, tc.b.VT)
			if err != nil || rt != got.ValueType() {
				t.Errorf("ResultType = %s, %v; kernel gave %s", rt, err, got.ValueType())
			}
		})
	}
}

func TestBinaryErrors(t *testing.T) {
	t.Parallel()
	si := types.SI64
	tests := []struct {
		name  string
		op    BinOp
		a, b  data.Value
		is    error
		parts []string
	}{
		{"int div by zero", Div, sc(si, 1), sc(si, 0), ErrDivByZero, []string{"division by zero", "/"}},
		{"int mod by zero", Mod, sc(si, 1), sc(si, 0), ErrDivByZero, []string{"division by zero", "%"}},
		{"ui8 div by zero", Div, sc(types.UI8, 1), sc(types.UI8, 0), ErrDivByZero, nil},
		{"bool div by false", Div, data.Bool(true), data.Bool(false), ErrDivByZero, nil},
		{"matrix div by zero cell", Div, mat(si, 1, 3, 1, 2, 3), mat(si, 1, 3, 1, 0, 1), ErrDivByZero, nil},
		{"matrix div by zero scalar", Div, mat(si, 1, 3, 1, 2, 3), sc(si, 0), ErrDivByZero, nil},
		{"scalar div by zero matrix", Div, sc(si, 6), mat(si, 2, 1, 3, 0), ErrDivByZero, nil},
		{"broadcast mod by zero", Mod, mat(si, 2, 2, 1, 2, 3, 4), mat(si, 1, 2, 1, 0), ErrDivByZero, nil},
		{"shape mismatch", Add, mat(si, 2, 3), mat(si, 3, 2), ErrShape, []string{"2x3", "3x2", "+"}},
		{"rows mismatch", Lt, mat(si, 2, 1), mat(si, 3, 1), ErrShape, []string{"2x1", "3x1", "<"}},
		{"vector mismatch", Mul, mat(si, 4, 3), mat(si, 1, 2), ErrShape, []string{"4x3", "1x2", "*"}},
		{"string minus", Sub, data.Str("a"), data.Str("b"), ErrType, []string{"-", "strings"}},
		{"string matrix times", Mul, smat(1, 1, "a"), sc(si, 2), ErrType, []string{"*"}},
		{"list operand", Add, &data.List{VT: si}, sc(si, 1), ErrType, []string{"list"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			v, err := Binary(tc.op, tc.a, tc.b)
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

func TestBinaryMatrices(t *testing.T) {
	t.Parallel()
	si, f64 := types.SI64, types.F64
	tests := []struct {
		name string
		op   BinOp
		a, b data.Value
		want string
	}{
		{"int matrix plus float", Add, mat(si, 2, 1, 1, 2), sc(f64, 3.3), "DenseMatrix(2x1, double)|4.3|5.3"},
		{"int matrix div", Div, mat(si, 2, 1, 4, 2), sc(si, 2), "DenseMatrix(2x1, int64_t)|2|1"},
		{"scalar minus matrix", Sub, sc(si, 10), mat(si, 1, 3, 1, 2, 3), "DenseMatrix(1x3, int64_t)|9 8 7"},
		{"scalar div matrix", Div, sc(f64, 1), mat(f64, 1, 3, 1, 2, 4), "DenseMatrix(1x3, double)|1 0.5 0.25"},
		{"scalar pow matrix", Pow, sc(si, 2), mat(si, 1, 3, 0, 1, 3), "DenseMatrix(1x3, int64_t)|1 2 8"},
		{"scalar mod matrix", Mod, sc(si, 7), mat(si, 1, 2, 2, 4), "DenseMatrix(1x2, int64_t)|1 3"},
		{"scalar lt matrix", Lt, sc(si, 2), mat(si, 1, 3, 1, 2, 3), "DenseMatrix(1x3, int64_t)|0 0 1"},
		{"compare doubles", Lt, mat(f64, 1, 1, 1), mat(f64, 1, 1, 2), "DenseMatrix(1x1, double)|1"},
		{"int matrix plus string", Add, mat(si, 1, 1, 1), data.Str("a"), "DenseMatrix(1x1, std::string)|1a"},
		{"string matrices lt", Lt, smat(1, 3, "a", "b", "c"), smat(1, 3, "b", "b", "a"), "DenseMatrix(1x3, int64_t)|1 0 0"},
		{"string matrix ge scalar", Ge, smat(1, 2, "a", "c"), data.Str("b"), "DenseMatrix(1x2, int64_t)|0 1"},
		{"string concat matrices", Concat, smat(1, 2, "a", "b"), smat(1, 2, "x", "y"), "DenseMatrix(1x2, std::string)|ax by"},
		{"bool matrices and", And, mat(types.Bool, 1, 3, 1, 1, 0), mat(types.Bool, 1, 3, 1, 0, 0), "DenseMatrix(1x3, bool)|1 0 0"},
		{"empty rows", Add, mat(si, 0, 3), mat(si, 1, 3, 1, 2, 3), "DenseMatrix(0x3, int64_t)"},
		{"row plus column", Add, mat(si, 1, 3, 1, 2, 3), mat(si, 2, 1, 10, 20), "DenseMatrix(2x3, int64_t)|11 12 13|21 22 23"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := Binary(tc.op, tc.a, tc.b)
			if err != nil {
				t.Fatal(err)
			}
			if s := show(got); s != tc.want {
				t.Errorf("got %s, want %s", s, tc.want)
			}
		})
	}
}

func TestZeroDivZeroIsNaN(t *testing.T) {
	t.Parallel()
	// The NaN's sign is the CPU's (x86 sets it, and glibc prints "-nan"
	// as DAPHNE does), so only NaN-ness is checked.
	v, err := Binary(Div, sc(types.F64, 0), sc(types.F64, 0))
	if err != nil {
		t.Fatal(err)
	}
	if s := v.(*data.Scalar); s.VT != types.F64 || !math.IsNaN(s.F) {
		t.Errorf("0.0/0.0 = %s, want NaN", show(v))
	}
}

// TestLibmNaNs checks that %, ^ and log give the NaNs glibc's fmod, pow and
// log give on x86-64 (DAPHNE prints -nan for an invalid operation on
// numbers), that a NaN operand propagates with its sign, and that matrices
// and scalars agree.
func TestLibmNaNs(t *testing.T) {
	t.Parallel()
	f64, f32 := types.F64, types.F32
	negNaN := math.Float64frombits(0xfff8000000000000)
	tests := []struct {
		name    string
		op      BinOp
		vt      types.ValueType
		a, b    float64
		wantNeg bool
	}{
		{"fmod by zero", Mod, f64, 5, 0, true},
		{"fmod of inf", Mod, f64, math.Inf(1), 2, true},
		{"fmod f32", Mod, f32, 1, 0, true},
		{"pow of negative base", Pow, f64, -8, 1.0 / 3, true},
		{"log of negative", Log, f64, -2, 2, true},
		{"log base negative", Log, f64, 8, -2, true},
		{"NaN operand keeps its sign", Mod, f64, math.NaN(), 2, false},
		{"negative NaN operand", Pow, f64, 2, negNaN, true},
		{"log of NaN", Log, f64, math.NaN(), 2, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			for _, matrix := range []bool{false, true} {
				var a, b data.Value = sc(tc.vt, tc.a), sc(tc.vt, tc.b)
				if matrix {
					a = data.DenseFrom(1, 1, []float64{tc.a})
					if tc.vt == f32 {
						a = data.DenseFrom(1, 1, []float32{float32(tc.a)})
					}
				}
				v, err := Binary(tc.op, a, b)
				if err != nil {
					t.Fatal(err)
				}
				var got float64
				switch x := v.(type) {
				case *data.Scalar:
					got = x.F
				case *data.Dense[float64]:
					got = x.Data[0]
				case *data.Dense[float32]:
					got = float64(x.Data[0])
				default:
					t.Fatalf("result %s", show(v))
				}
				if !math.IsNaN(got) || math.Signbit(got) != tc.wantNeg {
					t.Errorf("matrix=%v: %v %s %v = %v (sign bit %v), want NaN with sign bit %v",
						matrix, tc.a, tc.op, tc.b, got, math.Signbit(got), tc.wantNeg)
				}
			}
		})
	}
}
