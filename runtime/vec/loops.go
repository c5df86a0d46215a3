package vec

import "math"

// Typed slice loops of the compiled pipelines (program.go). Each computes
// exactly what runtime/kernel/ew and runtime/kernel/agg compute for the
// same op and value type (the tests compare them cell by cell, NaN, -0 and
// infinities included): arithmetic in the operands' type, min and max as
// std::min/std::max ((b < a) ? b : a and (a < b) ? b : a, so a NaN on the
// left wins), comparisons as 0/1 of the operands' type, float functions
// through float64, row and column reductions folding from the first value.

// elem is the set of element types a compiled pipeline computes in.
type elem interface{ ~float64 | ~float32 | ~int64 }

// binOp is an elementwise binary op of a compiled pipeline.
type binOp uint8

const (
	bAdd binOp = iota
	bSub
	bMul
	bDiv // floating point only
	bMin
	bMax
	bEq
	bNeq
	bLt
	bLe
	bGt
	bGe
)

// binOps maps the IR names to the binary ops.
var binOps = map[string]binOp{"ewAdd": bAdd, "ewSub": bSub, "ewMul": bMul, "ewDiv": bDiv,
	"ewMin": bMin, "ewMax": bMax, "ewEq": bEq, "ewNeq": bNeq, "ewLt": bLt, "ewLe": bLe,
	"ewGt": bGt, "ewGe": bGe}

// unOp is an elementwise unary op of a compiled pipeline.
type unOp uint8

const (
	uAbs unOp = iota
	uMinus
	uSqrt // floating point only, here and below
	uExp
	uLn
	uRound
	uFloor
	uCeil
)

// unOps maps the IR names to the unary ops.
var unOps = map[string]unOp{"ewAbs": uAbs, "ewMinus": uMinus, "ewSqrt": uSqrt, "ewExp": uExp,
	"ewLn": uLn, "ewRound": uRound, "ewFloor": uFloor, "ewCeil": uCeil}

func b2n[T elem](b bool) T {
	if b {
		return 1
	}
	return 0
}

// binVV computes d[i] = a[i] op b[i].
func binVV[T elem](op binOp, d, a, b []T) {
	a, b = a[:len(d)], b[:len(d)]
	switch op {
	case bAdd:
		for i := range d {
			d[i] = a[i] + b[i]
		}
	case bSub:
		for i := range d {
			d[i] = a[i] - b[i]
		}
	case bMul:
		for i := range d {
			d[i] = a[i] * b[i]
		}
	case bDiv:
		for i := range d {
			d[i] = a[i] / b[i]
		}
	default:
		for i := range d {
			d[i] = bin(op, a[i], b[i])
		}
	}
}

// binVS computes d[i] = a[i] op s.
func binVS[T elem](op binOp, d, a []T, s T) {
	a = a[:len(d)]
	switch op {
	case bAdd:
		for i := range d {
			d[i] = a[i] + s
		}
	case bSub:
		for i := range d {
			d[i] = a[i] - s
		}
	case bMul:
		for i := range d {
			d[i] = a[i] * s
		}
	case bDiv:
		for i := range d {
			d[i] = a[i] / s
		}
	default:
		for i := range d {
			d[i] = bin(op, a[i], s)
		}
	}
}

// binSV computes d[i] = s op b[i].
func binSV[T elem](op binOp, d []T, s T, b []T) {
	b = b[:len(d)]
	switch op {
	case bSub:
		for i := range d {
			d[i] = s - b[i]
		}
	case bDiv:
		for i := range d {
			d[i] = s / b[i]
		}
	default:
		for i := range d {
			d[i] = bin(op, s, b[i])
		}
	}
}

// bin is one cell of op (the loops above inline the arithmetic).
func bin[T elem](op binOp, a, b T) T {
	switch op {
	case bAdd:
		return a + b
	case bSub:
		return a - b
	case bMul:
		return a * b
	case bDiv:
		return a / b
	case bMin:
		if b < a {
			return b
		}
		return a
	case bMax:
		if a < b {
			return b
		}
		return a
	case bEq:
		return b2n[T](a == b)
	case bNeq:
		return b2n[T](a != b)
	case bLt:
		return b2n[T](a < b)
	case bLe:
		return b2n[T](a <= b)
	case bGt:
		return b2n[T](a > b)
	}
	return b2n[T](a >= b) // bGe
}

// unary computes d[i] = op(a[i]); the domain errors are ew's (sqrt and ln
// of a negative number), reported as errDomain so that the pipeline reruns
// unfused and the kernel reports its own message.
func unary[T elem](op unOp, d, a []T) error {
	a = a[:len(d)]
	var z T
	_, isInt := any(z).(int64)
	switch {
	case op == uMinus:
		for i := range d {
			d[i] = -a[i]
		}
	case op == uAbs && isInt:
		for i := range d {
			if x := a[i]; x < 0 {
				d[i] = -x
			} else {
				d[i] = x
			}
		}
	case isInt: // round, floor, ceil of integers (other ops are rejected)
		copy(d, a)
	case op == uAbs:
		for i := range d {
			d[i] = T(math.Abs(float64(a[i])))
		}
	case op == uSqrt:
		for i := range d {
			x := float64(a[i])
			if x < 0 {
				return errDomain
			}
			d[i] = T(math.Sqrt(x))
		}
	case op == uFloor:
		for i := range d {
			d[i] = T(math.Floor(float64(a[i])))
		}
	case op == uCeil:
		for i := range d {
			d[i] = T(math.Ceil(float64(a[i])))
		}
	default:
		f := floatFuncs[op]
		check := op == uLn
		for i := range d {
			x := float64(a[i])
			if check && x < 0 {
				return errDomain
			}
			d[i] = T(f(x))
		}
	}
	return nil
}

var floatFuncs = map[unOp]func(float64) float64{uAbs: math.Abs, uSqrt: math.Sqrt, uExp: math.Exp,
	uLn: math.Log, uRound: math.Round, uFloor: math.Floor, uCeil: math.Ceil}

// aggKind is a row or column reduction.
type aggKind uint8

const (
	aSum aggKind = iota
	aMin
	aMax
)

// rowAggOps and colAggOps map the IR names to the reductions.
var (
	rowAggOps = map[string]aggKind{"sumRow": aSum, "aggMinRow": aMin, "aggMaxRow": aMax}
	colAggOps = map[string]aggKind{"sumCol": aSum, "aggMinCol": aMin, "aggMaxCol": aMax}
)

// fold folds row into acc from its first value, as agg's row reductions.
func fold[T elem](k aggKind, row []T) T {
	acc := row[0]
	switch k {
	case aSum:
		for _, v := range row[1:] {
			acc += v
		}
	case aMin:
		for _, v := range row[1:] {
			if v < acc {
				acc = v
			}
		}
	default:
		for _, v := range row[1:] {
			if acc < v {
				acc = v
			}
		}
	}
	return acc
}

// colFold folds the rows of the h x len(acc) matrix a into acc, starting
// from a's first row, as agg's column reductions.
func colFold[T elem](k aggKind, acc, a []T) {
	c := len(acc)
	copy(acc, a[:c])
	for i := c; i+c <= len(a); i += c {
		row := a[i : i+c]
		switch k {
		case aSum:
			for j, v := range row {
				acc[j] += v
			}
		case aMin:
			for j, v := range row {
				if v < acc[j] {
					acc[j] = v
				}
			}
		default:
			for j, v := range row {
				if acc[j] < v {
					acc[j] = v
				}
			}
		}
	}
}
