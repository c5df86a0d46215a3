package sql

import (
	"cmp"
	"slices"

	"github.com/daphne-go/daphne/runtime/data"
	sqlast "github.com/daphne-go/daphne/sql"
)

// runGrouped groups the rows, computes the aggregates, filters the groups
// by HAVING and computes the output columns (one row per group). It also
// returns the groups' env, over which ORDER BY expressions are evaluated.
func (bq *query) runGrouped(rel *relation) ([]data.Matrix, *env, error) {
	b, re := bq.b, rel.env()
	keys := make([]vec, len(b.keys))
	for i, k := range b.keys {
		v, err := k.b.eval(re)
		if err != nil {
			return nil, nil, err
		}
		keys[i] = v
	}
	g := group(keys, rel.n)
	ge := &env{n: len(g.first), keys: make([]vec, len(keys)), aggs: make([]vec, len(b.aggs))}
	if rel.n == 0 && len(keys) > 0 {
		ge.n = 0
		g.first = nil
	}
	for i := range keys {
		ge.keys[i] = keys[i].gather(g.first)
	}
	for i, a := range b.aggs {
		var arg vec
		if a.arg != nil && a.fn != "count" {
			var err error
			if arg, err = a.arg.eval(re); err != nil {
				return nil, nil, err
			}
		}
		if ge.n == 0 {
			ge.aggs[i] = vec{k: a.k, i: []int64{}, f: []float64{}, s: []string{}}
			continue
		}
		v, err := aggregate(a, arg, g, rel.n)
		if err != nil {
			return nil, nil, err
		}
		ge.aggs[i] = v
	}
	first := g.first
	if bq.having != nil && ge.n > 0 {
		v, err := bq.having.eval(ge)
		if err != nil {
			return nil, nil, err
		}
		sel := selected(v.asBool(), ge.n)
		first = gatherSlice(first, sel)
		for i := range ge.keys {
			ge.keys[i] = ge.keys[i].gather(sel)
		}
		for i := range ge.aggs {
			ge.aggs[i] = ge.aggs[i].gather(sel)
		}
		ge.n = len(sel)
	}
	cols, err := bq.materialize(ge, func(t int) []int32 { return composeRows(rel.idx[t], first) })
	return cols, ge, err
}

// selected returns the indices where v (n rows, or konst) is true.
func selected(v vec, n int) []int32 {
	sel := make([]int32, 0, n)
	for i := 0; i < n; i++ {
		if v.b[i*v.stride()] {
			sel = append(sel, int32(i))
		}
	}
	return sel
}

// orderKey is one ORDER BY key: an output column (out >= 0) or an
// expression over the rows (or groups) before projection.
type orderKey struct {
	out  int
	e    bexpr
	desc bool
}

// bindOrder resolves the ORDER BY keys: a 1-based position or an alias
// names an output column; with DISTINCT a key must be an output column;
// otherwise it is an expression over the rows (or groups).
func (bq *query) bindOrder(m mode) error {
	b := bq.b
	b.where = "ORDER BY of a query without GROUP BY"
	for _, o := range bq.q.OrderBy {
		k := orderKey{out: -1, desc: o.Desc}
		switch x := o.Expr.(type) {
		case *sqlast.IntLit:
			if x.Value < 1 || x.Value > int64(len(bq.outs)) {
				return errorf(x.ValuePos, "ORDER BY position %d is not in the select list (1 to %d)", x.Value, len(bq.outs))
			}
			k.out = int(x.Value - 1)
		case *sqlast.ColumnRef:
			if x.Table == "" {
				k.out = bq.aliasOut(x.Column)
			}
		}
		if k.out < 0 && bq.q.Distinct {
			c, err := b.canon(o.Expr)
			if err != nil {
				return err
			}
			for i, out := range bq.outs {
				if out.canon == c {
					k.out = i
					break
				}
			}
			if k.out < 0 {
				return errorf(o.Expr.Pos(), "with DISTINCT, ORDER BY %s must be one of the selected columns", sqlast.ExprString(o.Expr))
			}
		}
		if k.out < 0 {
			e, err := b.bind(o.Expr, m)
			if err != nil {
				return err
			}
			k.e = e
		}
		bq.order = append(bq.order, k)
	}
	return nil
}

