package sql

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/daphne-go/daphne/runtime/data"
	sqlast "github.com/daphne-go/daphne/sql"
	"github.com/daphne-go/daphne/types"
)

// A naive reference implementation of the dialect's semantics for the
// executor tests: the cartesian product of the views row by row (left
// major), each condition evaluated per row on interface values, groups in
// a map sorted by key afterwards, DISTINCT by sorting all rows, a stable
// sort for ORDER BY. It handles the well-formed queries of the test
// generator (qualified column references; group keys repeated verbatim).

type refRow []any // one value per column of every view, views in order

type refTable struct {
	prefix string
	names  []string
	rows   [][]any
}

type refDB struct {
	tabs []refTable
	off  []int // first column of each view in a refRow
}

func refTables(views map[string]*data.Frame, q *sqlast.Query) *refDB {
	db := &refDB{}
	off := 0
	for _, r := range q.Views() {
		f := views[r.Name]
		t := refTable{prefix: r.Prefix()}
		for j := 0; j < f.Cols(); j++ {
			t.names = append(t.names, f.Label(j))
		}
		for i := 0; i < f.Rows(); i++ {
			row := make([]any, f.Cols())
			for j := range row {
				s, err := data.MatrixCell(f.Column(j), i, 0)
				if err != nil {
					panic(err)
				}
				row[j] = scalarAny(s)
			}
			t.rows = append(t.rows, row)
		}
		db.tabs = append(db.tabs, t)
		db.off = append(db.off, off)
		off += f.Cols()
	}
	return db
}

func scalarAny(s *data.Scalar) any {
	switch {
	case s.VT == types.Str:
		return s.S
	case s.VT == types.Bool:
		return asInt(s.Truth())
	case s.VT.IsFloat():
		return s.F
	case s.VT.IsSigned():
		return s.I
	}
	return int64(s.U)
}

// column returns the position of v.c in a refRow.
func (db *refDB) column(c *sqlast.ColumnRef) int {
	for i, t := range db.tabs {
		for j, n := range t.names {
			if (c.Table == "" || c.Table == t.prefix) && n == c.Column {
				return db.off[i] + j
			}
		}
	}
	panic("reference: unknown column " + sqlast.ExprString(c))
}

// product returns the cartesian product, left-major.
func (db *refDB) product() []refRow {
	rows := []refRow{{}}
	for _, t := range db.tabs {
		var next []refRow
		for _, r := range rows {
			for _, tr := range t.rows {
				next = append(next, append(append(refRow{}, r...), tr...))
			}
		}
		rows = next
	}
	return rows
}

