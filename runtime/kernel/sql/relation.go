package sql

import (
	"math"

	"github.com/daphne-go/daphne/runtime/data"
	sqlast "github.com/daphne-go/daphne/sql"
)

// relation is a set of rows over the views of a scope, represented by one
// row-index array per view (the join index): row r of the relation is
// row idx[t][r] of view t. A nil idx[t] of a joined view means the
// identity (the view's rows in order, unfiltered). Views not joined yet
// are not in tabs.
type relation struct {
	s    *scope
	tabs uint64 // bit t set: view t is part of the relation
	idx  [][]int32
	n    int
}

// scan returns the relation of all rows of view t.
func scan(s *scope, t int) (*relation, error) {
	f := s.tabs[t].f
	if f.Rows() > math.MaxInt32 {
		return nil, errorf(sqlast.Pos{}, "view %s has %d rows, more than the %d a query can read", s.tabs[t].prefix, f.Rows(), math.MaxInt32)
	}
	return &relation{s: s, tabs: 1 << t, idx: make([][]int32, len(s.tabs)), n: f.Rows()}, nil
}

// env returns the evaluation environment of the relation's rows; columns
// are read once and cached.
func (r *relation) env() *env {
	cache := map[[2]int]vec{}
	return &env{n: r.n, col: func(t, c int) (vec, error) {
		if v, ok := cache[[2]int{t, c}]; ok {
			return v, nil
		}
		v, err := readColumn(r.s.tabs[t].f.Column(c), r.idx[t])
		if err == nil {
			cache[[2]int{t, c}] = v
		}
		return v, err
	}}
}

// rows returns the row indices of view t for the relation's rows.
func (r *relation) rows(t int) []int32 {
	if r.idx[t] != nil {
		return r.idx[t]
	}
	id := make([]int32, r.n)
	for i := range id {
		id[i] = int32(i)
	}
	return id
}

// filter keeps the rows where cond holds (numbers: non-zero).
func (r *relation) filter(cond bexpr) (*relation, error) {
	v, err := cond.eval(r.env())
	if err != nil {
		return nil, err
	}
	v = v.asBool()
	if v.konst {
		if v.b[0] {
			return r, nil
		}
		return r.selectRows(nil), nil
	}
	sel := make([]int32, 0, r.n/4)
	for i, ok := range v.b {
		if ok {
			sel = append(sel, int32(i))
		}
	}
	if len(sel) == r.n {
		return r, nil
	}
	return r.selectRows(sel), nil
}

// selectRows returns the relation of rows sel (in that order).
func (r *relation) selectRows(sel []int32) *relation {
	out := &relation{s: r.s, tabs: r.tabs, idx: make([][]int32, len(r.idx)), n: len(sel)}
	for t := range r.idx {
		if r.tabs&(1<<t) == 0 {
			continue
		}
		if r.idx[t] == nil {
			out.idx[t] = append([]int32{}, sel...)
		} else {
			out.idx[t] = gatherSlice(r.idx[t], sel)
		}
	}
	return out
}

// pairs returns the relation of the concatenated rows (l[k] of left, r[k]
// of right) for k in order.
func pairs(left, right *relation, l, r []int32) *relation {
	out := &relation{s: left.s, tabs: left.tabs | right.tabs, idx: make([][]int32, len(left.idx)), n: len(l)}
	for t := range out.idx {
		switch {
		case left.tabs&(1<<t) != 0:
			out.idx[t] = composeRows(left.idx[t], l)
		case right.tabs&(1<<t) != 0:
			out.idx[t] = composeRows(right.idx[t], r)
		}
	}
	return out
}

// composeRows returns idx[rows] (rows itself for the identity idx).
func composeRows(idx, rows []int32) []int32 {
	if idx == nil {
		if rows == nil {
			return []int32{} // no rows, not the identity
		}
		return rows
	}
	return gatherSlice(idx, rows)
}

// cartesian returns every left row with every right row, left-major (the
// order of DAPHNE's cartesian).
func cartesian(left, right *relation, pos sqlast.Pos) (*relation, error) {
	total := int64(left.n) * int64(right.n)
	if total > math.MaxInt32 {
		return nil, &RunError{Pos: pos, Msg: "the cartesian product has more than 2^31 rows"}
	}
	l := make([]int32, total)
	r := make([]int32, total)
	k := 0
	for i := 0; i < left.n; i++ {
		for j := 0; j < right.n; j++ {
			l[k], r[k] = int32(i), int32(j)
			k++
		}
	}
	return pairs(left, right, l, r), nil
}

// hashJoin returns the pairs of left and right rows whose keys are equal,
// left-major and, for one left row, in right order (the order of a nested
// loop, so of the cartesian product filtered). lk[i] and rk[i] are
// compared as kinds[i].
func hashJoin(left, right *relation, lk, rk []bexpr, kinds []kind, pos sqlast.Pos) (*relation, error) {
	le, re := left.env(), right.env()
	var lcodes, rcodes []int32
	for i := range lk {
		lv, err := lk[i].eval(le)
		if err != nil {
			return nil, err
		}
		rv, err := rk[i].eval(re)
		if err != nil {
			return nil, err
		}
		lv, rv = coerce(lv, kinds[i], left.n), coerce(rv, kinds[i], right.n)
		rc, lc, nc := joinCodes(rv, lv)
		if i == 0 {
			rcodes, lcodes = rc, lc
		} else {
			rcodes, lcodes = combineJoinCodes(rcodes, rc, lcodes, lc, nc)
		}
	}
	ncodes := int32(0)
	for _, c := range rcodes {
		ncodes = max(ncodes, c+1)
	}
	head := make([]int32, ncodes)
	for i := range head {
		head[i] = -1
	}
	next := make([]int32, right.n)
	for j := right.n - 1; j >= 0; j-- {
		if c := rcodes[j]; c >= 0 {
			next[j] = head[c]
			head[c] = int32(j)
		}
	}
	var l, r []int32
	for i, c := range lcodes {
		if c < 0 || c >= ncodes {
			continue
		}
		for j := head[c]; j >= 0; j = next[j] {
			l = append(l, int32(i))
			r = append(r, j)
		}
		if len(l) > math.MaxInt32 {
			return nil, &RunError{Pos: pos, Msg: "the join has more than 2^31 rows"}
		}
	}
	return pairs(left, right, l, r), nil
}

// coerce converts v to kind k (int, float or string) with n rows.
func coerce(v vec, k kind, n int) vec {
	switch k {
	case kFloat:
		v = v.asFloat()
	case kInt:
		v = v.asInt()
	}
	if v.konst {
		switch v.k {
		case kInt:
			v = vec{k: kInt, i: expand(v.i, true, n)}
		case kFloat:
			v = vec{k: kFloat, f: expand(v.f, true, n)}
		case kStr:
			v = vec{k: kStr, s: expand(v.s, true, n)}
		case kBool:
			v = vec{k: kBool, b: expand(v.b, true, n)}
		}
	}
	return v
}

// frameColumn returns column c of view t as a matrix for rows.
func frameColumn(s *scope, t, c int, rows []int32) (data.Matrix, error) {
	return gatherMatrix(s.tabs[t].f.Column(c), rows)
}
