package rel

import (
	"cmp"
	"slices"

	"github.com/daphne-go/daphne/runtime/data"
)

// sortGroups returns the codes 0 .. len(first)-1 ordered by the key tuple of
// their first rows: ascending, first column first, numbers numerically with
// NaN first (as the order kernel), strings bytewise, false before true.
func sortGroups(cols []data.Matrix, first []int32) []int32 {
	perm := make([]int32, len(first))
	for i := range perm {
		perm[i] = int32(i)
	}
	if len(cols) == 1 {
		sortByColumn(cols[0], first, perm)
		return perm
	}
	cmps := make([]func(a, b int32) int, len(cols))
	for j, c := range cols {
		cmps[j] = rowCompare(c)
	}
	slices.SortFunc(perm, func(a, b int32) int {
		ra, rb := first[a], first[b]
		for _, f := range cmps {
			if c := f(ra, rb); c != 0 {
				return c
			}
		}
		return 0
	})
	return perm
}

// sortByColumn sorts perm by col's value at first[code], with the column's
// Go type known at compile time.
func sortByColumn(col data.Matrix, first, perm []int32) {
	switch d := col.(type) {
	case *data.Dense[float64]:
		sortByT(d.Data, first, perm)
	case *data.Dense[float32]:
		sortByT(d.Data, first, perm)
	case *data.Dense[int64]:
		sortByT(d.Data, first, perm)
	case *data.Dense[int32]:
		sortByT(d.Data, first, perm)
	case *data.Dense[int8]:
		sortByT(d.Data, first, perm)
	case *data.Dense[uint64]:
		sortByT(d.Data, first, perm)
	case *data.Dense[uint32]:
		sortByT(d.Data, first, perm)
	case *data.Dense[uint8]:
		sortByT(d.Data, first, perm)
	case *data.Dense[string]:
		sortByT(d.Data, first, perm)
	default:
		f := rowCompare(col)
		slices.SortFunc(perm, func(a, b int32) int { return f(first[a], first[b]) })
	}
}

func sortByT[T cmp.Ordered](v []T, first, perm []int32) {
	type kc struct {
		k T
		c int32
	}
	ks := make([]kc, len(perm))
	for i, c := range perm {
		ks[i] = kc{v[first[c]], c}
	}
	slices.SortFunc(ks, func(a, b kc) int { return cmp.Compare(a.k, b.k) })
	for i := range ks {
		perm[i] = ks[i].c
	}
}

// rowCompare returns a comparison of two rows of col.
func rowCompare(col data.Matrix) func(a, b int32) int {
	switch d := col.(type) {
	case *data.Dense[float64]:
		return cmpOf(d.Data)
	case *data.Dense[float32]:
		return cmpOf(d.Data)
	case *data.Dense[int64]:
		return cmpOf(d.Data)
	case *data.Dense[int32]:
		return cmpOf(d.Data)
	case *data.Dense[int8]:
		return cmpOf(d.Data)
	case *data.Dense[uint64]:
		return cmpOf(d.Data)
	case *data.Dense[uint32]:
		return cmpOf(d.Data)
	case *data.Dense[uint8]:
		return cmpOf(d.Data)
	case *data.Dense[string]:
		return cmpOf(d.Data)
	case *data.Dense[bool]:
		v := d.Data
		return func(a, b int32) int { return cmp.Compare(b2u(v[a]), b2u(v[b])) }
	}
	panic("rel: internal error: unknown column type " + data.Describe(col))
}

func cmpOf[T cmp.Ordered](v []T) func(a, b int32) int {
	return func(a, b int32) int { return cmp.Compare(v[a], v[b]) }
}
