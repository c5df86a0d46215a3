//go:build amd64 && !purego

package agg

import "golang.org/x/sys/cpu"

// The AVX column updates of colstats.go (colstats_amd64.s), chosen at run
// time by CPUID so that the default build (GOAMD64=v1) uses them on every
// CPU that has AVX and stays correct on those that do not. The kernels use
// only AVX instructions (256-bit VADDPD/VSUBPD/VMULPD/VADDPS/VCVTPS2PD, no
// FMA), so AVX and the OS's saving of the YMM state are all they need.
// Build with -tags purego to run the Go loops everywhere.

//go:noescape
func shiftedF64AVX(d *float64, rows, cols int, k, s1, s2 *float64)

//go:noescape
func shiftedF32AVX(d *float32, rows, cols int, k, s1, s2 *float64)

//go:noescape
func addF64AVX(d *float64, rows, cols int, acc *float64)

//go:noescape
func addF32AVX(d *float32, rows, cols int, acc *float32)

var useAsm = cpu.X86.HasAVX // CPUID and the OS's saving of the YMM state

// shiftedF64Asm runs colShifted on f64 data in assembly and reports
// whether it did. The bounds are checked here, so the assembly never
// touches memory outside the slices.
func shiftedF64Asm(d []float64, cols int, k, s1, s2 []float64) bool {
	if !useAsm {
		return false
	}
	rows := len(d) / cols
	_, _, _ = k[cols-1], s1[cols-1], s2[cols-1]
	shiftedF64AVX(&d[0], rows, cols, &k[0], &s1[0], &s2[0])
	return true
}

// shiftedF32Asm is shiftedF64Asm for f32 data (converted to f64 exactly).
func shiftedF32Asm(d []float32, cols int, k, s1, s2 []float64) bool {
	if !useAsm {
		return false
	}
	rows := len(d) / cols
	_, _, _ = k[cols-1], s1[cols-1], s2[cols-1]
	shiftedF32AVX(&d[0], rows, cols, &k[0], &s1[0], &s2[0])
	return true
}

// addF64Asm runs colAdd on f64 data into f64 accumulators in assembly and
// reports whether it did.
func addF64Asm(d []float64, cols int, acc []float64) bool {
	if !useAsm {
		return false
	}
	_ = acc[cols-1]
	addF64AVX(&d[0], len(d)/cols, cols, &acc[0])
	return true
}

// addF32Asm runs colAdd on f32 data into f32 accumulators in assembly and
// reports whether it did.
func addF32Asm(d []float32, cols int, acc []float32) bool {
	if !useAsm {
		return false
	}
	_ = acc[cols-1]
	addF32AVX(&d[0], len(d)/cols, cols, &acc[0])
	return true
}
