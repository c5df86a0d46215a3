package builtin

import (
	"slices"
	"testing"

	"github.com/daphne-go/daphne/types"
)

func TestLookup(t *testing.T) {
	tests := []struct {
		name, op         string
		min, max, result int
		unsupported      bool
	}{
		{"print", "print", 3, 3, 0, false},
		{"seq", "seq", 3, 3, 1, false},
		{"t", "transpose", 1, 1, 1, false},
		{"rowSums", "sumRow", 1, 1, 1, false},
		{"colMeans", "meanCol", 1, 1, 1, false},
		{"exp", "ewExp", 1, 1, 1, false},
		{"concat", "ewConcat", 2, 2, 1, false},
		{"eigen", "eigen", 1, 1, 2, false},
		{"order", "order", 4, -1, 1, false},
		{"createFrame", "createFrame", 1, -1, 1, false},
		{"conv2d", "conv2d", 0, -1, 1, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, ok := Lookup(tc.name)
			if !ok {
				t.Fatalf("Lookup(%q) not found", tc.name)
			}
			if s.Op != tc.op || s.Min != tc.min || s.Max != tc.max || s.Results != tc.result || (s.Unsupported != "") != tc.unsupported {
				t.Errorf("got op=%s min=%d max=%d results=%d unsupported=%q", s.Op, s.Min, s.Max, s.Results, s.Unsupported)
			}
		})
	}
	if _, ok := Lookup("nosuch"); ok {
		t.Error("Lookup(nosuch) found")
	}
}

func TestDefaultsAndKeywords(t *testing.T) {
	for _, name := range Names() {
		s, _ := Lookup(name)
		if s.KW != nil && s.Max >= 0 && len(s.KW) != s.Max {
			t.Errorf("%s: %d keyword names for max arity %d", name, len(s.KW), s.Max)
		}
		if s.Defaults != nil && len(s.Defaults) != s.Max {
			t.Errorf("%s: %d defaults for max arity %d", name, len(s.Defaults), s.Max)
		}
	}
}

func TestOpNames(t *testing.T) {
	ops := OpNames()
	for _, want := range []string{"ewAdd", "matMul", "sumAll", "sumRow", "sumCol", "sumGrp", "idxMaxRow",
		"countGrp", "transpose", "print", "extract", "insert", "filter", "cast", "matrixLit", "cond", "ewMinus", "outerLe", "sql", "registerView"} {
		if !slices.Contains(ops, want) {
			t.Errorf("OpNames lacks %q", want)
		}
	}
	for _, bad := range []string{"conv2d", "", "t", "idxMaxAll"} {
		if slices.Contains(ops, bad) {
			t.Errorf("OpNames contains %q", bad)
		}
	}
	if !slices.IsSorted(ops) {
		t.Error("OpNames not sorted")
	}
}

var (
	si64  = types.ScalarOf(types.SI64)
	f64   = types.ScalarOf(types.F64)
	f32   = types.ScalarOf(types.F32)
	str   = types.ScalarOf(types.Str)
	bl    = types.ScalarOf(types.Bool)
	m3x4  = types.MatrixOf(types.F64).WithShape(3, 4)
	mi3x4 = types.MatrixOf(types.SI64).WithShape(3, 4)
	mq    = types.MatrixOf(types.Unknown)
)

