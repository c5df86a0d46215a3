package opset

import (
	"fmt"
	"math"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
	"github.com/daphne-go/daphne/types"
)

// family is a group of ops whose calls are built the same way.
type family struct {
	name string
	ops  []string
	vts  []types.ValueType // value types of the main argument tried
	// dense marks families whose inputs have no CSR form (frames).
	dense bool
	// files marks families that need a fresh directory per environment.
	files bool
	calls func(op string, e env) []call
}

// allFamilies lists every family of the property test.
func allFamilies() []family {
	return append(matrixFamilies(), otherFamilies()...)
}

// notExercised lists the registered ops the property test does not call,
// with the reason. A registered op in no family and not here fails
// TestOpShapesCoverage.
var notExercised = map[string]string{
	"now":            "takes no arguments",
	"stop":           "takes no matrix argument; its only behaviour is the StopError",
	"startProfiling": "takes only a region name",
	"stopProfiling":  "takes only a region name",
}

// knownGap returns why the call of op on e is skipped ("" if it is not),
// for failures found in packages outside this test's fix list and not yet
// fixed. None is open (the last, readMatrix of an r x 0 matrix, was fixed
// in runtime/fileio).
func knownGap(op string, e env) string {
	return ""
}

// TestOpShapesCoverage checks that every registered op is either exercised
// by a family or listed in notExercised with a reason, and that neither
// list names an op that is not registered.
func TestOpShapesCoverage(t *testing.T) {
	for _, p := range coverageProblems(Default()) {
		t.Error(p)
	}
}

// TestOpShapesCoverageFailsOnNewOp checks that an op registered without a
// family or a listed reason is reported.
func TestOpShapesCoverageFailsOnNewOp(t *testing.T) {
	reg := Default()
	reg.Register("brandNewOp", func(*ops.Ctx, []data.Value, map[string]string) ([]data.Value, error) { return nil, nil })
	got := strings.Join(coverageProblems(reg), "\n")
	if !strings.Contains(got, `op "brandNewOp" is registered but neither exercised`) {
		t.Errorf("coverage problems %q, want the unexercised new op", got)
	}
}

// coverageProblems lists the mismatches between reg and the families and
// notExercised.
func coverageProblems(reg *ops.Registry) []string {
	var bad []string
	seen := map[string]string{}
	for _, fam := range allFamilies() {
		for _, op := range fam.ops {
			if other, dup := seen[op]; dup {
				bad = append(bad, fmt.Sprintf("op %q is in families %s and %s", op, other, fam.name))
			}
			seen[op] = fam.name
			if _, ok := reg.Lookup(op); !ok {
				bad = append(bad, fmt.Sprintf("family %s names %q, which is not registered", fam.name, op))
			}
			if _, ok := notExercised[op]; ok {
				bad = append(bad, fmt.Sprintf("op %q is exercised by %s and also listed in notExercised", op, fam.name))
			}
		}
	}
	for op := range notExercised {
		if _, ok := reg.Lookup(op); !ok {
			bad = append(bad, fmt.Sprintf("notExercised names %q, which is not registered", op))
		}
	}
	for _, op := range reg.Names() {
		if _, ok := seen[op]; !ok && notExercised[op] == "" {
			bad = append(bad, fmt.Sprintf("op %q is registered but neither exercised by a shape family nor listed in notExercised", op))
		}
	}
	return bad
}

// TestOpShapes runs every family's calls on every test shape, value type
// and representation.
func TestOpShapes(t *testing.T) {
	reg := Default()
	for _, fam := range allFamilies() {
		t.Run(fam.name, func(t *testing.T) {
			for _, op := range fam.ops {
				t.Run(op, func(t *testing.T) {
					for _, s := range testShapes {
						for _, vt := range fam.vts {
							t.Run(fmt.Sprintf("%s_%s", s, vt), func(t *testing.T) {
								checkShapeCase(t, reg, fam, op, s, vt)
							})
						}
					}
				})
			}
		})
	}
}

