package pass

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/ir"
	"github.com/daphne-go/daphne/ir/irtest"
	"github.com/daphne-go/daphne/types"
)

const syrkSrc = `func @main(%0: matrix<f64>[4x4]) -> () {
  %1 = call transpose(%0) : ?
  %2 = call matMul(%1, %0) : ?
  %3 = const true : bool
  call print(%2, %3, %3)
  return
}
`

func mustParse(t *testing.T, src string) *ir.Module {
	t.Helper()
	m, err := ir.Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestCheckOrder checks the init-time check of the ordering constraints.
func TestCheckOrder(t *testing.T) {
	t.Parallel()
	a, b := pass{name: "a"}, pass{name: "b"}
	cases := []struct {
		name   string
		passes []pass
		order  []constraint
		want   string
	}{
		{"real table", passes[:], order[:], ""},
		{"in order", []pass{a, b}, []constraint{{"a", "b", "why"}}, ""},
		{"out of order", []pass{b, a}, []constraint{{"a", "b", "why"}}, "pass: a must run before b: why"},
		{"unknown name", []pass{a}, []constraint{{"a", "c", "why"}}, "names an unknown pass"},
		{"duplicate", []pass{a, a}, nil, `"a" appears twice`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			err := checkOrder(tc.passes, tc.order)
			if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
				t.Fatalf("got %v, want %q", err, tc.want)
			}
		})
	}
}

// TestRunStages checks the --explain stages and their order, with and
// without physical operator selection.
func TestRunStages(t *testing.T) {
	t.Parallel()
	for _, noPhy := range []bool{false, true} {
		var stages []string
		var final string
		m := mustParse(t, syrkSrc)
		err := Run(m, Options{NoPhyOpSelection: noPhy, VerifyEach: true, Explain: func(s string, m *ir.Module) {
			stages = append(stages, s)
			final = m.String()
		}})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(stages, Stages()) {
			t.Errorf("noPhy=%v: stages %v, want %v", noPhy, stages, Stages())
		}
		if got := strings.Contains(final, "syrk"); got == noPhy {
			t.Errorf("noPhy=%v: syrk selected = %v:\n%s", noPhy, got, final)
		}
	}
}

// TestRunErrors checks that Run rejects a broken input under VerifyEach
// and that errors name the pass.
func TestRunErrors(t *testing.T) {
	t.Parallel()
	f := ir.NewFunc("main", nil, []types.Type{types.ScalarOf(types.SI64)})
	ir.NewBuilder(f, f.Body).Return()
	m := &ir.Module{Funcs: []*ir.Func{f}}
	err := Run(m, Options{VerifyEach: true})
	if err == nil || !errors.Is(err, ir.ErrInvalid) || !strings.HasPrefix(err.Error(), "pass: input module: ") {
		t.Fatalf("got %v, want an input verification error", err)
	}
	s := &state{m: mustParse(t, syrkSrc), opts: Options{VerifyEach: true}}
	broken := pass{name: "breaker", fn: func(s *state) error {
		s.m.Funcs[0].Body.Ops = nil
		return nil
	}}
	if err := s.run(broken); err == nil || !strings.HasPrefix(err.Error(), "pass: after breaker: ir: verify") {
		t.Fatalf("got %v, want a verification error naming the pass", err)
	}
	failing := pass{name: "failer", fn: func(*state) error { return errors.New("boom") }}
	if err := s.run(failing); err == nil || err.Error() != "pass failer: boom" {
		t.Fatalf("got %v", err)
	}
}

// badEval returns results of the wrong count or type.
type badEval struct{ res []ir.Const }

var _ Evaluator = badEval{}

func (e badEval) Eval(string, []ir.Const, map[string]string) ([]ir.Const, bool) { return e.res, true }

// TestFoldDistrustsEvaluator checks that results of the wrong count or of
// no concrete type are not folded, that f32 results are rounded, and that
// several scalar results become several constants.
func TestFoldDistrustsEvaluator(t *testing.T) {
	t.Parallel()
	src := `func @main() -> () {
  %0 = const 1 : si64
  %1 = call f(%0) : si64
  %2 = const true : bool
  call print(%1, %2, %2)
  return
}
`
	two := `func @main() -> () {
  %0 = const 1 : si64
  %1, %2 = call f(%0) : (si64, f64)
  %3 = const true : bool
  call print(%1, %2, %3)
  return
}
`
	cases := []struct {
		name, src string
		res       []ir.Const
		want      string
	}{
		{"too many", src, []ir.Const{{VT: types.SI64}, {VT: types.SI64}}, "%1 = call f(%0) : si64"},
		{"unknown type", src, []ir.Const{{}}, "%1 = call f(%0) : si64"},
		{"f32 rounded", src, []ir.Const{{VT: types.F32, F: 0.1}}, "%1 = const 0.1 : f32"},
		{"two results", two, []ir.Const{{VT: types.SI64, I: 4}, {VT: types.F64, F: 2.5}}, "%4 = const 4 : si64\n  %5 = const 2.5 : f64\n  %3 = const true : bool\n  call print(%4, %5, %3)"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			m := mustParse(t, tc.src)
			s := &state{m: m, opts: Options{Eval: badEval{tc.res}, VerifyEach: true}}
			p, _ := lookup("fold")
			if err := s.run(p); err != nil {
				t.Fatal(err)
			}
			if got := m.String(); !strings.Contains(got, tc.want) {
				t.Errorf("got\n%s\nwant it to contain %q", got, tc.want)
			}
		})
	}
}

