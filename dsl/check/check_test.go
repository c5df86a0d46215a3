package check

import (
	"reflect"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/dsl/ast"
	"github.com/daphne-go/daphne/dsl/parser"
	"github.com/daphne-go/daphne/types"
)

func TestScope(t *testing.T) {
	s := NewScope[int]()
	s.Set("x", 1)
	s.Push()
	s.Set("x", 2) // updates the outer binding
	s.Set("y", 3) // new in the inner scope
	if v, _ := s.Lookup("x"); v != 2 {
		t.Errorf("x = %d, want 2", v)
	}
	snap := s.Snapshot()
	s.Set("x", 5)
	s.Restore(snap)
	if v, _ := s.Lookup("x"); v != 2 {
		t.Errorf("after restore x = %d, want 2", v)
	}
	if got := s.Names(); !reflect.DeepEqual(got, []string{"x", "y"}) {
		t.Errorf("names %v", got)
	}
	s.Define("x", 9) // shadows
	s.Pop()
	if _, ok := s.Lookup("y"); ok {
		t.Error("y visible after pop")
	}
	if v, _ := s.Lookup("x"); v != 2 || s.Depth() != 1 {
		t.Errorf("x = %d depth %d, want 2 and 1", v, s.Depth())
	}
}

var (
	si64 = types.ScalarOf(types.SI64)
	f64  = types.ScalarOf(types.F64)
	mf   = types.MatrixOf(types.F64)
	mi   = types.MatrixOf(types.SI64)
	mq   = types.MatrixOf(types.Unknown)
)

func TestMerge(t *testing.T) {
	tests := []struct {
		name           string
		a, b           types.Type
		ifOK, loopOK   bool
		wantIf, wantLp string
	}{
		{"same", si64, si64, true, true, "si64", "si64"},
		{"value type differs", si64, f64, false, true, "?", "?"},
		{"data type differs", si64, mf, false, false, "?", "?"},
		{"unknown value type", mq, mf, true, true, "matrix<?>", "matrix<?>"},
		{"unknown data type", types.Any, mf, true, true, "?", "?"},
		{"shape differs", mf.WithShape(2, 3), mf.WithShape(4, 3), true, true, "matrix<f64>[?x3]", "matrix<f64>[?x3]"},
		{"matrix value types", mi, mf, false, true, "matrix<?>", "matrix<?>"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := MergeIf(tc.a, tc.b)
			if ok != tc.ifOK || got.String() != tc.wantIf {
				t.Errorf("MergeIf = %s, %v; want %s, %v", got, ok, tc.wantIf, tc.ifOK)
			}
			got, ok = MergeLoop(tc.a, tc.b)
			if ok != tc.loopOK || got.String() != tc.wantLp {
				t.Errorf("MergeLoop = %s, %v; want %s, %v", got, ok, tc.wantLp, tc.loopOK)
			}
		})
	}
}

func TestParamType(t *testing.T) {
	tests := []struct {
		name string
		spec *ast.TypeSpec
		want string
		err  string
	}{
		{"untyped", nil, "?", ""},
		{"value type", &ast.TypeSpec{VT: types.SI64}, "si64", ""},
		{"matrix", &ast.TypeSpec{DT: types.Matrix}, "matrix<?>", ""},
		{"matrix vt", &ast.TypeSpec{DT: types.Matrix, VT: types.F32}, "matrix<f32>", ""},
		{"scalar", &ast.TypeSpec{DT: types.Scalar}, "", "not allowed"},
		{"frame", &ast.TypeSpec{DT: types.Frame}, "frame", ""},
		{"frame vt", &ast.TypeSpec{DT: types.Frame, VT: types.F64}, "", "`frame<f64>` is not allowed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParamType(tc.spec)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil || got.String() != tc.want {
				t.Errorf("got %s, %v; want %s", got, err, tc.want)
			}
		})
	}
}

