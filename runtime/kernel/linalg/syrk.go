package linalg

import (
	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// Syrk returns t(a) @ a (n x n for an m x n matrix), computed from the
// rows of a without materialising the transpose. Only the upper triangle
// is computed; the lower one is its mirror image, so the result is exactly
// symmetric. f32 and f64 only (as in DAPHNE). A CSR argument is read
// row by row (every pair of a row's non-zeros) and gives a dense result.
// Dense arguments run on the active backend (see Backend); the native
// ones split the rows of a over at most nthreads goroutines, each summing
// into its own n x n partial result, added in a fixed order, so the result
// depends on nthreads only through rounding.
func Syrk(nthreads int, a data.Matrix) (data.Matrix, error) {
	if err := checkCells("syrk", a.Cols(), a.Cols()); err != nil {
		return nil, err
	}
	switch vt := a.ValueType(); vt {
	case types.F64:
		if a.IsSparse() {
			return syrkCSR(nthreads, mustConv(csrAs[float64](a, vt)))
		}
		d, err := denseAs[float64](a, vt)
		if err != nil {
			return nil, err
		}
		return syrkDense(nthreads, d)
	case types.F32:
		if a.IsSparse() {
			return syrkCSR(nthreads, mustConv(csrAs[float32](a, vt)))
		}
		d, err := denseAs[float32](a, vt)
		if err != nil {
			return nil, err
		}
		return syrkDense(nthreads, d)
	default:
		return nil, errorf(ErrValueType, "syrk: value type %v is not supported, expected f32 or f64 (argument %s)", vt, data.Describe(a))
	}
}

// syrkDense returns t(a) @ a through the active backend (backend.go).
func syrkDense[T flt](nthreads int, a *data.Dense[T]) (*data.Dense[T], error) {
	m, n := a.Rows(), a.Cols()
	c := data.NewDenseVT[T](a.ValueType(), n, n)
	if m == 0 || n == 0 {
		return c, nil
	}
	if err := kernelsFor[T]().syrk(nthreads, m, n, a.Data, c.Data); err != nil {
		return nil, err
	}
	return c, nil
}

// syrkSimple adds the upper triangle of t(x[lo:hi]) @ x[lo:hi] into c
// (n x n), one rank-1 update per row.
func syrkSimple[T flt](x, c []T, n, lo, hi int) {
	for i := lo; i < hi; i++ {
		row := x[i*n : i*n+n]
		for p, xp := range row {
			cp := c[p*n+p : p*n+n]
			rq := row[p:]
			rq = rq[:len(cp)]
			for q, xq := range rq {
				cp[q] += xp * xq
			}
		}
	}
}

// syrkPacked adds the upper triangle of t(x[lo:hi]) @ x[lo:hi] into c
// (n x n; some entries just below the diagonal are written too and later
// overwritten by mirrorUpper). Blocks of rows of x are packed into panels
// of nr columns; the tile (rows p..p+mr, columns q..q+nr) of c is the
// micro-kernel product of half a panel with a whole one.
func syrkPacked[T flt](x, c []T, n, lo, hi int, kern microKernel[T]) {
	if n == 0 || lo >= hi {
		return
	}
	width := roundUp(n, nr)
	kb := max(16, min(kcBlock, (1<<18)/(width*8)))
	pbuf := getBuf[T](kb * width)
	defer putBuf(pbuf)
	buf := *pbuf
	var tile [mr * nr]T
	for r0 := lo; r0 < hi; r0 += kb {
		rb := min(kb, hi-r0)
		packB(buf, x, n, r0, rb, 0, n)
		for pi := 0; pi < n; pi += mr {
			h := min(mr, n-pi)
			g := pi / nr
			a := buf[g*nr*rb+pi%nr : (g+1)*nr*rb]
			for qj := g * nr; qj < n; qj += nr {
				w := min(nr, n-qj)
				applyTile(kern, rb, a, nr, buf[qj*rb:(qj+nr)*rb], &tile, c, n, pi, qj, h, w)
			}
		}
	}
}

// mirrorUpper copies the upper triangle of the n x n matrix c to the lower.
func mirrorUpper[T num](c []T, n int) {
	for p := 1; p < n; p++ {
		for q := 0; q < p; q++ {
			c[p*n+q] = c[q*n+p]
		}
	}
}

// mustConv unwraps a conversion that cannot fail (same value type).
func mustConv[T any](v T, err error) T {
	if err != nil {
		panic("linalg: " + err.Error())
	}
	return v
}

// syrkCSR returns t(a) @ a for a CSR matrix: each row adds the products of
// all pairs of its non-zeros (upper triangle) into a goroutine's partial
// result; rows are split by non-zeros.
func syrkCSR[T flt](nthreads int, a *data.CSR[T]) (*data.Dense[T], error) {
	m, n := a.Rows(), a.Cols()
	c := data.NewDenseVT[T](a.ValueType(), n, n)
	if m == 0 || n == 0 {
		return c, nil
	}
	perRow := max(1, a.NNZ()/m)
	p := parts(m, nthreads, max(1, 4*minFlopsPerPart/(perRow*perRow+n)))
	partial := make([][]T, p)
	partial[0] = c.Data
	err := parallelRanges(nnzBounds(a.RowPtr, p), func(part, lo, hi int) {
		if part > 0 {
			partial[part] = make([]T, n*n)
		}
		out := partial[part]
		for i := lo; i < hi; i++ {
			cols := a.ColIdx[a.RowPtr[i]:a.RowPtr[i+1]]
			vals := a.Values[a.RowPtr[i]:a.RowPtr[i+1]]
			for x, col := range cols {
				row := out[col*n : col*n+n]
				vx := vals[x]
				for y := x; y < len(cols); y++ {
					row[cols[y]] += vx * vals[y]
				}
			}
		}
	})
	if err != nil {
		return nil, err
	}
	for _, pc := range partial[1:] {
		for i, v := range pc {
			c.Data[i] += v
		}
	}
	mirrorUpper(c.Data, n)
	return c, nil
}
