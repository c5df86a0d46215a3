package ew

import "math"

// Arithmetic slice loops. Each reslices its inputs to len(d) first so the
// compiler drops the bounds checks in the loop.

func addVV[T number](d, a, b []T) {
	a, b = a[:len(d)], b[:len(d)]
	for i := range d {
		d[i] = a[i] + b[i]
	}
}

func addVS[T number](d, a []T, b T) {
	a = a[:len(d)]
	for i := range d {
		d[i] = a[i] + b
	}
}

func subVV[T number](d, a, b []T) {
	a, b = a[:len(d)], b[:len(d)]
	for i := range d {
		d[i] = a[i] - b[i]
	}
}

func subVS[T number](d, a []T, b T) {
	a = a[:len(d)]
	for i := range d {
		d[i] = a[i] - b
	}
}

func subSV[T number](d []T, a T, b []T) {
	b = b[:len(d)]
	for i := range d {
		d[i] = a - b[i]
	}
}

func mulVV[T number](d, a, b []T) {
	a, b = a[:len(d)], b[:len(d)]
	for i := range d {
		d[i] = a[i] * b[i]
	}
}

func mulVS[T number](d, a []T, b T) {
	a = a[:len(d)]
	for i := range d {
		d[i] = a[i] * b
	}
}

// min and max follow std::min/std::max: min(a, b) is (b < a) ? b : a, so a
// NaN on the left wins and a NaN on the right loses.

func minVV[T number](d, a, b []T) {
	a, b = a[:len(d)], b[:len(d)]
	for i := range d {
		if b[i] < a[i] {
			d[i] = b[i]
		} else {
			d[i] = a[i]
		}
	}
}

func minVS[T number](d, a []T, b T) {
	a = a[:len(d)]
	for i := range d {
		if b < a[i] {
			d[i] = b
		} else {
			d[i] = a[i]
		}
	}
}

func minSV[T number](d []T, a T, b []T) {
	b = b[:len(d)]
	for i := range d {
		if b[i] < a {
			d[i] = b[i]
		} else {
			d[i] = a
		}
	}
}

func maxVV[T number](d, a, b []T) {
	a, b = a[:len(d)], b[:len(d)]
	for i := range d {
		if a[i] < b[i] {
			d[i] = b[i]
		} else {
			d[i] = a[i]
		}
	}
}

func maxVS[T number](d, a []T, b T) {
	a = a[:len(d)]
	for i := range d {
		if a[i] < b {
			d[i] = b
		} else {
			d[i] = a[i]
		}
	}
}

func maxSV[T number](d []T, a T, b []T) {
	b = b[:len(d)]
	for i := range d {
		if a < b[i] {
			d[i] = b[i]
		} else {
			d[i] = a
		}
	}
}

func divVV[T float](d, a, b []T) {
	a, b = a[:len(d)], b[:len(d)]
	for i := range d {
		d[i] = a[i] / b[i]
	}
}

func divVS[T float](d, a []T, b T) {
	a = a[:len(d)]
	for i := range d {
		d[i] = a[i] / b
	}
}

func divSV[T float](d []T, a T, b []T) {
	b = b[:len(d)]
	for i := range d {
		d[i] = a / b[i]
	}
}

// Integer division truncates toward zero; MinInt / -1 wraps (Go defines it).

func divIntVV[T integer](d, a, b []T) error {
	a, b = a[:len(d)], b[:len(d)]
	for i := range d {
		if b[i] == 0 {
			return divZero(Div)
		}
		d[i] = a[i] / b[i]
	}
	return nil
}

func divIntVS[T integer](d, a []T, b T) error {
	if b == 0 && len(d) > 0 {
		return divZero(Div)
	}
	a = a[:len(d)]
	for i := range d {
		d[i] = a[i] / b
	}
	return nil
}

func divIntSV[T integer](d []T, a T, b []T) error {
	b = b[:len(d)]
	for i := range d {
		if b[i] == 0 {
			return divZero(Div)
		}
		d[i] = a / b[i]
	}
	return nil
}

// Integer % has fmod's sign rule (sign of the dividend), which is Go's.