// refRun runs q and returns the result rows (values normalised: truth
// values as 0/1 ints) and labels.
func refRun(views map[string]*data.Frame, q *sqlast.Query) ([][]any, []string) {
	db := refTables(views, q)
	var rows []refRow
	for _, r := range db.product() {
		ok := true
		for _, j := range q.Joins {
			ok = ok && truthy(db.eval(j.On, r, nil, nil))
		}
		if ok && q.Where != nil {
			ok = truthy(db.eval(q.Where, r, nil, nil))
		}
		if ok {
			rows = append(rows, r)
		}
	}
	grouped := len(q.GroupBy) > 0 || q.Having != nil || hasAggregate(q)
	type unit struct {
		row refRow
		g   *refGroup
	}
	var units []unit
	if grouped {
		byKey := map[string]*refGroup{}
		var groups []*refGroup
		for _, r := range rows {
			var keys []any
			for _, k := range q.GroupBy {
				keys = append(keys, db.eval(k, r, nil, nil))
			}
			id := fmt.Sprint(keys...)
			g, ok := byKey[id]
			if !ok {
				g = &refGroup{keys: keys}
				byKey[id] = g
				groups = append(groups, g)
			}
			g.rows = append(g.rows, r)
		}
		if len(q.GroupBy) == 0 && len(groups) == 0 {
			groups = append(groups, &refGroup{})
		}
		slices.SortFunc(groups, func(a, b *refGroup) int { return cmpRow(a.keys, b.keys) })
		for _, g := range groups {
			if q.Having == nil || truthy(db.eval(q.Having, nil, g, q.GroupBy)) {
				units = append(units, unit{g: g})
			}
		}
	} else {
		for _, r := range rows {
			units = append(units, unit{row: r})
		}
	}
	var labels []string
	for _, it := range q.Items {
		if st, ok := it.Expr.(*sqlast.Star); ok {
			for _, t := range db.tabs {
				if st.Table == "" || st.Table == t.prefix {
					for _, n := range t.names {
						labels = append(labels, t.prefix+"."+n)
					}
				}
			}
		} else {
			labels = append(labels, it.Label())
		}
	}
	project := func(u unit) []any {
		var out []any
		for _, it := range q.Items {
			if st, ok := it.Expr.(*sqlast.Star); ok {
				for i, t := range db.tabs {
					if st.Table == "" || st.Table == t.prefix {
						for j := range t.names {
							if u.g != nil {
								out = append(out, u.g.rows[0][db.off[i]+j])
							} else {
								out = append(out, u.row[db.off[i]+j])
							}
						}
					}
				}
				continue
			}
			out = append(out, norm(db.eval(it.Expr, u.row, u.g, q.GroupBy)))
		}
		return out
	}
	type res struct {
		out  []any
		keys []any
	}
	var results []res
	for _, u := range units {
		r := res{out: project(u)}
		for _, o := range q.OrderBy {
			r.keys = append(r.keys, refOrderKey(db, q, o.Expr, u.row, u.g, r.out, labels))
		}
		results = append(results, r)
	}
	if q.Distinct {
		slices.SortStableFunc(results, func(a, b res) int { return cmpRow(a.out, b.out) })
		results = slices.CompactFunc(results, func(a, b res) bool { return cmpRow(a.out, b.out) == 0 })
	}
	slices.SortStableFunc(results, func(a, b res) int {
		for i, o := range q.OrderBy {
			c := cmpAny(a.keys[i], b.keys[i])
			if o.Desc {
				c = -c
			}
			if c != 0 {
				return c
			}
		}
		return 0
	})
	if q.Limit != nil && int(q.Limit.Value) < len(results) {
		results = results[:q.Limit.Value]
	}
	var out [][]any
	for _, r := range results {
		out = append(out, r.out)
	}
	return out, labels
}

// refOrderKey evaluates an ORDER BY key: a position, an alias, a selected
// expression (with DISTINCT) or an expression over the row or group.
func refOrderKey(db *refDB, q *sqlast.Query, e sqlast.Expr, row refRow, g *refGroup, out []any, labels []string) any {
	if p, ok := e.(*sqlast.IntLit); ok {
		return out[p.Value-1]
	}
	if c, ok := e.(*sqlast.ColumnRef); ok && c.Table == "" {
		for i, l := range labels {
			if l == c.Column {
				return out[i]
			}
		}
	}
	if q.Distinct {
		for i, it := range q.Items {
			if sqlast.ExprString(it.Expr) == sqlast.ExprString(e) {
				return out[i]
			}
		}
	}
	return norm(db.eval(e, row, g, q.GroupBy))
}

func norm(v any) any {
	if b, ok := v.(bool); ok {
		return asInt(b)
	}
	return v
}

func cmpRow(a, b []any) int {
	for i := range a {
		if c := cmpAny(a[i], b[i]); c != 0 {
			return c
		}
	}
	return 0
}

// frameRows returns the rows of f as interface values.
func frameRows(f *data.Frame) [][]any {
	var rows [][]any
	for i := 0; i < f.Rows(); i++ {
		var r []any
		for j := 0; j < f.Cols(); j++ {
			s, err := data.MatrixCell(f.Column(j), i, 0)
			if err != nil {
				panic(err)
			}
			r = append(r, scalarAny(s))
		}
		rows = append(rows, r)
	}
	return rows
}

// sameValue compares two result values (floats to 1e-9 relative).
func sameValue(a, b any) bool {
	fa, aok := a.(float64)
	fb, bok := b.(float64)
	if aok || bok {
		if !aok || !bok {
			_, ai := a.(int64)
			_, bi := b.(int64)
			if !(ai || aok) || !(bi || bok) {
				return false
			}
			fa, fb = asF(a), asF(b)
		}
		return fa == fb || math.Abs(fa-fb) <= 1e-9*math.Max(math.Abs(fa), math.Abs(fb)) || fa != fa && fb != fb
	}
	return a == b
}

func rowsString(rows [][]any) string {
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintln(&b, r...)
	}
	return b.String()
}
