//go:build (amd64 || arm64) && !purego

package linalg

// asmArgs checks the arguments of an assembly micro-kernel call (see
// microKernel) so that the assembly never touches memory outside its
// slices: the A panel holds kb steps of aStep values with mr used, the B
// panel kb rows of nr, and c, when not nil, an mr x nr block with rows ldc
// apart; an out-of-range slice panics here, as a Go kernel would. With
// kb <= 0 the tile is cleared and ok is false (the kernels need kb >= 1).
// cp is &c[0], or nil for the tile-store path.
func asmArgs[T flt](kb int, a []T, aStep int, b []T, tile *[mr * nr]T, c []T, ldc int) (cp *T, ok bool) {
	if kb <= 0 {
		clear(tile[:])
		return nil, false
	}
	_ = a[(kb-1)*aStep+mr-1]
	_ = b[kb*nr-1]
	if c == nil {
		return nil, true
	}
	_ = c[(mr-1)*ldc+nr-1]
	return &c[0], true
}
