package sql

import (
	"cmp"
	"math"
	"slices"
)

// grouping is the result of hash grouping: each row's group, and per
// group its first row. Groups are numbered in ascending order of their key
// values (DAPHNE's group kernel sorts by the keys).
type grouping struct {
	gid   []int32
	first []int32
}

// group groups n rows by the key vecs (none: one group of all rows, also
// when there are no rows, as for an aggregate without GROUP BY).
func group(keys []vec, n int) grouping {
	if len(keys) == 0 {
		return grouping{gid: make([]int32, n), first: []int32{0}}
	}
	for i := range keys {
		keys[i] = coerce(keys[i], keys[i].k, n)
	}
	gid, first, sorted := groupCodes(keys)
	if sorted {
		return grouping{gid: gid, first: first}
	}
	perm := sortGroups(keys, first)
	rank := make([]int32, len(perm))
	for r, g := range perm {
		rank[g] = int32(r)
	}
	for j, g := range gid {
		gid[j] = rank[g]
	}
	firstSorted := make([]int32, len(first))
	for r, g := range perm {
		firstSorted[r] = first[g]
	}
	return grouping{gid: gid, first: firstSorted}
}

// sortGroups returns the groups (given by their first rows) in ascending
// order of their keys. The keys of the groups are gathered first, so the
// sort reads contiguous memory; one key sorts (value, group) pairs.
func sortGroups(keys []vec, first []int32) []int32 {
	gk := make([]vec, len(keys))
	for i, k := range keys {
		gk[i] = k.gather(first)
		if gk[i].k == kBool {
			gk[i] = gk[i].asInt()
		}
	}
	if len(gk) == 1 {
		switch gk[0].k {
		case kFloat:
			return sortedPerm(gk[0].f)
		case kStr:
			return sortedPerm(gk[0].s)
		}
		return sortedPerm(gk[0].i)
	}
	perm := make([]int32, len(first))
	for g := range perm {
		perm[g] = int32(g)
	}
	cmps := make([]func(a, b int32) int, len(gk))
	for i, k := range gk {
		cmps[i] = rowCompare(k)
	}
	slices.SortFunc(perm, func(a, b int32) int {
		for _, c := range cmps {
			if r := c(a, b); r != 0 {
				return r
			}
		}
		return 0
	})
	return perm
}

// sortedPerm returns the indices of vals in ascending order of the values
// (cmp.Compare: float NaN first).
func sortedPerm[T cmp.Ordered](vals []T) []int32 {
	type kv struct {
		v T
		g int32
	}
	kvs := make([]kv, len(vals))
	for g, v := range vals {
		kvs[g] = kv{v, int32(g)}
	}
	slices.SortFunc(kvs, func(a, b kv) int { return cmp.Compare(a.v, b.v) })
	perm := make([]int32, len(vals))
	for i, x := range kvs {
		perm[i] = x.g
	}
	return perm
}

// rowCompare returns a comparison of two rows of v (ascending; floats as
// cmp.Compare: NaN first; truth values false first).
func rowCompare(v vec) func(a, b int32) int {
	switch v.k {
	case kFloat:
		return func(a, b int32) int { return cmp.Compare(v.f[a], v.f[b]) }
	case kStr:
		return func(a, b int32) int { return cmp.Compare(v.s[a], v.s[b]) }
	case kBool:
		v = v.asInt()
	}
	return func(a, b int32) int { return cmp.Compare(v.i[a], v.i[b]) }
}

// aggregate computes one aggregate per group. arg has the rows (it is
// ignored for count).
func aggregate(a aggSpec, arg vec, g grouping, n int) (vec, error) {
	ng := len(g.first)
	if a.fn == "count" {
		out := make([]int64, ng)
		for _, k := range g.gid {
			out[k]++
		}
		return vec{k: kInt, i: out}, nil
	}
	if n == 0 && ng > 0 { // an aggregate without GROUP BY over no rows
		switch a.fn {
		case "sum":
			if a.k == kFloat {
				return vec{k: kFloat, f: []float64{0}}, nil
			}
			return vec{k: kInt, i: []int64{0}}, nil
		case "avg":
			return vec{k: kFloat, f: []float64{math.NaN()}}, nil
		}
		return vec{}, &RunError{Pos: a.pos, Msg: a.fn + " of no rows (the query selects none)"}
	}
	arg = coerce(arg, arg.k, n)
	if arg.k == kBool {
		arg = arg.asInt()
	}
	switch a.fn {
	case "sum":
		if arg.k == kFloat {
			return vec{k: kFloat, f: sumBy(arg.f, g.gid, ng)}, nil
		}
		return vec{k: kInt, i: sumBy(arg.i, g.gid, ng)}, nil
	case "avg":
		sums := sumBy(arg.asFloat().f, g.gid, ng)
		counts := make([]int64, ng)
		for _, k := range g.gid {
			counts[k]++
		}
		for k := range sums {
			sums[k] /= float64(counts[k])
		}
		return vec{k: kFloat, f: sums}, nil
	}
	less := a.fn == "min"
	switch arg.k {
	case kFloat:
		return vec{k: kFloat, f: extremeBy(arg.f, g, less)}, nil
	case kStr:
		return vec{k: kStr, s: extremeBy(arg.s, g, less)}, nil
	}
	return vec{k: kInt, i: extremeBy(arg.i, g, less)}, nil
}

func sumBy[T int64 | float64](xs []T, gid []int32, ng int) []T {
	out := make([]T, ng)
	for j, k := range gid {
		out[k] += xs[j]
	}
	return out
}

// extremeBy returns the minimum (less) or maximum per group; a float NaN
// is kept only if the group's first value is NaN, as std::min_element.
func extremeBy[T int64 | float64 | string](xs []T, g grouping, less bool) []T {
	out := make([]T, len(g.first))
	for k, r := range g.first {
		out[k] = xs[r]
	}
	if less {
		for j, k := range g.gid {
			if xs[j] < out[k] {
				out[k] = xs[j]
			}
		}
	} else {
		for j, k := range g.gid {
			if xs[j] > out[k] {
				out[k] = xs[j]
			}
		}
	}
	return out
}
