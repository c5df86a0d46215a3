package linalg

// microGo is the portable micro-kernel (see microKernel). It sweeps the
// 4 x 8 tile in 2 x 4 blocks: eight accumulators and six operands fit the
// sixteen floating-point registers of amd64 and arm64, so the inner loop
// does not spill.
func microGo[T flt](kb int, a []T, aStep int, b []T, tile *[mr * nr]T, c []T, ldc int) {
	for i := 0; i < mr; i += 2 {
		for j := 0; j < nr; j += 4 {
			var c00, c01, c02, c03, c10, c11, c12, c13 T
			for p := 0; p < kb; p++ {
				ap := a[p*aStep+i : p*aStep+i+2]
				bp := b[p*nr+j : p*nr+j+4]
				a0, a1 := ap[0], ap[1]
				b0, b1, b2, b3 := bp[0], bp[1], bp[2], bp[3]
				c00 += a0 * b0
				c01 += a0 * b1
				c02 += a0 * b2
				c03 += a0 * b3
				c10 += a1 * b0
				c11 += a1 * b1
				c12 += a1 * b2
				c13 += a1 * b3
			}
			r0 := tile[i*nr+j : i*nr+j+4]
			r1 := tile[(i+1)*nr+j : (i+1)*nr+j+4]
			r0[0], r0[1], r0[2], r0[3] = c00, c01, c02, c03
			r1[0], r1[1], r1[2], r1[3] = c10, c11, c12, c13
		}
	}
	if c != nil {
		addTile(c, ldc, 0, 0, mr, nr, tile)
	}
}
