package reorg

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// sortKey is one column to sort by and its direction.
type sortKey struct {
	col int
	asc bool
}

// Order sorts the rows of m by the columns colIdxs (the first is the major
// key), each ascending or descending as ascs says, with a stable sort: rows
// with equal keys keep their order. With returnIndexes it returns the
// permutation instead, as a size-typed n x 1 matrix of row positions of m.
// Numbers compare numerically (NaN before every number, so NaNs come first
// ascending and last descending), strings lexicographically by bytes, and
// false before true. CSR arguments go through a dense copy.
func Order(m data.Matrix, colIdxs []int, ascs []bool, returnIndexes bool) (data.Matrix, error) {
	if len(colIdxs) == 0 || len(colIdxs) != len(ascs) {
		return nil, fmt.Errorf("order: need as many sort directions as sort columns (at least one), got %d columns and %d directions",
			len(colIdxs), len(ascs))
	}
	keys := make([]sortKey, len(colIdxs))
	for i, c := range colIdxs {
		if c < 0 || c >= m.Cols() {
			return nil, fmt.Errorf("order: column index %d is out of range for %s", c, data.Describe(m))
		}
		keys[i] = sortKey{col: c, asc: ascs[i]}
	}
	k, err := kitFor("order", m)
	if err != nil {
		return nil, err
	}
	return k.order(m, keys, returnIndexes), nil
}

// sortPerm stably sorts the row permutation perm by the gathered key
// columns; the one type switch picks a comparison specialised for the
// element type.
func sortPerm(perm []int, keyCols any, keys []sortKey) {
	switch kc := keyCols.(type) {
	case [][]float64:
		sortOrdered(perm, kc, keys)
	case [][]float32:
		sortOrdered(perm, kc, keys)
	case [][]int64:
		sortOrdered(perm, kc, keys)
	case [][]int32:
		sortOrdered(perm, kc, keys)
	case [][]int8:
		sortOrdered(perm, kc, keys)
	case [][]uint64:
		sortOrdered(perm, kc, keys)
	case [][]uint32:
		sortOrdered(perm, kc, keys)
	case [][]uint8:
		sortOrdered(perm, kc, keys)
	case [][]string:
		sortOrdered(perm, kc, keys)
	case [][]bool:
		ints := make([][]uint8, len(kc))
		for k, col := range kc {
			ints[k] = make([]uint8, len(col))
			for i, b := range col {
				if b {
					ints[k][i] = 1
				}
			}
		}
		sortOrdered(perm, ints, keys)
	default:
		panic(fmt.Sprintf("reorg: cannot sort by %T", keyCols))
	}
}

// sortOrdered breaks ties by original row position, which makes the order
// total: an unstable pattern-defeating quicksort then yields exactly the
// stable order, faster than a stable merge sort.
func sortOrdered[U cmp.Ordered](perm []int, keyCols [][]U, keys []sortKey) {
	slices.SortFunc(perm, func(a, b int) int {
		for k, key := range keys {
			c := cmp.Compare(keyCols[k][a], keyCols[k][b])
			if c != 0 {
				if !key.asc {
					return -c
				}
				return c
			}
		}
		return cmp.Compare(a, b)
	})
}

func orderDense[T data.Elem](m *data.Dense[T], keys []sortKey, returnIndexes bool) data.Matrix {
	rows, cols := m.Rows(), m.Cols()
	perm := make([]int, rows)
	for i := range perm {
		perm[i] = i
	}
	d := m.Data
	// Gather the key columns once so that comparisons touch contiguous
	// memory and do no index arithmetic.
	keyCols := make([][]T, len(keys))
	for k, key := range keys {
		col := make([]T, rows)
		for i := range rows {
			col[i] = d[i*cols+key.col]
		}
		keyCols[k] = col
	}
	sortPerm(perm, keyCols, keys)
	if returnIndexes {
		res := data.NewDenseVT[uint64](types.Size, rows, 1)
		for i, p := range perm {
			res.Data[i] = uint64(p)
		}
		return res
	}
	res := data.NewDenseVT[T](m.ValueType(), rows, cols)
	for i, p := range perm {
		copy(res.Data[i*cols:(i+1)*cols], d[p*cols:(p+1)*cols])
	}
	return res
}
