package linalg

import (
	"slices"

	"github.com/daphne-go/daphne/runtime/data"
)

// Sparse products. A CSR operand is walked row by row; nothing is
// transposed. Implicit zeros contribute nothing (as in DAPHNE's kernels, a
// NaN or Inf in the other operand does not spread through them).

// csrMulDense returns a @ b (dense result) for CSR a and dense b.
func csrMulDense[T num](nthreads int, a *data.CSR[T], b *data.Dense[T]) (*data.Dense[T], error) {
	m, n := a.Rows(), b.Cols()
	c := data.NewDenseVT[T](a.ValueType(), m, n)
	if m == 0 || n == 0 {
		return c, nil
	}
	avgNNZ := max(1, a.NNZ()/max(1, m))
	p := parts(m, nthreads, max(1, minFlopsPerPart/(avgNNZ*n)))
	err := parallelRanges(nnzBounds(a.RowPtr, p), func(_, lo, hi int) {
		if n == 1 {
			spmvRows(a.RowPtr, a.ColIdx, a.Values, b.Data, c.Data, lo, hi)
			return
		}
		for i := lo; i < hi; i++ {
			ci := c.Data[i*n : i*n+n]
			for q := a.RowPtr[i]; q < a.RowPtr[i+1]; q++ {
				v, col := a.Values[q], a.ColIdx[q]
				bp := b.Data[col*n : col*n+n]
				for j, bv := range bp {
					ci[j] += v * bv
				}
			}
		}
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// spmvRows computes c[i] = sum over row i of a (CSR arrays) times x, for
// rows [lo, hi).
func spmvRows[T num](rowPtr, colIdx []int, vals, x, c []T, lo, hi int) {
	for i := lo; i < hi; i++ {
		start, end := rowPtr[i], rowPtr[i+1]
		cols := colIdx[start:end]
		vs := vals[start:end]
		vs = vs[:len(cols)]
		var s T
		for q, col := range cols {
			s += vs[q] * x[col]
		}
		c[i] = s
	}
}

// denseMulCSR returns a @ b (dense result) for dense a and CSR b.
func denseMulCSR[T num](nthreads int, a *data.Dense[T], b *data.CSR[T]) (*data.Dense[T], error) {
	m, k, n := a.Rows(), a.Cols(), b.Cols()
	c := data.NewDenseVT[T](a.ValueType(), m, n)
	if m == 0 || n == 0 || k == 0 {
		return c, nil
	}
	avgNNZ := max(1, b.NNZ()/max(1, k))
	p := parts(m, nthreads, max(1, minFlopsPerPart/(avgNNZ*k)))
	err := parallelRows(m, p, func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			ci := c.Data[i*n : i*n+n]
			for pp, av := range a.Row(i) {
				start, end := b.RowPtr[pp], b.RowPtr[pp+1]
				cols := b.ColIdx[start:end]
				vs := b.Values[start:end]
				vs = vs[:len(cols)]
				for q, col := range cols {
					ci[col] += av * vs[q]
				}
			}
		}
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// csrRows is the part of a CSR product computed by one goroutine.
type csrRows[T num] struct {
	counts []int // non-zeros per row
	colIdx []int
	values []T
}

// csrMulCSR returns a @ b for CSR operands as a CSR matrix (Gustavson's
// row-by-row algorithm with a dense accumulator per goroutine). Products
// that cancel to exactly zero are not stored.
func csrMulCSR[T num](nthreads int, a, b *data.CSR[T]) (*data.CSR[T], error) {
	m, n := a.Rows(), b.Cols()
	avgNNZ := max(1, a.NNZ()/max(1, m)) * max(1, b.NNZ()/max(1, b.Rows()))
	p := parts(m, nthreads, max(1, minFlopsPerPart/avgNNZ))
	res := make([]csrRows[T], p)
	err := parallelRanges(nnzBounds(a.RowPtr, p), func(part, lo, hi int) {
		res[part] = gustavson(a, b, lo, hi)
	})
	if err != nil {
		return nil, err
	}
	rowPtr := make([]int, m+1)
	var colIdx []int
	var values []T
	i := 0
	for _, r := range res {
		for _, cnt := range r.counts {
			rowPtr[i+1] = rowPtr[i] + cnt
			i++
		}
		colIdx = append(colIdx, r.colIdx...)
		values = append(values, r.values...)
	}
	return data.NewCSRVT(a.ValueType(), m, n, rowPtr, colIdx, values)
}

// gustavson multiplies rows [lo, hi) of a with b.
func gustavson[T num](a, b *data.CSR[T], lo, hi int) csrRows[T] {
	n := b.Cols()
	acc := make([]T, n)
	seen := make([]int, n) // row index + 1 that last touched the column
	var touched []int
	out := csrRows[T]{counts: make([]int, hi-lo)}
	for i := lo; i < hi; i++ {
		touched = touched[:0]
		for q := a.RowPtr[i]; q < a.RowPtr[i+1]; q++ {
			av, pp := a.Values[q], a.ColIdx[q]
			for r := b.RowPtr[pp]; r < b.RowPtr[pp+1]; r++ {
				col := b.ColIdx[r]
				if seen[col] != i+1 {
					seen[col] = i + 1
					acc[col] = 0
					touched = append(touched, col)
				}
				acc[col] += av * b.Values[r]
			}
		}
		slices.Sort(touched)
		cnt := 0
		for _, col := range touched {
			if v := acc[col]; v != 0 {
				out.colIdx = append(out.colIdx, col)
				out.values = append(out.values, v)
				cnt++
			}
		}
		out.counts[i-lo] = cnt
	}
	return out
}
