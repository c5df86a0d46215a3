package opset

// Property tests of every registered op on empty and tiny shapes (issue 4:
// "fuzz or property tests on shapes, including 0 x n and n x 0").
//
// Each op belongs to a family (shapes_families_test.go,
// shapes_scalar_test.go and shapes_frames_test.go) that builds its calls
// from an environment: the shape of the input, its value type and its
// representation (dense or CSR). Every call goes through the registry, as
// the interpreter makes it, and must (a) not panic, (b) return either
// results (as many as the builtin declares) or a clean user error, never
// both or neither, (c) give the shape the family's rule expects where the
// shape is determined, (d) give the same results for CSR and dense inputs
// where both succeed, and (e) leave its arguments unchanged. Calls marked
// must (valid calls on supported value types) have to succeed, calls
// marked fail (mismatched shapes, positions past the end) have to return
// an error. An op that is registered but in no family and not in
// notExercised fails TestOpShapesCoverage (shapes_driver_test.go, with
// FuzzOpShapes).
//
// Value checks on the same calls: elementwise and outer ops against the
// scalar op cell by cell (shapes_ew_test.go), the Row, Col and Grp forms
// of the aggregations against their All form (shapes_agg_test.go), and
// products and reorganisations against naive references
// (shapes_ref_test.go). shapes_check_test.go tests the checks themselves.

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/daphne-go/daphne/builtin"
	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
	"github.com/daphne-go/daphne/types"
)

// shape is a matrix or frame shape; scalar marks a scalar result.
type shape struct {
	r, c   int
	scalar bool
}

func (s shape) String() string {
	if s.scalar {
		return "scalar"
	}
	return fmt.Sprintf("%dx%d", s.r, s.c)
}

// sh and scalarShape make expected shapes for the rule tables.
func sh(r, c int) *shape  { return &shape{r: r, c: c} }
func scalarShape() *shape { return &shape{scalar: true} }
func shapeOf(v data.Value) shape {
	switch x := v.(type) {
	case data.Matrix:
		return shape{r: x.Rows(), c: x.Cols()}
	case *data.Frame:
		return shape{r: x.Rows(), c: x.Cols()}
	case *data.Scalar:
		return shape{scalar: true}
	}
	return shape{r: -1, c: -1}
}

// testShapes are the input shapes of the property test (n = 3).
var testShapes = []shape{{r: 0, c: 0}, {r: 0, c: 3}, {r: 3, c: 0}, {r: 1, c: 1}, {r: 1, c: 3}, {r: 3, c: 1}}

var (
	numericVTs = []types.ValueType{types.F64, types.F32, types.SI64, types.SI32, types.SI8, types.UI64, types.UI32, types.UI8}
	floatVTs   = []types.ValueType{types.F64, types.F32}
	allVTs     = append(append([]types.ValueType{}, numericVTs...), types.Size, types.Bool, types.Str)
)

// env is one input configuration: the shape, value type and representation
// of the main matrix argument.
type env struct {
	r, c   int
	vt     types.ValueType
	sparse bool
	dir    string // a fresh directory for file-writing ops
	// values, when set (by FuzzOpShapes), gives the cells of mat, rhs and
	// flipped matrices instead of their fixed patterns.
	values func(k int) float64
}

func (e env) String() string {
	repr := "dense"
	if e.sparse {
		repr = "csr"
	}
	return fmt.Sprintf("%dx%d/%s/%s", e.r, e.c, e.vt, repr)
}

// x is the main argument: an r x c matrix of the env.
func (e env) x() data.Matrix { return e.mat(e.r, e.c) }

// mat makes an r x c matrix of the env's value type and representation.
func (e env) mat(r, c int) data.Matrix { return e.matVT(e.vt, r, c) }

// matVT makes an r x c matrix of value type vt in the env's representation
// whose cell k holds (k+1) mod 3 (so 1x1 is 1 and larger ones have zeros).
func (e env) matVT(vt types.ValueType, r, c int) data.Matrix {
	return patterned(vt, r, c, e.sparse, e.cells(func(k int) float64 { return float64((k + 1) % 3) }))
}

