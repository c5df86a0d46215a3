package lower

import (
	"errors"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/dsl/parser"
	"github.com/daphne-go/daphne/dsl/token"
)

// lowerSrc parses and lowers src as file "t.daph".
func lowerSrc(t *testing.T, src string, opts Options) error {
	t.Helper()
	script, err := parser.ParseFile("t.daph", []byte(src))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	_, err = Lower(script, opts)
	return err
}

// TestErrors has one case per static rule of daphnedsl.md section 6 (and
// the builtin-call rules): the exit code, the position and a substring of
// the message of the first error.
func TestErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		args map[string]string
		code int
		pos  string
		msg  string
	}{
		{"unassigned", "print(x);", nil, 1, "1:7", "variable `x` referenced before assignment"},
		{"block scope", "{ x = 1; }\nprint(x);", nil, 1, "2:7", "variable `x` referenced before assignment"},
		{"both branches create", "c = true;\nif (c) x = 3; else x = 5;\nprint(x);", nil, 1, "3:7", "variable `x` referenced before assignment"},
		{"loop body var", "i = 0;\nwhile (i < 3) { i = i + 1; y = i; }\nprint(y);", nil, 1, "3:7", "`y` referenced before assignment"},
		{"do-while cond", "i = 0;\ndo { i = i + 1; z = i; } while (z < 3);", nil, 1, "2:33", "`z` referenced before assignment"},
		{"if ambiguous dt", "x = 1;\nif (true) x = [1]; else x = 2;", nil, 1, "2:1", "type of variable `x` after if-statement is ambiguous"},
		{"if ambiguous vt", "x = 1;\nif (true) x = 1.5;", nil, 1, "2:1", "type of variable `x` after if-statement is ambiguous"},
		{"while dt change", "x = 1;\ni = 0;\nwhile (i < 2) { x = [1]; i = i + 1; }", nil, 2, "3:1", "must not be changed within the body of a while-loop"},
		{"for dt change", "x = [1];\nfor (i in 1:3) x = 1;", nil, 2, "2:1", "for-loop"},
		{"for var read-only", "for (i in 1:3) { i = 2; }", nil, 1, "1:18", "read-only"},
		{"multi-assign arity", "a, b = sum([1]);", nil, 1, "1:8", "but `sum` returns 1"},
		{"multi-assign non-call", "a, b = 1;", nil, 1, "1:8", "assignment to 2 variables"},
		{"eigen as value", "x = eigen([1.0]);", nil, 1, "1:5", "returns 2 values, but one value is expected"},
		{"left index missing", "X[0, 0] = [1];", nil, 1, "1:1", "`X` referenced before assignment"},
		{"left index scalar", "x = 1;\nx[0, 0] = [1];", nil, 1, "2:1", "left indexing needs a matrix"},
		{"right index scalar", "x = 1;\nprint(x[0, 0]);", nil, 1, "2:7", "right indexing needs a matrix"},
		{"bit-vector index scalar", "x = 1.5;\nprint(x[[[1], ]]);", nil, 1, "2:7", "bit-vector indexing needs a matrix"},
		{"right index label on matrix", "X = [1, 2](1, 2);\nprint(X[, \"a\"]);", nil, 1, "2:7", "labels index the columns of a frame"},
		{"left index label on matrix", "X = [1, 2](1, 2);\nX[0, \"a\"] = [3];", nil, 1, "2:1", "labels index the columns of a frame"},
		{"cond data types", "x = 1;\nprint(x > 0 ? [1] : 2);", nil, 2, "2:7", "branches of a conditional expression must have the same data type, got matrix and scalar"},
		{"createList value types", "l = createList([1], [2.5]);", nil, 2, "1:5", "element 0 is si64 and element 1 is f64"},
		{"append value type", "l = createList([1]);\nl = append(l, [2.5]);", nil, 2, "2:5", "cannot append a matrix of value type f64 to a list of si64 matrices"},
		{"frame literal empty", `f = {};`, nil, 1, "1:5", "empty frame literals are not supported"},
		{"frame literal label type", `f = {"a": [1], 2: [3]};`, nil, 1, "1:16", "labels of a frame literal must be strings, got scalar si64"},
		{"frame literal duplicate", `f = {"a": [1], "a": [3]};`, nil, 1, "1:16", `column label "a" is used twice`},
		{"frame literal scalar column", `f = {"a": 1};`, nil, 1, "1:11", `columns of a frame literal must be matrices, but column "a" is a scalar si64`},
		{"frame rows ragged", "f = {[\"a\", \"b\"], [1, 2],\n [3]};", nil, 1, "2:3", "row 1 of the frame literal has 1 values, but there are 2 column labels"},
		{"frame rows no data", `f = {["a", "b"]};`, nil, 1, "1:5", "needs at least one row of values after the labels"},
		{"frame rows label type", `f = {["a", 1.5], [1, 2]};`, nil, 1, "1:12", "labels of a frame literal must be strings, got scalar f64"},
		{"frame rows duplicate", `f = {["a", "a"], [1, 2]};`, nil, 1, "1:12", `column label "a" is used twice`},
		{"frame rows matrix value", `f = {["a"], [[1, 2]]};`, nil, 1, "1:14", "must be scalars"},
		{"createFrame label first", `f = createFrame("a", [1]);`, nil, 1, "1:17", "but argument 0 is a scalar str"},
		{"createFrame label count", `f = createFrame([1], [2], "a");`, nil, 1, "1:5", "got 2 columns and 1 labels"},
		{"frame row label", "f = createFrame([1]);\nprint(f[\"a\", ]);", nil, 1, "2:7", "labels index the columns of a frame, not its rows"},
		{"frame column bits", "f = createFrame([1]);\nprint(f[[, [1]]]);", nil, 1, "2:7", "columns of a frame cannot be filtered"},
		{"frame left index", "f = createFrame([1]);\nf[0, 0] = [2];", nil, 1, "2:1", "left indexing needs a matrix, but `f` is a frame"},
		{"unknown keyword", "print(1, nl=true);", nil, 1, "1:10", "unknown keyword argument `nl`"},
		{"duplicate keyword", "print(1, newline=true, newline=false);", nil, 1, "1:24", "given more than once"},
		{"positional after keyword", "print(arg=1, true);", nil, 1, "1:14", "positional argument after keyword"},
		{"missing argument", "print(newline=true);", nil, 1, "1:1", "missing argument `arg`"},
		{"arity", "x = fill(1, 2);", nil, 1, "1:5", "`fill` expects exactly 3 argument(s), but got 2"},
		{"arity range", "x = sum([1], 0, 1, 2);", nil, 1, "1:5", "between 1 and 3 arguments, but got 4"},
		{"axis not constant", "a = 0;\nx = sum([1], a);", nil, 1, "2:14", "must be a constant"},
		{"axis invalid", "x = sum([1], 2);", nil, 1, "1:14", "invalid axis 2"},
		{"unknown function", "x = summ([1]);", nil, 1, "1:5", "unknown function `summ` (did you mean `sum`?)"},
		{"unknown function far", "x = qwertyuiop(1);", nil, 1, "1:5", "unknown function `qwertyuiop`"},
		{"nested def", "if (true) { def f() { return 1; } }", nil, 1, "1:13", "top level"},
		{"def in function", "def g() { def f() { return 1; } return 2; }", nil, 1, "1:11", "top level"},
		{"call before def", "x = f();\ndef f() { return 1; }", nil, 1, "1:5", "called before its definition"},
		{"duplicate param", "def f(a, a) { return a; }", nil, 1, "1:10", "parameter `a` of function `f` is defined twice"},
		{"scalar annotation", "def f(a: scalar) { return a; }", nil, 1, "1:7", "not allowed"},
		{"frame annotation vt", "def f(a: frame<f64>) { return a; }", nil, 1, "1:7", "`frame<f64>` is not allowed"},
		{"frame argument to matrix", "def f(a: matrix) { return a; }\nx = f(createFrame([1]));", nil, 1, "2:5", "no definition of function `f` matches"},
		{"global invisible", "x = 1;\ndef f() { return x; }", nil, 1, "2:18", "variable `x` referenced before assignment"},
		{"no overload", "def f(a: si64) { return a; }\nx = f(1.5);", nil, 1, "2:5", "no definition of function `f` matches"},
		{"zero-result as value", "def f() { print(1); }\nx = f();", nil, 1, "2:5", "returns no value"},
		{"recursion undeclared", "def f(n) { if (n > 0) { return f(n - 1); } return 0; }", nil, 1, "1:32", "needs declared result types"},
		{"return count", "def f() -> si64, si64 { return 1; }", nil, 1, "1:25", "returns 1 value(s) here, but 2"},
		{"return type", "def f() -> si64 { return 1.5; }", nil, 1, "1:26", "declares result 1 as scalar si64, but returns scalar f64"},
		{"missing return", "def f() -> si64 { x = 1; }", nil, 1, "1:1", "must end with a return"},
		{"return in loop", "def f() { i = 0; while (i < 1) { return 1; } return 2; }", nil, 1, "1:34", "returns inside loops are not"},
		{"return at top", "return 1;", nil, 1, "1:1", "outside of a function"},
		{"hint on udf", "def f(a) { return a; }\nx = f::_f__x(1);", nil, 1, "2:5", "not allowed on calls of user-defined functions"},
		{"hint wrong op", "x = sum::_ewAdd__int64_t([1]);", nil, 1, "1:5", "names a kernel of operation `ewAdd`, not of `sumAll`"},
		{"hint malformed", "x = sum::foo([1]);", nil, 1, "1:5", "is not a kernel name"},
		{"hint operator", "x = 1 +::_ewMul__a 2;", nil, 1, "1:5", "not of `ewAdd`"},
		{"script arg missing", "print($x);", nil, 1, "1:7", "script argument `x`"},
		{"script arg bad literal", "print($x);", map[string]string{"x": "10+10"}, 1, "1:7", "script argument `x`: invalid literal"},
		{"script arg missing in a while body", "i=0;while(0)i=$A;", nil, 1, "1:15", "script argument `A`"},
		{"script arg missing in nested loops", "i=0;\nwhile(i<1){ i=i+1; for (k in 1:2) { j=$A; } }", nil, 1, "2:39", "script argument `A`"},
		{"script arg bad literal in a for body", "x=0;\nfor (k in 1:2) { x=$y; }", map[string]string{"y": "1+"}, 1, "2:20", "script argument `y`"},
		{"map non-udf", "x = map([1], sum);", nil, 1, "1:14", "`map` needs a user-defined function"},
		{"import nested", "if (true) { import \"a.daph\"; }", nil, 1, "1:13", "only allowed at the top level"},
		{"import missing", "import \"nosuch.daph\";", nil, 1, "1:1", "cannot find imported file"},
		{"dl builtin", "x = relu([1.0]);", nil, 1, "1:5", "deep-learning builtins are not supported yet"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := lowerSrc(t, tc.src, Options{Args: tc.args})
			if err == nil {
				t.Fatalf("no error, want %q", tc.msg)
			}
			if got := ExitCode(err); got != tc.code {
				t.Errorf("exit code %d, want %d (%v)", got, tc.code, err)
			}
			first := err.(ErrorList)[0]
			if first.Pos.Pos.String() != tc.pos || first.Pos.File != "t.daph" {
				t.Errorf("position %s, want t.daph:%s (%v)", first.Pos, tc.pos, err)
			}
			if !strings.Contains(first.Msg, tc.msg) {
				t.Errorf("message %q does not contain %q", first.Msg, tc.msg)
			}
		})
	}
}

