package ir

import (
	"errors"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/types"
)

var si64 = types.ScalarOf(types.SI64)

// mainWith returns a module whose main takes one si64 parameter, runs the
// ops added by build and returns nothing.
func mainWith(build func(f *Func, b *Builder)) *Module {
	f := NewFunc("main", []types.Type{si64}, nil)
	b := NewBuilder(f, f.Body)
	build(f, b)
	return &Module{Funcs: []*Func{f}}
}

// TestVerifyBroken checks Verify on modules that the text form cannot
// express (shared pointers, nil values, bad payloads), and the message of
// each error.
func TestVerifyBroken(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		m    func() *Module
		want string
	}{
		{"ok", func() *Module {
			return mainWith(func(f *Func, b *Builder) { b.Return() })
		}, ""},
		{"nil argument", func() *Module {
			return mainWith(func(f *Func, b *Builder) { b.Call("print", types.Any, nil); b.Return() })
		}, "op %1 = call print: argument 0 is nil"},
		{"value of another function", func() *Module {
			g := NewFunc("g", []types.Type{si64}, nil)
			return mainWith(func(f *Func, b *Builder) { b.Call("print", types.Any, g.Params[0]); b.Return() })
		}, "argument 0 (%0) is not defined before its use"},
		{"result of another op", func() *Module {
			return mainWith(func(f *Func, b *Builder) {
				op := b.Op(KindCall, "x", nil, si64)
				op2 := b.Op(KindCall, "y", nil)
				op2.Results = []*Value{f.NewValue(si64, op)}
				b.Return()
			})
		}, "op %2 = call y: result %2 does not point back to its defining op"},
		{"same value twice", func() *Module {
			return mainWith(func(f *Func, b *Builder) {
				op := b.Op(KindCall, "x", nil, si64)
				op.Results = append(op.Results, op.Results[0])
				b.Return()
			})
		}, "op %1, %1 = call x: result %1 is defined twice"},
		{"duplicate ID", func() *Module {
			return mainWith(func(f *Func, b *Builder) {
				b.Call("x", si64).ID = 0
				b.Return()
			})
		}, "op %0 = call x: result %0 reuses the ID of another value"},
		{"const without value", func() *Module {
			return mainWith(func(f *Func, b *Builder) { b.Op(KindConst, "", nil, si64); b.Return() })
		}, "op %1 = const: const has no value"},
		{"bool const out of range", func() *Module {
			return mainWith(func(f *Func, b *Builder) { b.Const(Const{VT: types.Bool, I: 2}); b.Return() })
		}, "bool const holds 2, want 0 or 1"},
		{"f32 const not representable", func() *Module {
			return mainWith(func(f *Func, b *Builder) { b.Const(Const{VT: types.F32, F: 0.1}); b.Return() })
		}, "f32 const holds 0.1, which is not a float32 value"},
		{"const of unknown type", func() *Module {
			return mainWith(func(f *Func, b *Builder) { b.Const(Const{}); b.Return() })
		}, "const has no concrete value type (unknown)"},
		{"const with argument", func() *Module {
			return mainWith(func(f *Func, b *Builder) {
				v := b.Const(Const{VT: types.SI64})
				v.Def.Args = []*Value{f.Params[0]}
				b.Return()
			})
		}, "const has 1 arguments and 1 results, want 0 and 1"},
		{"unknown kind", func() *Module {
			return mainWith(func(f *Func, b *Builder) { b.Op(Kind(42), "", nil); b.Return() })
		}, "op Kind(42): unknown op kind 42"},
		{"nil region", func() *Module {
			return mainWith(func(f *Func, b *Builder) {
				b.Op(KindIf, "", []*Value{f.Params[0]}).Regions = []*Block{nil, nil}
				b.Return()
			})
		}, "op if: region 0 is nil"},
		{"empty region", func() *Module {
			return mainWith(func(f *Func, b *Builder) {
				b.Op(KindIf, "", []*Value{f.Params[0]}).Regions = []*Block{{}, {}}
				b.Return()
			})
		}, "op if: if region is empty; it must end in a terminator"},
		{"no body", func() *Module {
			m := mainWith(func(f *Func, b *Builder) {})
			m.Funcs[0].Body = nil
			return m
		}, "func @main: function has no body"},
		{"duplicate function", func() *Module {
			m := mainWith(func(f *Func, b *Builder) { b.Return() })
			m.Funcs = append(m.Funcs, m.Funcs[0])
			return m
		}, "func @main: function defined twice"},
		{"block argument with a defining op", func() *Module {
			return mainWith(func(f *Func, b *Builder) {
				c := b.Const(Const{VT: types.SI64})
				w := b.Op(KindFor, "", []*Value{c, c, c})
				w.Regions = []*Block{{Args: []*Value{c}}}
				NewBuilder(f, w.Regions[0]).Yield()
				b.Return()
			})
		}, "op for: body block argument %1 is defined twice"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			err := Verify(tc.m())
			if tc.want == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error containing %q", err, tc.want)
			}
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("error does not wrap ErrInvalid")
			}
		})
	}
}

// TestVerifyErrorLoc checks that the op's location is part of the message.
func TestVerifyErrorLoc(t *testing.T) {
	t.Parallel()
	m := mainWith(func(f *Func, b *Builder) {
		b.Loc = Loc{File: "s.daph", Line: 4, Col: 9}
		b.Op(KindCall, "", nil)
		b.Return()
	})
	want := "ir: verify: func @main: op call  (s.daph:4:9): call has no op name"
	if err := Verify(m); err == nil || err.Error() != want {
		t.Fatalf("got %v, want %q", err, want)
	}
}
