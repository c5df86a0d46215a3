package linalg

import (
	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// Gemv returns t(a) @ x (n x 1) for an m x n matrix a and an m x 1 vector
// x, in one pass over the rows of a (no transpose is materialised). f32 and
// f64 only; the operands are promoted to one type. A dense a runs on the
// active backend (see Backend).
func Gemv(nthreads int, a, x data.Matrix) (data.Matrix, error) {
	if x.Cols() != 1 || x.Rows() != a.Rows() {
		return nil, errorf(ErrShape, "gemv: the vector must be %dx1 (nrow of the %s matrix), got %s", a.Rows(), shape(a), shape(x))
	}
	switch vt := types.Promote(a.ValueType(), x.ValueType()); vt {
	case types.F64:
		return gemvT[float64](nthreads, a, x, vt)
	case types.F32:
		return gemvT[float32](nthreads, a, x, vt)
	default:
		return nil, errorf(ErrValueType, "gemv: value type %v is not supported, expected f32 or f64 (arguments %s and %s)",
			vt, data.Describe(a), data.Describe(x))
	}
}

func gemvT[T flt](nthreads int, a, x data.Matrix, vt types.ValueType) (data.Matrix, error) {
	xv, err := denseAs[T](x, vt)
	if err != nil {
		return nil, err
	}
	m, n := a.Rows(), a.Cols()
	y := data.NewDenseVT[T](vt, n, 1)
	if m == 0 || n == 0 {
		return y, nil
	}
	if !a.IsSparse() {
		da, err := denseAs[T](a, vt)
		if err != nil {
			return nil, err
		}
		if err := kernelsFor[T]().gemvT(nthreads, m, n, da.Data, xv.Data, y.Data); err != nil {
			return nil, err
		}
		return y, nil
	}
	sa, err := csrAs[T](a, vt)
	if err != nil {
		return nil, err
	}
	p := parts(m, nthreads, max(1, 4*minFlopsPerPart/n))
	partial := make([][]T, p)
	partial[0] = y.Data
	err = parallelRanges(nnzBounds(sa.RowPtr, p), func(part, lo, hi int) {
		if part > 0 {
			partial[part] = make([]T, n)
		}
		gemvTCSRRows(sa, xv.Data, partial[part], lo, hi)
	})
	if err != nil {
		return nil, err
	}
	for _, pv := range partial[1:] {
		for j, v := range pv {
			y.Data[j] += v
		}
	}
	return y, nil
}

// gemvTRows adds t(a[lo:hi]) @ x[lo:hi] into y, four rows per sweep of y.
func gemvTRows[T flt](a, x, y []T, n, lo, hi int) {
	y = y[:n]
	i := lo
	for ; i+4 <= hi; i += 4 {
		x0, x1, x2, x3 := x[i], x[i+1], x[i+2], x[i+3]
		r0 := a[i*n : i*n+n]
		r1 := a[(i+1)*n : (i+1)*n+n]
		r2 := a[(i+2)*n : (i+2)*n+n]
		r3 := a[(i+3)*n : (i+3)*n+n]
		r0, r1, r2, r3 = r0[:len(y)], r1[:len(y)], r2[:len(y)], r3[:len(y)]
		for j := range y {
			y[j] += x0*r0[j] + x1*r1[j] + x2*r2[j] + x3*r3[j]
		}
	}
	for ; i < hi; i++ {
		xi := x[i]
		for j, v := range a[i*n : i*n+n] {
			y[j] += xi * v
		}
	}
}

// gemvTCSRRows adds t(a[lo:hi]) @ x[lo:hi] into y for a CSR matrix a.
func gemvTCSRRows[T flt](a *data.CSR[T], x, y []T, lo, hi int) {
	for i := lo; i < hi; i++ {
		xi := x[i]
		for q := a.RowPtr[i]; q < a.RowPtr[i+1]; q++ {
			y[a.ColIdx[q]] += xi * a.Values[q]
		}
	}
}
