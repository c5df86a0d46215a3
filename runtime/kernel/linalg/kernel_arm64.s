//go:build arm64 && !purego

#include "textflag.h"

// The Go arm64 assembler has no vector FADD (see the TODO lines of
// src/cmd/asm/internal/asm/testdata/arm64enc.s), so the accumulate paths
// encode it with WORD. FADD (vector) is 0 Q 0 01110 0 sz 1 Rm 110101 Rn Rd:
// .2D (Q=1, sz=1) is 0x4E60D400 | m<<16 | n<<5 | d, .4S (Q=1, sz=0) is
// 0x4E20D400 | m<<16 | n<<5 | d. Every WORD below computes Vd = Vd + Vm
// (n = d) with m one of the loaded rows of c (V16..V19); its comment
// gives the instruction in ARM syntax.

// func microNEON(kb int, a *float64, aStepBytes int, b *float64, tile *[32]float64, c *float64, ldcBytes int)
//
// The 4 x 8 product sum over p < kb of a[p*aStep : p*aStep+4] (as a
// column) times b[p*8 : p*8+8] (as a row), kb >= 1, is stored row-major in
// tile when c is nil, else added to the 4 x 8 block at c (rows ldcBytes
// apart), whose lines are prefetched (for writing: PRFM PSTL1KEEP; the first
// and last element of each row, which may straddle two cache lines) while
// the product is computed.
//
// Registers: R0 the steps left, R1 the A panel (advanced by R2 =
// aStepBytes per step), R3 the B panel (advanced by 64 bytes per step), R4
// the tile, R5 c, R6 ldcBytes, R7 a row of c during the prefetch.
// V0..V15 hold the product, two doubles each: V(4r+q) is columns 2q, 2q+1
// of row r. V16..V19 are the 8 values of B of one step (and the rows of c
// in the accumulate path); V20..V23 are a[p*aStep+0..3], each broadcast
// to both lanes by one LD4R.
TEXT ·microNEON(SB), NOSPLIT, $0-56
	MOVD kb+0(FP), R0
	MOVD a+8(FP), R1
	MOVD aStepBytes+16(FP), R2
	MOVD b+24(FP), R3
	MOVD tile+32(FP), R4
	MOVD c+40(FP), R5
	MOVD ldcBytes+48(FP), R6

	CBZ  R5, zero
	MOVD R5, R7
	PRFM (R7), PSTL1KEEP
	PRFM 56(R7), PSTL1KEEP
	ADD  R6, R7
	PRFM (R7), PSTL1KEEP
	PRFM 56(R7), PSTL1KEEP
	ADD  R6, R7
	PRFM (R7), PSTL1KEEP
	PRFM 56(R7), PSTL1KEEP
	ADD  R6, R7
	PRFM (R7), PSTL1KEEP
	PRFM 56(R7), PSTL1KEEP

zero:
	VEOR V0.B16, V0.B16, V0.B16
	VEOR V1.B16, V1.B16, V1.B16
	VEOR V2.B16, V2.B16, V2.B16
	VEOR V3.B16, V3.B16, V3.B16
	VEOR V4.B16, V4.B16, V4.B16
	VEOR V5.B16, V5.B16, V5.B16
	VEOR V6.B16, V6.B16, V6.B16
	VEOR V7.B16, V7.B16, V7.B16
	VEOR V8.B16, V8.B16, V8.B16
	VEOR V9.B16, V9.B16, V9.B16
	VEOR V10.B16, V10.B16, V10.B16
	VEOR V11.B16, V11.B16, V11.B16
	VEOR V12.B16, V12.B16, V12.B16
	VEOR V13.B16, V13.B16, V13.B16
	VEOR V14.B16, V14.B16, V14.B16
	VEOR V15.B16, V15.B16, V15.B16

