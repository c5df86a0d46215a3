package opset

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
	"github.com/daphne-go/daphne/types"
)

// Tests of the property checks themselves: each violation they exist to
// catch is caught, so a kernel that panics, returns both or neither, gives
// a wrong shape or a different CSR result fails TestOpShapes.

func TestCheckOutcome(t *testing.T) {
	t.Parallel()
	m23 := data.DenseFrom(2, 3, make([]float64, 6))
	tests := []struct {
		name string
		op   string
		cl   call
		out  outcome
		want string // substring of the violation; "" = no violation
	}{
		{"result of the wanted shape", "transpose", call{want: sh(2, 3)}, outcome{res: ops.Results(m23)}, ""},
		{"wrong shape", "transpose", call{want: sh(3, 2)}, outcome{res: ops.Results(m23)}, "gave a 2x3 result"},
		{"scalar wanted", "sumAll", call{want: scalarShape()}, outcome{res: ops.Results(m23)}, "want scalar"},
		{"panic", "transpose", call{}, outcome{panic: "index out of range"}, "panicked: index out of range"},
		{"both", "transpose", call{}, outcome{res: ops.Results(m23), err: errors.New("transpose: bad")}, "both results and the error"},
		{"neither", "transpose", call{}, outcome{}, "returned 0 results and no error, want 1"},
		{"no results for a 0-result op", "print", call{}, outcome{res: []data.Value{}}, ""},
		{"nil result", "transpose", call{}, outcome{res: []data.Value{nil}}, "result 0 is nil"},
		{"two results wanted", "eigen", call{}, outcome{res: ops.Results(m23)}, "want 2"},
		{"clean error", "transpose", call{}, outcome{err: errors.New("transpose: argument must be a matrix")}, ""},
		{"error names the DSL name", "sumRow", call{}, outcome{err: errors.New("rowSums: bad axis")}, ""},
		{"empty error", "transpose", call{}, outcome{err: errors.New(" ")}, "empty message"},
		{"internal error", "transpose", call{}, outcome{err: errors.New("transpose: internal: bad kit")}, "internal error"},
		{"runtime error text", "transpose", call{}, outcome{err: errors.New("runtime error: slice bounds")}, "internal error"},
		{"vague error", "transpose", call{}, outcome{err: errors.New("oops")}, "names neither"},
		{"valid call failed", "transpose", call{must: true}, outcome{err: errors.New("transpose: cannot")}, "failed on a valid call"},
		{"invalid call succeeded", "cbind", call{fail: true}, outcome{res: ops.Results(m23)}, "succeeded on an invalid call"},
		{"invalid call failed", "cbind", call{fail: true}, outcome{err: errors.New("cbind: rows differ")}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			bad := strings.Join(checkOutcome(tc.op, tc.cl, tc.out), "\n")
			switch {
			case tc.want == "" && bad != "":
				t.Errorf("unexpected violation: %s", bad)
			case tc.want != "" && !strings.Contains(bad, tc.want):
				t.Errorf("violations %q, want one containing %q", bad, tc.want)
			}
		})
	}
}

func TestCompareValues(t *testing.T) {
	t.Parallel()
	dense := data.DenseFrom(2, 2, []float64{1, 0, 0, 2})
	csr := data.DenseToCSR(dense)
	other := data.DenseFrom(2, 2, []float64{1, 0, 0, 3})
	nan := data.DenseFrom(1, 1, []float64{math.NaN()})
	tests := []struct {
		name string
		a, b data.Value
		same bool
	}{
		{"dense and its CSR", dense, csr, true},
		{"one cell differs", dense, other, false},
		{"shapes differ", dense, data.DenseFrom(1, 4, []float64{1, 0, 0, 2}), false},
		{"value types differ", dense, data.DenseFrom(2, 2, []int64{1, 0, 0, 2}), false},
		{"NaN equals NaN", nan, data.DenseFrom(1, 1, []float64{math.NaN()}), true},
		{"NaN and a number", nan, data.DenseFrom(1, 1, []float64{0}), false},
		{"rounding", data.F64(0.1 + 0.2), data.F64(0.3), true},
		{"scalars differ", data.F64(1), data.F64(2), false},
		{"scalar and matrix", data.F64(1), dense, false},
		{"strings", data.DenseFrom(1, 2, []string{"a", "b"}), data.DenseFrom(1, 2, []string{"a", "c"}), false},
		{"lists", &data.List{VT: dense.ValueType(), Elems: []data.Matrix{dense}}, &data.List{VT: dense.ValueType(), Elems: []data.Matrix{csr}}, true},
		{"lists differ", &data.List{VT: dense.ValueType(), Elems: []data.Matrix{dense}}, &data.List{VT: dense.ValueType(), Elems: []data.Matrix{other}}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if diff := compareValues(tc.a, tc.b); (diff == "") != tc.same {
				t.Errorf("compareValues = %q, want same=%v", diff, tc.same)
			}
		})
	}
}

// TestInvokeRecovers checks that a panicking op is reported with its
// arguments, not propagated.
func TestInvokeRecovers(t *testing.T) {
	t.Parallel()
	reg := ops.NewRegistry()
	reg.Register("transpose", func(*ops.Ctx, []data.Value, map[string]string) ([]data.Value, error) {
		var s []int
		return nil, errors.New(string(rune(s[1])))
	})
	_, bad := runCall(reg, "transpose", call{args: []data.Value{data.DenseFrom(0, 3, []float64{})}})
	if len(bad) != 1 || !strings.Contains(bad[0], "transpose(DenseMatrix(0x3, double)) panicked: runtime error: index out of range") {
		t.Errorf("violations %q, want the panic with the op and its arguments", bad)
	}
}

// TestEnvMatrices checks the inputs the families get: shape, value type,
// representation and the cell pattern.
func TestEnvMatrices(t *testing.T) {
	t.Parallel()
	for _, sparse := range []bool{false, true} {
		for _, vt := range allVTs {
			e := env{r: 3, c: 1, vt: vt, sparse: sparse}
			x := e.x()
			if x.Rows() != 3 || x.Cols() != 1 || x.ValueType() != vt || x.IsSparse() != sparse {
				t.Errorf("%s: x is %s", e, data.Describe(x))
			}
			if f := e.flipped(1, 2); f.IsSparse() == sparse {
				t.Errorf("%s: flipped is %s", e, data.Describe(f))
			}
			if vt == types.Str {
				continue
			}
			c, err := data.MatrixCell(x, 2, 0)
			if err != nil || c.Float64() != 0 {
				t.Errorf("%s: cell 2 is %v (%v), want 0", e, c, err)
			}
		}
	}
}

// TestRunCallDetectsMutation checks that an op writing into its argument is
// reported.
func TestRunCallDetectsMutation(t *testing.T) {
	t.Parallel()
	reg := ops.NewRegistry()
	reg.Register("ewAbs", func(_ *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
		m := args[0].(*data.Dense[float64])
		m.Data[0] = 7
		return ops.Results(m), nil
	})
	_, bad := runCall(reg, "ewAbs", call{args: []data.Value{data.DenseFrom(1, 1, []float64{-1})}})
	if len(bad) != 1 || !strings.Contains(bad[0], "changed its argument 0") {
		t.Errorf("violations %q, want the changed argument", bad)
	}
}