func TestCompatible(t *testing.T) {
	tests := []struct {
		name       string
		param, arg types.Type
		want       bool
	}{
		{"equal", si64, si64, true},
		{"untyped param", types.Any, mf, true},
		{"unknown arg", si64, types.Any, true},
		{"no implicit conversion", si64, f64, false},
		{"matrix any vt", mq, mi, true},
		{"matrix vt differs", mf, mi, false},
		{"scalar for matrix", mf, f64, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Compatible(tc.param, tc.arg); got != tc.want {
				t.Errorf("Compatible(%s, %s) = %v", tc.param, tc.arg, got)
			}
		})
	}
}

func TestValidateHint(t *testing.T) {
	tests := []struct {
		name, op, hint string
		err            string
	}{
		{"sumAll", "sumAll", "_sumAll__int64_t__DenseMatrix_int64_t", ""},
		{"print", "print", "_print__int64_t__bool__bool", ""},
		{"alias mnemonic", "rand", "_randMatrix__DenseMatrix_double__size_t", ""},
		{"other op", "sumAll", "_ewAdd__int64_t", "names a kernel of operation `ewAdd`"},
		{"no underscore", "ewAdd", "ewAdd__x", "is not a kernel name"},
		{"no separator", "ewAdd", "_ewAdd", "is not a kernel name"},
		{"prefix only", "sumAll", "_sum__x", "operation `sum`"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := ValidateHint(tc.op, tc.hint)
			if tc.err == "" {
				if err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Fatalf("err %v, want %q", err, tc.err)
			}
		})
	}
}

func TestClosest(t *testing.T) {
	cands := []string{"sum", "seq", "print", "rowSums", "mean"}
	tests := []struct{ name, in, want string }{
		{"one typo", "summ", "sum"},
		{"transposition", "pritn", "print"},
		{"far", "qwerty", ""},
		{"exact", "mean", "mean"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Closest(tc.in, cands, 2); got != tc.want {
				t.Errorf("Closest(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func parse(t *testing.T, src string) []ast.Stmt {
	t.Helper()
	s, err := parser.ParseFile("t.daph", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return s.Stmts
}

func TestStmtFacts(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		assigned []string
		has, all bool
	}{
		{"assign", "{ x = 1; y, X[0, 0] = f(); }", []string{"x", "y", "X"}, false, false},
		{"nested", "while (c) { if (d) { a = 1; } else { b = 2; } for (i in 1:2) a = 3; }", []string{"a", "b"}, false, false},
		{"return last", "{ x = 1; return x; }", []string{"x"}, true, true},
		{"return one branch", "if (c) return 1;", nil, true, false},
		{"return both", "if (c) return 1; else { return 2; }", nil, true, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := parse(t, tc.src)[0]
			if got := Assigned(st); !reflect.DeepEqual(got, tc.assigned) {
				t.Errorf("Assigned = %v, want %v", got, tc.assigned)
			}
			if got := HasReturn(st); got != tc.has {
				t.Errorf("HasReturn = %v", got)
			}
			if got := AlwaysReturns(st); got != tc.all {
				t.Errorf("AlwaysReturns = %v", got)
			}
		})
	}
}

func TestConstInt(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want int64
		ok   bool
	}{
		{"zero", "x = 0;", 0, true},
		{"one", "x = 1;", 1, true},
		{"negated", "x = -1;", -1, true},
		{"double negated", "x = -(-1);", 1, true},
		{"plus", "x = +1;", 1, true},
		{"float", "x = 1.0;", 1, true},
		{"variable", "x = a;", 0, false},
		{"expression", "x = 1 - 1;", 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := parse(t, tc.src)[0].(*ast.Assign).Value
			got, ok := ConstInt(e)
			if got != tc.want || ok != tc.ok {
				t.Errorf("ConstInt = %d, %v; want %d, %v", got, ok, tc.want, tc.ok)
			}
		})
	}
}
