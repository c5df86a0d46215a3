//go:build openblas && cgo

package linalg

// The optional OpenBLAS backend: -tags openblas links the system OpenBLAS
// (libopenblas-dev: cblas.h and libopenblas) through cgo, in package
// internal/cblas, and makes it the active backend for dense f32/f64 gemm,
// syrk and gemv. The default build does not compile this file and stays
// cgo-free.
//
// OpenBLAS runs its own thread pool; before each call it is set to the
// op's thread budget. Shapes with a dimension beyond OpenBLAS's 32-bit
// blasint run on the native kernels instead. Empty shapes never reach
// OpenBLAS (its parameter checks print to stderr).

import (
	"math"

	"github.com/daphne-go/daphne/runtime/kernel/linalg/internal/cblas"
)

var blasBackend = &backend{
	name: backendOpenBLAS,
	f64: kernelSet[float64]{
		gemm:  blasGemm[float64],
		syrk:  blasSyrk[float64],
		gemvT: blasGemvT[float64],
	},
	f32: kernelSet[float32]{
		gemm:  blasGemm[float32],
		syrk:  blasSyrk[float32],
		gemvT: blasGemvT[float32],
	},
}

// fitsBLAS reports whether every dimension fits a 32-bit blasint.
func fitsBLAS(dims ...int) bool {
	for _, d := range dims {
		if d > math.MaxInt32 {
			return false
		}
	}
	return true
}

func blasGemm[T flt](nthreads, m, k, n int, a, b, c []T) error {
	switch {
	case m == 0 || n == 0 || k == 0:
		return nil
	case !fitsBLAS(m, k, n):
		return gemmNative(nthreads, m, k, n, a, b, c, microFor[T]())
	}
	cblas.SetThreads(nthreads)
	if n == 1 {
		cblas.Gemv(false, m, k, a, b, c)
		return nil
	}
	cblas.Gemm(m, k, n, a, b, c)
	return nil
}

func blasSyrk[T flt](nthreads, m, n int, a, c []T) error {
	switch {
	case m == 0 || n == 0:
		return nil
	case !fitsBLAS(m, n):
		return syrkNative(nthreads, m, n, a, c, microFor[T]())
	}
	cblas.SetThreads(nthreads)
	cblas.Syrk(m, n, a, c)
	mirrorUpper(c, n)
	return nil
}

func blasGemvT[T flt](nthreads, m, n int, a, x, y []T) error {
	switch {
	case m == 0 || n == 0:
		return nil
	case !fitsBLAS(m, n):
		return gemvTNative(nthreads, m, n, a, x, y)
	}
	cblas.SetThreads(nthreads)
	cblas.Gemv(true, m, n, a, x, y)
	return nil
}
