package pass

import (
	"flag"
	"path/filepath"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/ir"
	"github.com/daphne-go/daphne/ir/irtest"
	"github.com/daphne-go/daphne/types"
)

var update = flag.Bool("update", false, "rewrite the expected outputs of testdata files")

// fakeEval folds ewAdd, ewSub, ewMul, ewDiv and ewLt on si64 and f64
// constants (f64 if either side is f64), refuses integer division by zero,
// and knows no other op.
type fakeEval struct{ calls []string }

var _ Evaluator = (*fakeEval)(nil)

func (e *fakeEval) Eval(op string, args []ir.Const, attrs map[string]string) ([]ir.Const, bool) {
	e.calls = append(e.calls, op)
	if len(args) != 2 {
		return nil, false
	}
	a, b := args[0], args[1]
	for _, c := range args {
		if c.VT != types.SI64 && c.VT != types.F64 {
			return nil, false
		}
	}
	if a.VT == types.F64 || b.VT == types.F64 {
		x, y := asF(a), asF(b)
		var r float64
		switch op {
		case "ewAdd":
			r = x + y
		case "ewSub":
			r = x - y
		case "ewMul":
			r = x * y
		case "ewDiv":
			r = x / y
		case "ewLt":
			r = map[bool]float64{true: 1}[x < y]
		default:
			return nil, false
		}
		return []ir.Const{{VT: types.F64, F: r}}, true
	}
	var r int64
	switch op {
	case "ewAdd":
		r = a.I + b.I
	case "ewSub":
		r = a.I - b.I
	case "ewMul":
		r = a.I * b.I
	case "ewDiv":
		if b.I == 0 {
			return nil, false
		}
		r = a.I / b.I
	case "ewLt":
		r = map[bool]int64{true: 1}[a.I < b.I]
	default:
		return nil, false
	}
	return []ir.Const{{VT: types.SI64, I: r}}, true
}

func asF(c ir.Const) float64 {
	if c.VT == types.F64 {
		return c.F
	}
	return float64(c.I)
}

// TestDataDriven runs testdata/*.txt. Commands:
//
//	pass <name>... [noeval]   run the named passes (Verify after each)
//	run [no-phy] [select-repr] [noeval] [disable=a,b]   run the whole pipeline
//	explain                  run the pipeline and print every stage
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
	m, err := ir.Parse(c.Input)
	if err != nil {
		t.Fatalf("input does not parse: %v", err)
	}
	if err := ir.Verify(m); err != nil {
		t.Fatalf("input does not verify: %v", err)
	}
	opts := Options{Eval: &fakeEval{}, VerifyEach: true}
	if c.HasArg("noeval") {
		opts.Eval = nil
	}
	var out strings.Builder
	switch c.Cmd {
	case "pass":
		s := &state{m: m, opts: opts}
		for _, name := range c.Args {
			if name == "noeval" {
				continue
			}
			p, ok := lookup(name)
			if !ok {
				t.Fatalf("unknown pass %q", name)
			}
			if err := s.run(p); err != nil {
				return "error: " + err.Error()
			}
		}
	case "run":
		opts.NoPhyOpSelection = c.HasArg("no-phy")
		opts.SelectMatrixRepr = c.HasArg("select-repr")
		for _, a := range c.Args {
			if d, ok := strings.CutPrefix(a, "disable="); ok {
				opts.Disabled = map[string]bool{}
				for _, n := range strings.Split(d, ",") {
					opts.Disabled[n] = true
				}
			}
		}
		if err := Run(m, opts); err != nil {
			return "error: " + err.Error()
		}
	case "explain":
		opts.Explain = func(stage string, m *ir.Module) {
			out.WriteString("== " + stage + "\n" + m.String())
		}
		if err := Run(m, opts); err != nil {
			return "error: " + err.Error()
		}
		return out.String()
	default:
		t.Fatalf("unknown command %q", c.Cmd)
	}
	printed := m.String()
	if m2, err := ir.Parse(printed); err != nil || m2.String() != printed {
		t.Fatalf("output does not round-trip (%v):\n%s", err, printed)
	}
	return printed
}

func lookup(name string) (pass, bool) {
	for _, p := range passes {
		if p.name == name {
			return p, true
		}
	}
	return pass{}, false
}
