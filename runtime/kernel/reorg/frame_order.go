package reorg

import (
	"cmp"
	"fmt"
	"math"
	"math/bits"
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
	ranks := make([][]uint32, len(colIdxs))
	distinct := make([]uint64, len(colIdxs))
	for k, j := range colIdxs {
		if j < 0 || j >= f.Cols() {
			return nil, fmt.Errorf("order: column index %d is out of range for %s", j, f.Header())
		}
		r, d, err := rankColumn(f.Column(j))
		if err != nil {
			return nil, fmt.Errorf("order: column %q: %w", f.Label(j), err)
		}
		if !ascs[k] {
			for i, x := range r {
				r[i] = uint32(d) - 1 - x
			}
		}
		ranks[k], distinct[k] = r, d
	}
	perm := sortByRanks(ranks, distinct, f.Rows())
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

// rankColumn returns the dense rank of every cell of a dense column in
// ascending order (equal cells share a rank; NaN ranks below every number,
// as cmp.Compare orders it) and the number of distinct ranks.
func rankColumn(m data.Matrix) ([]uint32, uint64, error) {
	switch c := m.(type) {
	case *data.Dense[float64]:
		return ranksOf(c.Data)
	case *data.Dense[float32]:
		return ranksOf(c.Data)
	case *data.Dense[int64]:
		return ranksOf(c.Data)
	case *data.Dense[int32]:
		return ranksOf(c.Data)
	case *data.Dense[int8]:
		return ranksOf(c.Data)
	case *data.Dense[uint64]:
		return ranksOf(c.Data)
	case *data.Dense[uint32]:
		return ranksOf(c.Data)
	case *data.Dense[uint8]:
		return ranksOf(c.Data)
	case *data.Dense[string]:
		return ranksOf(c.Data)
	case *data.Dense[bool]:
		r := make([]uint32, len(c.Data))
		for i, b := range c.Data {
			if b {
				r[i] = 1
			}
		}
		return r, 2, nil
	}
	return nil, 0, fmt.Errorf("cannot sort by %s", data.Describe(m))
}

func ranksOf[T cmp.Ordered](d []T) ([]uint32, uint64, error) {
	if uint64(len(d)) > math.MaxUint32 {
		return nil, 0, fmt.Errorf("cannot sort more than %d rows", uint64(math.MaxUint32))
	}
	// Sorting (value, position) pairs keeps the compared values next to
	// each other in memory, instead of reading them through positions.
	type cell struct {
		v   T
		pos uint32
	}
	cells := make([]cell, len(d))
	for i, v := range d {
		cells[i] = cell{v, uint32(i)}
	}
	slices.SortFunc(cells, func(a, b cell) int { return cmp.Compare(a.v, b.v) })
	r := make([]uint32, len(d))
	var rank uint32
	for i, c := range cells {
		if i > 0 && cmp.Compare(cells[i-1].v, c.v) != 0 {
			rank++
		}
		r[c.pos] = rank
	}
	if len(d) == 0 {
		return r, 0, nil
	}
	return r, uint64(rank) + 1, nil
}

// sortByRanks returns the stable order of n rows by the rank columns (the
// first is the major key). When the combined ranks fit in 64 bits, every
// row gets one packed key and the sort compares integers; otherwise it
// compares the ranks key by key. Ties are broken by row position, which
// makes the order total and equal to the stable order.
func sortByRanks(ranks [][]uint32, distinct []uint64, n int) []int {
	perm := make([]int, n)
	if packed, ok := packRanks(ranks, distinct, n); ok {
		type row struct {
			key uint64
			pos int
		}
		rows := make([]row, n)
		for i := range rows {
			rows[i] = row{packed[i], i}
		}
		slices.SortFunc(rows, func(a, b row) int {
			if c := cmp.Compare(a.key, b.key); c != 0 {
				return c
			}
			return cmp.Compare(a.pos, b.pos)
		})
		for i, r := range rows {
			perm[i] = r.pos
		}
		return perm
	}
	for i := range perm {
		perm[i] = i
	}
	slices.SortFunc(perm, func(a, b int) int {
		for _, r := range ranks {
			if c := cmp.Compare(r[a], r[b]); c != 0 {
				return c
			}
		}
		return cmp.Compare(a, b)
	})
	return perm
}

// packRanks combines the ranks of a row into one number (mixed radix by
// the distinct counts), or reports that the product of the counts does not
// fit in 64 bits.
func packRanks(ranks [][]uint32, distinct []uint64, n int) ([]uint64, bool) {
	total := uint64(1)
	for _, d := range distinct {
		if d == 0 {
			d = 1
		}
		hi, lo := bits.Mul64(total, d)
		if hi != 0 {
			return nil, false
		}
		total = lo
	}
	keys := make([]uint64, n)
	for k, r := range ranks {
		d := max(distinct[k], 1)
		for i := range keys {
			keys[i] = keys[i]*d + uint64(r[i])
		}
	}
	return keys, true
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