// aliasOut returns the output column of the select item aliased name, or -1.
func (bq *query) aliasOut(name string) int {
	for i, it := range bq.q.Items {
		if it.Alias == name {
			return bq.itemOut[i]
		}
	}
	return -1
}

// finish applies DISTINCT, ORDER BY and LIMIT to the output columns; pre
// is the env the columns were computed over.
func (bq *query) finish(cols []data.Matrix, pre *env) ([]data.Matrix, error) {
	n := pre.n
	var keys []vec
	for _, k := range bq.order {
		if k.e == nil {
			continue
		}
		v, err := k.e.eval(pre)
		if err != nil {
			return nil, err
		}
		keys = append(keys, coerce(v, v.k, n))
	}
	var perm []int32
	if bq.q.Distinct && n > 0 {
		vs, err := readAll(cols)
		if err != nil {
			return nil, err
		}
		perm = group(vs, n).first // one row per distinct row, ascending
		n = len(perm)
	}
	if len(bq.order) > 0 && n > 1 {
		if perm == nil {
			perm = make([]int32, n)
			for i := range perm {
				perm[i] = int32(i)
			}
		}
		if err := bq.sort(perm, cols, keys); err != nil {
			return nil, err
		}
	}
	if l := bq.q.Limit; l != nil && l.Value < int64(n) {
		if perm == nil {
			perm = make([]int32, l.Value)
			for i := range perm {
				perm[i] = int32(i)
			}
		}
		perm = perm[:l.Value]
	}
	if perm == nil {
		return cols, nil
	}
	for i, c := range cols {
		var err error
		if cols[i], err = gatherMatrix(c, perm); err != nil {
			return nil, err
		}
	}
	return cols, nil
}

func readAll(cols []data.Matrix) ([]vec, error) {
	vs := make([]vec, len(cols))
	for i, c := range cols {
		v, err := readColumn(c, nil)
		if err != nil {
			return nil, err
		}
		vs[i] = v
	}
	return vs, nil
}

// sort sorts perm (rows of cols; of keys when not DISTINCT) stably by the
// ORDER BY keys.
func (bq *query) sort(perm []int32, cols []data.Matrix, keys []vec) error {
	cmps := make([]func(a, b int32) int, len(bq.order))
	ki := 0
	var single vec
	for i, k := range bq.order {
		var v vec
		if k.out >= 0 {
			var err error
			if v, err = readColumn(cols[k.out], nil); err != nil {
				return err
			}
		} else {
			v = keys[ki]
			ki++
		}
		single = v
		c := rowCompare(v)
		if k.desc {
			cmps[i] = func(a, b int32) int { return c(b, a) }
		} else {
			cmps[i] = c
		}
	}
	if len(cmps) == 1 {
		v := single
		if v.k == kBool {
			v = v.asInt()
		}
		v = v.gather(perm)
		var order []int32
		switch v.k {
		case kFloat:
			order = stablePerm(v.f, bq.order[0].desc)
		case kStr:
			order = stablePerm(v.s, bq.order[0].desc)
		default:
			order = stablePerm(v.i, bq.order[0].desc)
		}
		sorted := gatherSlice(perm, order)
		copy(perm, sorted)
		return nil
	}
	slices.SortStableFunc(perm, func(a, b int32) int {
		for _, c := range cmps {
			if r := c(a, b); r != 0 {
				return r
			}
		}
		return 0
	})
	return nil
}

// stablePerm returns the positions of vals in ascending (or descending)
// order, equal values in order of position: a sort of (value, position)
// pairs, which reads contiguous memory.
func stablePerm[T cmp.Ordered](vals []T, desc bool) []int32 {
	type kv struct {
		v T
		i int32
	}
	kvs := make([]kv, len(vals))
	for i, v := range vals {
		kvs[i] = kv{v, int32(i)}
	}
	slices.SortFunc(kvs, func(a, b kv) int {
		c := cmp.Compare(a.v, b.v)
		if desc {
			c = -c
		}
		if c != 0 {
			return c
		}
		return cmp.Compare(a.i, b.i)
	})
	out := make([]int32, len(kvs))
	for i, x := range kvs {
		out[i] = x.i
	}
	return out
}
