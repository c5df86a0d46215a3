package opset

import (
	"fmt"
	"math"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
	"github.com/daphne-go/daphne/types"
)

// Reference checks of the products and reorganisations on the test
// shapes: the result's cells (as float64) against a naive computation from
// the arguments' cells, for every successful call of the families'
// tables, dense, CSR and mixed. Empty inner dimensions must give zeros.

// refFuncs maps an op to its reference: the expected result cells and
// shape from the float64 cells of the matrix arguments a (in order) and
// the scalar arguments s (in order), or ok=false when the call has no
// reference.
var refFuncs = map[string]func(a []refMat, s []float64) (refMat, bool){
	"matMul": func(a []refMat, _ []float64) (refMat, bool) { return product(a[0], a[1]), len(a) == 2 },
	"syrk":   func(a []refMat, _ []float64) (refMat, bool) { return product(a[0].t(), a[0]), len(a) == 1 },
	"gemv":   func(a []refMat, _ []float64) (refMat, bool) { return product(a[0].t(), a[1]), len(a) == 2 },
	"transpose": func(a []refMat, _ []float64) (refMat, bool) {
		return a[0].t(), true
	},
	"reverse": func(a []refMat, _ []float64) (refMat, bool) {
		x, out := a[0], refMat{r: a[0].r, c: a[0].c}
		for i := x.r - 1; i >= 0; i-- {
			out.v = append(out.v, x.v[i*x.c:(i+1)*x.c]...)
		}
		return out, true
	},
	"cbind": func(a []refMat, _ []float64) (refMat, bool) {
		x, y := a[0], a[1]
		out := refMat{r: x.r, c: x.c + y.c}
		for i := range x.r {
			out.v = append(append(out.v, x.v[i*x.c:(i+1)*x.c]...), y.v[i*y.c:(i+1)*y.c]...)
		}
		return out, len(a) == 2
	},
	"rbind": func(a []refMat, _ []float64) (refMat, bool) {
		return refMat{r: a[0].r + a[1].r, c: a[0].c, v: append(append([]float64{}, a[0].v...), a[1].v...)}, len(a) == 2
	},
	"reshape": func(a []refMat, s []float64) (refMat, bool) {
		return refMat{r: int(s[0]), c: int(s[1]), v: a[0].v}, len(s) == 2 && int(s[0])*int(s[1]) == len(a[0].v)
	},
	"diagVector": func(a []refMat, _ []float64) (refMat, bool) {
		out := refMat{r: a[0].r, c: 1}
		if a[0].r != a[0].c {
			return out, false
		}
		for i := range a[0].r {
			out.v = append(out.v, a[0].v[i*a[0].c+i])
		}
		return out, true
	},
	"diagMatrix": func(a []refMat, _ []float64) (refMat, bool) {
		n := a[0].r
		out := refMat{r: n, c: n, v: make([]float64, n*n)}
		if a[0].c != 1 {
			return out, false
		}
		for i := range n {
			out.v[i*n+i] = a[0].v[i]
		}
		return out, true
	},
	"replace": func(a []refMat, s []float64) (refMat, bool) {
		out := refMat{r: a[0].r, c: a[0].c}
		for _, x := range a[0].v {
			if x == s[0] {
				x = s[1]
			}
			out.v = append(out.v, x)
		}
		return out, !math.IsNaN(s[0])
	},
	"cumSum":  cumRef(func(acc, x float64) float64 { return acc + x }),
	"cumProd": cumRef(func(acc, x float64) float64 { return acc * x }),
	"cumMin":  cumRef(math.Min),
	"cumMax":  cumRef(math.Max),
}

// cumRef is the reference of a cumulative aggregation down each column.
func cumRef(f func(acc, x float64) float64) func(a []refMat, _ []float64) (refMat, bool) {
	return func(a []refMat, _ []float64) (refMat, bool) {
		x := a[0]
		out := refMat{r: x.r, c: x.c, v: append([]float64{}, x.v...)}
		for i := 1; i < x.r; i++ {
			for j := range x.c {
				out.v[i*x.c+j] = f(out.v[(i-1)*x.c+j], x.v[i*x.c+j])
			}
		}
		return out, true
	}
}

// refMat is a row-major float64 matrix.
type refMat struct {
	r, c int
	v    []float64
}

