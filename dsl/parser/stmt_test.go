package parser

import (
	"testing"

	"github.com/daphne-go/daphne/dsl/ast"
	"github.com/daphne-go/daphne/types"
)

// TestStatementForms parses each form and compares its canonical print.
func TestStatementForms(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, src, want string }{
		{"expr stmt", "print(x);", "print(x);"},
		{"assign", "x = 1;", "x = 1;"},
		{"dotted assign", "a.b = 1;", "a.b = 1;"},
		{"multi assign", "a, b = f();", "a, b = f();"},
		{"left indexing", "X[1, 2:3] = Y;", "X[1, 2:3] = Y;"},
		{"multi with indexing", "x, Y[3, :], Z = f();", "x, Y[3, :], Z = f();"},
		{"block", "{ x = 1; y = 2; }", "{\n    x = 1;\n    y = 2;\n}"},
		{"block semicolon", "{ x = 1; };", "{\n    x = 1;\n}"},
		{"empty block", "{}", "{\n}"},
		{"if", "if (a) x = 1;", "if (a)\n    x = 1;"},
		{"if else", "if (a) { x = 1; } else { x = 2; }", "if (a) {\n    x = 1;\n} else {\n    x = 2;\n}"},
		{"else if chain", "if (a) x = 1; else if (b) x = 2; else x = 3;",
			"if (a)\n    x = 1;\nelse if (b)\n    x = 2;\nelse\n    x = 3;"},
		{"dangling else", "if (a) if (b) x = 1; else x = 2;", "if (a)\n    if (b)\n        x = 1;\n    else\n        x = 2;"},
		{"while", "while (i < 3) i = i + 1;", "while (i < 3)\n    i = i + 1;"},
		{"do while semi", "do { i = i + 1; } while (i < 3);", "do {\n    i = i + 1;\n} while (i < 3);"},
		{"do while no semi", "do i = i + 1; while (i < 3) x = 1;", "do\n    i = i + 1;\nwhile (i < 3);\nx = 1;"},
		{"for", "for (i in 1:10) print(i);", "for (i in 1:10)\n    print(i);"},
		{"for step", "for (i in 10:1:-3) { }", "for (i in 10:1:(-3)) {\n}"},
		{"parfor", "parfor (i in 1:10) print(i);", "parfor (i in 1:10)\n    print(i);"},
		{"parfor step block", "parfor(i in 0:8:2) { X[i, ] = Y; }", "parfor (i in 0:8:2) {\n    X[i, ] = Y;\n}"},
		{"parfor as a name", "parfor = 1; parfor(x);", "parfor = 1;\nparfor(x);"},
		{"def untyped", "def f(a, b) { return a + b; }", "def f(a, b) {\n    return a + b;\n}"},
		{"def typed", "def f(a: si64, B: matrix<f64>, C: matrix,) -> matrix<f64>, si64 { return B, a; }",
			"def f(a: si64, B: matrix<f64>, C: matrix) -> matrix<f64>, si64 {\n    return B, a;\n}"},
		{"fun spelling", "fun f(a) { return a; }", "def f(a) {\n    return a;\n}"},
		{"fun as a name", "fun = 2; fun(fun);", "fun = 2;\nfun(fun);"},
		{"def no params", "def g() -> scalar { return 1; }", "def g() -> scalar {\n    return 1;\n}"},
		{"return nothing", "def h() { return; }", "def h() {\n    return;\n}"},
		{"import", `import "lib/utils.daph";`, `import "lib/utils.daph";`},
		{"import alias", `import "a.daph" as "u";`, `import "a.daph" as "u";`},
		{"frame literal statement", `({"a": [1]});`, `({"a": ([1])});`},
		{"expr stmt ident", "x;", "x;"},
		{"index stmt", "X[1, ];", "X[1, ];"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s, err := ParseFile("", []byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			if got := fprint(t, s); got != tc.want {
				t.Errorf("%s:\n got\n%s\n want\n%s", tc.src, got, tc.want)
			}
		})
	}
}

func TestFuncDefNodes(t *testing.T) {
	t.Parallel()
	s, err := ParseFile("", []byte("def f(a: si64, b: matrix<f32>, c) { return a; }\ndef g() -> frame, bool { }"))
	if err != nil {
		t.Fatal(err)
	}
	f := s.Stmts[0].(*ast.FuncDef)
	if f.Results != nil {
		t.Errorf("Results = %v, want nil without ->", f.Results)
	}
	want := []struct {
		name string
		dt   types.DataType
		vt   types.ValueType
	}{{"a", types.AnyData, types.SI64}, {"b", types.Matrix, types.F32}}
	for i, w := range want {
		p := f.Params[i]
		if p.Name != w.name || p.Type == nil || p.Type.DT != w.dt || p.Type.VT != w.vt {
			t.Errorf("param %d = %+v %+v", i, p, p.Type)
		}
	}
	if f.Params[2].Type != nil {
		t.Errorf("untyped param has type %+v", f.Params[2].Type)
	}
	g := s.Stmts[1].(*ast.FuncDef)
	if len(g.Results) != 2 || g.Results[0].DT != types.Frame || g.Results[0].VT != types.Unknown ||
		g.Results[1].DT != types.AnyData || g.Results[1].VT != types.Bool {
		t.Errorf("results %+v", g.Results)
	}
	if g.Params != nil || g.Body == nil || len(g.Body.Stmts) != 0 {
		t.Errorf("g = %+v", g)
	}
}

func TestStatementNodes(t *testing.T) {
	t.Parallel()
	src := "for (i in 1:2) x = 1;\ndo x = 2; while (c)\nY[1:, ] = Z;\nutils.v = 3;"
	s, err := ParseFile("f.daph", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if s.File != "f.daph" || len(s.Stmts) != 4 {
		t.Fatalf("script %q with %d statements", s.File, len(s.Stmts))
	}
	f := s.Stmts[0].(*ast.For)
	if f.Var != "i" || f.VarPos.Col != 6 || f.Step != nil {
		t.Errorf("for %+v", f)
	}
	w := s.Stmts[1].(*ast.While)
	if !w.DoWhile || w.P.Line != 2 || w.P.Col != 1 {
		t.Errorf("do-while %+v", w)
	}
	a := s.Stmts[2].(*ast.Assign)
	tg := a.Targets[0]
	if tg.Name != "Y" || !tg.Indexed || tg.Rows == nil || !tg.Rows.IsRange || tg.Cols != nil {
		t.Errorf("target %+v", tg)
	}
	u := s.Stmts[3].(*ast.Assign)
	if u.Targets[0].Name != "utils.v" || u.Targets[0].Indexed {
		t.Errorf("dotted target %+v", u.Targets[0])
	}
}
