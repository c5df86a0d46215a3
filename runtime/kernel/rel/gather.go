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
	vt := col.ValueType()
	switch d := col.(type) {
	case *data.Dense[float64]:
		return gatherT(r, vt, d.Data, idx, math.NaN())
	case *data.Dense[float32]:
		return gatherT(r, vt, d.Data, idx, float32(math.NaN()))
	case *data.Dense[int64]:
		return gatherT(r, vt, d.Data, idx, 0)
	case *data.Dense[int32]:
		return gatherT(r, vt, d.Data, idx, 0)
	case *data.Dense[int8]:
		return gatherT(r, vt, d.Data, idx, 0)
	case *data.Dense[uint64]:
		return gatherT(r, vt, d.Data, idx, 0)
	case *data.Dense[uint32]:
		return gatherT(r, vt, d.Data, idx, 0)
	case *data.Dense[uint8]:
		return gatherT(r, vt, d.Data, idx, 0)
	case *data.Dense[bool]:
		return gatherT(r, vt, d.Data, idx, false)
	case *data.Dense[string]:
		return gatherT(r, vt, d.Data, idx, "")
	}
	return nil, fmt.Errorf("rel: internal error: column is %s", data.Describe(col))
}

func gatherT[T data.Elem](r runner, vt types.ValueType, src []T, idx []int32, null T) (data.Matrix, error) {
	out := make([]T, len(idx))
	err := r.each(len(idx), r.parts(len(idx)), func(_, lo, hi int) {
		o, ix := out[lo:hi], idx[lo:hi]
		for i, j := range ix {
			if j >= 0 {
				o[i] = src[j]
			} else {
				o[i] = null
			}
		}
	})
	if err != nil {
		return nil, err
	}
	return data.DenseFromVT(vt, len(out), 1, out), nil
}

// gatherFrame gathers every column of f at idx.
func gatherFrame(r runner, f *data.Frame, idx []int32) ([]data.Matrix, error) {
	cols := make([]data.Matrix, f.Cols())
	for j := range cols {
		c, err := gather(r, f.Column(j), idx)
		if err != nil {
			return nil, err
		}
		cols[j] = c
	}
	return cols, nil
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
