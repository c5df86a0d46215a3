package ast_test

import (
	"math"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/dsl/ast"
	"github.com/daphne-go/daphne/dsl/parser"
	"github.com/daphne-go/daphne/dsl/token"
	"github.com/daphne-go/daphne/types"
)

func printed(t *testing.T, n ast.Node) string {
	t.Helper()
	var b strings.Builder
	if err := ast.Fprint(&b, n); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestPrintConstructedLiterals prints literals built without Raw text (as
// a lowering or folding pass would) and checks that they parse back to the
// same value and type.
func TestPrintConstructedLiterals(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		lit  ast.Expr
		want string
	}{
		{"si64", &ast.IntLit{Value: 42, VT: types.SI64}, "42"},
		{"ui64 max", &ast.IntLit{Value: -1, VT: types.UI64}, "18446744073709551615u"},
		{"size", &ast.IntLit{Value: 3, VT: types.Size}, "3z"},
		{"int64 min", &ast.IntLit{Value: math.MinInt64, VT: types.SI64}, "9223372036854775808"},
		{"whole float", &ast.FloatLit{Value: 2, VT: types.F64}, "2.0"},
		{"fraction", &ast.FloatLit{Value: 0.1, VT: types.F64}, "0.1"},
		{"big", &ast.FloatLit{Value: 1e21, VT: types.F64}, "1e21"},
		{"small", &ast.FloatLit{Value: 1.5e-7, VT: types.F64}, "1.5e-7"},
		{"f32", &ast.FloatLit{Value: float64(float32(0.1)), VT: types.F32}, "0.1f"},
		{"nan", &ast.FloatLit{Value: math.NaN(), VT: types.F64}, "nan"},
		{"inf", &ast.FloatLit{Value: math.Inf(1), VT: types.F64}, "inf"},
		{"string", &ast.StrLit{Value: "a\"b\\c\n\t\r\b\f"}, `"a\"b\\c\n\t\r\b\f"`},
		{"bool", &ast.BoolLit{Value: true}, "true"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := printed(t, tc.lit)
			if got != tc.want {
				t.Fatalf("got %s, want %s", got, tc.want)
			}
			back, err := parser.ParseLiteral(got)
			if err != nil {
				t.Fatal(err)
			}
			switch want := tc.lit.(type) {
			case *ast.IntLit:
				g := back.(*ast.IntLit)
				if g.Value != want.Value || g.VT != want.VT {
					t.Errorf("parsed back as %d %s", g.Value, g.VT)
				}
			case *ast.FloatLit:
				g := back.(*ast.FloatLit)
				same := g.Value == want.Value || math.IsNaN(g.Value) && math.IsNaN(want.Value)
				if !same || g.VT != want.VT {
					t.Errorf("parsed back as %v %s", g.Value, g.VT)
				}
			case *ast.StrLit:
				if g := back.(*ast.StrLit); g.Value != want.Value {
					t.Errorf("parsed back as %q", g.Value)
				}
			}
		})
	}
}

func TestPrintNegativeLiteralOperand(t *testing.T) {
	t.Parallel()
	e := &ast.Binary{Op: "^", X: &ast.FloatLit{Value: -2, VT: types.F64}, Y: &ast.IntLit{Value: 2, VT: types.SI64}}
	if got := printed(t, e); got != "(-2.0) ^ 2" {
		t.Errorf("got %s", got)
	}
}

func TestPrintConstructedStatements(t *testing.T) {
	t.Parallel()
	one := &ast.IntLit{Value: 1, VT: types.SI64}
	x := &ast.Ident{Name: "x"}
	tests := []struct {
		name string
		n    ast.Node
		want string
	}{
		{"cast", &ast.Cast{DT: types.Matrix, VT: types.F32, X: x}, "as.matrix<f32>(x)"},
		{"cast dt", &ast.Cast{DT: types.Frame, X: x}, "as.frame(x)"},
		{"cast vt", &ast.Cast{VT: types.Str, X: x}, "as.str(x)"},
		{"call", &ast.Call{Func: "sum", Hint: "k", Args: []ast.Arg{{Value: x}, {Name: "axis", Value: one}}}, "sum::k(x, axis = 1)"},
		{"if else if", &ast.If{Cond: x, Then: &ast.Block{}, Else: &ast.If{Cond: x, Then: &ast.ExprStmt{X: x}}},
			"if (x) {\n} else if (x)\n    x;\n"},
		{"do while", &ast.While{DoWhile: true, Cond: x, Body: &ast.ExprStmt{X: x}}, "do\n    x;\nwhile (x);\n"},
		{"def", &ast.FuncDef{Name: "f", Params: []ast.Param{{Name: "a", Type: &ast.TypeSpec{VT: types.SI64}}},
			Results: []ast.TypeSpec{{DT: types.Matrix}, {DT: types.Matrix, VT: types.F64}}, Body: &ast.Block{Stmts: []ast.Stmt{&ast.Return{Values: []ast.Expr{x, one}}}}},
			"def f(a: si64) -> matrix, matrix<f64> {\n    return x, 1;\n}\n"},
		{"import", &ast.Import{Path: `dir\a.daph`, Alias: "u"}, `import "dir\\a.daph" as "u";` + "\n"},
		{"frame statement", &ast.ExprStmt{X: &ast.FrameLit{}}, "({});\n"},
		{"script", &ast.Script{Stmts: []ast.Stmt{&ast.Assign{Targets: []ast.Target{{Name: "x"}}, Value: one}, &ast.Return{}}}, "x = 1;\nreturn;\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := printed(t, tc.n); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

type alien struct{ ast.Expr }

func (alien) Pos() token.Pos { return token.Pos{} }

func TestPrintErrors(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	if err := ast.Fprint(&b, nil); err == nil {
		t.Error("nil node printed without error")
	}
	err := ast.Fprint(&b, &ast.Binary{Op: "+", X: alien{}, Y: &ast.Ident{Name: "y"}})
	if err == nil || !strings.Contains(err.Error(), "ast_test.alien") {
		t.Errorf("got %v", err)
	}
	if b.Len() != 0 {
		t.Errorf("wrote %q despite the error", b.String())
	}
}

func TestQuote(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"", `""`}, {"abc", `"abc"`}, {`"`, `"\""`}, {`\`, `"\\"`}, {"ü\x00", "\"ü\x00\""},
	}
	for _, tc := range tests {
		if got := ast.Quote(tc.in); got != tc.want {
			t.Errorf("Quote(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}
