//go:build amd64 && !purego

#include "textflag.h"

// The AVX column updates of colstats.go. Each walks rows x cols values of d
// (row-major, contiguous) row by row; within a row it updates the columns
// in groups of four (f64 results) or eight (f32 sums) with 256-bit
// operations, then the last cols % 4 (% 8) one at a time with the scalar
// forms of the same instructions. Per column the operations and their
// order are those of the Go loops (colShiftedGo, colAddGo), so the results
// are bit-identical. No FMA on purpose.
//
// Registers: SI the current row, CX rows left, DX cols, R11 cols rounded
// down to the vector width, AX the column index j.

// func shiftedF64AVX(d *float64, rows, cols int, k, s1, s2 *float64)
//
// For each row and column j: x = d[j] - k[j]; s1[j] = s1[j] + x;
// s2[j] = s2[j] + x*x.
//
// Rows in pairs (s1 and s2 loaded and stored once per pair) were measured
// and dropped: 10% faster on L2-resident data, but slower from memory
// (1e6 x 101 f64, back to back: 84-119 ms against 56-99 ms, slower in 7
// of 8 pairs of runs); reading two rows at once interleaves two streams,
// which the hardware prefetchers may follow worse than one.
TEXT ·shiftedF64AVX(SB), NOSPLIT, $0-48
	MOVQ  d+0(FP), SI
	MOVQ  rows+8(FP), CX
	MOVQ  cols+16(FP), DX
	MOVQ  k+24(FP), R8
	MOVQ  s1+32(FP), R9
	MOVQ  s2+40(FP), R10
	MOVQ  DX, R11
	ANDQ  $-4, R11
	TESTQ CX, CX
	JLE   sf64done

sf64row:
	XORQ AX, AX
	CMPQ AX, R11
	JGE  sf64tail

sf64vec:
	VMOVUPD (SI)(AX*8), Y0
	VSUBPD  (R8)(AX*8), Y0, Y0
	VMOVUPD (R9)(AX*8), Y1
	VADDPD  Y0, Y1, Y1
	VMULPD  Y0, Y0, Y3
	VMOVUPD (R10)(AX*8), Y2
	VADDPD  Y3, Y2, Y2
	VMOVUPD Y1, (R9)(AX*8)
	VMOVUPD Y2, (R10)(AX*8)
	ADDQ    $4, AX
	CMPQ    AX, R11
	JLT     sf64vec

sf64tail:
	CMPQ   AX, DX
	JGE    sf64next
	VMOVSD (SI)(AX*8), X0
	VSUBSD (R8)(AX*8), X0, X0
	VMOVSD (R9)(AX*8), X1
	VADDSD X0, X1, X1
	VMULSD X0, X0, X3
	VMOVSD (R10)(AX*8), X2
	VADDSD X3, X2, X2
	VMOVSD X1, (R9)(AX*8)
	VMOVSD X2, (R10)(AX*8)
	INCQ   AX
	JMP    sf64tail

sf64next:
	LEAQ (SI)(DX*8), SI
	DECQ CX
	JNZ  sf64row

sf64done:
	VZEROUPPER
	RET

// func shiftedF32AVX(d *float32, rows, cols int, k, s1, s2 *float64)
//
// shiftedF64AVX for f32 data: each value is converted to f64 (exactly)
// first, as float64(v) does.
TEXT ·shiftedF32AVX(SB), NOSPLIT, $0-48
	MOVQ  d+0(FP), SI
	MOVQ  rows+8(FP), CX
	MOVQ  cols+16(FP), DX
	MOVQ  k+24(FP), R8
	MOVQ  s1+32(FP), R9
	MOVQ  s2+40(FP), R10
	MOVQ  DX, R11
	ANDQ  $-4, R11
	TESTQ CX, CX
	JLE   sf32done

sf32row:
	XORQ AX, AX
	CMPQ AX, R11
	JGE  sf32tail

