package linalg

// Backends: interchangeable implementations of the dense float kernels
// (gemm, syrk, gemv) on row-major slices.
//
// Every build holds the portable Go implementation ("purego"); amd64
// builds without the purego tag add the AVX2+FMA assembly micro-kernels
// ("avx2") when the CPU has them (kernel_amd64.go) and, on CPUs with
// AVX-512F whose AVX-512 f64 kernel passes its self-test, "avx512"
// (kernel_avx512_amd64.go; f32 stays on the AVX2 kernel); arm64 builds
// without the purego tag add the NEON assembly micro-kernels ("neon",
// kernel_arm64.go; NEON is part of ARMv8, no detection); builds with
// -tags openblas (and cgo) add the system OpenBLAS ("openblas",
// openblas.go). The ops use one of them, the active backend, chosen when
// the package is initialised: the one named by the environment variable
// DAPHNE_LINALG_BACKEND (purego, avx2, avx512 or openblas) if this binary
// and CPU have it, else the default: openblas if compiled in, else avx512,
// else avx2 if the CPU allows it, else purego. An unknown or unavailable
// name keeps the default with a warning (log/slog). The others stay
// callable through allBackends, so the conformance suite compares them in
// one test binary.
//
// The integer products, the sparse kernels and the row-range entry points
// (rows.go) always run the native kernels.

import (
	"fmt"
	"log/slog"
	"os"
	"slices"
	"strings"
)

// kernelSet is one implementation of the dense kernels for one element
// type. All matrices are row-major and contiguous. Outputs are zeroed by
// the caller, are never aliased by an input, and are fully written: a
// backend may overwrite or accumulate, with the same result. Inputs may
// alias each other (a == b in gemm). Every function accepts empty shapes
// (a zero m, k or n) and leaves the zeroed output as it is.
type kernelSet[T flt] struct {
	// gemm computes c (m x n) = a (m x k) @ b (k x n).
	gemm func(nthreads, m, k, n int, a, b, c []T) error
	// syrk computes c (n x n) = t(a) @ a for a (m x n), exactly
	// symmetric (the lower triangle mirrors the upper one).
	syrk func(nthreads, m, n int, a, c []T) error
	// gemvT computes y (n) = t(a) @ x for a (m x n) and x (m).
	gemvT func(nthreads, m, n int, a, x, y []T) error
}

// backend is one named implementation of the dense float kernels.
type backend struct {
	name string
	f64  kernelSet[float64]
	f32  kernelSet[float32]
	// micro64 and micro32 are the micro-kernels of a native backend (nil
	// for OpenBLAS), kept for the conformance tests.
	micro64 microKernel[float64]
	micro32 microKernel[float32]
}

// Backend names.
const (
	backendPureGo   = "purego"
	backendAVX2     = "avx2"
	backendAVX512   = "avx512"
	backendNEON     = "neon"
	backendOpenBLAS = "openblas"
)

// knownBackends are the names DAPHNE_LINALG_BACKEND accepts.
var knownBackends = []string{backendPureGo, backendAVX2, backendAVX512, backendNEON, backendOpenBLAS}

// envBackend is the environment variable that picks the active backend.
const envBackend = "DAPHNE_LINALG_BACKEND"

// allBackends lists every implementation compiled into this binary that
// the CPU can run, native ones first.
func allBackends() []*backend {
	bs := nativeBackends()
	if blasBackend != nil {
		bs = append(bs, blasBackend)
	}
	return bs
}

// active is the backend the ops use (see the file comment).
var active = pickBackend()

// pickBackend returns the backend named by DAPHNE_LINALG_BACKEND, or the
// default (the last of allBackends), warning if the variable names a
// backend this binary or CPU does not have.
func pickBackend() *backend {
	be, err := chooseBackend(os.Getenv(envBackend), allBackends())
	if err != nil {
		slog.Warn("linalg: "+envBackend+" ignored", "err", err, "backend", be.name)
	}
	return be
}

// chooseBackend returns the backend of bs named name (case and
// surrounding blanks ignored), or for an empty name the default, the last
// of bs. For any other name it returns the default and an error naming the
// value and the available backends.
func chooseBackend(name string, bs []*backend) (*backend, error) {
	def := bs[len(bs)-1]
	want := strings.ToLower(strings.TrimSpace(name))
	if want == "" {
		return def, nil
	}
	avail := make([]string, len(bs))
	for i, be := range bs {
		if be.name == want {
			return be, nil
		}
		avail[i] = be.name
	}
	if !slices.Contains(knownBackends, want) {
		return def, fmt.Errorf("%s=%q is not a backend (known: %s; available here: %s); using %s",
			envBackend, name, strings.Join(knownBackends, ", "), strings.Join(avail, ", "), def.name)
	}
	return def, fmt.Errorf("%s=%q: backend not available in this binary or on this CPU (available: %s); using %s",
		envBackend, name, strings.Join(avail, ", "), def.name)
}

