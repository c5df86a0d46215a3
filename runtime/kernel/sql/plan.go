package sql

import (
	sqlast "github.com/daphne-go/daphne/sql"
)

// The FROM, JOIN and WHERE clauses of an inner-join query together select
// the rows of the cartesian product of the views that satisfy every
// condition. from evaluates them without building that product:
//
//   - the conditions (ON and WHERE) are split at AND into conjuncts;
//   - a conjunct over one view filters that view before it is joined;
//   - view k is joined to the views before it by a hash join on the
//     conjuncts "x = y" with x over the earlier views and y over view k
//     (a cartesian product if there are none);
//   - every other conjunct filters as soon as its views are joined.
//
// Filters and hash joins keep the order of the filtered cartesian product
// (left-major), so the result is the same as DAPHNE's cartesian-then-filter
// plan, in the same order. (A failure such as an integer division by zero
// in a condition may surface on different rows.)

// conjunct is one AND-part of the ON and WHERE conditions.
type conjunct struct {
	e    sqlast.Expr
	b    bexpr
	tabs uint64 // the views it reads
	done bool
}

// splitAnd splits e at top-level ANDs (looking through parentheses).
func splitAnd(e sqlast.Expr, out []sqlast.Expr) []sqlast.Expr {
	switch x := e.(type) {
	case *sqlast.Paren:
		return splitAnd(x.X, out)
	case *sqlast.Binary:
		if x.Op == "AND" {
			return splitAnd(x.Y, splitAnd(x.X, out))
		}
	}
	return append(out, e)
}

// tablesOf returns the views e reads.
func (b *binder) tablesOf(e sqlast.Expr) uint64 {
	var m uint64
	sqlast.Walk(e, func(x sqlast.Expr) {
		if c, ok := x.(*sqlast.ColumnRef); ok {
			if t, _, err := b.s.resolve(c); err == nil {
				m |= 1 << t
			}
		}
	})
	return m
}

// conjuncts binds the conditions of q.
func (b *binder) conjuncts(q *sqlast.Query) ([]*conjunct, error) {
	var cs []*conjunct
	add := func(where string, e sqlast.Expr) error {
		b.where = where
		for _, part := range splitAnd(e, nil) {
			be, err := b.bind(part, modeRow)
			if err != nil {
				return err
			}
			if be.kind() == kStr {
				return errorf(part.Pos(), "the %s condition must be a comparison, a truth value or a number, got a string", where)
			}
			cs = append(cs, &conjunct{e: part, b: be, tabs: b.tablesOf(part)})
		}
		return nil
	}
	for _, j := range q.Joins {
		if err := add("ON", j.On); err != nil {
			return nil, err
		}
	}
	if q.Where != nil {
		if err := add("WHERE", q.Where); err != nil {
			return nil, err
		}
	}
	return cs, nil
}

// from returns the rows selected by the FROM, JOIN and WHERE clauses.
func (b *binder) from(q *sqlast.Query) (*relation, error) {
	cs, err := b.conjuncts(q)
	if err != nil {
		return nil, err
	}
	var rel *relation
	for k := range b.s.tabs {
		right, err := scan(b.s, k)
		if err != nil {
			return nil, err
		}
		if right, err = applyConjuncts(right, cs, 1<<k, true); err != nil {
			return nil, err
		}
		if rel == nil {
			rel = right
			continue
		}
		if rel, err = b.join(rel, right, cs, k, q); err != nil {
			return nil, err
		}
		if rel, err = applyConjuncts(rel, cs, rel.tabs, false); err != nil {
			return nil, err
		}
	}
	return applyConjuncts(rel, cs, rel.tabs, false)
}

// applyConjuncts filters r by every conjunct not applied yet that reads
// only views in tabs (exactly tabs if exact). Conjuncts that read no view
// are applied once all views are joined.
func applyConjuncts(r *relation, cs []*conjunct, tabs uint64, exact bool) (*relation, error) {
	var err error
	for _, c := range cs {
		if c.done || (exact && c.tabs != tabs) || c.tabs&^tabs != 0 || (c.tabs == 0 && tabs != fullMask(r)) {
			continue
		}
		c.done = true
		if r, err = r.filter(c.b); err != nil {
			return nil, err
		}
	}
	return r, nil
}

func fullMask(r *relation) uint64 {
	if len(r.s.tabs) == 64 {
		return ^uint64(0)
	}
	return 1<<len(r.s.tabs) - 1
}

// join joins view k (right) to the views before it (left): a hash join on
// the equality conjuncts between them, else a cartesian product.
func (b *binder) join(left, right *relation, cs []*conjunct, k int, q *sqlast.Query) (*relation, error) {
	var lk, rk []bexpr
	var kinds []kind
	for _, c := range cs {
		l, r, ok := b.equiKey(c, left.tabs, k)
		if !ok {
			continue
		}
		lb, err := b.bind(l, modeRow)
		if err != nil {
			return nil, err
		}
		rb, err := b.bind(r, modeRow)
		if err != nil {
			return nil, err
		}
		lk, rk = append(lk, lb), append(rk, rb)
		kinds = append(kinds, c.b.(*cmpExpr).ck)
		c.done = true
	}
	pos := q.Select
	if k >= len(q.From) {
		pos = q.Joins[k-len(q.From)].JoinPos
	} else {
		pos = q.From[k].NamePos
	}
	if len(lk) == 0 {
		return cartesian(left, right, pos)
	}
	return hashJoin(left, right, lk, rk, kinds, pos)
}

// equiKey reports whether conjunct c, not applied yet, is "x = y" with one
// side over the views in left (only) and the other over view k (only);
// it returns the left side first.
func (b *binder) equiKey(c *conjunct, left uint64, k int) (l, r sqlast.Expr, ok bool) {
	x, isBin := c.e.(*sqlast.Binary)
	if c.done || !isBin || x.Op != "=" {
		return nil, nil, false
	}
	l, r = x.X, x.Y
	lt, rt := b.tablesOf(l), b.tablesOf(r)
	if lt == 1<<k {
		l, r, lt, rt = r, l, rt, lt
	}
	if rt != 1<<k || lt == 0 || lt&^left != 0 {
		return nil, nil, false
	}
	return l, r, true
}
