//go:build amd64 && !purego

#include "textflag.h"

// func microAVX2(kb int, a *float64, aStepBytes int, b *float64, tile *[32]float64, c *float64, ldcBytes int)
//
// The 4 x 8 product sum over p < kb of a[p*aStep : p*aStep+4] (as a
// column) times b[p*8 : p*8+8] (as a row), kb >= 1, is stored row-major in
// tile when c is nil, else added to the 4 x 8 block at c (rows ldcBytes
// apart), whose lines are prefetched while the product is computed.
// Y0..Y7 hold the product: Y(2r) columns 0-3, Y(2r+1) columns 4-7 of row r.
TEXT ·microAVX2(SB), NOSPLIT, $0-56
	MOVQ kb+0(FP), CX
	MOVQ a+8(FP), SI
	MOVQ aStepBytes+16(FP), DX
	MOVQ b+24(FP), DI
	MOVQ tile+32(FP), R8
	MOVQ c+40(FP), R9
	MOVQ ldcBytes+48(FP), R10

	TESTQ      R9, R9
	JZ         zero
	LEAQ       (R9)(R10*2), R11
	PREFETCHT0 (R9)
	PREFETCHT0 56(R9)
	PREFETCHT0 (R9)(R10*1)
	PREFETCHT0 56(R9)(R10*1)
	PREFETCHT0 (R11)
	PREFETCHT0 56(R11)
	PREFETCHT0 (R11)(R10*1)
	PREFETCHT0 56(R11)(R10*1)

zero:

	VXORPD Y0, Y0, Y0
	VXORPD Y1, Y1, Y1
	VXORPD Y2, Y2, Y2
	VXORPD Y3, Y3, Y3
	VXORPD Y4, Y4, Y4
	VXORPD Y5, Y5, Y5
	VXORPD Y6, Y6, Y6
	VXORPD Y7, Y7, Y7

loop:
	VMOVUPD      (DI), Y8
	VMOVUPD      32(DI), Y9
	VBROADCASTSD (SI), Y10
	VFMADD231PD  Y8, Y10, Y0
	VFMADD231PD  Y9, Y10, Y1
	VBROADCASTSD 8(SI), Y11
	VFMADD231PD  Y8, Y11, Y2
	VFMADD231PD  Y9, Y11, Y3
	VBROADCASTSD 16(SI), Y12
	VFMADD231PD  Y8, Y12, Y4
	VFMADD231PD  Y9, Y12, Y5
	VBROADCASTSD 24(SI), Y13
	VFMADD231PD  Y8, Y13, Y6
	VFMADD231PD  Y9, Y13, Y7
	ADDQ         DX, SI
	ADDQ         $64, DI
	DECQ         CX
	JNZ          loop

	TESTQ R9, R9
	JNZ   accumulate

	VMOVUPD Y0, (R8)
	VMOVUPD Y1, 32(R8)
	VMOVUPD Y2, 64(R8)
	VMOVUPD Y3, 96(R8)
	VMOVUPD Y4, 128(R8)
	VMOVUPD Y5, 160(R8)
	VMOVUPD Y6, 192(R8)
	VMOVUPD Y7, 224(R8)
	VZEROUPPER
	RET

accumulate:
	VADDPD  (R9), Y0, Y0
	VADDPD  32(R9), Y1, Y1
	VMOVUPD Y0, (R9)
	VMOVUPD Y1, 32(R9)
	ADDQ    R10, R9
	VADDPD  (R9), Y2, Y2
	VADDPD  32(R9), Y3, Y3
	VMOVUPD Y2, (R9)
	VMOVUPD Y3, 32(R9)
	ADDQ    R10, R9
	VADDPD  (R9), Y4, Y4
	VADDPD  32(R9), Y5, Y5
	VMOVUPD Y4, (R9)
	VMOVUPD Y5, 32(R9)
	ADDQ    R10, R9
	VADDPD  (R9), Y6, Y6
	VADDPD  32(R9), Y7, Y7
	VMOVUPD Y6, (R9)
	VMOVUPD Y7, 32(R9)
	VZEROUPPER
	RET