loop:
	VLD1.P  64(R3), [V16.D2, V17.D2, V18.D2, V19.D2]
	VLD4R.P (R1)(R2), [V20.D2, V21.D2, V22.D2, V23.D2]
	VFMLA   V16.D2, V20.D2, V0.D2
	VFMLA   V17.D2, V20.D2, V1.D2
	VFMLA   V18.D2, V20.D2, V2.D2
	VFMLA   V19.D2, V20.D2, V3.D2
	VFMLA   V16.D2, V21.D2, V4.D2
	VFMLA   V17.D2, V21.D2, V5.D2
	VFMLA   V18.D2, V21.D2, V6.D2
	VFMLA   V19.D2, V21.D2, V7.D2
	VFMLA   V16.D2, V22.D2, V8.D2
	VFMLA   V17.D2, V22.D2, V9.D2
	VFMLA   V18.D2, V22.D2, V10.D2
	VFMLA   V19.D2, V22.D2, V11.D2
	VFMLA   V16.D2, V23.D2, V12.D2
	VFMLA   V17.D2, V23.D2, V13.D2
	VFMLA   V18.D2, V23.D2, V14.D2
	VFMLA   V19.D2, V23.D2, V15.D2
	SUBS    $1, R0, R0
	BNE     loop

	CBNZ R5, accumulate

	VST1.P [V0.D2, V1.D2, V2.D2, V3.D2], 64(R4)
	VST1.P [V4.D2, V5.D2, V6.D2, V7.D2], 64(R4)
	VST1.P [V8.D2, V9.D2, V10.D2, V11.D2], 64(R4)
	VST1   [V12.D2, V13.D2, V14.D2, V15.D2], (R4)
	RET

accumulate:
	VLD1 (R5), [V16.D2, V17.D2, V18.D2, V19.D2]
	WORD $0x4E70D400                            // FADD V0.2D, V0.2D, V16.2D
	WORD $0x4E71D421                            // FADD V1.2D, V1.2D, V17.2D
	WORD $0x4E72D442                            // FADD V2.2D, V2.2D, V18.2D
	WORD $0x4E73D463                            // FADD V3.2D, V3.2D, V19.2D
	VST1 [V0.D2, V1.D2, V2.D2, V3.D2], (R5)
	ADD  R6, R5
	VLD1 (R5), [V16.D2, V17.D2, V18.D2, V19.D2]
	WORD $0x4E70D484                            // FADD V4.2D, V4.2D, V16.2D
	WORD $0x4E71D4A5                            // FADD V5.2D, V5.2D, V17.2D
	WORD $0x4E72D4C6                            // FADD V6.2D, V6.2D, V18.2D
	WORD $0x4E73D4E7                            // FADD V7.2D, V7.2D, V19.2D
	VST1 [V4.D2, V5.D2, V6.D2, V7.D2], (R5)
	ADD  R6, R5
	VLD1 (R5), [V16.D2, V17.D2, V18.D2, V19.D2]
	WORD $0x4E70D508                            // FADD V8.2D, V8.2D, V16.2D
	WORD $0x4E71D529                            // FADD V9.2D, V9.2D, V17.2D
	WORD $0x4E72D54A                            // FADD V10.2D, V10.2D, V18.2D
	WORD $0x4E73D56B                            // FADD V11.2D, V11.2D, V19.2D
	VST1 [V8.D2, V9.D2, V10.D2, V11.D2], (R5)
	ADD  R6, R5
	VLD1 (R5), [V16.D2, V17.D2, V18.D2, V19.D2]
	WORD $0x4E70D58C                            // FADD V12.2D, V12.2D, V16.2D
	WORD $0x4E71D5AD                            // FADD V13.2D, V13.2D, V17.2D
	WORD $0x4E72D5CE                            // FADD V14.2D, V14.2D, V18.2D
	WORD $0x4E73D5EF                            // FADD V15.2D, V15.2D, V19.2D
	VST1 [V12.D2, V13.D2, V14.D2, V15.D2], (R5)
	RET

