package opset

import (
	"fmt"
	"math"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
	"github.com/daphne-go/daphne/types"
)

// elementwiseFamilies names the families whose ops work cell by cell.
var elementwiseFamilies = map[string]bool{"ewUnary": true, "ewBinary": true, "outer": true}

// TestElementwiseMatchesScalars checks elementwise and outer ops cell by
// cell against the same op on scalars: cell (i, j) of op(X, Y) must equal
// op(x, y) for the cells x and y that broadcasting pairs at (i, j). This
// ties the matrix kernels (dense and CSR, every broadcast form) to the
// scalar ones on the test shapes.
func TestElementwiseMatchesScalars(t *testing.T) {
	reg := Default()
	for _, fam := range matrixFamilies() {
		if !elementwiseFamilies[fam.name] {
			continue
		}
		for _, op := range fam.ops {
			t.Run(op, func(t *testing.T) {
				for _, s := range testShapes {
					for _, vt := range fam.vts {
						for _, sparse := range []bool{false, true} {
							e := env{r: s.r, c: s.c, vt: vt, sparse: sparse}
							for _, cl := range fam.calls(op, e) {
								if msg := matchScalars(reg, op, cl); msg != "" {
									t.Errorf("[%s] on %s: %s", cl.name, e, msg)
								}
							}
						}
					}
				}
			})
		}
	}
}

// matchScalars runs cl and, if it succeeds with a matrix, compares every
// cell with the op on the paired scalar cells ("" if all match).
func matchScalars(reg *ops.Registry, op string, cl call) string {
	out, _ := runCall(reg, op, cl)
	if out.err != nil || out.panic != "" || len(out.res) != 1 {
		return "" // reported by TestOpShapes
	}
	res, ok := out.res[0].(data.Matrix)
	if !ok {
		return ""
	}
	scalarOp := op
	if len(op) > 5 && op[:5] == "outer" {
		scalarOp = "ew" + op[5:]
	}
	for i := range res.Rows() {
		for j := range res.Cols() {
			got, err := data.MatrixCell(res, i, j)
			if err != nil {
				return err.Error()
			}
			args := make([]data.Value, len(cl.args))
			for k, a := range cl.args {
				if args[k], err = pairedCell(op, k, a, i, j); err != nil {
					return err.Error()
				}
			}
			sout, bad := runCall(reg, scalarOp, call{args: args})
			if len(bad) > 0 || sout.err != nil {
				return fmt.Sprintf("cell (%d, %d): the scalar op failed: %v %v", i, j, sout.err, bad)
			}
			want, ok := sout.res[0].(*data.Scalar)
			if !ok {
				return fmt.Sprintf("cell (%d, %d): the scalar op gave %s", i, j, data.Describe(sout.res[0]))
			}
			if !sameCell(got, want) {
				return fmt.Sprintf("cell (%d, %d) of %s is %+v, but %s%s = %+v", i, j, data.Describe(res), *got, scalarOp, describeArgs(args), *want)
			}
		}
	}
	return ""
}

// pairedCell is the scalar that argument k contributes to result cell
// (i, j): the argument itself if scalar, else its cell with broadcasting
// (outer ops pair row i of the column vector with column j of the row one).
func pairedCell(op string, k int, a data.Value, i, j int) (data.Value, error) {
	m, ok := a.(data.Matrix)
	if !ok {
		return a, nil
	}
	if len(op) > 5 && op[:5] == "outer" {
		if k == 0 {
			j = 0
		} else {
			i = 0
		}
	}
	if m.Rows() == 1 {
		i = 0
	}
	if m.Cols() == 1 {
		j = 0
	}
	return data.MatrixCell(m, i, j)
}

// sameCell compares a result cell with the scalar op's result by value
// (strings exactly, numbers within 1e-6 relative, NaN equal to NaN).
func sameCell(got, want *data.Scalar) bool {
	if got.VT == types.Str || want.VT == types.Str {
		return got.VT == want.VT && got.S == want.S
	}
	a, b := got.Float64(), want.Float64()
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return a == b || math.Abs(a-b) <= 1e-6*math.Max(math.Abs(a), math.Abs(b))
}
