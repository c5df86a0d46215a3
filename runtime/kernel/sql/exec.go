package sql

import (
	"fmt"

	"github.com/daphne-go/daphne/runtime/data"
	sqlast "github.com/daphne-go/daphne/sql"
	"github.com/daphne-go/daphne/types"
)

// Run parses and runs a query over the registered views. Mistakes in the
// query (syntax, unknown views and columns, ambiguous columns, misused
// aggregates, type errors) are returned as *sqlast.Error; failures while
// running it as *RunError.
func Run(views map[string]*data.Frame, query string) (*data.Frame, error) {
	q, err := sqlast.Parse(query)
	if err != nil {
		return nil, err
	}
	return Exec(views, q)
}

// outCol is one column of the result.
type outCol struct {
	label string
	pos   sqlast.Pos
	canon string
	// copy: the column is copied from view tab (keeping its value type).
	copy     bool
	tab, col int
	e        bexpr
	vt       types.ValueType // for computed columns: convert to vt (Unknown: keep)
}

// query is a bound query.
type query struct {
	q       *sqlast.Query
	b       *binder
	grouped bool
	outs    []outCol
	itemOut []int // index of each select item's first output column
	having  bexpr
	order   []orderKey
}

// Exec runs a parsed query over the registered views (see Run).
func Exec(views map[string]*data.Frame, q *sqlast.Query) (*data.Frame, error) {
	s, err := newScope(views, q)
	if err != nil {
		return nil, err
	}
	b := &binder{s: s}
	rel, err := b.from(q)
	if err != nil {
		return nil, err
	}
	bq := &query{q: q, b: b, grouped: len(q.GroupBy) > 0 || q.Having != nil || hasAggregate(q)}
	if err := bq.bind(); err != nil {
		return nil, err
	}
	var cols []data.Matrix
	var pre *env
	if bq.grouped {
		cols, pre, err = bq.runGrouped(rel)
	} else {
		pre = rel.env()
		cols, err = bq.materialize(pre, func(t int) []int32 { return rel.idx[t] })
	}
	if err != nil {
		return nil, err
	}
	if cols, err = bq.finish(cols, pre); err != nil {
		return nil, err
	}
	labels := make([]string, len(bq.outs))
	for i, o := range bq.outs {
		labels[i] = o.label
	}
	return data.NewFrame(cols, labels)
}

func hasAggregate(q *sqlast.Query) bool {
	for _, it := range q.Items {
		if sqlast.IsAggregate(it.Expr) {
			return true
		}
	}
	for _, o := range q.OrderBy {
		if sqlast.IsAggregate(o.Expr) {
			return true
		}
	}
	return false
}

// bind binds the group keys, the select list, HAVING and ORDER BY.
func (bq *query) bind() error {
	b, q := bq.b, bq.q
	m := modeRow
	if bq.grouped {
		m = modeGroup
		if err := bq.bindKeys(); err != nil {
			return err
		}
	}
	b.where = "the select list of a query without GROUP BY"
	seen := map[string]sqlast.Pos{}
	for _, it := range q.Items {
		bq.itemOut = append(bq.itemOut, len(bq.outs))
		outs, err := bq.bindItem(it, m)
		if err != nil {
			return err
		}
		for _, o := range outs {
			if p, dup := seen[o.label]; dup {
				// DAPHNE fails when it builds the result frame: exit code 3.
				return &RunError{Pos: o.pos, Msg: fmt.Sprintf("the result column label %q is used twice (also at %s); give one of the columns another alias", o.label, p)}
			}
			seen[o.label] = o.pos
		}
		bq.outs = append(bq.outs, outs...)
	}
	if q.Having != nil {
		h, err := b.bind(q.Having, modeGroup)
		if err != nil {
			return err
		}
		if h.kind() == kStr {
			return errorf(q.Having.Pos(), "the HAVING condition must be a comparison, a truth value or a number, got a string")
		}
		bq.having = h
	}
	return bq.bindOrder(m)
}