// func microNEONF32(kb int, a *float32, aStepBytes int, b *float32, tile *[32]float32, c *float32, ldcBytes int)
//
// The f32 version of microNEON. Registers as there, except: V0..V7 hold
// the product, four floats each: V(2r) is columns 0-3 and V(2r+1) columns
// 4-7 of row r; V16, V17 are the 8 values of B of one step (32 bytes);
// V20..V23 are the 4 values of A, each broadcast to four lanes. The
// prefetch of a row's last element uses offset 24, not 28: PRFM's
// immediate is scaled by 8 (the assembler silently rounds 28 down to 24),
// and bytes 24..31 lie in one cache line.
TEXT ·microNEONF32(SB), NOSPLIT, $0-56
	MOVD kb+0(FP), R0
	MOVD a+8(FP), R1
	MOVD aStepBytes+16(FP), R2
	MOVD b+24(FP), R3
	MOVD tile+32(FP), R4
	MOVD c+40(FP), R5
	MOVD ldcBytes+48(FP), R6

	CBZ  R5, zero32
	MOVD R5, R7
	PRFM (R7), PSTL1KEEP
	PRFM 24(R7), PSTL1KEEP
	ADD  R6, R7
	PRFM (R7), PSTL1KEEP
	PRFM 24(R7), PSTL1KEEP
	ADD  R6, R7
	PRFM (R7), PSTL1KEEP
	PRFM 24(R7), PSTL1KEEP
	ADD  R6, R7
	PRFM (R7), PSTL1KEEP
	PRFM 24(R7), PSTL1KEEP

zero32:
	VEOR V0.B16, V0.B16, V0.B16
	VEOR V1.B16, V1.B16, V1.B16
	VEOR V2.B16, V2.B16, V2.B16
	VEOR V3.B16, V3.B16, V3.B16
	VEOR V4.B16, V4.B16, V4.B16
	VEOR V5.B16, V5.B16, V5.B16
	VEOR V6.B16, V6.B16, V6.B16
	VEOR V7.B16, V7.B16, V7.B16

loop32:
	VLD1.P  32(R3), [V16.S4, V17.S4]
	VLD4R.P (R1)(R2), [V20.S4, V21.S4, V22.S4, V23.S4]
	VFMLA   V16.S4, V20.S4, V0.S4
	VFMLA   V17.S4, V20.S4, V1.S4
	VFMLA   V16.S4, V21.S4, V2.S4
	VFMLA   V17.S4, V21.S4, V3.S4
	VFMLA   V16.S4, V22.S4, V4.S4
	VFMLA   V17.S4, V22.S4, V5.S4
	VFMLA   V16.S4, V23.S4, V6.S4
	VFMLA   V17.S4, V23.S4, V7.S4
	SUBS    $1, R0, R0
	BNE     loop32

	CBNZ R5, accumulate32

	VST1.P [V0.S4, V1.S4, V2.S4, V3.S4], 64(R4)
	VST1   [V4.S4, V5.S4, V6.S4, V7.S4], (R4)
	RET

accumulate32:
	VLD1 (R5), [V16.S4, V17.S4]
	WORD $0x4E30D400            // FADD V0.4S, V0.4S, V16.4S
	WORD $0x4E31D421            // FADD V1.4S, V1.4S, V17.4S
	VST1 [V0.S4, V1.S4], (R5)
	ADD  R6, R5
	VLD1 (R5), [V16.S4, V17.S4]
	WORD $0x4E30D442            // FADD V2.4S, V2.4S, V16.4S
	WORD $0x4E31D463            // FADD V3.4S, V3.4S, V17.4S
	VST1 [V2.S4, V3.S4], (R5)
	ADD  R6, R5
	VLD1 (R5), [V16.S4, V17.S4]
	WORD $0x4E30D484            // FADD V4.4S, V4.4S, V16.4S
	WORD $0x4E31D4A5            // FADD V5.4S, V5.4S, V17.4S
	VST1 [V4.S4, V5.S4], (R5)
	ADD  R6, R5
	VLD1 (R5), [V16.S4, V17.S4]
	WORD $0x4E30D4C6            // FADD V6.4S, V6.4S, V16.4S
	WORD $0x4E31D4E7            // FADD V7.4S, V7.4S, V17.4S
	VST1 [V6.S4, V7.S4], (R5)
	RET