// TestFoldNaNSign checks that a NaN created by folded float arithmetic is
// positive, as LLVM's APFloat makes it in DAPHNE (printed nan, where the
// run-time hardware NaN prints -nan), and that a NaN operand and other ops
// keep the evaluator's NaN.
func TestFoldNaNSign(t *testing.T) {
	t.Parallel()
	negNaN := math.Float64frombits(0xfff8000000000000)
	src := func(op, a, vt string) string {
		return `func @main() -> () {
  %0 = const ` + a + ` : ` + vt + `
  %1 = call ` + op + `(%0, %0) : ` + vt + `
  %2 = const true : bool
  call print(%1, %2, %2)
  return
}
`
	}
	cases := []struct {
		name, op, a, vt string
		wantNeg         bool
	}{
		{"div creates NaN", "ewDiv", "0", "f64", false},
		{"sub creates NaN", "ewSub", "inf", "f64", false},
		{"mul f32", "ewMul", "0", "f32", false},
		{"NaN operand propagates", "ewAdd", "nan", "f64", true},
		{"other op", "ewPow", "0", "f64", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			m := mustParse(t, src(tc.op, tc.a, tc.vt))
			vt, _ := types.ParseValueType(tc.vt)
			s := &state{m: m, opts: Options{Eval: badEval{[]ir.Const{{VT: vt, F: negNaN}}}, VerifyEach: true}}
			p, _ := lookup("fold")
			if err := s.run(p); err != nil {
				t.Fatal(err)
			}
			c := m.Funcs[0].Body.Ops[1].Const
			if c == nil || !math.IsNaN(c.F) || math.Signbit(c.F) != tc.wantNeg {
				t.Fatalf("folded constant %+v, want a NaN with sign bit %v", c, tc.wantNeg)
			}
		})
	}
}

// TestFoldMinMaxAPFloat checks that folded float min and max follow
// llvm::minimum/maximum as in DAPHNE: a NaN operand wins, -0 < +0.
func TestFoldMinMaxAPFloat(t *testing.T) {
	t.Parallel()
	nan, negZero := math.NaN(), math.Copysign(0, -1)
	cases := []struct {
		name     string
		op, a, b string
		evalRes  float64 // what the run-time kernel gives
		want     float64
	}{
		{"min NaN right", "ewMin", "1.5", "nan", 1.5, nan},
		{"max NaN right", "ewMax", "2", "nan", 2, nan},
		{"min NaN left", "ewMin", "nan", "1", nan, nan},
		{"min of zeros", "ewMin", "0", "-0", 0, negZero},
		{"max of zeros", "ewMax", "-0", "0", negZero, 0},
		{"max of negative zeros", "ewMax", "-0", "-0", negZero, negZero},
		{"min numbers unchanged", "ewMin", "3", "-4", -4, -4},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			m := mustParse(t, `func @main() -> () {
  %0 = const `+tc.a+` : f64
  %1 = const `+tc.b+` : f64
  %2 = call `+tc.op+`(%0, %1) : f64
  %3 = const true : bool
  call print(%2, %3, %3)
  return
}
`)
			s := &state{m: m, opts: Options{Eval: badEval{[]ir.Const{{VT: types.F64, F: tc.evalRes}}}, VerifyEach: true}}
			p, _ := lookup("fold")
			if err := s.run(p); err != nil {
				t.Fatal(err)
			}
			c := m.Funcs[0].Body.Ops[2].Const
			if c == nil {
				t.Fatalf("not folded:\n%s", m)
			}
			if got := c.F; math.IsNaN(tc.want) != math.IsNaN(got) || !math.IsNaN(got) && (got != tc.want || math.Signbit(got) != math.Signbit(tc.want)) {
				t.Fatalf("folded %v, want %v", got, tc.want)
			}
		})
	}
}

// FuzzRun runs the whole pipeline with verification after every pass on
// every module that parses and verifies: no pass may panic or produce an
// invalid module, and the only errors are a constant division by zero and a malformed
// constant SQL query.
func FuzzRun(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txt")
	irFiles, _ := filepath.Glob("../testdata/*.txt")
	for _, path := range append(files, irFiles...) {
		text, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		cases, _, err := irtest.ParseFile(string(text))
		if err != nil {
			f.Fatal(err)
		}
		for _, c := range cases {
			f.Add(c.Input)
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		m, err := ir.Parse(src)
		if err != nil || ir.Verify(m) != nil {
			return
		}
		err = Run(m, Options{Eval: &fakeEval{}, VerifyEach: true})
		var dz *DivByZeroError
		var sq *SQLError
		if err != nil && !errors.As(err, &dz) && !errors.As(err, &sq) { // a constant division by zero or a bad constant query is the script's error
			t.Fatalf("%v\ninput:\n%s", err, src)
		}
	})
}