// bindKeys binds the GROUP BY expressions (v.* stands for all columns of v).
func (bq *query) bindKeys() error {
	b := bq.b
	b.where = "GROUP BY"
	for _, g := range bq.q.GroupBy {
		if st, ok := g.(*sqlast.Star); ok {
			cols, err := b.s.starColumns(st)
			if err != nil {
				return err
			}
			for _, tc := range cols {
				c := b.column(tc[0], tc[1])
				b.keys = append(b.keys, groupKey{canon: canonCol(tc[0], tc[1]), b: c, src: c})
			}
			continue
		}
		e, err := b.bind(g, modeRow)
		if err != nil {
			return err
		}
		c, err := b.canon(g)
		if err != nil {
			return err
		}
		src, _ := e.(*colExpr)
		b.keys = append(b.keys, groupKey{canon: c, b: e, src: src})
	}
	return nil
}

// bindItem binds one select item into its output columns.
func (bq *query) bindItem(it *sqlast.SelectItem, m mode) ([]outCol, error) {
	b := bq.b
	if st, ok := it.Expr.(*sqlast.Star); ok {
		cols, err := b.s.starColumns(st)
		if err != nil {
			return nil, err
		}
		var outs []outCol
		for _, tc := range cols {
			o := outCol{label: b.s.label(tc[0], tc[1]), pos: st.StarPos, canon: canonCol(tc[0], tc[1]), copy: true, tab: tc[0], col: tc[1]}
			if m == modeGroup && bq.keyIndex(o.canon) < 0 {
				return nil, errorf(st.StarPos, "column %s must appear in GROUP BY or be used in an aggregate (the star selects it)", o.label)
			}
			outs = append(outs, o)
		}
		return outs, nil
	}
	e, err := b.bind(it.Expr, m)
	if err != nil {
		return nil, err
	}
	c, err := b.canon(it.Expr)
	if err != nil {
		return nil, err
	}
	o := outCol{label: it.Label(), pos: it.Expr.Pos(), canon: c, e: e}
	if it.Alias != "" {
		o.pos = it.AliasPos
	}
	switch x := e.(type) {
	case *cmpExpr:
		if x.ck == kFloat {
			o.vt = types.F64 // DAPHNE compares float columns into f64 0/1
		}
	case *colExpr:
		o.copy, o.tab, o.col = true, x.tab, x.col
	case *keyExpr:
		if src := b.keys[x.i].src; src != nil {
			o.copy, o.tab, o.col = true, src.tab, src.col
		}
	case *aggExpr:
		a := b.aggs[x.i]
		switch {
		case a.fn == "count" && len(bq.q.GroupBy) > 0:
			o.vt = types.UI64 // DAPHNE's group kernel counts in ui64
		case a.src != nil && (a.fn == "min" || a.fn == "max" || a.fn == "sum" && a.src.k != kBool):
			o.vt = b.vtOf(a.src) // DAPHNE keeps the column's value type
		}
	}
	return []outCol{o}, nil
}

func canonCol(tab, col int) string { return fmt.Sprintf("#%d.%d", tab, col) }

func (bq *query) keyIndex(canon string) int {
	for i, k := range bq.b.keys {
		if k.canon == canon {
			return i
		}
	}
	return -1
}

// materialize computes the output columns over an env; rows(t) gives the
// rows of view t for copied columns (nil: all).
func (bq *query) materialize(e *env, rows func(t int) []int32) ([]data.Matrix, error) {
	cols := make([]data.Matrix, len(bq.outs))
	for i, o := range bq.outs {
		var err error
		if o.copy {
			cols[i], err = frameColumn(bq.b.s, o.tab, o.col, rows(o.tab))
		} else {
			var v vec
			if v, err = o.e.eval(e); err == nil {
				cols[i] = toMatrix(v, e.n)
				if o.vt != types.Unknown {
					cols[i], err = data.ConvertMatrix(cols[i], o.vt)
				}
			}
		}
		if err != nil {
			return nil, err
		}
	}
	return cols, nil
}
