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

	"golang.org/x/sys/cpu"
)

//go:noescape
func microAVX512(kb int, a *float64, aStepBytes int, b *float64, tile *[mr * nr]float64, c *float64, ldcBytes int)

// hasAVX512F reports whether this CPU and its OS support AVX-512F (with
// the opmask and ZMM state saved; golang.org/x/sys/cpu checks both) and
// AVX2 and FMA, which the backend's f32 kernel needs.
func hasAVX512F() bool { return useAsm && cpu.X86.HasAVX512F }

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
