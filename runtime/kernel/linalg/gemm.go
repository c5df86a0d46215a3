package linalg

// Dense matrix multiplication C = A @ B on row-major slices.
//
// Floating-point products use the GotoBLAS layering: B is packed in blocks
// of kcBlock x ncBlock into panels of nr columns, A in blocks of mcBlock x
// kcBlock into panels of mr rows, and a micro-kernel computes one mr x nr
// tile of C from one A panel and one B panel, keeping the tile in
// registers. The panels of one block stay in L1/L2 while the tiles are
// swept, and packing makes every access of the micro-kernel sequential, so
// power-of-two leading dimensions do not thrash the cache. The f64 and f32
// micro-kernels have AVX2/FMA assembly versions chosen at run time (see
// kernel_amd64.go), AVX-512 on CPUs that have it (kernel_avx512_amd64.go)
// and NEON versions on arm64 (kernel_arm64.go); other CPUs run the pure-Go
// micro-kernel (microGo).
//
// Integer products, and float products too small to pay for packing, use
// gemmSimple: for each row i of A and each p, C[i,:] += A[i,p] * B[p,:]
// (an axpy over a row of B: no transpose, unit stride), blocked over k.
//
// Every routine here computes the row range [lo, hi) of C only, so callers
// split rows over goroutines (or a scheduler's tasks) without coordination.

const (
	mr      = 4    // rows of a micro-tile
	nr      = 8    // columns of a micro-tile
	kcBlock = 256  // depth of a packed block
	mcBlock = 64   // rows of A per packed block (multiple of mr)
	ncBlock = 2048 // columns of B per packed block (multiple of nr)

	// simpleFlops is the size (m*k*n) below which packing does not pay.
	simpleFlops = 24 * 24 * 24
)

// microKernel computes the product of one A panel and one B panel: the
// sum over p < kb of a[p*aStep : p*aStep+mr] (a column) times
// b[p*nr : p*nr+nr] (a row), an mr x nr tile. With c == nil the tile is
// stored, row-major, in tile. Otherwise it is added to the full mr x nr
// block of c whose top-left cell is c[0] and whose rows are ldc apart (tile
// is then scratch space). a and b are packed panels (see packA/packB).
type microKernel[T flt] func(kb int, a []T, aStep int, b []T, tile *[mr * nr]T, c []T, ldc int)

// applyTile adds the product of one A panel and one B panel to the h x w
// block of c at (i0, j0): full tiles accumulate in the kernel, edge tiles
// through the tile buffer.
func applyTile[T flt](kern microKernel[T], kb int, a []T, aStep int, b []T, tile *[mr * nr]T,
	c []T, ldc, i0, j0, h, w int) {
	if h == mr && w == nr {
		kern(kb, a, aStep, b, tile, c[i0*ldc+j0:], ldc)
		return
	}
	kern(kb, a, aStep, b, tile, nil, 0)
	addTile(c, ldc, i0, j0, h, w, tile)
}

// gemmSimple computes rows [lo, hi) of c = a @ b for a (m x k), b (k x n),
// c (m x n, zeroed by the caller) with the row-times-rows-of-B loop,
// blocked over k so that a block of B rows is reused across rows of A.
func gemmSimple[T num](a, b, c []T, k, n, lo, hi int) {
	const kb = 128
	for p0 := 0; p0 < k; p0 += kb {
		p1 := min(p0+kb, k)
		for i := lo; i < hi; i++ {
			ci := c[i*n : i*n+n]
			ai := a[i*k+p0 : i*k+p1]
			for p, av := range ai {
				bp := b[(p0+p)*n : (p0+p)*n+n]
				for j, bv := range bp {
					ci[j] += av * bv
				}
			}
		}
	}
}

// gemvRows computes rows [lo, hi) of c = a @ x for a (m x k) and a vector
// x of length k (the matrix @ column-vector fast path).
func gemvRows[T num](a, x, c []T, k, lo, hi int) {
	x = x[:k]
	for i := lo; i < hi; i++ {
		c[i] = dot(a[i*k:i*k+k], x)
	}
}

// dot returns the dot product of two equally long slices, with four
// independent partial sums so the additions pipeline.
func dot[T num](a, b []T) T {
	b = b[:len(a)]
	var s0, s1, s2, s3 T
	i := 0
	for ; i+4 <= len(a); i += 4 {
		s0 += a[i] * b[i]
		s1 += a[i+1] * b[i+1]
		s2 += a[i+2] * b[i+2]
		s3 += a[i+3] * b[i+3]
	}
	for ; i < len(a); i++ {
		s0 += a[i] * b[i]
	}
	return (s0 + s1) + (s2 + s3)
}

