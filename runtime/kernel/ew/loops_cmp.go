package ew

import "cmp"

// Comparison and logical slice loops; results are 0/1 of type R.

func eqVV[T cmp.Ordered, R number](d []R, a, b []T) {
	a, b = a[:len(d)], b[:len(d)]
	for i := range d {
		d[i] = b2n[R](a[i] == b[i])
	}
}

func eqVS[T cmp.Ordered, R number](d []R, a []T, b T) {
	a = a[:len(d)]
	for i := range d {
		d[i] = b2n[R](a[i] == b)
	}
}

func neVV[T cmp.Ordered, R number](d []R, a, b []T) {
	a, b = a[:len(d)], b[:len(d)]
	for i := range d {
		d[i] = b2n[R](a[i] != b[i])
	}
}

func neVS[T cmp.Ordered, R number](d []R, a []T, b T) {
	a = a[:len(d)]
	for i := range d {
		d[i] = b2n[R](a[i] != b)
	}
}

func ltVV[T cmp.Ordered, R number](d []R, a, b []T) {
	a, b = a[:len(d)], b[:len(d)]
	for i := range d {
		d[i] = b2n[R](a[i] < b[i])
	}
}

func ltVS[T cmp.Ordered, R number](d []R, a []T, b T) {
	a = a[:len(d)]
	for i := range d {
		d[i] = b2n[R](a[i] < b)
	}
}

func leVV[T cmp.Ordered, R number](d []R, a, b []T) {
	a, b = a[:len(d)], b[:len(d)]
	for i := range d {
		d[i] = b2n[R](a[i] <= b[i])
	}
}

func leVS[T cmp.Ordered, R number](d []R, a []T, b T) {
	a = a[:len(d)]
	for i := range d {
		d[i] = b2n[R](a[i] <= b)
	}
}

func gtVS[T cmp.Ordered, R number](d []R, a []T, b T) {
	a = a[:len(d)]
	for i := range d {
		d[i] = b2n[R](a[i] > b)
	}
}

func geVS[T cmp.Ordered, R number](d []R, a []T, b T) {
	a = a[:len(d)]
	for i := range d {
		d[i] = b2n[R](a[i] >= b)
	}
}

func andVV[T number](d, a, b []T) {
	a, b = a[:len(d)], b[:len(d)]
	for i := range d {
		d[i] = b2n[T](a[i] != 0 && b[i] != 0)
	}
}

func andVS[T number](d, a []T, b T) {
	a = a[:len(d)]
	if b == 0 {
		clear(d)
		return
	}
	for i := range d {
		d[i] = b2n[T](a[i] != 0)
	}
}

func orVV[T number](d, a, b []T) {
	a, b = a[:len(d)], b[:len(d)]
	for i := range d {
		d[i] = b2n[T](a[i] != 0 || b[i] != 0)
	}
}

func orVS[T number](d, a []T, b T) {
	a = a[:len(d)]
	if b != 0 {
		for i := range d {
			d[i] = 1
		}
		return
	}
	for i := range d {
		d[i] = b2n[T](a[i] != 0)
	}
}
