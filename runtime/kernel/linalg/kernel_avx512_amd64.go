//go:build amd64 && !purego

package linalg

// The "avx512" backend: the f64 micro-kernel in AVX-512F assembly
// (kernel_avx512_amd64.s), the f32 one still the AVX2 kernel. It is
// offered only on CPUs that report AVX-512F with the OS saving the zmm
// state, and only after the kernel has passed its self-test
// (avx512_guard_amd64.go) on this CPU; otherwise the binary falls back to
// "avx2" and warns once.
//
// The kernel has the 4 x 8 tile of the AVX2 kernel (one zmm register per
// row), so packing and blocking are unchanged. A larger tile (more of the
// 32 zmm registers as accumulators, fewer loads per FMA) could reach more
// of the peak but needs new packing; it was not written because no
// AVX-512 kernel can be executed on the development machine (no AVX-512,
// and QEMU's TCG does not emulate it): kernel_avx512_model_amd64_test.go
// interprets the disassembled kernel instead.

import (
	"log/slog"
	"sync"
)

//go:noescape
func microAVX512(kb int, a *float64, aStepBytes int, b *float64, tile *[mr * nr]float64, c *float64, ldcBytes int)

// CPUID leaf 7 EBX and XCR0 bits for AVX-512F.
const (
	cpuidAVX512F = 1 << 16 // leaf 7, subleaf 0, EBX: AVX512F
	// xcr0AVX512 is the opmask, ZMM_Hi256 and Hi16_ZMM state (bits 5-7)
	// plus the XMM and YMM state (bits 1-2), all saved by the OS.
	xcr0AVX512 = 0xe6
)

// avx512Supported reports whether a CPU with the given CPUID and XCR0
// values runs AVX-512F code: avx2FMA is the AVX2/FMA check of
// hasAVX2FMA (which also covers OSXSAVE), maxLeaf the highest basic CPUID
// leaf, ebx7 EBX of leaf 7 subleaf 0 and xcr0 the low half of XCR0.
func avx512Supported(avx2FMA bool, maxLeaf, ebx7, xcr0 uint32) bool {
	return avx2FMA && maxLeaf >= 7 && ebx7&cpuidAVX512F != 0 && xcr0&xcr0AVX512 == xcr0AVX512
}

// hasAVX512F reports whether this CPU and its OS support AVX-512F (and
// AVX2 and FMA, which the backend's f32 kernel needs).
func hasAVX512F() bool {
	if !useAsm { // also guarantees OSXSAVE, so XGETBV is safe
		return false
	}
	maxLeaf, _, _, _ := cpuid(0, 0)
	_, ebx7, _, _ := cpuid(7, 0)
	xcr0, _ := xgetbv0()
	return avx512Supported(useAsm, maxLeaf, ebx7, xcr0)
}

// microAsm512 checks the panel and tile bounds (so the assembly never
// touches memory outside its slices) and calls the AVX-512 kernel.
func microAsm512(kb int, a []float64, aStep int, b []float64, tile *[mr * nr]float64, c []float64, ldc int) {
	if cp, ok := asmArgs(kb, a, aStep, b, tile, c, ldc); ok {
		microAVX512(kb, &a[0], aStep*8, &b[0], tile, cp, ldc*8)
	}
}

// avx512Usable reports, once per process, whether the AVX-512 backend is
// offered: the CPU reports AVX-512F and the kernel passes its self-test.
// A failed self-test is logged once as a warning.
var avx512Usable = sync.OnceValue(func() bool {
	return guardAVX512(hasAVX512F(), microAsm512)
})

// guardAVX512 returns whether a kernel on a CPU that supports it (or not)
// may be offered, running the self-test only where the CPU supports it.
func guardAVX512(supported bool, kern microKernel[float64]) bool {
	if !supported {
		return false
	}
	if err := selfTestMicro64(kern); err != nil {
		slog.Warn("linalg: the AVX-512 micro-kernel failed its self-test on this CPU; using the AVX2 kernels",
			"err", err)
		return false
	}
	return true
}

// avx512Backend is the AVX-512 f64 / AVX2 f32 backend (built always so
// that tests can inspect it; offered by nativeBackends only when
// avx512Usable).
var avx512Backend = newNativeBackend(backendAVX512, microAsm512, microAsmF32)
