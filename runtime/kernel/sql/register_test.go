package sql

import (
	"errors"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
)

func TestOps(t *testing.T) {
	t.Parallel()
	r := ops.NewRegistry()
	Register(r)
	reg, _ := r.Lookup("registerView")
	run, _ := r.Lookup("sql")
	c := &ops.Ctx{}
	f := frame(t, []string{"a"}, col[int64](3, 1, 2))
	if _, err := run(c, []data.Value{data.Str("SELECT v.a FROM v")}, nil); err == nil ||
		!strings.Contains(err.Error(), `unknown view "v" (registered views: none)`) {
		t.Fatalf("sql before registerView: %v", err)
	}
	if res, err := reg(c, []data.Value{data.Str("v"), f}, nil); err != nil || len(res) != 0 {
		t.Fatalf("registerView: %v, %v", res, err)
	}
	res, err := run(c, []data.Value{data.Str("SELECT v.a FROM v ORDER BY v.a")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := printed(t, res[0]), "Frame(3x1, [v.a:int64_t])\n1\n2\n3\n"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	// Registering a name again replaces the view.
	g := frame(t, []string{"b"}, col(0.5))
	if _, err := reg(c, []data.Value{data.Str("v"), g}, nil); err != nil {
		t.Fatal(err)
	}
	res, err = run(c, []data.Value{data.Str("SELECT * FROM v")}, nil)
	if err != nil || printed(t, res[0]) != "Frame(1x1, [v.b:double])\n0.5\n" {
		t.Fatalf("after re-registering: %v", err)
	}
}

func TestOpErrors(t *testing.T) {
	t.Parallel()
	r := ops.NewRegistry()
	Register(r)
	reg, _ := r.Lookup("registerView")
	run, _ := r.Lookup("sql")
	c := &ops.Ctx{}
	f := frame(t, []string{"a"}, col[int64](1, 0))
	if _, err := reg(c, []data.Value{data.Str("v"), f}, nil); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name    string
		op      ops.Func
		args    []data.Value
		msg     string
		compile bool // an ops.CompileError (exit code 2)
	}{
		{"matrix view", reg, []data.Value{data.Str("m"), col(1.0)}, `registerView: the view "m" must be a frame, got DenseMatrix(1x1, double)`, false},
		{"view name not a string", reg, []data.Value{data.SI64(1), f}, "registerView: name", false},
		{"registerView arity", reg, []data.Value{f}, "registerView expects 2 arguments", false},
		{"sql arity", run, nil, "sql expects 1 argument", false},
		{"query not a string", run, []data.Value{data.SI64(1)}, "sql: query", false},
		{"syntax", run, []data.Value{data.Str("SELECT")}, "sql: 1:7: expected an expression", true},
		{"unknown column", run, []data.Value{data.Str("SELECT v.b FROM v")}, `sql: 1:8: unknown column "v.b" (view v has a)`, true},
		{"run time", run, []data.Value{data.Str("SELECT 1 / v.a FROM v")}, "sql: 1:10: integer division by zero", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := tc.op(c, tc.args, nil)
			if err == nil || !strings.Contains(err.Error(), tc.msg) {
				t.Fatalf("got %v, want %q", err, tc.msg)
			}
			var ce *ops.CompileError
			if errors.As(err, &ce) != tc.compile {
				t.Fatalf("CompileError: %t, want %t (%v)", !tc.compile, tc.compile, err)
			}
		})
	}
}
