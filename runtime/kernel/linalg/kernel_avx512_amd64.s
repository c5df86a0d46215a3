//go:build amd64 && !purego

#include "textflag.h"

// func microAVX512(kb int, a *float64, aStepBytes int, b *float64, tile *[32]float64, c *float64, ldcBytes int)
//
// The AVX-512F version of microAVX2 (kernel_amd64.s), with the same
// contract and the same 4 x 8 tile, so packing is unchanged: the sum over
// p < kb of a[p*aStep : p*aStep+4] (as a column) times b[p*8 : p*8+8] (as a
// row), kb >= 1, is stored row-major in tile when c is nil, else added to
// the 4 x 8 block at c (rows ldcBytes apart), whose lines are prefetched
// while the product is computed.
//
// One zmm register holds one row of the tile (8 doubles). Two steps of p
// are interleaved into two sets of accumulators, as in microAVX2F32: even
// steps into Z0..Z3, odd steps into Z4..Z7, so that eight independent FMA
// chains hide the FMA latency; the sets are summed at the end. When kb is
// odd the last step goes into Z0..Z3 alone. The B row of a step is loaded
// once; the four A values of a step are broadcast from memory by the FMAs
// themselves (embedded broadcast, .BCST).
//
// Registers:
//
//	CX   steps of p left
//	SI   &a[p*aStep], the A column of the current step
//	DX   aStepBytes (SI's increment per step)
//	DI   &b[p*8], the B row of the current step
//	R8   tile (the store path)
//	R9   c, then the current row of c (the accumulate path); 0 for the store path
//	R10  ldcBytes
//	R11  c + 2*ldcBytes (prefetch of rows 2 and 3)
//	Z0..Z3  rows 0..3 of the tile, even steps (and the odd last step)
//	Z4..Z7  rows 0..3 of the tile, odd steps
//	Z8   B row of the even step
//	Z9   B row of the odd step
//
// Only AVX-512F instructions are used (VPXORQ rather than VXORPD, which
// needs AVX512DQ on zmm registers).
TEXT ·microAVX512(SB), NOSPLIT, $0-56
	MOVQ kb+0(FP), CX
	MOVQ a+8(FP), SI
	MOVQ aStepBytes+16(FP), DX
	MOVQ b+24(FP), DI
	MOVQ tile+32(FP), R8
	MOVQ c+40(FP), R9
	MOVQ ldcBytes+48(FP), R10

	// A row of c is 64 bytes: one or two cache lines.
	TESTQ      R9, R9
	JZ         zero512
	LEAQ       (R9)(R10*2), R11
	PREFETCHT0 (R9)
	PREFETCHT0 56(R9)
	PREFETCHT0 (R9)(R10*1)
	PREFETCHT0 56(R9)(R10*1)
	PREFETCHT0 (R11)
	PREFETCHT0 56(R11)
	PREFETCHT0 (R11)(R10*1)
	PREFETCHT0 56(R11)(R10*1)

zero512:
	VPXORQ Z0, Z0, Z0
	VPXORQ Z1, Z1, Z1
	VPXORQ Z2, Z2, Z2
	VPXORQ Z3, Z3, Z3
	VPXORQ Z4, Z4, Z4
	VPXORQ Z5, Z5, Z5
	VPXORQ Z6, Z6, Z6
	VPXORQ Z7, Z7, Z7
	CMPQ   CX, $2
	JL     single512

pair512:
	// Even step: Z(r) += a[r] * B row, for rows r = 0..3.
	VMOVUPD          (DI), Z8
	VFMADD231PD.BCST (SI), Z8, Z0
	VFMADD231PD.BCST 8(SI), Z8, Z1
	VFMADD231PD.BCST 16(SI), Z8, Z2
	VFMADD231PD.BCST 24(SI), Z8, Z3
	ADDQ             DX, SI

	// Odd step: Z(4+r) += a[r] * B row.
	VMOVUPD          64(DI), Z9
	VFMADD231PD.BCST (SI), Z9, Z4
	VFMADD231PD.BCST 8(SI), Z9, Z5
	VFMADD231PD.BCST 16(SI), Z9, Z6
	VFMADD231PD.BCST 24(SI), Z9, Z7
	ADDQ             DX, SI
	ADDQ             $128, DI
	SUBQ             $2, CX
	CMPQ             CX, $2
	JGE              pair512

single512:
	// The last step when kb is odd.
	TESTQ            CX, CX
	JZ               sum512
	VMOVUPD          (DI), Z8
	VFMADD231PD.BCST (SI), Z8, Z0
	VFMADD231PD.BCST 8(SI), Z8, Z1
	VFMADD231PD.BCST 16(SI), Z8, Z2
	VFMADD231PD.BCST 24(SI), Z8, Z3

sum512:
	VADDPD Z4, Z0, Z0
	VADDPD Z5, Z1, Z1
	VADDPD Z6, Z2, Z2
	VADDPD Z7, Z3, Z3
	TESTQ  R9, R9
	JNZ    accumulate512

	VMOVUPD Z0, (R8)
	VMOVUPD Z1, 64(R8)
	VMOVUPD Z2, 128(R8)
	VMOVUPD Z3, 192(R8)
	VZEROUPPER
	RET

accumulate512:
	VADDPD  (R9), Z0, Z0
	VMOVUPD Z0, (R9)
	ADDQ    R10, R9
	VADDPD  (R9), Z1, Z1
	VMOVUPD Z1, (R9)
	ADDQ    R10, R9
	VADDPD  (R9), Z2, Z2
	VMOVUPD Z2, (R9)
	ADDQ    R10, R9
	VADDPD  (R9), Z3, Z3
	VMOVUPD Z3, (R9)
	VZEROUPPER
	RET