// checkShapeCase runs op's calls on the dense and (unless the family is
// dense-only) the CSR form of one shape and value type, and compares them.
func checkShapeCase(t *testing.T, reg *ops.Registry, fam family, op string, s shape, vt types.ValueType) {
	dense := env{r: s.r, c: s.c, vt: vt, dir: tempDir(t, fam)}
	if gap := knownGap(op, dense); gap != "" {
		t.Skip(gap)
	}
	dOut := runEnv(t, reg, fam, op, dense)
	if fam.dense {
		return
	}
	sparse := dense
	sparse.sparse, sparse.dir = true, tempDir(t, fam)
	sOut := runEnv(t, reg, fam, op, sparse)
	dCalls := fam.calls(op, dense)
	for i, cl := range dCalls {
		if i >= len(sOut) {
			break // the dense environment's extra calls (on frames) come last
		}
		d, sp := dOut[i], sOut[i]
		if d.panic != "" || sp.panic != "" || d.err != nil || sp.err != nil {
			continue
		}
		for k := range d.res {
			if k < len(sp.res) {
				if diff := compareValues(d.res[k], sp.res[k]); diff != "" {
					t.Errorf("%s[%s] on %s: result %d differs between dense and CSR input: %s", op, cl.name, dense, k, diff)
				}
			}
		}
	}
}

// tempDir returns a fresh directory for families that write files.
func tempDir(t *testing.T, fam family) string {
	if !fam.files {
		return ""
	}
	return t.TempDir()
}

// runEnv runs op's calls for e and reports the violations of (a)-(c).
func runEnv(t *testing.T, reg *ops.Registry, fam family, op string, e env) []outcome {
	t.Helper()
	calls := fam.calls(op, e)
	outs := make([]outcome, len(calls))
	for i, cl := range calls {
		out, bad := runCall(reg, op, cl)
		outs[i] = out
		for _, b := range bad {
			t.Errorf("[%s] on %s: %s", cl.name, e, b)
		}
	}
	return outs
}

// compareValues describes the difference between two results ("" if they
// are equal; matrices compared after densifying, floats within 1e-9).
func compareValues(a, b data.Value) string {
	switch x := a.(type) {
	case *data.Scalar:
		y, ok := b.(*data.Scalar)
		if !ok {
			return fmt.Sprintf("%s vs %s", data.Describe(a), data.Describe(b))
		}
		if x.VT != y.VT || x.I != y.I || x.U != y.U || x.S != y.S || !closeFloat(x.F, y.F) {
			return fmt.Sprintf("%+v vs %+v", *x, *y)
		}
		return ""
	case data.Matrix:
		y, ok := b.(data.Matrix)
		if !ok {
			return fmt.Sprintf("%s vs %s", data.Describe(a), data.Describe(b))
		}
		return compareMatrices(x, y)
	case *data.List:
		y, ok := b.(*data.List)
		if !ok || len(x.Elems) != len(y.Elems) {
			return fmt.Sprintf("%s vs %s", data.Describe(a), data.Describe(b))
		}
		for i := range x.Elems {
			if d := compareMatrices(x.Elems[i], y.Elems[i]); d != "" {
				return fmt.Sprintf("element %d: %s", i, d)
			}
		}
		return ""
	}
	if !reflect.DeepEqual(a, b) {
		return fmt.Sprintf("%s vs %s", data.Describe(a), data.Describe(b))
	}
	return ""
}

func compareMatrices(a, b data.Matrix) string {
	if a.ValueType() != b.ValueType() || a.Rows() != b.Rows() || a.Cols() != b.Cols() {
		return fmt.Sprintf("%s vs %s", data.Describe(a), data.Describe(b))
	}
	ca, err := denseCells(a)
	if err != nil {
		return err.Error()
	}
	cb, err := denseCells(b)
	if err != nil {
		return err.Error()
	}
	switch x := ca.(type) {
	case []float64:
		return compareFloats(x, cb.([]float64))
	case []float32:
		y := cb.([]float32)
		fx, fy := make([]float64, len(x)), make([]float64, len(y))
		for i := range x {
			fx[i], fy[i] = float64(x[i]), float64(y[i])
		}
		return compareFloats(fx, fy)
	}
	if !reflect.DeepEqual(ca, cb) {
		return fmt.Sprintf("cells %v vs %v", ca, cb)
	}
	return ""
}

// denseCells returns the row-major cells of m, densified.
func denseCells(m data.Matrix) (any, error) {
	d, err := data.ToDenseMatrix(m)
	if err != nil {
		return nil, err
	}
	return data.DenseCells(d)
}

func compareFloats(x, y []float64) string {
	for i := range x {
		if !closeFloat(x[i], y[i]) {
			return fmt.Sprintf("cell %d: %v vs %v (cells %v vs %v)", i, x[i], y[i], x, y)
		}
	}
	return ""
}