func modIntVV[T integer](d, a, b []T) error {
	a, b = a[:len(d)], b[:len(d)]
	for i := range d {
		if b[i] == 0 {
			return divZero(Mod)
		}
		d[i] = a[i] % b[i]
	}
	return nil
}

func modIntVS[T integer](d, a []T, b T) error {
	if b == 0 && len(d) > 0 {
		return divZero(Mod)
	}
	a = a[:len(d)]
	for i := range d {
		d[i] = a[i] % b
	}
	return nil
}

func modIntSV[T integer](d []T, a T, b []T) error {
	b = b[:len(d)]
	for i := range d {
		if b[i] == 0 {
			return divZero(Mod)
		}
		d[i] = a % b[i]
	}
	return nil
}

func modFVV[T float](d, a, b []T) {
	a, b = a[:len(d)], b[:len(d)]
	for i := range d {
		d[i] = T(cMod(float64(a[i]), float64(b[i])))
	}
}

func modFVS[T float](d, a []T, b T) {
	a = a[:len(d)]
	for i := range d {
		d[i] = T(cMod(float64(a[i]), float64(b)))
	}
}

func modFSV[T float](d []T, a T, b []T) {
	b = b[:len(d)]
	for i := range d {
		d[i] = T(cMod(float64(a), float64(b[i])))
	}
}

func logVV[T float](d, a, b []T) {
	a, b = a[:len(d)], b[:len(d)]
	for i := range d {
		d[i] = T(cLog(float64(a[i])) / cLog(float64(b[i])))
	}
}

func logVS[T float](d, a []T, b T) {
	a = a[:len(d)]
	lb := cLog(float64(b))
	for i := range d {
		d[i] = T(cLog(float64(a[i])) / lb)
	}
}

func logSV[T float](d []T, a T, b []T) {
	b = b[:len(d)]
	la := cLog(float64(a))
	for i := range d {
		d[i] = T(la / cLog(float64(b[i])))
	}
}

// negNaN is x86-64's default NaN, with the sign bit set: what 0/0 gives in
// hardware and what glibc's math functions return for an invalid operation
// on numbers (fmod(x, 0), pow(-8, 1/3.), log(-1)); C++ prints it -nan.
var negNaN = math.Float64frombits(0xfff8000000000000)

// libmNaN gives a NaN result r of a C math function of x and y the NaN
// glibc returns on x86-64, where DAPHNE runs: a NaN argument propagates
// (the first one, sign included), an invalid operation on numbers gives
// negNaN. Go's math functions return a positive NaN in both cases.
func libmNaN(r, x, y float64) float64 {
	switch {
	case r == r:
		return r
	case x != x:
		return x
	case y != y:
		return y
	}
	return negNaN
}

// cMod is C's fmod (math.Mod with glibc's NaNs).
func cMod(x, y float64) float64 { return libmNaN(math.Mod(x, y), x, y) }

// cPow is C's pow (math.Pow with glibc's NaNs).
func cPow(x, y float64) float64 { return libmNaN(math.Pow(x, y), x, y) }

// cLog is C's log (math.Log with glibc's NaNs).
func cLog(x float64) float64 { return libmNaN(math.Log(x), x, x) }

// powKern computes pow(double, double) and converts the result to T with
// static_cast semantics (2^-1 is 0 for integers).
func powKern[T number]() kern[T, T] {
	conv := fromFloat[T]()
	return pure(
		func(d, a, b []T) {
			a, b = a[:len(d)], b[:len(d)]
			for i := range d {
				d[i] = conv(cPow(float64(a[i]), float64(b[i])))
			}
		},
		func(d, a []T, b T) {
			a = a[:len(d)]
			for i := range d {
				d[i] = conv(cPow(float64(a[i]), float64(b)))
			}
		},
		func(d []T, a T, b []T) {
			b = b[:len(d)]
			for i := range d {
				d[i] = conv(cPow(float64(a), float64(b[i])))
			}
		})
}

// fromFloat returns the static_cast from double to T.
func fromFloat[T number]() func(float64) T {
	switch {
	case isFloat[T]():
		return func(f float64) T { return T(f) }
	case isSigned[T]():
		return func(f float64) T { return T(int64(f)) }
	}
	return func(f float64) T { return T(floatToU64(f)) }
}
