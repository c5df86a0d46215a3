package parser

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/dsl/ast"
	"github.com/daphne-go/daphne/dsl/token"
)

func TestSyntaxErrors(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, src, want string }{
		{"missing operand", "x = );", `f.daph:1:5: unexpected ")", expected expression`},
		{"missing semicolon at eof", "x = 1", `f.daph:1:6: unexpected end of file, expected ";"`},
		{"two values", "x = 1 2;", `f.daph:1:7: unexpected number "2", expected ";"`},
		{"index without comma", "y = X[1];", `f.daph:1:8: unexpected "]", expected "," between the row and column index (write X[i, ] or X[, j])`},
		{"assign to call", "f(x) = 1;", `f.daph:1:1: cannot assign to this expression (expected a variable name, optionally indexed as X[rows, cols])`},
		{"assign to sum", "a + b = 1;", `f.daph:1:1: cannot assign to this expression (expected a variable name, optionally indexed as X[rows, cols])`},
		{"assign to bit index", "X[[b, ]] = 1;", `f.daph:1:1: cannot assign to this expression (expected a variable name, optionally indexed as X[rows, cols])`},
		{"if without parens", "if x > 1 {}", `f.daph:1:4: unexpected identifier "x", expected "("`},
		{"bad param type", "def f(a: list) {}", `f.daph:1:10: unexpected identifier "list", expected type (matrix, scalar, frame or a value type)`},
		{"def without block", "def f() x = 1;", `f.daph:1:9: unexpected identifier "x", expected "{" to start the function body`},
		{"bad cast", "x = as.list(y);", `f.daph:1:8: unexpected identifier "list", expected data type or value type after "as." (as.matrix, as.f64, as.matrix<f64>, ...)`},
		{"for without range", "for (i in 1) x;", `f.daph:1:12: unexpected ")", expected ":" in the loop range`},
		{"keyword as name", "if = 3;", `f.daph:1:4: unexpected "=", expected "("`},
		{"unclosed block", "{ x = 1;", `f.daph:1:9: unexpected end of file, expected "}"`},
		{"unclosed matrix", "x = [1, 2;", `f.daph:1:10: unexpected ";", expected "]"`},
		{"stray close brace", "}", `f.daph:1:1: unexpected "}" outside of a block`},
		{"empty statement", ";", `f.daph:1:1: unexpected ";", expected expression`},
		{"hint without call", "x = sum::k;", `f.daph:1:11: unexpected ";", expected "(" after the kernel hint`},
		{"hint on matmul", "x = A @:: k B;", `f.daph:1:8: unexpected "::", expected expression`},
		{"do without while", "do x = 1; y = 2;", `f.daph:1:11: unexpected identifier "y", expected "while" after the body of do`},
		{"import without string", "import utils;", `f.daph:1:8: unexpected identifier "utils", expected file path string`},
		{"not operator", "x = !y;", `f.daph:1:5: invalid character "!": DaphneDSL has no logical not (compare with false instead)`},
		{"unterminated string", `x = "abc`, `f.daph:1:5: unterminated string literal`},
		{"bad number", "x = 007;", `f.daph:1:5: invalid number literal "007"`},
		{"dollar without name", "x = $1;", `f.daph:1:6: unexpected number "1", expected script argument name after "$"`},
		{"second line", "x = 1;\n  y = * 2;", `f.daph:2:7: unexpected "*", expected expression`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s, err := ParseFile("f.daph", []byte(tc.src))
			if err == nil {
				t.Fatalf("no error for %q", tc.src)
			}
			if got := err.Error(); got != tc.want {
				t.Errorf("%q:\n got  %s\n want %s", tc.src, got, tc.want)
			}
			var list ErrorList
			if !errors.As(err, &list) || len(list) != 1 {
				t.Errorf("want an ErrorList with one error, got %#v", err)
			}
			if s == nil {
				t.Error("no partial script returned")
			}
		})
	}
}

func TestRecoveryReportsSeveralErrors(t *testing.T) {
	t.Parallel()
	src := "x = ;\ny = 2;\nif (a) { z = ); w = 1; }\nv = 1 1;\nu = 3;"
	s, err := ParseFile("r.daph", []byte(src))
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("got %v", err)
	}
	want := []string{
		`r.daph:1:5: unexpected ";", expected expression`,
		`r.daph:3:14: unexpected ")", expected expression`,
		`r.daph:4:7: unexpected number "1", expected ";"`,
	}
	if len(list) != len(want) {
		t.Fatalf("got %d errors:\n%v", len(list), err)
	}
	for i, w := range want {
		if list[i].Error() != w {
			t.Errorf("error %d: got %s, want %s", i, list[i], w)
		}
	}
	var kinds []string
	for _, st := range s.Stmts {
		kinds = append(kinds, fmt.Sprintf("%T", st))
	}
	if got := strings.Join(kinds, " "); got != "*ast.BadStmt *ast.Assign *ast.If *ast.BadStmt *ast.Assign" {
		t.Errorf("statements: %s", got)
	}
	blk := s.Stmts[2].(*ast.If).Then.(*ast.Block)
	if len(blk.Stmts) != 2 {
		t.Fatalf("block has %d statements", len(blk.Stmts))
	}
	if _, ok := blk.Stmts[0].(*ast.BadStmt); !ok {
		t.Errorf("first block statement %T", blk.Stmts[0])
	}
	if bad := s.Stmts[0].(*ast.BadStmt); bad.P != (token.Pos{Line: 1, Col: 1}) {
		t.Errorf("BadStmt at %s", bad.P)
	}
}

