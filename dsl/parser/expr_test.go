package parser

import (
	"testing"

	"github.com/daphne-go/daphne/dsl/ast"
)

// TestPrecedence checks the parse of each case through its fully
// parenthesised print.
func TestPrecedence(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, src, want string }{
		{"pow left assoc", "2^3^2", "(2 ^ 3) ^ 2"},
		{"unary over pow", "-2^2", "(-2) ^ 2"},
		{"mod over mul", "a*b%c", "a * (b % c)"},
		{"mod over div", "a/b%c", "a / (b % c)"},
		{"unary minus of index", "-[10,20,30][1,0]", "-(([10, 20, 30])[1, 0])"},
		{"negative exponent", "10.0^-3", "10.0 ^ (-3)"},
		{"unary over matmul", "-A@B", "(-A) @ B"},
		{"matmul over pow", "A^2@B", "A ^ (2 @ B)"},
		{"pow over mod", "a%b^c", "a % (b ^ c)"},
		{"mul over add", "a+b*c", "a + (b * c)"},
		{"add left assoc", "a-b-c", "(a - b) - c"},
		{"div left assoc", "a/b/c", "(a / b) / c"},
		{"cmp over and", "a<b && c>=d", "(a < b) && (c >= d)"},
		{"cmp not chained", "a<b<c", "(a < b) < c"},
		{"and over or", "a||b&&c", "a || (b && c)"},
		{"single amp and bar", "a|b&c", "a || (b && c)"},
		{"ternary lowest", "a||b ? c+d : e", "(a || b) ? (c + d) : e"},
		{"ternary left assoc", "a ? b : c ? d : e", "(a ? b : c) ? d : e"},
		{"ternary nested in middle", "a ? b ? c : d : e", "a ? (b ? c : d) : e"},
		{"parens", "(a+b)*c", "(a + b) * c"},
		{"double unary", "- -x", "-(-x)"},
		{"unary plus", "+x*y", "(+x) * y"},
		{"add hint", "X +::myAdd Y", "X +::myAdd Y"},
		{"mul hint", "X *::k Y - Z", "(X *::k Y) - Z"},
		{"sub and div hints", "a -::s b /::d c", "a -::s (b /::d c)"},
		{"call hint", "sum::k(X)", "sum::k(X)"},
		{"dotted call hint", "utils.f::k(1)", "utils.f::k(1)"},
		{"dotted name", "a.b.c + 1", "a.b.c + 1"},
		{"script arg", "$n * 2", "$n * 2"},
		{"keyword args", "f(1, b = 2, c=x==y,)", "f(1, b = 2, c = x == y)"},
		{"empty call", "now()", "now()"},
		{"cast value type", "as.f64(x)", "as.f64(x)"},
		{"cast data type", "as.scalar(X)", "as.scalar(X)"},
		{"cast both", "as.matrix<ui32>(x)+1", "as.matrix<ui32>(x) + 1"},
		{"index of call", "t(X)[0,]", "t(X)[0, ]"},
		{"index chain", "X[1,][,2]", "(X[1, ])[, 2]"},
		{"int64 min", "-9223372036854775808", "-9223372036854775808"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := fprint(t, parseExpr(t, tc.src)); got != tc.want {
				t.Errorf("%s:\n got  %s\n want %s", tc.src, got, tc.want)
			}
		})
	}
}

func TestIndexing(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, src, want string }{
		{"row", "X[1,]", "X[1, ]"},
		{"col range open hi", "X[,2:]", "X[, 2:]"},
		{"range open lo and label", `X[:3, "a"]`, `X[:3, "a"]`},
		{"all", "X[,]", "X[, ]"},
		{"full range", "X[:, :]", "X[:, :]"},
		{"range both", "X[a+1:b, 0]", "X[(a + 1):b, 0]"},
		{"negative", "X[-1,]", "X[(-1), ]"},
		{"bit rows", "X[[b,]]", "X[[b, ]]"},
		{"bit cols", "X[[, c]]", "X[[, c]]"},
		{"bit both", "X[[b, c]]", "X[[b, c]]"},
		{"position list", "X[ [1,2], ]", "X[([1, 2]), ]"},
		{"bit with literal", "X[[, [1,0,1] ]]", "X[[, ([1, 0, 1])]]"},
		{"bit with glued literal", "X[[, [1,0,1]]]", "X[[, ([1, 0, 1])]]"},
		{"nested index glued", "X[1, Y[0,0]]", "X[1, (Y[0, 0])]"},
		{"nested all glued", "X[Y[1,],]", "X[(Y[1, ]), ]"},
		{"ternary in range", "X[a ? 1 : 2, ]", "X[(a ? 1 : 2), ]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := fprint(t, parseExpr(t, tc.src)); got != tc.want {
				t.Errorf("%s:\n got  %s\n want %s", tc.src, got, tc.want)
			}
		})
	}
}