func (m refMat) t() refMat {
	out := refMat{r: m.c, c: m.r, v: make([]float64, len(m.v))}
	for i := range m.r {
		for j := range m.c {
			out.v[j*m.r+i] = m.v[i*m.c+j]
		}
	}
	return out
}

func product(a, b refMat) refMat {
	out := refMat{r: a.r, c: b.c, v: make([]float64, a.r*b.c)}
	for i := range a.r {
		for j := range b.c {
			for k := range a.c {
				out.v[i*b.c+j] += a.v[i*a.c+k] * b.v[k*b.c+j]
			}
		}
	}
	return out
}

// refOf returns m's cells as float64.
func refOf(m data.Matrix) (refMat, error) {
	f, err := data.ConvertMatrix(m, types.F64)
	if err != nil {
		return refMat{}, err
	}
	cells, err := denseCells(f)
	if err != nil {
		return refMat{}, err
	}
	return refMat{r: m.Rows(), c: m.Cols(), v: cells.([]float64)}, nil
}

func TestResultsMatchReference(t *testing.T) {
	reg := Default()
	for _, fam := range matrixFamilies() {
		for _, op := range fam.ops {
			if refFuncs[op] == nil {
				continue
			}
			t.Run(op, func(t *testing.T) {
				for _, s := range testShapes {
					for _, vt := range numericVTs {
						for _, sparse := range []bool{false, true} {
							e := env{r: s.r, c: s.c, vt: vt, sparse: sparse}
							for _, cl := range fam.calls(op, e) {
								if msg := matchReference(reg, op, cl); msg != "" {
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

// matchReference runs cl and compares a matrix result with op's reference
// ("" if it matches or the call has no reference).
func matchReference(reg *ops.Registry, op string, cl call) (msg string) {
	out, _ := runCall(reg, op, cl)
	if out.err != nil || out.panic != "" || len(out.res) != 1 {
		return ""
	}
	res, ok := out.res[0].(data.Matrix)
	if !ok || !isNum(res.ValueType()) {
		return "" // the references are numeric
	}
	defer func() {
		if p := recover(); p != nil {
			msg = fmt.Sprintf("%s gave %s, where the reference fails: %v", op+describeArgs(cl.args), data.Describe(res), p)
		}
	}()
	var in []refMat
	var scalars []float64
	for _, a := range cl.args {
		switch x := a.(type) {
		case data.Matrix:
			r, err := refOf(x)
			if err != nil {
				return ""
			}
			in = append(in, r)
		case *data.Scalar:
			if x.VT == types.Str {
				return ""
			}
			scalars = append(scalars, x.Float64())
		default:
			return "" // frames are not modelled
		}
	}
	want, ok := refFuncs[op](in, scalars)
	if !ok {
		return ""
	}
	got, err := refOf(res)
	if err != nil {
		return err.Error()
	}
	if !inRange(res.ValueType(), want.v) {
		return "" // integer arithmetic wraps around; the reference does not
	}
	if got.r != want.r || got.c != want.c {
		return fmt.Sprintf("%s: %dx%d, reference %dx%d", op+describeArgs(cl.args), got.r, got.c, want.r, want.c)
	}
	if res.ValueType() == types.F32 {
		// The kernel rounds each step to float32; the reference does not.
		for k := range want.v {
			want.v[k] = float64(float32(want.v[k]))
		}
		for k := range got.v {
			if math.Abs(got.v[k]-want.v[k]) <= 1e-5*math.Abs(want.v[k]) {
				got.v[k] = want.v[k]
			}
		}
	}
	if d := compareFloats(got.v, want.v); d != "" {
		return fmt.Sprintf("%s: %s (result vs reference)", op+describeArgs(cl.args), d)
	}
	return ""
}

// inRange reports whether every value fits the integer type vt (floats:
// always).
func inRange(vt types.ValueType, v []float64) bool {
	lo, hi := math.Inf(-1), math.Inf(1)
	switch vt {
	case types.SI8:
		lo, hi = math.MinInt8, math.MaxInt8
	case types.UI8:
		lo, hi = 0, math.MaxUint8
	case types.SI32:
		lo, hi = math.MinInt32, math.MaxInt32
	case types.UI32:
		lo, hi = 0, math.MaxUint32
	case types.SI64:
		lo, hi = -(1 << 53), 1<<53 // exact in float64
	case types.UI64, types.Size:
		lo, hi = 0, 1<<53
	}
	for _, x := range v {
		if x < lo || x > hi {
			return false
		}
	}
	return true
}
