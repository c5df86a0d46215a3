//go:build openblas && cgo

package cblas

/*
#cgo LDFLAGS: -lopenblas
#include <cblas.h>
*/
import "C"

import "sync"

// Float is the element type of the wrappers.
type Float interface{ ~float32 | ~float64 }

// threads serialises changes of OpenBLAS's global thread count.
var threads struct {
	sync.Mutex
	n int
}

// SetThreads sets the number of threads OpenBLAS uses (at least 1); the
// library call is made only when the count changes.
func SetThreads(n int) {
	n = max(1, n)
	threads.Lock()
	defer threads.Unlock()
	if threads.n != n {
		C.openblas_set_num_threads(C.int(n))
		threads.n = n
	}
}

// Gemm sets c (m x n) to a (m x k) @ b (k x n) with ?gemm.
func Gemm[T Float](m, k, n int, a, b, c []T) {
	_, _, _ = a[m*k-1], b[k*n-1], c[m*n-1]
	M, K, N := C.blasint(m), C.blasint(k), C.blasint(n)
	switch av := any(a).(type) {
	case []float64:
		bv, cv := any(b).([]float64), any(c).([]float64)
		C.cblas_dgemm(C.CblasRowMajor, C.CblasNoTrans, C.CblasNoTrans, M, N, K, 1,
			(*C.double)(&av[0]), K, (*C.double)(&bv[0]), N, 0, (*C.double)(&cv[0]), N)
	case []float32:
		bv, cv := any(b).([]float32), any(c).([]float32)
		C.cblas_sgemm(C.CblasRowMajor, C.CblasNoTrans, C.CblasNoTrans, M, N, K, 1,
			(*C.float)(&av[0]), K, (*C.float)(&bv[0]), N, 0, (*C.float)(&cv[0]), N)
	}
}

// Gemv sets y to a @ x (trans false: x has n and y m elements) or to
// t(a) @ x (trans true: x has m and y n elements) for a (m x n), with
// ?gemv.
func Gemv[T Float](trans bool, m, n int, a, x, y []T) {
	lx, ly := n, m
	var tr C.enum_CBLAS_TRANSPOSE = C.CblasNoTrans
	if trans {
		lx, ly, tr = m, n, C.CblasTrans
	}
	_, _, _ = a[m*n-1], x[lx-1], y[ly-1]
	M, N := C.blasint(m), C.blasint(n)
	switch av := any(a).(type) {
	case []float64:
		xv, yv := any(x).([]float64), any(y).([]float64)
		C.cblas_dgemv(C.CblasRowMajor, tr, M, N, 1, (*C.double)(&av[0]), N,
			(*C.double)(&xv[0]), 1, 0, (*C.double)(&yv[0]), 1)
	case []float32:
		xv, yv := any(x).([]float32), any(y).([]float32)
		C.cblas_sgemv(C.CblasRowMajor, tr, M, N, 1, (*C.float)(&av[0]), N,
			(*C.float)(&xv[0]), 1, 0, (*C.float)(&yv[0]), 1)
	}
}

// Syrk sets the upper triangle of c (n x n) to that of t(a) @ a for
// a (m x n), with ?syrk; the strictly lower triangle is not written.
func Syrk[T Float](m, n int, a, c []T) {
	_, _ = a[m*n-1], c[n*n-1]
	M, N := C.blasint(m), C.blasint(n)
	switch av := any(a).(type) {
	case []float64:
		cv := any(c).([]float64)
		C.cblas_dsyrk(C.CblasRowMajor, C.CblasUpper, C.CblasTrans, N, M, 1,
			(*C.double)(&av[0]), N, 0, (*C.double)(&cv[0]), N)
	case []float32:
		cv := any(c).([]float32)
		C.cblas_ssyrk(C.CblasRowMajor, C.CblasUpper, C.CblasTrans, N, M, 1,
			(*C.float)(&av[0]), N, 0, (*C.float)(&cv[0]), N)
	}
}