func TestIndexNodes(t *testing.T) {
	t.Parallel()
	x := parseExpr(t, "X[:3, 2]").(*ast.Index)
	if x.Rows == nil || !x.Rows.IsRange || x.Rows.Lo != nil || x.Rows.Hi == nil {
		t.Errorf("rows = %+v, want range :3", x.Rows)
	}
	if x.Cols == nil || x.Cols.IsRange || x.Cols.Lo == nil || x.Cols.Hi != nil {
		t.Errorf("cols = %+v, want position 2", x.Cols)
	}
	if x.Rows.P.Col != 7 || x.Cols.P.Col != 11 { // after "x = "
		t.Errorf("range positions %s %s", x.Rows.P, x.Cols.P)
	}
	e := parseExpr(t, "X[, ]").(*ast.Index)
	if e.Rows != nil || e.Cols != nil {
		t.Errorf("X[, ] should select all: %+v %+v", e.Rows, e.Cols)
	}
	b := parseExpr(t, "X[[, c]]").(*ast.BitIndex)
	if b.Rows != nil || b.Cols == nil {
		t.Errorf("bit index %+v", b)
	}
}

func TestLiteralsOfMatricesAndFrames(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, src, want string }{
		{"column", "[1, 2, 3]", "[1, 2, 3]"},
		{"empty", "[]", "[]"},
		{"shape", "[1,2,3,4](2,2)", "[1, 2, 3, 4](2, 2)"},
		{"rows only", "[1,2,3,4](2,)", "[1, 2, 3, 4](2, )"},
		{"cols only", "[1,2,3,4](,2)", "[1, 2, 3, 4](, 2)"},
		{"no dims", "[1,2](,)", "[1, 2](, )"},
		{"expressions", "[a+1, -2, f(x)]", "[(a + 1), (-2), f(x)]"},
		{"nested glued", "[[1]]", "[([1])]"},
		{"frame by cols", `{"a": [1,2], "b": x}`, `{"a": ([1, 2]), "b": x}`},
		{"frame empty", "{}", "{}"},
		{"frame by rows", `{["a","b"], [1, 1.5], [2, 2.5]}`, `{["a", "b"], [1, 1.5], [2, 2.5]}`},
		{"frame labels only", `{["a"]}`, `{["a"]}`},
		{"frame empty row", `{[], []}`, `{[], []}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := fprint(t, parseExpr(t, tc.src)); got != tc.want {
				t.Errorf("%s:\n got  %s\n want %s", tc.src, got, tc.want)
			}
		})
	}
}

func TestMatrixShapeNodes(t *testing.T) {
	t.Parallel()
	m := parseExpr(t, "[1,2](,2)").(*ast.MatrixLit)
	if !m.HasShape || m.Rows != nil || m.Cols == nil || len(m.Elems) != 2 {
		t.Errorf("got %+v", m)
	}
	m = parseExpr(t, "[1,2]").(*ast.MatrixLit)
	if m.HasShape {
		t.Error("HasShape set without parentheses")
	}
	f := parseExpr(t, `{["a","b"], [1, 2]}`).(*ast.FrameLit)
	if !f.ByRows || len(f.Rows) != 2 || len(f.Rows[0]) != 2 || f.Labels != nil {
		t.Errorf("got %+v", f)
	}
	f = parseExpr(t, `{"a": x, "b": y}`).(*ast.FrameLit)
	if f.ByRows || len(f.Labels) != 2 || len(f.Cols) != 2 {
		t.Errorf("got %+v", f)
	}
}

func TestExprPositions(t *testing.T) {
	t.Parallel()
	// x = a + -b[1, 2] * f(c);
	// 1   5   9            22
	x := parseExpr(t, "a + -b[1, 2] * f(c)").(*ast.Binary)
	mul := x.Y.(*ast.Binary)
	neg := mul.X.(*ast.Unary)
	idx := neg.X.(*ast.Index)
	call := mul.Y.(*ast.Call)
	checks := []struct {
		name string
		n    ast.Node
		col  int
	}{
		{"binary +", x, 5}, {"binary *", mul, 9}, {"unary", neg, 9}, {"index", idx, 10},
		{"call", call, 20}, {"arg", call.Args[0].Value, 22},
	}
	for _, c := range checks {
		if p := c.n.Pos(); p.Line != 1 || p.Col != c.col {
			t.Errorf("%s at %s, want 1:%d", c.name, p, c.col)
		}
	}
	if call.Args[0].P.Col != 22 {
		t.Errorf("arg P = %s", call.Args[0].P)
	}
}