// gemmPacked computes rows [lo, hi) of c = a @ b (c zeroed by the caller)
// with packed panels and the given micro-kernel.
func gemmPacked[T flt](a, b, c []T, k, n, lo, hi int, kern microKernel[T]) {
	if lo >= hi || n == 0 {
		return
	}
	kcMax := min(k, kcBlock)
	ncMax := roundUp(min(n, ncBlock), nr)
	pb, pa := getBuf[T](kcMax*ncMax), getBuf[T](kcMax*roundUp(min(hi-lo, mcBlock), mr))
	defer putBuf(pb)
	defer putBuf(pa)
	bufB, bufA := *pb, *pa
	var tile [mr * nr]T
	for jc := 0; jc < n; jc += ncBlock {
		nb := min(ncBlock, n-jc)
		for pc := 0; pc < k; pc += kcBlock {
			kb := min(kcBlock, k-pc)
			packB(bufB, b, n, pc, kb, jc, nb)
			for ic := lo; ic < hi; ic += mcBlock {
				mb := min(mcBlock, hi-ic)
				packA(bufA, a, k, ic, mb, pc, kb)
				for jr := 0; jr < nb; jr += nr {
					w := min(nr, nb-jr)
					bp := bufB[jr*kb : (jr+nr)*kb]
					for ir := 0; ir < mb; ir += mr {
						h := min(mr, mb-ir)
						applyTile(kern, kb, bufA[ir*kb:(ir+mr)*kb], mr, bp, &tile, c, n, ic+ir, jc+jr, h, w)
					}
				}
			}
		}
	}
}

// packB packs b[pc:pc+kb, jc:jc+nb] (row-major with ldb columns) into
// panels of nr columns: panel q holds, for each p < kb, the nr values
// b[pc+p, jc+q*nr : jc+q*nr+nr], zero-padded past column jc+nb. Source rows
// are read once each, front to back (a streaming read); full panel rows
// are moved with eight plain assignments, not a memmove call.
func packB[T flt](dst, b []T, ldb, pc, kb, jc, nb int) {
	for p := 0; p < kb; p++ {
		off := (pc+p)*ldb + jc
		src := b[off : off+nb]
		q := 0
		for ; q+nr <= nb; q += nr {
			d := dst[q*kb+p*nr : q*kb+p*nr+nr]
			s := src[q : q+nr]
			d[0], d[1], d[2], d[3] = s[0], s[1], s[2], s[3]
			d[4], d[5], d[6], d[7] = s[4], s[5], s[6], s[7]
		}
		if q < nb {
			d := dst[q*kb+p*nr : q*kb+p*nr+nr]
			w := copy(d, src[q:])
			clear(d[w:])
		}
	}
}

// packA packs a[ic:ic+mb, pc:pc+kb] (row-major with lda columns) into
// panels of mr rows: panel q holds, for each p < kb, the mr values
// a[ic+q*mr : ic+q*mr+mr, pc+p], zero-padded past row ic+mb.
func packA[T flt](dst, a []T, lda, ic, mb, pc, kb int) {
	for q := 0; q*mr < mb; q++ {
		panel := dst[q*mr*kb : (q+1)*mr*kb]
		i0 := ic + q*mr
		h := min(mr, ic+mb-i0)
		for i := 0; i < mr; i++ {
			if i >= h {
				for p := 0; p < kb; p++ {
					panel[p*mr+i] = 0
				}
				continue
			}
			row := a[(i0+i)*lda+pc : (i0+i)*lda+pc+kb]
			for p, v := range row {
				panel[p*mr+i] = v
			}
		}
	}
}

// addTile adds the top-left h x w part of tile into c at (i0, j0).
func addTile[T flt](c []T, ldc, i0, j0, h, w int, tile *[mr * nr]T) {
	for i := 0; i < h; i++ {
		row := c[(i0+i)*ldc+j0 : (i0+i)*ldc+j0+w]
		t := tile[i*nr : i*nr+w]
		for j := range row {
			row[j] += t[j]
		}
	}
}

func roundUp(n, m int) int { return (n + m - 1) / m * m }

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
