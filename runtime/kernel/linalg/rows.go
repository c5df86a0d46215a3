package linalg

// Row-range entry points for a scheduler or a fused pipeline: the same
// kernels MatMul, Syrk and Gemv run, on plain row-major slices, for one
// range of rows at a time. They allocate nothing but pooled packing
// buffers, touch only the given rows of their outputs (SyrkRows and
// GemvTRows: a caller-owned partial result), and may run concurrently on
// disjoint ranges.

// Float is the element type of the row-range kernels.
type Float interface{ ~float32 | ~float64 }

// GemmRows adds rows [lo, hi) of a @ b into c, for a (m x k), b (k x n)
// and c (m x n), all row-major. With c zeroed beforehand this is the
// product itself.
func GemmRows[T Float](a, b, c []T, k, n, lo, hi int) {
	switch {
	case lo >= hi || n == 0 || k == 0:
	case n == 1:
		for i := lo; i < hi; i++ {
			c[i] += dot(a[i*k:i*k+k], b[:k])
		}
	case (hi-lo)*k*n < simpleFlops:
		gemmSimple(a, b, c, k, n, lo, hi)
	default:
		gemmPacked(a, b, c, k, n, lo, hi, microFor[T]())
	}
}

// SyrkRows adds the upper triangle (and some cells just below the
// diagonal) of t(x[lo:hi]) @ x[lo:hi] into c (n x n) for x with n columns.
// Sum the partial results of all ranges, then call MirrorUpper once.
func SyrkRows[T Float](x, c []T, n, lo, hi int) {
	if (hi-lo)*n*n < simpleFlops {
		syrkSimple(x, c, n, lo, hi)
		return
	}
	syrkPacked(x, c, n, lo, hi, microFor[T]())
}

// MirrorUpper copies the upper triangle of the n x n matrix c to the lower
// one, making it exactly symmetric.
func MirrorUpper[T Float](c []T, n int) { mirrorUpper(c, n) }

// GemvTRows adds t(a[lo:hi]) @ x[lo:hi] into y (length n) for a with n
// columns.
func GemvTRows[T Float](a, x, y []T, n, lo, hi int) { gemvTRows(a, x, y, n, lo, hi) }

// microFor returns the micro-kernel for T (assembly where available).
func microFor[T Float]() microKernel[T] {
	var k any
	var z T
	switch any(z).(type) {
	case float64:
		k = microF64
	case float32:
		k = microF32
	}
	if kern, ok := k.(microKernel[T]); ok {
		return kern
	}
	return microGo[T]
}