func TestExitCode(t *testing.T) {
	front := &Error{Msg: "a", Code: CodeFrontEnd}
	pass := &Error{Msg: "b", Code: CodePass}
	tests := []struct {
		name string
		err  error
		want int
	}{
		{"nil", nil, 0},
		{"front end", ErrorList{front}, 1},
		{"pass only", ErrorList{pass}, 2},
		{"mixed", ErrorList{pass, front}, 1},
		{"single pass error", pass, 2},
		{"other error", errors.New("x"), 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := ExitCode(tc.err); got != tc.want {
				t.Errorf("ExitCode = %d, want %d", got, tc.want)
			}
		})
	}
}

func TestErrorListFormat(t *testing.T) {
	l := ErrorList{
		{Pos: token.Position{File: "b.daph", Pos: token.Pos{Line: 1, Col: 1}}, Msg: "second"},
		{Pos: token.Position{File: "a.daph", Pos: token.Pos{Line: 2, Col: 3}}, Msg: "first"},
	}
	l.Sort()
	want := "a.daph:2:3: first\nb.daph:1:1: second"
	if l.Error() != want {
		t.Errorf("got %q, want %q", l.Error(), want)
	}
}

// TestNoCascade checks that a failed assignment does not add follow-on
// "referenced before assignment" errors for its targets.
func TestNoCascade(t *testing.T) {
	err := lowerSrc(t, "x = foo(1);\ny = x + 1;\nprint(y);\na, b = bar();\nprint(a + b);\n", Options{})
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 2 {
		t.Fatalf("want exactly the two unknown-function errors, got %v", err)
	}
	for _, e := range list {
		if !strings.Contains(e.Msg, "unknown function") {
			t.Errorf("unexpected error %q", e.Msg)
		}
	}
}