sf32vec:
	VCVTPS2PD (SI)(AX*4), Y0
	VSUBPD    (R8)(AX*8), Y0, Y0
	VMOVUPD   (R9)(AX*8), Y1
	VADDPD    Y0, Y1, Y1
	VMULPD    Y0, Y0, Y2
	VADDPD    (R10)(AX*8), Y2, Y2
	VMOVUPD   Y1, (R9)(AX*8)
	VMOVUPD   Y2, (R10)(AX*8)
	ADDQ      $4, AX
	CMPQ      AX, R11
	JLT       sf32vec

sf32tail:
	CMPQ      AX, DX
	JGE       sf32next
	VMOVSS    (SI)(AX*4), X0
	VCVTSS2SD X0, X0, X0
	VSUBSD    (R8)(AX*8), X0, X0
	VMOVSD    (R9)(AX*8), X1
	VADDSD    X0, X1, X1
	VMULSD    X0, X0, X2
	VADDSD    (R10)(AX*8), X2, X2
	VMOVSD    X1, (R9)(AX*8)
	VMOVSD    X2, (R10)(AX*8)
	INCQ      AX
	JMP       sf32tail

sf32next:
	LEAQ (SI)(DX*4), SI
	DECQ CX
	JNZ  sf32row

sf32done:
	VZEROUPPER
	RET

// func addF64AVX(d *float64, rows, cols int, acc *float64)
//
// For each row and column j: acc[j] = d[j] + acc[j].
TEXT ·addF64AVX(SB), NOSPLIT, $0-32
	MOVQ  d+0(FP), SI
	MOVQ  rows+8(FP), CX
	MOVQ  cols+16(FP), DX
	MOVQ  acc+24(FP), DI
	MOVQ  DX, R11
	ANDQ  $-4, R11
	TESTQ CX, CX
	JLE   af64done

af64row:
	XORQ AX, AX
	CMPQ AX, R11
	JGE  af64tail

af64vec:
	VMOVUPD (SI)(AX*8), Y0
	VADDPD  (DI)(AX*8), Y0, Y0
	VMOVUPD Y0, (DI)(AX*8)
	ADDQ    $4, AX
	CMPQ    AX, R11
	JLT     af64vec

af64tail:
	CMPQ   AX, DX
	JGE    af64next
	VMOVSD (SI)(AX*8), X0
	VADDSD (DI)(AX*8), X0, X0
	VMOVSD X0, (DI)(AX*8)
	INCQ   AX
	JMP    af64tail

af64next:
	LEAQ (SI)(DX*8), SI
	DECQ CX
	JNZ  af64row

af64done:
	VZEROUPPER
	RET

// func addF32AVX(d *float32, rows, cols int, acc *float32)
//
// addF64AVX for f32 data and accumulators, eight columns at a time.
TEXT ·addF32AVX(SB), NOSPLIT, $0-32
	MOVQ  d+0(FP), SI
	MOVQ  rows+8(FP), CX
	MOVQ  cols+16(FP), DX
	MOVQ  acc+24(FP), DI
	MOVQ  DX, R11
	ANDQ  $-8, R11
	TESTQ CX, CX
	JLE   af32done

af32row:
	XORQ AX, AX
	CMPQ AX, R11
	JGE  af32tail

af32vec:
	VMOVUPS (SI)(AX*4), Y0
	VADDPS  (DI)(AX*4), Y0, Y0
	VMOVUPS Y0, (DI)(AX*4)
	ADDQ    $8, AX
	CMPQ    AX, R11
	JLT     af32vec

af32tail:
	CMPQ   AX, DX
	JGE    af32next
	VMOVSS (SI)(AX*4), X0
	VADDSS (DI)(AX*4), X0, X0
	VMOVSS X0, (DI)(AX*4)
	INCQ   AX
	JMP    af32tail

af32next:
	LEAQ (SI)(DX*4), SI
	DECQ CX
	JNZ  af32row

af32done:
	VZEROUPPER
	RET