func closeFloat(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	if a == b {
		return true
	}
	return math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

// famOp is one op of one family.
type famOp struct {
	fam family
	op  string
}

// fuzzOps lists the (family, op) pairs in a fixed order for FuzzOpShapes.
func fuzzOps() []famOp {
	var out []famOp
	fams := allFamilies()
	sort.Slice(fams, func(i, j int) bool { return fams[i].name < fams[j].name })
	for _, f := range fams {
		for _, op := range f.ops {
			out = append(out, famOp{f, op})
		}
	}
	return out
}

// aggValueGap reports where the aggregation forms disagree on purpose: as
// DAPHNE's kernels, aggMinAll and aggMaxAll start from the neutral element
// and skip NaN (all-NaN gives +-Inf) while the Row, Col and Grp forms start
// from the first value and keep a NaN that comes first (std::min/max
// order); agg's TestAggregateNaN pins both behaviours. Fuzz input
// 0e3e7907af1ba667 shows the difference. (A real gap this found, varCol
// and stddevCol of one non-finite cell giving 0, was fixed in b9b899e;
// fuzz inputs 45b51ec3cdac4034 and 771cd6c41c7b0a4e keep it fixed.)
func aggValueGap(stem string, values int) bool {
	return (stem == "aggMin" || stem == "aggMax") && values == fuzzNaNValues
}

// fuzzValues are the cell patterns FuzzOpShapes chooses from (nil: each
// matrix's fixed pattern); those from fuzzIntValues on are for floats only.
var fuzzValues = []func(k int) float64{
	nil,
	func(k int) float64 { return float64(k%3 - 1) },      // -1, 0, 1
	func(k int) float64 { return float64(k * 37 % 251) }, // larger, fits ui8
	func(int) float64 { return 0 },                       // all zero: CSR without entries
	func(k int) float64 { return []float64{math.NaN(), 1, -0.5}[k%3] },
	func(k int) float64 { return []float64{math.Inf(1), 1e300, math.Inf(-1), -1e-300}[k%4] },
}

const (
	fuzzIntValues = 4 // the first float-only pattern
	fuzzNaNValues = 4 // the pattern with NaN cells
)

// FuzzOpShapes picks an op, a value type, a representation, a shape of 0-4
// rows and columns and the cell values from its input and checks
// properties (a) and (b) (no panic; either results or a clean user error),
// and the shapes and failures the families determine.
func FuzzOpShapes(f *testing.F) {
	for op := range 160 {
		f.Add(uint16(op), uint8(op%10), op%2 == 0, uint8(op%5), uint8((op/5)%5), uint8(op%len(fuzzValues)))
	}
	reg := Default()
	list := fuzzOps()
	f.Fuzz(func(t *testing.T, opIdx uint16, vtIdx uint8, sparse bool, r, c, values uint8) {
		p := list[int(opIdx)%len(list)]
		e := env{r: int(r % 5), c: int(c % 5), vt: p.fam.vts[int(vtIdx)%len(p.fam.vts)], sparse: sparse && !p.fam.dense, dir: tempDir(t, p.fam)}
		e.values = fuzzValues[int(values)%len(fuzzValues)]
		if !e.vt.IsFloat() && int(values)%len(fuzzValues) >= fuzzIntValues {
			e.values = nil // NaN and infinities exist only in floats
		}
		if gap := knownGap(p.op, e); gap != "" {
			t.Skip(gap)
		}
		for _, cl := range p.fam.calls(p.op, e) {
			cl.must = false // a valid call on a larger shape may still fail (a singular solve)
			_, bad := runCall(reg, p.op, cl)
			for _, b := range bad {
				t.Errorf("[%s] on %s: %s", cl.name, e, b)
			}
			if elementwiseFamilies[p.fam.name] {
				if msg := matchScalars(reg, p.op, cl); msg != "" {
					t.Errorf("[%s] on %s: %s", cl.name, e, msg)
				}
			}
			// The references model finite cells (CSR products skip the
			// implicit zeros that NaN * 0 would make NaN).
			if refFuncs[p.op] != nil && int(values)%len(fuzzValues) < fuzzIntValues {
				if msg := matchReference(reg, p.op, cl); msg != "" {
					t.Errorf("[%s] on %s: %s", cl.name, e, msg)
				}
			}
		}
		if stem, ok := aggStem(p.op); ok && isNum(e.vt) && !aggValueGap(stem, int(values)%len(fuzzValues)) {
			for _, msg := range axesMatchAll(reg, stem, e) {
				t.Errorf("%s on %s: %s", stem, e, msg)
			}
		}
	})
}
