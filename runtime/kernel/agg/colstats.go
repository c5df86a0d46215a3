package agg

import "github.com/daphne-go/daphne/runtime/data"

// Column updates: the inner loops of the column statistics (meanCol,
// varCol, stddevCol, sumCol and the column moments of the vectorized
// engine). Each one takes a whole row range (rows x cols, row-major and
// contiguous, len(d) = rows*cols) and updates one accumulator per column:
//
//   - colShifted: x = float64(d[i][j]) - k[j]; s1[j] += x; s2[j] += x*x
//     (the shifted sums of stats.go and moments.go);
//   - colAdd: acc[j] += R(d[i][j]) (column means and sums).
//
// On amd64 with AVX (checked by CPUID at start-up) f64 and f32 data go
// through assembly (colstats_amd64.s) that keeps the accumulators in L1 and
// updates four columns per instruction (eight for f32 sums), with a scalar
// tail for the last cols % 4 (% 8). Every other value type, every other
// platform and the purego build run the Go loops below.
//
// The assembly gives bit-identical results to the Go loops: it performs
// the same IEEE operations in the same order per column (VSUBPD, VADDPD,
// VMULPD, VCVTPS2PD; deliberately no FMA, since x*x+s2 fused rounds once
// instead of twice). The Go loops write float64(x*x) with an explicit
// conversion so that no compiler (arm64, or amd64 with GOAMD64=v3) fuses
// the multiply-add either: the results are the same on every platform.
// Only NaN payloads may differ (Go does not define which operand's payload
// an addition of two NaNs keeps, and its compiler orders the operands of
// += differently for f32 and f64 input); a NaN stays a NaN.
//
// Speed (1e6 x 101 f64 and 250 x 101 in L2; see BenchmarkStatColLoop and
// bench/kernels/README.md): the Go loop of the shifted sums runs at about
// 1.2 G cells/s, below the 1.5-1.8 G cells/s (12-14 GB/s) one core reads
// from memory here; the assembly runs at about 4 G cells/s on L2-resident
// data, so from memory it is bound by the memory.
//
// Rejected alternatives: a GOAMD64=v3 build (the default build must be
// fast); keeping the accumulators in registers and walking down a block of
// rows per group of columns (strided loads, more code, and the
// row-at-a-time loop is already three times faster than memory); rows in
// pairs (slower from memory, see colstats_amd64.s); software prefetch
// (PREFETCHT0 384 or 768 bytes ahead: no clear gain in back-to-back runs);
// FMA (not bit-identical to the Go loop).

// colShifted adds the shifted sums of the len(d)/cols rows of d to s1 and
// s2 (see the file comment); k, s1 and s2 hold at least cols values.
func colShifted[T data.Number](d []T, cols int, k, s1, s2 []float64) {
	if cols <= 0 || len(d) < cols {
		return
	}
	switch x := any(d).(type) {
	case []float64:
		if shiftedF64Asm(x, cols, k, s1, s2) {
			return
		}
	case []float32:
		if shiftedF32Asm(x, cols, k, s1, s2) {
			return
		}
	}
	colShiftedGo(d, cols, k, s1, s2)
}

// colShiftedGo is the portable colShifted.
func colShiftedGo[T data.Number](d []T, cols int, k, s1, s2 []float64) {
	if cols <= 0 {
		return
	}
	k, s1, s2 = k[:cols], s1[:cols], s2[:cols]
	for i := 0; i+cols <= len(d); i += cols {
		row := d[i : i+cols]
		for j, v := range row {
			x := float64(v) - k[j]
			s1[j] += x
			s2[j] += float64(x * x) // the conversion forbids fusing into an FMA
		}
	}
}

// colAdd adds the len(d)/cols rows of d, converted to R, to acc (at least
// cols values), row after row.
func colAdd[T data.Number, R data.Number](d []T, cols int, acc []R) {
	if cols <= 0 || len(d) < cols {
		return
	}
	switch x := any(d).(type) {
	case []float64:
		if a, ok := any(acc).([]float64); ok && addF64Asm(x, cols, a) {
			return
		}
	case []float32:
		if a, ok := any(acc).([]float32); ok && addF32Asm(x, cols, a) {
			return
		}
	}
	colAddGo(d, cols, acc)
}

// colAddGo is the portable colAdd.
func colAddGo[T data.Number, R data.Number](d []T, cols int, acc []R) {
	if cols <= 0 {
		return
	}
	acc = acc[:cols]
	for i := 0; i+cols <= len(d); i += cols {
		row := d[i : i+cols]
		for j, v := range row {
			acc[j] += R(v)
		}
	}
}
