package ew

import (
	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// Sparse (CSR) operands.
//
// A CSR operand whose shape is the result's shape keeps the result sparse
// whenever the operation maps its structural zeros to zero, which is decided
// exactly, not by op name: for CSR∘x the kernel is evaluated on 0∘x for the
// other operand's values (a scalar, or the cells of a dense matrix or
// broadcast vector), for CSR∘CSR on 0∘0. If every such value is 0 the stored
// values are combined (gathering the other operand's cells by column index)
// and zeros produced on the way are dropped, so the cost is O(nnz) plus the
// size of the other operand: G * t(c) with a 1 x n row vector is O(nnz + n).
// Otherwise (x + 1, x == y, 0/0 in floating point, ...) and when a CSR operand
// is itself broadcast, the CSR operands are expanded and the dense kernel
// runs, which gives the same values. A cell that would be -0 in the dense
// computation is dropped (prints 0) in a sparse result.

// sparseBinary handles a∘b when a or b is CSR with the result's shape and the
// result stays sparse. handled is false when the dense path must run.
func sparseBinary[T number](k kern[T, T], ct types.ValueType, a, b data.Value, rows, cols int) (v data.Value, handled bool, err error) {
	ac, aOK := fullCSR(a, rows, cols)
	bc, bOK := fullCSR(b, rows, cols)
	switch {
	case aOK && bOK:
		x, err := convertCSR[T](ac, ct)
		if err != nil {
			return nil, false, err
		}
		y, err := convertCSR[T](bc, ct)
		if err != nil {
			return nil, false, err
		}
		return csrCSR(k, ct, x, y)
	case aOK && !isCSR(b):
		return csrWith(k, ct, ac, b, true)
	case bOK && !isCSR(a):
		return csrWith(k, ct, bc, a, false)
	}
	return nil, false, nil
}

func isCSR(v data.Value) bool {
	m, ok := v.(data.Matrix)
	return ok && m.IsSparse()
}

func fullCSR(v data.Value, rows, cols int) (data.Matrix, bool) {
	m, ok := v.(data.Matrix)
	if !ok || !m.IsSparse() || m.Rows() != rows || m.Cols() != cols {
		return nil, false
	}
	return m, true
}

// csrWith computes c∘o (left) or o∘c where o is a scalar or dense matrix.
func csrWith[T number](k kern[T, T], ct types.ValueType, cm data.Matrix, o data.Value, left bool) (data.Value, bool, error) {
	other, err := makeSide[T](o, ct)
	if err != nil {
		return nil, false, err
	}
	if !keepsZero(k, other, left) {
		return nil, false, nil
	}
	c, err := convertCSR[T](cm, ct)
	if err != nil {
		return nil, false, err
	}
	out := make([]T, len(c.Values))
	if other.scalar {
		if left {
			err = k.vs(out, c.Values, other.s)
		} else {
			err = k.sv(out, other.s, c.Values)
		}
	} else {
		err = combineGathered(k, c, other, out, left)
	}
	if err != nil {
		return nil, true, err
	}
	rp, ci, vals := dropZeros(c.RowPtr, c.ColIdx, out)
	res, err := data.NewCSRVT(ct, c.Rows(), c.Cols(), rp, ci, vals)
	return res, true, err
}

// chunk is the length of the scratch buffers of the CSR paths, which work
// through long vectors in pieces so that they allocate O(chunk), not O(n).
const chunk = 2048

// keepsZero reports whether 0∘x (left) or x∘0 is 0 for every value x of o.
// An error (integer division by zero) means no: the dense path reports it.
func keepsZero[T number](k kern[T, T], o side[T], left bool) bool {
	var z T
	src := o.m
	if o.scalar {
		src = []T{o.s}
	}
	buf := make([]T, min(chunk, len(src)))
	for lo := 0; lo < len(src); lo += chunk {
		hi := min(lo+chunk, len(src))
		d := buf[:hi-lo]
		var err error
		if left {
			err = k.sv(d, z, src[lo:hi])
		} else {
			err = k.vs(d, src[lo:hi], z)
		}
		if err != nil {
			return false
		}
		for _, v := range d {
			if v != 0 {
				return false
			}
		}
	}
	return true
}

// combineGathered sets out[p] = c.Values[p] ∘ o[i, j] (or o[i, j] ∘
// c.Values[p] when !left) for every stored entry p = (i, j) of c, with o
// broadcast to c's shape. It gathers o's cells into a small buffer a chunk
// of entries at a time and runs the vector loop on each chunk.
func combineGathered[T number](k kern[T, T], c *data.CSR[T], o side[T], out []T, left bool) error {
	rows, cols, nnz := c.Rows(), c.Cols(), len(c.Values)
	buf := make([]T, min(chunk, nnz))
	i := 0
	for p0 := 0; p0 < nnz; p0 += chunk {
		p1 := min(p0+chunk, nnz)
		g := buf[:p1-p0]
		for p := p0; p < p1; {
			for c.RowPtr[i+1] <= p {
				i++
			}
			end := min(c.RowPtr[i+1], p1)
			r := 0
			if o.rows == rows {
				r = i
			}
			if o.cols != cols {
				v := o.m[r]
				for q := p; q < end; q++ {
					g[q-p0] = v
				}
			} else {
				orow := o.m[r*cols : (r+1)*cols]
				gi := g[p-p0 : end-p0]
				for q, j := range c.ColIdx[p:end] {
					gi[q] = orow[j]
				}
			}
			p = end
		}
		var err error
		if left {
			err = k.vv(out[p0:p1], c.Values[p0:p1], g)
		} else {
			err = k.vv(out[p0:p1], g, c.Values[p0:p1])
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// csrCSR computes x∘y for two CSR matrices of the same shape over the union
// of their patterns, if 0∘0 is 0.
func csrCSR[T number](k kern[T, T], ct types.ValueType, x, y *data.CSR[T]) (data.Value, bool, error) {
	zero := []T{0}
	if err := k.vv(zero, []T{0}, []T{0}); err != nil || zero[0] != 0 {
		return nil, false, nil
	}
	rows := x.Rows()
	n := len(x.Values) + len(y.Values)
	rp := make([]int, rows+1)
	ci := make([]int, 0, n)
	av, bv := make([]T, 0, n), make([]T, 0, n)
	for i := 0; i < rows; i++ {
		p, pe := x.RowPtr[i], x.RowPtr[i+1]
		q, qe := y.RowPtr[i], y.RowPtr[i+1]
		for p < pe || q < qe {
			switch {
			case q >= qe || (p < pe && x.ColIdx[p] < y.ColIdx[q]):
				ci, av, bv = append(ci, x.ColIdx[p]), append(av, x.Values[p]), append(bv, 0)
				p++
			case p >= pe || y.ColIdx[q] < x.ColIdx[p]:
				ci, av, bv = append(ci, y.ColIdx[q]), append(av, 0), append(bv, y.Values[q])
				q++
			default:
				ci, av, bv = append(ci, x.ColIdx[p]), append(av, x.Values[p]), append(bv, y.Values[q])
				p, q = p+1, q+1
			}
		}
		rp[i+1] = len(ci)
	}
	out := make([]T, len(ci))
	if err := k.vv(out, av, bv); err != nil {
		return nil, true, err
	}
	rp, ci, out = dropZeros(rp, ci, out)
	res, err := data.NewCSRVT(ct, rows, x.Cols(), rp, ci, out)
	return res, true, err
}

// dropZeros removes zero values from CSR arrays; without zeros it returns
// its arguments unchanged (so index arrays can be shared with an input).
func dropZeros[T number](rowPtr, colIdx []int, vals []T) ([]int, []int, []T) {
	first := -1
	for p, v := range vals {
		if v == 0 {
			first = p
			break
		}
	}
	if first < 0 {
		return rowPtr, colIdx, vals
	}
	rows := len(rowPtr) - 1
	rp := make([]int, rows+1)
	ci := make([]int, 0, len(colIdx))
	vs := make([]T, 0, len(vals))
	for i := 0; i < rows; i++ {
		for p := rowPtr[i]; p < rowPtr[i+1]; p++ {
			if vals[p] != 0 {
				ci = append(ci, colIdx[p])
				vs = append(vs, vals[p])
			}
		}
		rp[i+1] = len(vs)
	}
	return rp, ci, vs
}
