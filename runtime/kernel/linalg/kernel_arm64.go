//go:build arm64 && !purego

package linalg

// The f64 and f32 micro-kernels in ARMv8 NEON (Advanced SIMD) assembly
// (kernel_arm64.s), backend "neon". Advanced SIMD is part of every ARMv8-A
// CPU that Go supports (GOARCH=arm64 requires it), so there is no run-time
// detection: the neon backend is always offered, and is the default.
//
// The kernels keep the 4 x 8 tile (mr x nr) of the amd64 ones, so packing
// and blocking (gemm.go, syrk.go) are shared: f64 holds the tile in 16
// two-lane accumulators, f32 in 8 four-lane ones; per step of p one LD1
// reads the 8 values of B and one LD4R reads the 4 values of A, each
// broadcast to a whole register, then 16 (f64) or 8 (f32) FMLA update the
// accumulators. arm64 has 32 vector registers, so nothing spills.
//
// Testing and performance: the kernels are checked by the conformance
// suite (conformance*_test.go), which runs every backend and micro-kernel
// against a float64 reference; on an amd64 machine it runs under QEMU
// user emulation (GOARCH=arm64 go test -exec qemu-aarch64, see .ci/run).
// QEMU translates each instruction into host code, so timings taken under
// it say nothing about the speed of these kernels on arm64 hardware: no
// performance claim is made for them until they are measured on a real
// arm64 CPU (go test -bench Micro ./runtime/kernel/linalg).
//
// Build with -tags purego to use the portable kernels (kernel_other.go).
//
// Rejected alternative: FMLA by element (one A register holding two or four
// values, indexed per FMLA) saves the LD4R broadcast but the Go assembler
// lacks that form (it would be WORD-encoded throughout); LD4R is one
// load-and-broadcast instruction that the assembler knows.

//go:noescape
func microNEON(kb int, a *float64, aStepBytes int, b *float64, tile *[mr * nr]float64, c *float64, ldcBytes int)

//go:noescape
func microNEONF32(kb int, a *float32, aStepBytes int, b *float32, tile *[mr * nr]float32, c *float32, ldcBytes int)

// microF64 is the f64 micro-kernel: the NEON one.
var microF64 microKernel[float64] = microAsmNEON

// microF32 is the f32 micro-kernel: the NEON one.
var microF32 microKernel[float32] = microAsmNEONF32

// HasAsmKernel reports whether the f64 and f32 micro-kernels run in
// assembly: always on arm64 without the purego tag.
func HasAsmKernel() bool { return true }

// microAsmNEON checks the panel and tile bounds (so the assembly never
// touches memory outside its slices) and calls the NEON kernel.
func microAsmNEON(kb int, a []float64, aStep int, b []float64, tile *[mr * nr]float64, c []float64, ldc int) {
	if cp, ok := asmArgs(kb, a, aStep, b, tile, c, ldc); ok {
		microNEON(kb, &a[0], aStep*8, &b[0], tile, cp, ldc*8)
	}
}

// microAsmNEONF32 is microAsmNEON for f32.
func microAsmNEONF32(kb int, a []float32, aStep int, b []float32, tile *[mr * nr]float32, c []float32, ldc int) {
	if cp, ok := asmArgs(kb, a, aStep, b, tile, c, ldc); ok {
		microNEONF32(kb, &a[0], aStep*4, &b[0], tile, cp, ldc*4)
	}
}

// nativeBackends returns the native implementations: the portable Go one
// and the NEON one (last, so that it is the default).
func nativeBackends() []*backend { return []*backend{pureGoBackend, neonBackend} }

var (
	pureGoBackend = newNativeBackend(backendPureGo, microGo[float64], microGo[float32])
	neonBackend   = newNativeBackend(backendNEON, microAsmNEON, microAsmNEONF32)
)
