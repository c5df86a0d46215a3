package interp

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/ir"
	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
	"github.com/daphne-go/daphne/types"
)

// testRegistry holds a few si64 scalar ops so that control flow can be tested
// without the kernel packages.
func testRegistry() *ops.Registry {
	r := ops.NewRegistry()
	bin := func(f func(a, b int64) int64) ops.Func {
		return func(_ *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
			return ops.Results(data.SI64(f(args[0].(*data.Scalar).I, args[1].(*data.Scalar).I))), nil
		}
	}
	r.Register("ewAdd", bin(func(a, b int64) int64 { return a + b }))
	r.Register("ewSub", bin(func(a, b int64) int64 { return a - b }))
	r.Register("ewLt", bin(func(a, b int64) int64 {
		if a < b {
			return 1
		}
		return 0
	}))
	r.Register("print", func(c *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
		fmt.Fprintln(c.Stdout, args[0].(*data.Scalar).I)
		return nil, nil
	})
	r.Register("stop", func(*ops.Ctx, []data.Value, map[string]string) ([]data.Value, error) {
		return nil, &ops.StopError{Msg: "unspecified reason"}
	})
	r.Register("boom", func(*ops.Ctx, []data.Value, map[string]string) ([]data.Value, error) {
		var m map[string]int
		m["x"] = 1 // a bug in an op: must be recovered
		return nil, nil
	})
	return r
}

var si64 = types.ScalarOf(types.SI64)

func konst(b *ir.Builder, v int64) *ir.Value { return b.Const(ir.Const{VT: types.SI64, I: v}) }

func run(t *testing.T, m *ir.Module) (string, error) {
	t.Helper()
	var out bytes.Buffer
	err := Run(context.Background(), m, testRegistry(), Options{Stdout: &out})
	return out.String(), err
}

// fib builds def fib(n) -> si64 { if (n < 2) return n; return fib(n-1) + fib(n-2); }
// with the early return nested in an if region.
func fibFunc() *ir.Func {
	f := ir.NewFunc("fib", []types.Type{si64}, []types.Type{si64})
	b := ir.NewBuilder(f, f.Body)
	n := f.Params[0]
	c := b.Call("ewLt", si64, n, konst(b, 2))
	ifOp := b.Op(ir.KindIf, "", []*ir.Value{c})
	then, els := &ir.Block{}, &ir.Block{}
	ifOp.Regions = []*ir.Block{then, els}
	ir.NewBuilder(f, then).Return(n)
	ir.NewBuilder(f, els).Yield()
	a := b.Op(ir.KindCallFunc, "fib", []*ir.Value{b.Call("ewSub", si64, n, konst(b, 1))}, si64).Results[0]
	d := b.Op(ir.KindCallFunc, "fib", []*ir.Value{b.Call("ewSub", si64, n, konst(b, 2))}, si64).Results[0]
	b.Return(b.Call("ewAdd", si64, a, d))
	return f
}

func TestRecursionAndEarlyReturn(t *testing.T) {
	main := ir.NewFunc("main", nil, nil)
	b := ir.NewBuilder(main, main.Body)
	r := b.Op(ir.KindCallFunc, "fib", []*ir.Value{konst(b, 15)}, si64).Results[0]
	b.Op(ir.KindCall, "print", []*ir.Value{r})
	b.Return()
	out, err := run(t, &ir.Module{Funcs: []*ir.Func{main, fibFunc()}})
	if err != nil || out != "610\n" {
		t.Fatalf("fib(15): got %q, %v; want 610", out, err)
	}
}

// TestLoops sums 1..10 with a for loop (step auto) and counts down with a
// while loop, both carrying a value.
func TestLoops(t *testing.T) {
	for _, tc := range []struct {
		name     string
		from, to int64
		want     string
	}{
		{"up", 1, 10, "55\n"},
		{"down", 10, 1, "55\n"},
		{"single", 3, 3, "3\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			main := ir.NewFunc("main", nil, nil)
			b := ir.NewBuilder(main, main.Body)
			zero := konst(b, 0)
			forOp := b.Op(ir.KindFor, "", []*ir.Value{konst(b, tc.from), konst(b, tc.to), zero}, si64)
			forOp.SetAttr("step", "auto")
			body := &ir.Block{Args: []*ir.Value{main.NewValue(si64, nil), main.NewValue(si64, nil)}}
			forOp.Regions = []*ir.Block{body}
			bb := ir.NewBuilder(main, body)
			bb.Yield(bb.Call("ewAdd", si64, body.Args[1], body.Args[0]))
			b.Op(ir.KindCall, "print", []*ir.Value{forOp.Results[0]})
			b.Return()
			out, err := run(t, &ir.Module{Funcs: []*ir.Func{main}})
			if err != nil || out != tc.want {
				t.Fatalf("got %q, %v; want %q", out, err, tc.want)
			}
		})
	}
}

func TestWhileAndDoWhile(t *testing.T) {
	for _, do := range []bool{false, true} {
		main := ir.NewFunc("main", nil, nil)
		b := ir.NewBuilder(main, main.Body)
		w := b.Op(ir.KindWhile, "", []*ir.Value{konst(b, 0)}, si64)
		if do {
			w.SetAttr("do", "true")
		}
		cond := &ir.Block{Args: []*ir.Value{main.NewValue(si64, nil)}}
		body := &ir.Block{Args: []*ir.Value{main.NewValue(si64, nil)}}
		w.Regions = []*ir.Block{cond, body}
		cb := ir.NewBuilder(main, cond)
		cb.Yield(cb.Call("ewLt", si64, cond.Args[0], konst(cb, 0))) // false at once
		bb := ir.NewBuilder(main, body)
		bb.Yield(bb.Call("ewAdd", si64, body.Args[0], konst(bb, 1)))
		b.Op(ir.KindCall, "print", []*ir.Value{w.Results[0]})
		b.Return()
		out, err := run(t, &ir.Module{Funcs: []*ir.Func{main}})
		want := "0\n"
		if do {
			want = "1\n" // the body runs once before the first test
		}
		if err != nil || out != want {
			t.Errorf("do=%v: got %q, %v; want %q", do, out, err, want)
		}
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name, op string
		want     string
	}{
		{"stop", "stop", "system stopped: unspecified reason"},
		{"panic in op recovered", "boom", "s.daph:4:2: internal error in boom"},
		{"missing op", "nosuchop", `s.daph:4:2: operation "nosuchop" is not implemented yet`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			main := ir.NewFunc("main", nil, nil)
			b := ir.NewBuilder(main, main.Body)
			b.Loc = ir.Loc{File: "s.daph", Line: 4, Col: 2}
			b.Op(ir.KindCall, tc.op, nil)
			b.Return()
			_, err := run(t, &ir.Module{Funcs: []*ir.Func{main}})
			var re *RuntimeError
			if !errors.As(err, &re) || !strings.HasPrefix(err.Error(), tc.want) {
				t.Fatalf("got %v, want prefix %q", err, tc.want)
			}
		})
	}
}

func TestDeadValuesAreFreed(t *testing.T) {
	main := ir.NewFunc("main", nil, nil)
	b := ir.NewBuilder(main, main.Body)
	x := konst(b, 1)
	y := b.Call("ewAdd", si64, x, x)
	b.Op(ir.KindCall, "print", []*ir.Value{y})
	b.Return()
	d := deadAfter(main.Body)
	if len(d[1]) != 1 || d[1][0] != x || len(d[2]) != 1 || d[2][0] != y {
		t.Fatalf("dead sets: %v", d)
	}
}
