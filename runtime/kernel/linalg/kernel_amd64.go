//go:build amd64 && !purego

package linalg

import (
	"os"

	"golang.org/x/sys/cpu"
)

// The f64 and f32 micro-kernels in AVX2/FMA assembly (kernel_amd64.s), and
// an AVX-512 f64 one (kernel_avx512_amd64.go), chosen at run time by CPUID
// so that the default build (GOAMD64=v1) is fast on machines that have
// them and still correct on those that do not.
//
// Build with -tags purego to use the portable kernels everywhere (for
// testing them, or for a CPU whose CPUID lies).
//
// Rejected alternative: a GOAMD64=v3 build only (the default build must be
// fast, see performance-notes.md). cgo BLAS is optional (-tags openblas,
// openblas.go), never the default.

//go:noescape
func microAVX2(kb int, a *float64, aStepBytes int, b *float64, tile *[mr * nr]float64, c *float64, ldcBytes int)

//go:noescape
func microAVX2F32(kb int, a *float32, aStepBytes int, b *float32, tile *[mr * nr]float32, c *float32, ldcBytes int)

// useAsm says whether the CPU and the OS support AVX2 and FMA
// (golang.org/x/sys/cpu checks CPUID and that the OS saves the YMM state).
var useAsm = cpu.X86.HasAVX2 && cpu.X86.HasFMA

// microF64 is the f64 micro-kernel of the row-range entry points
// (rows.go): that of the native backend DAPHNE_LINALG_BACKEND names (so
// that the variable switches them too), else of the default native one
// (AVX-512, AVX2 or Go).
var microF64 microKernel[float64] = pickMicroF64()

func pickMicroF64() microKernel[float64] {
	// Not derived from active: the OpenBLAS backend's initialisation uses
	// microF64. A name that is not a native backend was reported by
	// pickBackend already.
	be, _ := chooseBackend(os.Getenv(envBackend), nativeBackends())
	return be.micro64
}

// microF32 is the f32 micro-kernel of the row-range entry points, chosen
// as microF64 is.
var microF32 microKernel[float32] = pickMicroF32()

func pickMicroF32() microKernel[float32] {
	be, _ := chooseBackend(os.Getenv(envBackend), nativeBackends())
	return be.micro32
}

// HasAsmKernel reports whether the f64 and f32 micro-kernels run in
// assembly.
func HasAsmKernel() bool { return useAsm }

// microAsm checks the panel and tile bounds (so the assembly never
// touches memory outside its slices) and calls the AVX2 kernel.
func microAsm(kb int, a []float64, aStep int, b []float64, tile *[mr * nr]float64, c []float64, ldc int) {
	if cp, ok := asmArgs(kb, a, aStep, b, tile, c, ldc); ok {
		microAVX2(kb, &a[0], aStep*8, &b[0], tile, cp, ldc*8)
	}
}

// microAsmF32 is microAsm for f32.
func microAsmF32(kb int, a []float32, aStep int, b []float32, tile *[mr * nr]float32, c []float32, ldc int) {
	if cp, ok := asmArgs(kb, a, aStep, b, tile, c, ldc); ok {
		microAVX2F32(kb, &a[0], aStep*4, &b[0], tile, cp, ldc*4)
	}
}

// nativeBackends returns the native implementations this CPU runs, the
// default last: the portable Go one; with AVX2 and FMA the AVX2 one; with
// AVX-512F, if its f64 kernel passes the self-test, the AVX-512 one
// (kernel_avx512_amd64.go).
func nativeBackends() []*backend {
	bs := []*backend{pureGoBackend}
	if useAsm {
		bs = append(bs, avx2Backend)
	}
	if avx512Usable() {
		bs = append(bs, avx512Backend)
	}
	return bs
}

var (
	pureGoBackend = newNativeBackend(backendPureGo, microGo[float64], microGo[float32])
	avx2Backend   = newNativeBackend(backendAVX2, microAsm, microAsmF32)
)
