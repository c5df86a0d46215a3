package ew

import (
	"fmt"
	"math"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// ukern is one unary operation as a slice loop (d and a have equal length).
type ukern[T any] func(d, a []T) error

// Unary applies op elementwise to v, a scalar or a matrix (UnaryResultType
// gives the result's value type). A CSR matrix stays CSR when op maps 0 to 0
// (abs, sign, minus, sqrt, round, floor, ceil, sin, tan, asin, atan, sinh,
// tanh, isNan); otherwise it is expanded (cos, exp, ln, cosh, acos).
func Unary(op UnOp, v data.Value) (data.Value, error) {
	switch v.(type) {
	case *data.Scalar, data.Matrix:
	default:
		return nil, fmt.Errorf("%w: %s expects a scalar or a matrix, got %s", ErrType, op, data.Describe(v))
	}
	vt := v.ValueType()
	rt, err := UnaryResultType(op, vt)
	if err != nil {
		return nil, err
	}
	if vt == types.Str {
		return caseMapValue(v, op == Upper)
	}
	ct := rt
	if ct == types.Bool {
		ct = types.UI8
	}
	var res data.Value
	switch ct {
	case types.F64:
		res, err = unNumeric(op, ct, v, floatUKern[float64](op))
	case types.F32:
		res, err = unNumeric(op, ct, v, floatUKern[float32](op))
	case types.SI64:
		res, err = unNumeric(op, ct, v, intUKern[int64](op))
	case types.SI32:
		res, err = unNumeric(op, ct, v, intUKern[int32](op))
	case types.SI8:
		res, err = unNumeric(op, ct, v, intUKern[int8](op))
	case types.UI64, types.Size:
		res, err = unNumeric(op, ct, v, intUKern[uint64](op))
	case types.UI32:
		res, err = unNumeric(op, ct, v, intUKern[uint32](op))
	case types.UI8:
		res, err = unNumeric(op, ct, v, intUKern[uint8](op))
	default:
		return nil, fmt.Errorf("%w: %s on %s", ErrType, op, vt)
	}
	if err != nil {
		return nil, err
	}
	return retype(res, rt)
}

// unNumeric applies k to v converted to value type ct.
func unNumeric[T number](op UnOp, ct types.ValueType, v data.Value, k ukern[T]) (data.Value, error) {
	if s, ok := v.(*data.Scalar); ok {
		x, err := scalarAs[T](s)
		if err != nil {
			return nil, err
		}
		d := []T{0}
		if err := k(d, []T{x}); err != nil {
			return nil, err
		}
		return data.ScalarOf(ct, d[0]), nil
	}
	m := v.(data.Matrix)
	if m.IsSparse() {
		z := []T{1}
		if err := k(z, []T{0}); err == nil && z[0] == 0 {
			c, err := convertCSR[T](m, ct)
			if err != nil {
				return nil, err
			}
			out := make([]T, len(c.Values))
			if err := k(out, c.Values); err != nil {
				return nil, err
			}
			rp, ci, vals := dropZeros(c.RowPtr, c.ColIdx, out)
			return data.NewCSRVT(ct, c.Rows(), c.Cols(), rp, ci, vals)
		}
		if err := denseOK(op.String(), m.Rows(), m.Cols()); err != nil {
			return nil, err
		}
		var err error
		if m, err = data.ToDenseMatrix(m); err != nil {
			return nil, err
		}
	}
	d, err := convertDense[T](m, ct)
	if err != nil {
		return nil, err
	}
	out := d // a conversion made d for this call: write over it
	if data.Matrix(d) == v {
		out = data.NewDenseVT[T](ct, d.Rows(), d.Cols())
	}
	if err := k(out.Data, d.Data); err != nil {
		return nil, err
	}
	return out, nil
}

// intUKern returns the loop of op for an integer type (float functions
// never reach it: they compute in f64).
func intUKern[T integer](op UnOp) ukern[T] {
	signed := isSigned[T]()
	switch op {
	case Abs:
		return func(d, a []T) error {
			a = a[:len(d)]
			for i := range d {
				if x := a[i]; signed && x < 0 {
					d[i] = -x
				} else {
					d[i] = x
				}
			}
			return nil
		}
	case Sign:
		return func(d, a []T) error {
			a = a[:len(d)]
			for i := range d {
				switch x := a[i]; {
				case x == 0:
					d[i] = 0
				case signed && x < 0:
					d[i] = 0
					d[i]-- // -1 without a constant conversion for unsigned T
				default:
					d[i] = 1
				}
			}
			return nil
		}
	case Minus:
		return func(d, a []T) error {
			a = a[:len(d)]
			for i := range d {
				d[i] = -a[i]
			}
			return nil
		}
	case IsNan:
		return func(d, a []T) error { clear(d); return nil }
	}
	// round, floor, ceil: integers are already whole.
	return func(d, a []T) error { copy(d, a); return nil }
}

// floatUKern returns the loop of op for a floating-point type.
func floatUKern[T float](op UnOp) ukern[T] {
	switch op {
	case Abs:
		return mapF[T](math.Abs)
	case Sign:
		return mapF[T](signF)
	case Minus:
		return func(d, a []T) error {
			a = a[:len(d)]
			for i := range d {
				d[i] = -a[i]
			}
			return nil
		}
	case Round:
		return mapF[T](math.Round)
	case Floor:
		return mapF[T](math.Floor)
	case Ceil:
		return mapF[T](math.Ceil)
	case IsNan:
		return func(d, a []T) error {
			a = a[:len(d)]
			for i := range d {
				d[i] = b2n[T](a[i] != a[i])
			}
			return nil
		}
	case Sqrt:
		return checked[T](op, 0, math.Inf(1), math.Sqrt)
	case Ln:
		return checked[T](op, 0, math.Inf(1), math.Log)
	case Asin:
		return checked[T](op, -1, 1, math.Asin)
	case Acos:
		return checked[T](op, -1, 1, math.Acos)
	}
	return mapF[T](floatFuncs[op])
}

var floatFuncs = map[UnOp]func(float64) float64{
	Exp: math.Exp, Sin: math.Sin, Cos: math.Cos, Tan: math.Tan, Atan: math.Atan,
	Sinh: math.Sinh, Cosh: math.Cosh, Tanh: math.Tanh,
}

// signF is -1, 0 or 1; NaN stays NaN.
func signF(x float64) float64 {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	case x == 0:
		return 0
	}
	return x
}