// Backend returns the name of the implementation that matMul, syrk and
// gemv use for dense f32/f64 operands in this binary: "openblas" (built
// with -tags openblas), "avx512" (amd64 CPUs with AVX-512F whose kernel
// passed its self-test), "avx2" (amd64 CPUs with AVX2 and FMA), "neon"
// (arm64) or "purego" (the portable Go kernels: other CPUs, other
// architectures, -tags purego),
// unless DAPHNE_LINALG_BACKEND named another available one.
func Backend() string { return active.name }

// kernelsFor returns the active backend's kernels for T.
func kernelsFor[T flt]() kernelSet[T] {
	return kernelsOf[T](active)
}

// kernelsOf returns b's kernels for T.
func kernelsOf[T flt](b *backend) kernelSet[T] {
	var ks any = b.f64
	var z T
	if _, ok := any(z).(float32); ok {
		ks = b.f32
	}
	return ks.(kernelSet[T])
}

// newNativeBackend returns the native backend built on the given
// micro-kernels.
func newNativeBackend(name string, k64 microKernel[float64], k32 microKernel[float32]) *backend {
	return &backend{
		name:    name,
		f64:     nativeKernels(k64),
		f32:     nativeKernels(k32),
		micro64: k64,
		micro32: k32,
	}
}

// nativeKernels returns the Go kernels driving the micro-kernel kern.
func nativeKernels[T flt](kern microKernel[T]) kernelSet[T] {
	return kernelSet[T]{
		gemm: func(nthreads, m, k, n int, a, b, c []T) error {
			return gemmNative(nthreads, m, k, n, a, b, c, kern)
		},
		syrk: func(nthreads, m, n int, a, c []T) error {
			return syrkNative(nthreads, m, n, a, c, kern)
		},
		gemvT: gemvTNative[T],
	}
}

// gemmNative computes c = a @ b with the packed kernel (or, for a column
// vector b or a product too small to pay for packing, the simple loops),
// splitting the rows of c over at most nthreads goroutines.
func gemmNative[T flt](nthreads, m, k, n int, a, b, c []T, kern microKernel[T]) error {
	if m == 0 || n == 0 || k == 0 {
		return nil
	}
	p := parts(m, nthreads, max(1, minFlopsPerPart/(k*n)))
	var body func(part, lo, hi int)
	switch {
	case n == 1:
		body = func(_, lo, hi int) { gemvRows(a, b, c, k, lo, hi) }
	case m*k*n < simpleFlops:
		body = func(_, lo, hi int) { gemmSimple(a, b, c, k, n, lo, hi) }
	default:
		body = func(_, lo, hi int) { gemmPacked(a, b, c, k, n, lo, hi, kern) }
	}
	return parallelRows(m, p, body)
}

// syrkNative computes c = t(a) @ a: the rows of a are split over at most
// nthreads goroutines, each summing the upper triangle into its own n x n
// partial result; partials are added in a fixed order and the upper
// triangle is mirrored, so the result depends on nthreads only through
// rounding and is exactly symmetric.
func syrkNative[T flt](nthreads, m, n int, a, c []T, kern microKernel[T]) error {
	if m == 0 || n == 0 {
		return nil
	}
	p := parts(m, nthreads, max(1, 4*minFlopsPerPart/(n*n)))
	partial := make([][]T, p)
	partial[0] = c
	err := parallelRows(m, p, func(part, lo, hi int) {
		if part > 0 {
			partial[part] = make([]T, n*n)
		}
		if (hi-lo)*n*n < simpleFlops {
			syrkSimple(a, partial[part], n, lo, hi)
			return
		}
		syrkPacked(a, partial[part], n, lo, hi, kern)
	})
	if err != nil {
		return err
	}
	for _, pc := range partial[1:] {
		for i := 0; i < n; i++ {
			row := c[i*n+i : i*n+n]
			src := pc[i*n+i : i*n+n]
			for j, v := range src {
				row[j] += v
			}
		}
	}
	mirrorUpper(c, n)
	return nil
}

// gemvTNative computes y = t(a) @ x in one pass over the rows of a, split
// over at most nthreads goroutines with one partial y each.
func gemvTNative[T flt](nthreads, m, n int, a, x, y []T) error {
	if m == 0 || n == 0 {
		return nil
	}
	p := parts(m, nthreads, max(1, 4*minFlopsPerPart/n))
	partial := make([][]T, p)
	partial[0] = y
	err := parallelRows(m, p, func(part, lo, hi int) {
		if part > 0 {
			partial[part] = make([]T, n)
		}
		gemvTRows(a, x, partial[part], n, lo, hi)
	})
	if err != nil {
		return err
	}
	for _, pv := range partial[1:] {
		for j, v := range pv {
			y[j] += v
		}
	}
	return nil
}