func TestRecoverySkipsBracesOfFailedStatement(t *testing.T) {
	t.Parallel()
	src := `x = f({"a" [1]}); y = 2;`
	s, err := ParseFile("", []byte(src))
	if err == nil || strings.Count(err.Error(), "\n") != 0 {
		t.Fatalf("want exactly one error, got %v", err)
	}
	if len(s.Stmts) != 2 {
		t.Fatalf("got %d statements", len(s.Stmts))
	}
	if a, ok := s.Stmts[1].(*ast.Assign); !ok || a.Targets[0].Name != "y" {
		t.Errorf("second statement %#v", s.Stmts[1])
	}
}

func TestNestingLimit(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, src string }{
		{"parentheses", "x = " + strings.Repeat("(", 5000) + "1" + strings.Repeat(")", 5000) + ";"},
		{"blocks", strings.Repeat("{", 5000) + strings.Repeat("}", 5000)},
		{"unary", "x = " + strings.Repeat("-", 5000) + "1;"},
		{"ifs", strings.Repeat("if (a) ", 5000) + "x = 1;"},
		{"matrix literals", "x = " + strings.Repeat("[ ", 5000) + "1" + strings.Repeat(" ]", 5000) + ";"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := ParseFile("", []byte(tc.src))
			if err == nil || !strings.Contains(err.Error(), "nesting deeper than 1000 levels") {
				t.Errorf("got %v", err)
			}
		})
	}
	ok := "x = " + strings.Repeat("(", 300) + "1" + strings.Repeat(")", 300) + ";"
	if _, err := ParseFile("", []byte(ok)); err != nil {
		t.Errorf("300 levels: %v", err)
	}
}

func TestErrorListFormat(t *testing.T) {
	t.Parallel()
	src := strings.Repeat("x = );\n", 12)
	_, err := ParseFile("m.daph", []byte(src))
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != 11 {
		t.Fatalf("got %d lines:\n%s", len(lines), err)
	}
	if lines[0] != `m.daph:1:5: unexpected ")", expected expression` || lines[9] != `m.daph:10:5: unexpected ")", expected expression` {
		t.Errorf("lines %q / %q", lines[0], lines[9])
	}
	if lines[10] != "(and 2 more errors)" {
		t.Errorf("last line %q", lines[10])
	}
	var empty ErrorList
	if empty.Err() != nil || empty.Error() != "no errors" {
		t.Error("empty list")
	}
}

func TestErrorListSorted(t *testing.T) {
	t.Parallel()
	var l ErrorList
	l.Add(token.Position{File: "b", Pos: token.Pos{Line: 1, Col: 1}}, "b1")
	l.Add(token.Position{File: "a", Pos: token.Pos{Line: 2, Col: 1}}, "a2")
	l.Add(token.Position{File: "a", Pos: token.Pos{Line: 1, Col: 9}}, "a1.9")
	l.Add(token.Position{File: "a", Pos: token.Pos{Line: 1, Col: 3}}, "a1.3")
	l.Sort()
	var got []string
	for _, e := range l {
		got = append(got, e.Msg)
	}
	if strings.Join(got, ",") != "a1.3,a1.9,a2,b1" {
		t.Errorf("order %v", got)
	}
}

func TestBitIndexNeedsSpaceHint(t *testing.T) {
	t.Parallel()
	_, err := ParseFile("", []byte("y = X[[1,2],];"))
	want := `1:11: unexpected "]", expected "]]" (a position list right after "[" needs a space: X[ [1, 2], ])`
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}

func TestByteOrderMark(t *testing.T) {
	t.Parallel()
	s, err := ParseFile("", []byte("\xEF\xBB\xBFx = 1;"))
	if err != nil {
		t.Fatal(err)
	}
	if p := s.Stmts[0].Pos(); p.Line != 1 || p.Col != 4 {
		t.Errorf("first statement at %s, want 1:4 (columns count bytes)", p)
	}
}

func TestParseExpr(t *testing.T) {
	t.Parallel()
	tests := []struct{ src, want, err string }{
		{src: "a + b * c", want: "a + (b * c)"},
		{src: "X[1, ]", want: "X[1, ]"},
		{src: "a +", err: `1:4: unexpected end of file, expected expression`},
		{src: "a b", err: `1:3: unexpected identifier "b", expected end of expression`},
		{src: "a;", err: `1:2: unexpected ";", expected end of expression`},
	}
	for _, tc := range tests {
		t.Run(tc.src, func(t *testing.T) {
			t.Parallel()
			x, err := ParseExpr(tc.src)
			if tc.err != "" {
				if err == nil || err.Error() != tc.err {
					t.Errorf("got error %v, want %s", err, tc.err)
				}
				if x == nil {
					t.Error("nil expression returned with the error")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := fprint(t, x); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}

func TestParseExprBadExprPosition(t *testing.T) {
	t.Parallel()
	x, err := ParseExpr("a + )")
	bad, ok := x.(*ast.BadExpr)
	if err == nil || !ok || bad.P.Col != 5 {
		t.Errorf("got %#v, %v; want a BadExpr at 1:5", x, err)
	}
}