// mapF applies f to every element through float64.
func mapF[T float](f func(float64) float64) ukern[T] {
	return func(d, a []T) error {
		a = a[:len(d)]
		for i := range d {
			d[i] = T(f(float64(a[i])))
		}
		return nil
	}
}

// checked is mapF with a domain check: a value outside [lo, hi] is an error
// naming it (-0.0 is inside [0, inf]; NaN passes through).
func checked[T float](op UnOp, lo, hi float64, f func(float64) float64) ukern[T] {
	return func(d, a []T) error {
		a = a[:len(d)]
		for i := range d {
			x := float64(a[i])
			if x < lo || x > hi {
				return domainError(op, x)
			}
			d[i] = T(f(x))
		}
		return nil
	}
}

func domainError(op UnOp, x float64) error {
	switch op {
	case Asin, Acos:
		return fmt.Errorf("%w: %s(%s): the argument must be in [-1, 1]", ErrDomain, op, data.FormatFloat(x))
	}
	return fmt.Errorf("%w: %s(%s): the argument must not be negative", ErrDomain, op, data.FormatFloat(x))
}

// caseMapValue applies lower or upper to a string scalar or matrix.
func caseMapValue(v data.Value, upper bool) (data.Value, error) {
	if s, ok := v.(*data.Scalar); ok {
		return data.Str(caseMap(s.S, upper)), nil
	}
	if err := denseOK("lower/upper", v.(data.Matrix).Rows(), v.(data.Matrix).Cols()); err != nil {
		return nil, err
	}
	m, err := data.ToDenseMatrix(v.(data.Matrix))
	if err != nil {
		return nil, err
	}
	d, err := convertDense[string](m, types.Str)
	if err != nil {
		return nil, err
	}
	out := data.NewDenseVT[string](types.Str, d.Rows(), d.Cols())
	for i, s := range d.Data {
		out.Data[i] = caseMap(s, upper)
	}
	return out, nil
}
