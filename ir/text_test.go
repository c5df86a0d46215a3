package ir

import (
	"errors"
	"flag"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/ir/irtest"
	"github.com/daphne-go/daphne/types"
)

var update = flag.Bool("update", false, "rewrite the expected outputs of testdata files")

// TestDataDriven runs testdata/*.txt: "parse" prints the parsed module (or
// the parse error) and checks idempotence; "verify" prints "ok" or the
// Verify error.
func TestDataDriven(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata files: %v", err)
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			irtest.RunFile(t, path, *update, runCase)
		})
	}
}

func runCase(t *testing.T, c *irtest.Case) string {
	m, err := Parse(c.Input)
	switch c.Cmd {
	case "parse":
		if err != nil {
			return "error: " + err.Error()
		}
		out := m.String()
		checkIdempotent(t, out)
		return out
	case "verify":
		if err != nil {
			t.Fatalf("verify input does not parse: %v", err)
		}
		if err := Verify(m); err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("Verify error %v does not wrap ErrInvalid", err)
			}
			return "error: " + err.Error()
		}
		checkIdempotent(t, m.String())
		return "ok"
	}
	t.Fatalf("unknown command %q", c.Cmd)
	return ""
}

// checkIdempotent checks that printed IR parses and prints identically.
func checkIdempotent(t *testing.T, printed string) {
	t.Helper()
	m, err := Parse(printed)
	if err != nil {
		t.Fatalf("printed module does not parse: %v\n%s", err, printed)
	}
	if again := m.String(); again != printed {
		t.Fatalf("printing is not idempotent:\nfirst:\n%s\nsecond:\n%s", printed, again)
	}
}

// TestConstRoundTrip checks that constants of every value type, including
// the extreme and special values, survive print and parse exactly.
func TestConstRoundTrip(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		c    Const
	}{
		{"si64 min", Const{VT: types.SI64, I: math.MinInt64}},
		{"si64 max", Const{VT: types.SI64, I: math.MaxInt64}},
		{"si32", Const{VT: types.SI32, I: -5}},
		{"si8", Const{VT: types.SI8, I: -128}},
		{"ui64 max", Const{VT: types.UI64, U: math.MaxUint64}},
		{"ui32", Const{VT: types.UI32, U: 4000000000}},
		{"ui8", Const{VT: types.UI8, U: 255}},
		{"size", Const{VT: types.Size, U: 12}},
		{"bool true", Const{VT: types.Bool, I: 1}},
		{"bool false", Const{VT: types.Bool}},
		{"f64 tenth", Const{VT: types.F64, F: 0.1}},
		{"f64 third", Const{VT: types.F64, F: 1.0 / 3}},
		{"f64 max", Const{VT: types.F64, F: math.MaxFloat64}},
		{"f64 denormal", Const{VT: types.F64, F: math.SmallestNonzeroFloat64}},
		{"f64 integral", Const{VT: types.F64, F: 3}},
		{"f64 big integral", Const{VT: types.F64, F: 1e22}},
		{"f64 negative zero", Const{VT: types.F64, F: math.Copysign(0, -1)}},
		{"f64 nan", Const{VT: types.F64, F: math.NaN()}},
		{"f64 inf", Const{VT: types.F64, F: math.Inf(1)}},
		{"f64 -inf", Const{VT: types.F64, F: math.Inf(-1)}},
		{"f32 tenth", Const{VT: types.F32, F: float64(float32(0.1))}},
		{"f32 max", Const{VT: types.F32, F: math.MaxFloat32}},
		{"f32 denormal", Const{VT: types.F32, F: math.SmallestNonzeroFloat32}},
		{"f32 nan", Const{VT: types.F32, F: math.NaN()}},
		{"str empty", Const{VT: types.Str}},
		{"str escapes", Const{VT: types.Str, S: "a\"b\\c\n\t\x00"}},
		{"str unicode", Const{VT: types.Str, S: "héllo ✓"}},
		{"str invalid utf8", Const{VT: types.Str, S: "\xff\xfe"}},
		{"str looks like IR", Const{VT: types.Str, S: "} loc(1:1)\n%0 = const"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := NewFunc("main", nil, []types.Type{types.ScalarOf(tc.c.VT)})
			b := NewBuilder(f, f.Body)
			b.Return(b.Const(tc.c))
			m := &Module{Funcs: []*Func{f}}
			if err := Verify(m); err != nil {
				t.Fatal(err)
			}
			text := m.String()
			m2, err := Parse(text)
			if err != nil {
				t.Fatalf("%v\n%s", err, text)
			}
			got := *m2.Main().Body.Ops[0].Const
			if !sameConst(got, tc.c) {
				t.Errorf("round trip of %+v gave %+v (text %q)", tc.c, got, text)
			}
			if m2.String() != text {
				t.Errorf("not idempotent:\n%s\n%s", text, m2.String())
			}
		})
	}
}

