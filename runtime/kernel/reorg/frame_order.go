package reorg

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
	"github.com/daphne-go/daphne/types"
)

// OrderFrame sorts the rows of f by the columns colIdxs (the first is the
// major key), each ascending or descending as ascs says, with a stable
// sort, as DAPHNE's Order of frames. Keys may be columns of any value type:
// numbers compare numerically (NaN first), strings by bytes, false before
// true. With returnIndexes it returns the permutation as a size-typed n x 1
// matrix of row positions of f (DAPHNE's frame kernel ignores the flag and
// always returns the frame); otherwise the sorted frame.
func OrderFrame(f *data.Frame, colIdxs []int, ascs []bool, returnIndexes bool) (data.Value, error) {
	if len(colIdxs) == 0 || len(colIdxs) != len(ascs) {
		return nil, fmt.Errorf("order: need as many sort directions as sort columns (at least one), got %d columns and %d directions",
			len(colIdxs), len(ascs))
	}
	cmps := make([]func(a, b int) int, len(colIdxs))
	for k, j := range colIdxs {
		if j < 0 || j >= f.Cols() {
			return nil, fmt.Errorf("order: column index %d is out of range for %s", j, f.Header())
		}
		c, err := rowComparer(f.Column(j))
		if err != nil {
			return nil, fmt.Errorf("order: column %q: %w", f.Label(j), err)
		}
		if !ascs[k] {
			asc := c
			c = func(a, b int) int { return asc(b, a) }
		}
		cmps[k] = c
	}
	perm := make([]int, f.Rows())
	for i := range perm {
		perm[i] = i
	}
	// Ties broken by position make the order total, so the unstable sort
	// gives exactly the stable order.
	slices.SortFunc(perm, func(a, b int) int {
		for _, c := range cmps {
			if r := c(a, b); r != 0 {
				return r
			}
		}
		return cmp.Compare(a, b)
	})
	if returnIndexes {
		res := data.NewDenseVT[uint64](types.Size, len(perm), 1)
		for i, p := range perm {
			res.Data[i] = uint64(p)
		}
		return res, nil
	}
	cols := make([]data.Matrix, f.Cols())
	for j := range cols {
		g, err := gatherRows(f.Column(j), perm)
		if err != nil {
			return nil, fmt.Errorf("order: column %q: %w", f.Label(j), err)
		}
		cols[j] = g
	}
	return data.NewFrame(cols, f.Labels())
}

// rowComparer compares two cells of a dense column by row position.
func rowComparer(m data.Matrix) (func(a, b int) int, error) {
	switch c := m.(type) {
	case *data.Dense[float64]:
		return cellCmp(c.Data), nil
	case *data.Dense[float32]:
		return cellCmp(c.Data), nil
	case *data.Dense[int64]:
		return cellCmp(c.Data), nil
	case *data.Dense[int32]:
		return cellCmp(c.Data), nil
	case *data.Dense[int8]:
		return cellCmp(c.Data), nil
	case *data.Dense[uint64]:
		return cellCmp(c.Data), nil
	case *data.Dense[uint32]:
		return cellCmp(c.Data), nil
	case *data.Dense[uint8]:
		return cellCmp(c.Data), nil
	case *data.Dense[string]:
		return cellCmp(c.Data), nil
	case *data.Dense[bool]:
		d := c.Data
		return func(a, b int) int {
			switch {
			case d[a] == d[b]:
				return 0
			case d[b]:
				return -1
			}
			return 1
		}, nil
	}
	return nil, fmt.Errorf("cannot sort by %s", data.Describe(m))
}

func cellCmp[T cmp.Ordered](d []T) func(a, b int) int {
	return func(a, b int) int { return cmp.Compare(d[a], d[b]) }
}

// gatherRows returns the rows perm of a dense column, in that order.
func gatherRows(m data.Matrix, perm []int) (data.Matrix, error) {
	switch c := m.(type) {
	case *data.Dense[float64]:
		return gather(c, perm), nil
	case *data.Dense[float32]:
		return gather(c, perm), nil
	case *data.Dense[int64]:
		return gather(c, perm), nil
	case *data.Dense[int32]:
		return gather(c, perm), nil
	case *data.Dense[int8]:
		return gather(c, perm), nil
	case *data.Dense[uint64]:
		return gather(c, perm), nil
	case *data.Dense[uint32]:
		return gather(c, perm), nil
	case *data.Dense[uint8]:
		return gather(c, perm), nil
	case *data.Dense[string]:
		return gather(c, perm), nil
	case *data.Dense[bool]:
		return gather(c, perm), nil
	}
	return nil, fmt.Errorf("cannot reorder %s", data.Describe(m))
}

func gather[T data.Elem](c *data.Dense[T], perm []int) *data.Dense[T] {
	out := make([]T, len(perm))
	for i, p := range perm {
		out[i] = c.Data[p]
	}
	return data.DenseFromVT(c.ValueType(), len(perm), 1, out)
}

// opOrderFrame reads order(F, col..., asc..., returnIndexes) for a frame;
// a sort column is a position or, beyond DAPHNE, a label.
func opOrderFrame(f *data.Frame, args []data.Value) ([]data.Value, error) {
	n := len(args)
	k := (n - 2) / 2
	cols := make([]int, k)
	ascs := make([]bool, k)
	for i := range k {
		c, err := frameKey(f, args[1+i], i)
		if err != nil {
			return nil, err
		}
		cols[i] = c
		if ascs[i], err = data.BoolArg(args[1+k+i], fmt.Sprintf("order: sort direction %d", i)); err != nil {
			return nil, err
		}
	}
	idx, err := data.BoolArg(args[n-1], "order: returnIndexes")
	if err != nil {
		return nil, err
	}
	res, err := OrderFrame(f, cols, ascs, idx)
	if err != nil {
		return nil, err
	}
	return ops.Results(res), nil
}

// frameKey reads sort column i: a position or a column label.
func frameKey(f *data.Frame, v data.Value, i int) (int, error) {
	if s, ok := v.(*data.Scalar); ok && s.VT == types.Str {
		j, err := f.ColumnByLabel(s.S)
		if err != nil {
			return 0, fmt.Errorf("order: sort column %d: %w", i, err)
		}
		return j, nil
	}
	c, err := data.IntArg(v, fmt.Sprintf("order: column index %d", i))
	if err != nil {
		return 0, err
	}
	if c < 0 || c >= int64(f.Cols()) {
		return 0, fmt.Errorf("order: column index %d is out of range for %s", c, f.Header())
	}
	return int(c), nil
}
