package ew

import "fmt"

// scalarNum computes x op y for two scalars of T without the slice loops
// (the interpreter's scalar arithmetic, i + 1 in a loop, should not
// allocate). The common operations are written out here; division by zero
// is checked as in the loops; %, ^ and log, whose work dwarfs the call,
// reuse the loops on one-element arrays. TestBroadcastAgainstScalars checks
// that both paths agree on every op and type pair.
func scalarNum[T number](op BinOp, x, y T) (T, error) {
	switch op {
	case Add:
		return x + y, nil
	case Sub:
		return x - y, nil
	case Mul:
		return x * y, nil
	case Div:
		if y == 0 && !isFloat[T]() {
			return 0, divZero(Div)
		}
		return x / y, nil
	case Min:
		if y < x {
			return y, nil
		}
		return x, nil
	case Max:
		if x < y {
			return y, nil
		}
		return x, nil
	case And:
		return b2n[T](x != 0 && y != 0), nil
	case Or:
		return b2n[T](x != 0 || y != 0), nil
	case Eq:
		return b2n[T](x == y), nil
	case Neq:
		return b2n[T](x != y), nil
	case Lt:
		return b2n[T](x < y), nil
	case Le:
		return b2n[T](x <= y), nil
	case Gt:
		return b2n[T](x > y), nil
	case Ge:
		return b2n[T](x >= y), nil
	}
	k, ok := kernFor[T](op)
	if !ok {
		return 0, fmt.Errorf("%w: %s is not defined for %T", ErrType, op, x)
	}
	d, a, b := []T{0}, []T{x}, []T{y}
	err := k.vv(d, a, b)
	return d[0], err
}