// func microAVX2F32(kb int, a *float32, aStepBytes int, b *float32, tile *[32]float32, c *float32, ldcBytes int)
//
// The f32 version of microAVX2: a 4 x 8 tile is one ymm register per row.
// Two steps of p are interleaved into two sets of accumulators (Y0..Y3 and
// Y4..Y7) so that eight FMA chains are in flight; they are summed at the end.
TEXT ·microAVX2F32(SB), NOSPLIT, $0-56
	MOVQ kb+0(FP), CX
	MOVQ a+8(FP), SI
	MOVQ aStepBytes+16(FP), DX
	MOVQ b+24(FP), DI
	MOVQ tile+32(FP), R8
	MOVQ c+40(FP), R9
	MOVQ ldcBytes+48(FP), R10

	TESTQ      R9, R9
	JZ         zero32
	LEAQ       (R9)(R10*2), R11
	PREFETCHT0 (R9)
	PREFETCHT0 28(R9)
	PREFETCHT0 (R9)(R10*1)
	PREFETCHT0 28(R9)(R10*1)
	PREFETCHT0 (R11)
	PREFETCHT0 28(R11)
	PREFETCHT0 (R11)(R10*1)
	PREFETCHT0 28(R11)(R10*1)

zero32:
	VXORPS Y0, Y0, Y0
	VXORPS Y1, Y1, Y1
	VXORPS Y2, Y2, Y2
	VXORPS Y3, Y3, Y3
	VXORPS Y4, Y4, Y4
	VXORPS Y5, Y5, Y5
	VXORPS Y6, Y6, Y6
	VXORPS Y7, Y7, Y7
	CMPQ   CX, $2
	JL     single32

pair32:
	VMOVUPS      (DI), Y8
	VBROADCASTSS (SI), Y10
	VFMADD231PS  Y8, Y10, Y0
	VBROADCASTSS 4(SI), Y11
	VFMADD231PS  Y8, Y11, Y1
	VBROADCASTSS 8(SI), Y12
	VFMADD231PS  Y8, Y12, Y2
	VBROADCASTSS 12(SI), Y13
	VFMADD231PS  Y8, Y13, Y3
	ADDQ         DX, SI
	VMOVUPS      32(DI), Y9
	VBROADCASTSS (SI), Y10
	VFMADD231PS  Y9, Y10, Y4
	VBROADCASTSS 4(SI), Y11
	VFMADD231PS  Y9, Y11, Y5
	VBROADCASTSS 8(SI), Y12
	VFMADD231PS  Y9, Y12, Y6
	VBROADCASTSS 12(SI), Y13
	VFMADD231PS  Y9, Y13, Y7
	ADDQ         DX, SI
	ADDQ         $64, DI
	SUBQ         $2, CX
	CMPQ         CX, $2
	JGE          pair32

single32:
	TESTQ        CX, CX
	JZ           sum32
	VMOVUPS      (DI), Y8
	VBROADCASTSS (SI), Y10
	VFMADD231PS  Y8, Y10, Y0
	VBROADCASTSS 4(SI), Y11
	VFMADD231PS  Y8, Y11, Y1
	VBROADCASTSS 8(SI), Y12
	VFMADD231PS  Y8, Y12, Y2
	VBROADCASTSS 12(SI), Y13
	VFMADD231PS  Y8, Y13, Y3

sum32:
	VADDPS Y4, Y0, Y0
	VADDPS Y5, Y1, Y1
	VADDPS Y6, Y2, Y2
	VADDPS Y7, Y3, Y3
	TESTQ  R9, R9
	JNZ    accumulate32

	VMOVUPS Y0, (R8)
	VMOVUPS Y1, 32(R8)
	VMOVUPS Y2, 64(R8)
	VMOVUPS Y3, 96(R8)
	VZEROUPPER
	RET

accumulate32:
	VADDPS  (R9), Y0, Y0
	VMOVUPS Y0, (R9)
	ADDQ    R10, R9
	VADDPS  (R9), Y1, Y1
	VMOVUPS Y1, (R9)
	ADDQ    R10, R9
	VADDPS  (R9), Y2, Y2
	VMOVUPS Y2, (R9)
	ADDQ    R10, R9
	VADDPS  (R9), Y3, Y3
	VMOVUPS Y3, (R9)
	VZEROUPPER
	RET
