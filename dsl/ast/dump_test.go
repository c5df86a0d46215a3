package ast_test

import (
	"strings"
	"testing"

	"github.com/daphne-go/daphne/dsl/ast"
	"github.com/daphne-go/daphne/dsl/parser"
	"github.com/daphne-go/daphne/dsl/token"
	"github.com/daphne-go/daphne/types"
)

func dumpOf(t *testing.T, n ast.Node) string {
	t.Helper()
	var b strings.Builder
	if err := ast.Dump(&b, n); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestDump(t *testing.T) {
	t.Parallel()
	s, err := parser.ParseFile("d.daph", []byte("def f(a: si64) -> matrix<f64> { return [a](1, ); }\nfor (i in 1:n:2) X[i, ] = f(-i) +::k $s;"))
	if err != nil {
		t.Fatal(err)
	}
	want := `Script "d.daph"
  FuncDef f @1:1
    Params: a:si64@1:10 @1:7
    Results: matrix<f64> @1:19
    Body: Block @1:31
      Return @1:33
        MatrixLit n=1 @1:40
          Ident a @1:41
          Rows: IntLit 1 si64 raw="1" @1:44
          Cols: <nil>
  For i @2:6 @2:1
    From: IntLit 1 si64 raw="1" @2:11
    To: Ident n @2:13
    Step: IntLit 2 si64 raw="2" @2:15
    Body: Assign @2:18
      Target X indexed @2:18
        Rows: Pos @2:20
          Ident i @2:20
        Cols: <all>
      Value: Binary + hint=k @2:27
        X: Call f @2:27
          Arg @2:29
            Unary - @2:29
              X: Ident i @2:30
        Y: ArgRef $s @2:38
`
	if got := dumpOf(t, s); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestDumpNilAndConstructed(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		n    ast.Node
		want string
	}{
		{"nil", nil, "<nil>\n"},
		{"nil block", (*ast.Block)(nil), "<nil>\n"},
		{"bad", &ast.BadExpr{P: token.Pos{Line: 2, Col: 3}}, "BadExpr @2:3\n"},
		{"size literal", &ast.IntLit{Value: -1, VT: types.Size, Raw: "18446744073709551615z"},
			"IntLit 18446744073709551615 size raw=\"18446744073709551615z\" @0:0\n"},
		{"func without body", &ast.FuncDef{Name: "g"}, "FuncDef g @0:0\n  Params: (none)\n  Results: (none)\n  Body: <nil>\n"},
		{"frame by rows", &ast.FrameLit{ByRows: true, Rows: [][]ast.Expr{{&ast.StrLit{Value: "a"}}}},
			"FrameLit byRows @0:0\n  Row 0\n    StrLit \"a\" @0:0\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := dumpOf(t, tc.n); got != tc.want {
				t.Errorf("got\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}
