package rel

import (
	"fmt"
	"math"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// Building result columns: a result column is an input column gathered at a
// list of row positions (-1: the null stand-in of the column's value type).

// gather returns the column whose row i is row idx[i] of col, or the null
// stand-in where idx[i] < 0. Large results are gathered in parallel chunks.
func gather(r runner, col data.Matrix, idx []int32) (data.Matrix, error) {
	if idx == nil {
		idx = []int32{} // no rows (nil would mean "share col")
	}
	out, err := gatherColumns(r, []data.Matrix{col}, [][]int32{idx})
	if err != nil {
		return nil, err
	}
	return out[0], nil
}

// gatherFrame gathers every column of f at idx.
func gatherFrame(r runner, f *data.Frame, idx []int32) ([]data.Matrix, error) {
	if idx == nil {
		idx = []int32{} // no rows (nil would mean "share the columns")
	}
	idxs := make([][]int32, f.Cols())
	for j := range idxs {
		idxs[j] = idx
	}
	return gatherColumns(r, f.Columns(), idxs)
}

// gatherColumns gathers column j of cols at idx[j] (all idx[j] of one length,
// or nil: the column is shared as it is). All columns are gathered in one
// pass of chunks over the result rows.
func gatherColumns(r runner, cols []data.Matrix, idx [][]int32) ([]data.Matrix, error) {
	out := make([]data.Matrix, len(cols))
	var fills []func(lo, hi int)
	n := 0
	for j, c := range cols {
		if idx[j] == nil {
			out[j] = c
			continue
		}
		n = len(idx[j])
		m, fill, err := gatherer(c, idx[j])
		if err != nil {
			return nil, err
		}
		out[j], fills = m, append(fills, fill)
	}
	if len(fills) == 0 {
		return out, nil
	}
	err := r.each(n, r.parts(n), func(_, lo, hi int) {
		for _, fill := range fills {
			fill(lo, hi)
		}
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// gatherer allocates the result column of gathering col at idx and returns
// it with the function that fills its rows [lo, hi).
func gatherer(col data.Matrix, idx []int32) (data.Matrix, func(lo, hi int), error) {
	vt := col.ValueType()
	switch d := col.(type) {
	case *data.Dense[float64]:
		m, f := gatherT(vt, d.Data, idx, math.NaN())
		return m, f, nil
	case *data.Dense[float32]:
		m, f := gatherT(vt, d.Data, idx, float32(math.NaN()))
		return m, f, nil
	case *data.Dense[int64]:
		m, f := gatherT(vt, d.Data, idx, 0)
		return m, f, nil
	case *data.Dense[int32]:
		m, f := gatherT(vt, d.Data, idx, 0)
		return m, f, nil
	case *data.Dense[int8]:
		m, f := gatherT(vt, d.Data, idx, 0)
		return m, f, nil
	case *data.Dense[uint64]:
		m, f := gatherT(vt, d.Data, idx, 0)
		return m, f, nil
	case *data.Dense[uint32]:
		m, f := gatherT(vt, d.Data, idx, 0)
		return m, f, nil
	case *data.Dense[uint8]:
		m, f := gatherT(vt, d.Data, idx, 0)
		return m, f, nil
	case *data.Dense[bool]:
		m, f := gatherT(vt, d.Data, idx, false)
		return m, f, nil
	case *data.Dense[string]:
		m, f := gatherT(vt, d.Data, idx, "")
		return m, f, nil
	}
	return nil, nil, fmt.Errorf("rel: internal error: column is %s", data.Describe(col))
}

func gatherT[T data.Elem](vt types.ValueType, src []T, idx []int32, null T) (data.Matrix, func(lo, hi int)) {
	out := make([]T, len(idx))
	return data.DenseFromVT(vt, len(out), 1, out), func(lo, hi int) {
		o, ix := out[lo:hi], idx[lo:hi]
		for i, j := range ix {
			if j >= 0 {
				o[i] = src[j]
			} else {
				o[i] = null
			}
		}
	}
}

// concatColumns returns the column holding a's rows followed by b's (both of
// the same value type).
func concatColumns(a, b data.Matrix) (data.Matrix, error) {
	switch x := a.(type) {
	case *data.Dense[float64]:
		return concatT(x, b)
	case *data.Dense[float32]:
		return concatT(x, b)
	case *data.Dense[int64]:
		return concatT(x, b)
	case *data.Dense[int32]:
		return concatT(x, b)
	case *data.Dense[int8]:
		return concatT(x, b)
	case *data.Dense[uint64]:
		return concatT(x, b)
	case *data.Dense[uint32]:
		return concatT(x, b)
	case *data.Dense[uint8]:
		return concatT(x, b)
	case *data.Dense[bool]:
		return concatT(x, b)
	case *data.Dense[string]:
		return concatT(x, b)
	}
	return nil, fmt.Errorf("rel: internal error: column is %s", data.Describe(a))
}

func concatT[T data.Elem](a *data.Dense[T], b data.Matrix) (data.Matrix, error) {
	bd, ok := b.(*data.Dense[T])
	if !ok {
		return nil, fmt.Errorf("rel: internal error: concatenating %s and %s", data.Describe(a), data.Describe(b))
	}
	out := make([]T, 0, len(a.Data)+len(bd.Data))
	out = append(append(out, a.Data...), bd.Data...)
	return data.DenseFromVT(a.ValueType(), len(out), 1, out), nil
}

// joinLabels returns the labels of a result made of lhs's columns followed
// by rhs's, or an error naming a label both have and the way out.
func joinLabels(op string, lhs, rhs *data.Frame) ([]string, error) {
	labels := append(lhs.Labels(), rhs.Labels()...)
	for _, l := range rhs.Labels() {
		if _, dup := lhs.ColumnIndex(l); dup {
			return nil, errorf(ErrDuplicateLabel,
				"%s: both frames have a column labelled %q, but the labels of the result must be unique (rename the columns of one side first, e.g. with setColLabelsPrefix)", op, l)
		}
	}
	return labels, nil
}