// rhs makes an r x c matrix of value type vt in the env's representation
// without zeros (cell k holds k mod 2 + 1), the right operand of binary ops
// (integer division and modulo by zero are user errors).
func (e env) rhs(r, c int) data.Matrix {
	return patterned(e.vt, r, c, e.sparse, e.cells(func(k int) float64 { return float64(k%2 + 1) }))
}

// flipped makes an r x c matrix like rhs but in the other representation
// (dense in a CSR environment, CSR in a dense one), for mixed calls.
func (e env) flipped(r, c int) data.Matrix {
	return patterned(e.vt, r, c, !e.sparse, e.cells(func(k int) float64 { return float64(k%2 + 1) }))
}

// cells returns the env's values if set, else the given pattern.
func (e env) cells(pattern func(k int) float64) func(k int) float64 {
	if e.values != nil {
		return e.values
	}
	return pattern
}

// ones makes an r x c matrix of value type vt holding 1 everywhere.
func (e env) ones(vt types.ValueType, r, c int) data.Matrix {
	return patterned(vt, r, c, e.sparse, func(int) float64 { return 1 })
}

func patterned(vt types.ValueType, r, c int, sparse bool, cell func(k int) float64) data.Matrix {
	cells := make([]float64, r*c)
	for k := range cells {
		cells[k] = cell(k)
	}
	m, err := data.ConvertMatrix(data.DenseFrom(r, c, cells), vt)
	if err != nil {
		panic(fmt.Sprintf("opset test: converting %dx%d to %v: %v", r, c, vt, err))
	}
	if sparse {
		if m, err = data.ToCSRMatrix(m); err != nil {
			panic(fmt.Sprintf("opset test: CSR of %dx%d %v: %v", r, c, vt, err))
		}
	}
	return m
}

// scalar is a scalar of value type vt with value v (strings: its decimal form).
func scalar(vt types.ValueType, v float64) *data.Scalar {
	s, err := data.Cast(data.F64(v), types.Scalar, vt)
	if err != nil {
		panic(fmt.Sprintf("opset test: scalar %v of %v: %v", v, vt, err))
	}
	return s.(*data.Scalar)
}

func si64(v int64) *data.Scalar { return data.SI64(v) }

// call is one invocation of an op built by a family.
type call struct {
	name  string // sub-case, e.g. "same" or "rowVector"
	args  []data.Value
	attrs map[string]string
	// want is the shape of the first result where it is determined; must
	// says the call has to succeed (a valid call on a value type the op
	// supports).
	want *shape
	must bool
	// fail says the call is invalid (shapes that do not match, an index
	// past the end) and has to return an error.
	fail bool
	// setup, when set, runs before the call on the same context (to
	// register a view or write the file a reader reads).
	setup func(reg *ops.Registry, c *ops.Ctx) error
}

// outcome is what one call gave.
type outcome struct {
	res   []data.Value
	err   error
	panic string // the recovered panic and its stack, if any
}

// newCtx returns a context for one call (output discarded, one thread).
func newCtx() *ops.Ctx {
	return &ops.Ctx{Context: context.Background(), Stdout: io.Discard, Stderr: io.Discard, Threads: 1}
}

// invoke runs op through the registry, recovering a panic.
func invoke(f ops.Func, c *ops.Ctx, cl call) (out outcome) {
	defer func() {
		if p := recover(); p != nil {
			out.panic = fmt.Sprintf("%v\n%s", p, debug.Stack())
		}
	}()
	out.res, out.err = f(c, cl.args, cl.attrs)
	return out
}

// resultCount is the number of results the builtin table declares for op.
func resultCount(op string) int {
	if s, ok := builtin.ByOp(op); ok {
		return s.Results
	}
	return 1
}