func TestInfer(t *testing.T) {
	tests := []struct {
		name string
		sig  func() *Sig
		args []types.Type
		want string
	}{
		{"add si64 f64", op("+"), []types.Type{si64, f64}, "f64"},
		{"add matrix scalar", op("+"), []types.Type{mi3x4, f64}, "matrix<f64>[3x4]"},
		{"add str", op("+"), []types.Type{si64, str}, "str"},
		{"broadcast row vector", op("-"), []types.Type{m3x4, types.MatrixOf(types.F64).WithShape(1, 4)}, "matrix<f64>[3x4]"},
		{"broadcast column vector left", op("*"), []types.Type{types.MatrixOf(types.F64).WithShape(3, 1), m3x4}, "matrix<f64>[3x4]"},
		{"broadcast mismatch", op("+"), []types.Type{m3x4, types.MatrixOf(types.F64).WithShape(2, 4)}, "matrix<f64>[?x4]"},
		{"add unknown", op("+"), []types.Type{mq, f64}, "matrix<?>"},
		{"compare str", op("<"), []types.Type{str, str}, "si64"},
		{"compare f64", op(">"), []types.Type{f64, si64}, "f64"},
		{"and bool", op("&&"), []types.Type{bl, bl}, "bool"},
		{"and float", op("&&"), []types.Type{f64, si64}, "ui64"},
		{"matmul", op("@"), []types.Type{m3x4, types.MatrixOf(types.SI64).WithShape(4, 2)}, "matrix<f64>[3x2]"},
		{"exp si64", fnc("exp"), []types.Type{si64}, "f64"},
		{"exp f32", fnc("exp"), []types.Type{f32}, "f32"},
		{"abs matrix", fnc("abs"), []types.Type{mi3x4}, "matrix<si64>[3x4]"},
		{"sum all", fnc("sum"), []types.Type{mi3x4}, "si64"},
		{"mean all", fnc("mean"), []types.Type{mi3x4}, "f64"},
		{"rowSums", fnc("rowSums"), []types.Type{mi3x4}, "matrix<si64>[3x1]"},
		{"colMeans", fnc("colMeans"), []types.Type{mi3x4}, "matrix<f64>[1x4]"},
		{"nrow", fnc("nrow"), []types.Type{m3x4}, "size"},
		{"t", fnc("t"), []types.Type{m3x4}, "matrix<f64>[4x3]"},
		{"syrk", fnc("syrk"), []types.Type{m3x4}, "matrix<f64>[4x4]"},
		{"seq", fnc("seq"), []types.Type{si64, si64, types.ScalarOf(types.SI8)}, "matrix<si64>[?x1]"},
		{"fill str", fnc("fill"), []types.Type{str, si64, si64}, "matrix<str>"},
		{"ctable default", fnc("ctable"), []types.Type{mq, mq}, "matrix<f64>"},
		{"typeOf", fnc("typeOf"), []types.Type{m3x4}, "str"},
		{"cbind", fnc("cbind"), []types.Type{m3x4, mi3x4}, "matrix<f64>[3x8]"},
		{"rbind", fnc("rbind"), []types.Type{m3x4, mi3x4}, "matrix<f64>[6x4]"},
		{"rbind unknown rows", fnc("rbind"), []types.Type{mq, m3x4}, "matrix<?>[?x4]"},
		{"diagMatrix", fnc("diagMatrix"), []types.Type{types.MatrixOf(types.F64).WithShape(3, 1)}, "matrix<f64>[3x3]"},
		{"wrong arity gives any", fnc("t"), nil, "?"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.sig().ResultTypes(tc.args)
			if len(got) != 1 || got[0].String() != tc.want {
				t.Errorf("got %v, want %s", got, tc.want)
			}
		})
	}
}

func op(sym string) func() *Sig {
	return func() *Sig { s, _ := Operator(sym); return s }
}

func fnc(name string) func() *Sig {
	return func() *Sig { s, _ := Lookup(name); return s }
}

func TestGeneralize(t *testing.T) {
	got := Generalize(m3x4, types.MatrixOf(types.F64).WithShape(5, 4))
	if got.String() != "matrix<f64>[?x4]" {
		t.Errorf("got %s", got)
	}
	if g := Generalize(si64, f64); g.String() != "?" || g.DT != types.Scalar {
		t.Errorf("got %s dt %s", g, g.DT)
	}
}

func TestOneHotResultType(t *testing.T) {
	sig, _ := Lookup("oneHot")
	for _, tc := range []struct{ in, want types.ValueType }{
		{types.Str, types.SI64}, {types.F64, types.F64}, {types.SI64, types.SI64},
	} {
		got := sig.ResultTypes([]types.Type{types.MatrixOf(tc.in), types.MatrixOf(types.SI64)})
		if got[0].VT != tc.want {
			t.Errorf("oneHot of %v: %v, want %v", tc.in, got[0].VT, tc.want)
		}
	}
}