func sameConst(a, b Const) bool {
	if a.VT.IsFloat() && b.VT.IsFloat() && math.IsNaN(a.F) && math.IsNaN(b.F) {
		return a.VT == b.VT
	}
	if a.VT.IsFloat() && math.Signbit(a.F) != math.Signbit(b.F) {
		return false
	}
	return a == b
}

// TestBuilderRoundTrip builds a module with nested regions through the
// Builder API and checks print -> parse -> print and Verify.
func TestBuilderRoundTrip(t *testing.T) {
	t.Parallel()
	si := types.ScalarOf(types.SI64)
	f := NewFunc("main", []types.Type{si}, []types.Type{si})
	f.Params[0].Name = "n"
	b := NewBuilder(f, f.Body)
	b.Loc = Loc{File: "x.daph", Line: 2, Col: 3}
	one := b.Const(Const{VT: types.SI64, I: 1})
	loop := b.Op(KindWhile, "", []*Value{one}, si)
	cond := &Block{Args: []*Value{f.NewValue(si, nil)}}
	body := &Block{Args: []*Value{f.NewValue(si, nil)}}
	body.Args[0].Name = "i"
	loop.Regions = []*Block{cond, body}
	cb := NewBuilder(f, cond)
	cb.Yield(cb.Call("ewLt", si, cond.Args[0], f.Params[0]))
	bb := NewBuilder(f, body)
	ifop := bb.Op(KindIf, "", []*Value{body.Args[0]}, si)
	thenB, elseB := &Block{}, &Block{}
	ifop.Regions = []*Block{thenB, elseB}
	NewBuilder(f, thenB).Yield(NewBuilder(f, thenB).Call("ewAdd", si, body.Args[0], one))
	NewBuilder(f, elseB).Return(one)
	bb.Yield(ifop.Results[0])
	b.Return(loop.Results[0])
	m := &Module{Funcs: []*Func{f}}
	if err := Verify(m); err != nil {
		t.Fatal(err)
	}
	text := m.String()
	for _, want := range []string{"%0#n: si64", "body(%", "#i: si64", `loc("x.daph":2:3)`, "} else {", "return %1"} {
		if !strings.Contains(text, want) {
			t.Errorf("printed module lacks %q:\n%s", want, text)
		}
	}
	checkIdempotent(t, text)
	m2, _ := Parse(text)
	if err := Verify(m2); err != nil {
		t.Errorf("parsed module does not verify: %v", err)
	}
	if v := m2.Main().NewValue(si, nil); v.ID < 8 {
		t.Errorf("parser did not set the next ID past the parsed ones: got %d", v.ID)
	}
}

// TestParseErrorPosition checks that parse errors carry line and column.
func TestParseErrorPosition(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, src string
		line, col int
		msgSubstr string
	}{
		{"undefined value", "func @main() -> () {\n  call print(%4)\n}\n", 2, 14, "undefined value %4"},
		{"bad type", "func @main() -> () {\n  %0 = call f() : matrix<f65>\n}\n", 2, 19, "bad type"},
		{"missing brace", "func @main() -> ()\n", 1, 19, `expected "{"`},
		{"bad literal", "func @main() -> () {\n  %0 = const x : si64\n}\n", 2, 14, "bad si64 literal"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := Parse(tc.src)
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("got %v, want a *ParseError", err)
			}
			if pe.Line != tc.line || pe.Col != tc.col || !strings.Contains(pe.Msg, tc.msgSubstr) {
				t.Errorf("got %d:%d %q, want %d:%d containing %q", pe.Line, pe.Col, pe.Msg, tc.line, tc.col, tc.msgSubstr)
			}
		})
	}
}