// describeArgs names the arguments' kinds and shapes for failure messages.
func describeArgs(args []data.Value) string {
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = data.Describe(a)
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// checkOutcome returns the violations of properties (a), (b) and (c).
func checkOutcome(op string, cl call, out outcome) []string {
	where := op + describeArgs(cl.args)
	if out.panic != "" {
		return []string{fmt.Sprintf("%s panicked: %s", where, out.panic)}
	}
	var bad []string
	switch {
	case out.err != nil && out.res != nil:
		bad = append(bad, fmt.Sprintf("%s returned both results and the error %q", where, out.err))
	case out.err != nil:
		if msg := badMessage(op, out.err.Error()); msg != "" {
			bad = append(bad, fmt.Sprintf("%s: error %q: %s", where, out.err, msg))
		}
		if cl.must {
			bad = append(bad, fmt.Sprintf("%s failed on a valid call: %v", where, out.err))
		}
	case cl.fail:
		bad = append(bad, fmt.Sprintf("%s succeeded on an invalid call, giving %s", where, describeArgs(out.res)))
	default:
		if n := resultCount(op); len(out.res) != n {
			return append(bad, fmt.Sprintf("%s returned %d results and no error, want %d", where, len(out.res), n))
		}
		for i, v := range out.res {
			if v == nil {
				bad = append(bad, fmt.Sprintf("%s: result %d is nil", where, i))
			}
		}
		if cl.want != nil && len(out.res) > 0 && out.res[0] != nil {
			if got := shapeOf(out.res[0]); got != *cl.want {
				bad = append(bad, fmt.Sprintf("%s gave a %s result %s, want %s", where, got, data.Describe(out.res[0]), cl.want))
			}
		}
	}
	return bad
}

// messageWords are what a user error says when it does not name the op:
// what was expected or what is wrong.
var messageWords = []string{"expect", "must", "need", "want", "cannot", "not ", "only", "invalid",
	"out of range", "mismatch", "unknown", "missing", "requires", "too ", "empty", "no ", "out of bounds", "by zero", "outside"}

// badMessage says why err's message is not a clean user error ("" if it is).
func badMessage(op, msg string) string {
	low := strings.ToLower(msg)
	switch {
	case strings.TrimSpace(msg) == "":
		return "empty message"
	case strings.Contains(low, "internal"), strings.Contains(low, "runtime error"), strings.Contains(low, "goroutine "):
		return "an internal error, not a user error"
	case strings.Contains(msg, op):
		return ""
	}
	if s, ok := builtin.ByOp(op); ok && strings.Contains(msg, s.Name) {
		return ""
	}
	for _, w := range messageWords {
		if strings.Contains(low, w) {
			return ""
		}
	}
	return "names neither the op nor what was expected"
}

// runCall builds the registry function for op and checks one call.
func runCall(reg *ops.Registry, op string, cl call) (outcome, []string) {
	f, ok := reg.Lookup(op)
	if !ok {
		return outcome{}, []string{op + " is not registered"}
	}
	c := newCtx()
	var buf bytes.Buffer
	c.Stdout, c.Stderr = &buf, &buf
	if cl.setup != nil {
		if err := cl.setup(reg, c); err != nil {
			return outcome{}, []string{fmt.Sprintf("%s: setup: %v", op, err)}
		}
	}
	before := fingerprints(cl.args)
	out := invoke(f, c, cl)
	bad := checkOutcome(op, cl, out)
	for i, fp := range fingerprints(cl.args) {
		if fp != before[i] {
			bad = append(bad, fmt.Sprintf("%s changed its argument %d from %s to %s", op+describeArgs(cl.args), i, before[i], fp))
		}
	}
	return out, bad
}

// fingerprints describes the arguments with their cells, to check that an
// op leaves its inputs unchanged.
func fingerprints(args []data.Value) []string {
	out := make([]string, len(args))
	for i, a := range args {
		out[i] = fingerprint(a)
	}
	return out
}

func fingerprint(v data.Value) string {
	switch x := v.(type) {
	case data.Matrix:
		cells, err := denseCells(x)
		if err != nil {
			return err.Error()
		}
		return fmt.Sprintf("%s%v", data.Describe(x), cells)
	case *data.Scalar:
		return fmt.Sprintf("%+v", *x)
	case *data.Frame:
		var b strings.Builder
		b.WriteString(x.Header())
		for j := range x.Cols() {
			b.WriteString(fingerprint(x.Column(j)))
		}
		return b.String()
	case *data.List:
		var b strings.Builder
		for _, m := range x.Elems {
			b.WriteString(fingerprint(m))
		}
		return b.String()
	}
	return data.Describe(v)
}
