package pass

import (
	"sort"
	"testing"

	"github.com/daphne-go/daphne/ir"
	"github.com/daphne-go/daphne/types"
)

// opModule returns a module whose main calls op name on a constant and
// ignores the result.
func opModule(name string) *ir.Module {
	f := ir.NewFunc("main", nil, nil)
	b := ir.NewBuilder(f, f.Body)
	c := b.Const(ir.Const{VT: types.SI64, I: 1})
	b.Call(name, types.ScalarOf(types.SI64), c, c)
	b.Return()
	return &ir.Module{Funcs: []*ir.Func{f}}
}

// countingEval folds everything to 0 and records what it was asked.
type countingEval struct{ asked []string }

var _ Evaluator = (*countingEval)(nil)

func (e *countingEval) Eval(op string, args []ir.Const, _ map[string]string) ([]ir.Const, bool) {
	e.asked = append(e.asked, op)
	return []ir.Const{{VT: types.SI64}}, true
}

// TestPurityTables checks every entry of the purity tables: ops with
// effects survive deadcode and are never evaluated; nondeterministic ops
// are never evaluated but may be removed; an ordinary op is both.
func TestPurityTables(t *testing.T) {
	t.Parallel()
	type tc struct {
		name                 string
		wantKept, wantFolded bool
	}
	var cases []tc
	for _, n := range sortedKeys(effects) {
		cases = append(cases, tc{n, true, false})
	}
	for _, n := range sortedKeys(nondeterministic) {
		cases = append(cases, tc{n, false, false})
	}
	cases = append(cases, tc{"ewAdd", false, true})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			m := opModule(c.name)
			if err := deadcode(&state{m: m}); err != nil {
				t.Fatal(err)
			}
			if kept := len(m.Main().Body.Ops) == 3; kept != c.wantKept {
				t.Errorf("kept by deadcode = %v, want %v:\n%s", kept, c.wantKept, m)
			}
			ev := &countingEval{}
			m = opModule(c.name)
			if err := fold(&state{m: m, opts: Options{Eval: ev}}); err != nil {
				t.Fatal(err)
			}
			if folded := len(ev.asked) == 1; folded != c.wantFolded {
				t.Errorf("evaluated = %v, want %v", folded, c.wantFolded)
			}
			if err := ir.Verify(m); err != nil {
				t.Error(err)
			}
		})
	}
}

func sortedKeys(m map[string]string) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
