package pass

import "github.com/daphne-go/daphne/ir"

// Purity of builtin ops, kept as data with reasons.
//
// An op not listed here is pure: its results depend only on its arguments
// and attributes and it has no effect besides them (or a run-time error).
// Rejected alternative: an allow-list of pure ops. The builtin table is
// large and still growing; a deny-list of the few effectful ops is shorter
// to review, and a new effectful op must be added here (pure is the common
// case).
var effects = map[string]string{
	"print":               "writes to stdout or stderr",
	"write":               "writes a file",
	"writeMatrix":         "writes a file",
	"writeFrame":          "writes a file",
	"readMatrix":          "reads a file, which may be missing or change",
	"readFrame":           "reads a file, which may be missing or change",
	"readCsv":             "reads a file, which may be missing or change",
	"stop":                "aborts the run",
	"startProfiling":      "starts a profiling region",
	"stopProfiling":       "ends a profiling region",
	"openFile":            "opens a file",
	"openDevice":          "opens a device",
	"openFileOnTarget":    "opens a file",
	"close":               "closes a file",
	"receiveFromNumpy":    "reads shared memory of the Python API",
	"saveDaphneLibResult": "hands a result to the Python API",
	"registerView":        "registers a view for later sql calls",
	"sql":                 "reads the views registered so far",
	"map":                 "runs a user function, which may have effects",
}

// nondeterministic ops have no effect but different results on each call:
// dead-code elimination may drop them, folding must not evaluate them.
var nondeterministic = map[string]string{
	"now":    "the current time",
	"rand":   "random unless seeded (and a matrix anyway)",
	"sample": "random unless seeded (and a matrix anyway)",
}

// hasEffects reports whether a call op must be kept even when its results
// are unused.
func hasEffects(op *ir.Op) bool {
	_, ok := effects[op.Name]
	return ok
}

// foldable reports whether a call op may be evaluated at compile time.
// Ops carrying a kernel hint are not folded, so an invalid hint still
// fails at run time as in DAPHNE.
func foldable(op *ir.Op) bool {
	if op.Kind != ir.KindCall || hasEffects(op) || op.Attr("kernel") != "" {
		return false
	}
	_, nd := nondeterministic[op.Name]
	return !nd
}

// purity answers "may this op be removed when its results are unused?",
// memoising the answer for user functions.
type purity struct {
	m     *ir.Module
	funcs map[string]bool
}

func newPurity(m *ir.Module) *purity { return &purity{m: m, funcs: map[string]bool{}} }

// removable reports whether op has no effect besides its results.
// Loops are kept (they might not terminate), as are returns and yields.
func (p *purity) removable(op *ir.Op) bool {
	switch op.Kind {
	case ir.KindConst:
		return true
	case ir.KindCall:
		// An op with a kernel hint is kept so that an invalid hint still
		// fails at run time, as in DAPHNE.
		return !hasEffects(op) && op.Attr("kernel") == ""
	case ir.KindCallFunc:
		return p.funcPure(op.Name)
	case ir.KindIf:
		for _, r := range op.Regions {
			if !p.regionPure(r, false) {
				return false
			}
		}
		return true
	}
	return false
}

// regionPure reports whether every op of b is removable, with yields (and
// returns, if allowed) as terminators.
func (p *purity) regionPure(b *ir.Block, allowReturn bool) bool {
	for _, op := range b.Ops {
		switch {
		case op.Kind == ir.KindYield:
		case op.Kind == ir.KindReturn && allowReturn:
		case op.Kind == ir.KindCallFunc:
			return false // keep it simple: no purity through nested calls
		case !p.removable(op):
			return false
		}
	}
	return true
}

// funcPure reports whether calling the user function has no effects. Its
// body may not call other user functions (so recursion needs no care) nor
// contain loops.
func (p *purity) funcPure(name string) bool {
	if v, ok := p.funcs[name]; ok {
		return v
	}
	f := p.m.Func(name)
	pure := f != nil && f.Body != nil && p.bodyPure(f.Body)
	p.funcs[name] = pure
	return pure
}

// bodyPure is regionPure for a function body, where returns may also end
// the blocks of nested ifs.
func (p *purity) bodyPure(b *ir.Block) bool {
	for _, op := range b.Ops {
		switch op.Kind {
		case ir.KindYield, ir.KindReturn:
		case ir.KindIf:
			for _, r := range op.Regions {
				if !p.bodyPure(r) {
					return false
				}
			}
		case ir.KindCallFunc:
			return false
		default:
			if !p.removable(op) {
				return false
			}
		}
	}
	return true
}
