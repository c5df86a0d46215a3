package pass

import (
	"fmt"
	"sort"
	"strings"

	"github.com/daphne-go/daphne/ir"
	"github.com/daphne-go/daphne/sql"
	"github.com/daphne-go/daphne/types"
)

// sqlcheck parses the query of every sql op whose argument is a constant
// string and reports, as DAPHNE's SQL parser does while compiling:
//
//   - syntax errors;
//   - views that no registerView call of the program registers (checked
//     only when every registerView call names its view by a constant
//     string, since otherwise any name might be registered at run time);
//   - column references no view of the query has, or has twice, when the
//     labels of every view of the query are known: each registerView of
//     that name registers a createFrame (a frame literal lowers to one)
//     with constant labels. A view registered several times accepts the
//     labels of all its frames.
//
// Other mistakes (unknown columns of frames whose labels are computed,
// type errors, misused aggregates) are reported by the sql op when it
// runs, also with exit code 2. There is no flow analysis: a registerView
// anywhere in the program counts.
func sqlcheck(s *state) error {
	reg := registeredViews(s.m)
	var first error
	for _, f := range s.m.Funcs {
		forEachOp(f.Body, func(op *ir.Op) {
			if first != nil || op.Kind != ir.KindCall || op.Name != "sql" || len(op.Args) != 1 {
				return
			}
			c := constOf(op.Args[0])
			if c == nil || c.VT != types.Str {
				return
			}
			if err := reg.check(c.S); err != nil {
				first = &SQLError{Loc: op.Loc, Err: err}
			}
		})
	}
	return first
}

// viewRegs is what the program's registerView calls tell statically.
type viewRegs struct {
	names   map[string]bool
	dynamic bool // some call names its view by a non-constant
	// labels of each view name (nil: some registration's labels are not
	// known), as the names the columns are referenced by, and the same in
	// order of first appearance for messages.
	labels map[string]map[string]bool
	order  map[string][]string
}

// registeredViews collects the registerView calls of m.
func registeredViews(m *ir.Module) *viewRegs {
	r := &viewRegs{names: map[string]bool{}, labels: map[string]map[string]bool{}, order: map[string][]string{}}
	unknown := map[string]bool{}
	for _, f := range m.Funcs {
		forEachOp(f.Body, func(op *ir.Op) {
			if op.Kind != ir.KindCall || op.Name != "registerView" || len(op.Args) != 2 {
				return
			}
			c := constOf(op.Args[0])
			if c == nil || c.VT != types.Str {
				r.dynamic = true
				return
			}
			r.names[c.S] = true
			ls := frameLabels(op.Args[1])
			if ls == nil {
				unknown[c.S] = true
				return
			}
			if r.labels[c.S] == nil {
				r.labels[c.S] = map[string]bool{}
			}
			for _, l := range ls {
				if !r.labels[c.S][l] {
					r.labels[c.S][l] = true
					r.order[c.S] = append(r.order[c.S], l)
				}
			}
		})
	}
	for n := range unknown {
		delete(r.labels, n)
	}
	return r
}

// frameLabels returns the labels of a frame made by createFrame with n
// columns and n constant labels, as the names SQL references them by (an
// existing prefix "x." removed); nil if they are not known.
func frameLabels(v *ir.Value) []string {
	d := v.Def
	if d == nil || d.Kind != ir.KindCall || d.Name != "createFrame" || len(d.Args) == 0 || len(d.Args)%2 != 0 {
		return nil
	}
	n := len(d.Args) / 2
	ls := make([]string, n)
	for i, a := range d.Args[n:] {
		c := constOf(a)
		if c == nil || c.VT != types.Str || a.Type.DT != types.Scalar {
			return nil
		}
		ls[i] = c.S
		if j := strings.IndexByte(c.S, '.'); j >= 0 {
			ls[i] = c.S[j+1:]
		}
	}
	return ls
}

// check parses q and checks its views and columns.
func (r *viewRegs) check(q string) error {
	parsed, err := sql.Parse(q)
	if err != nil || r.dynamic {
		return err
	}
	for _, t := range parsed.Views() {
		if !r.names[t.Name] {
			return &sql.Error{Pos: t.NamePos, Msg: fmt.Sprintf("unknown view %q (no registerView call registers it; registered views: %s)", t.Name, sortedList(r.names))}
		}
	}
	return r.checkColumns(parsed)
}

// checkColumns checks the column references of a query whose views are
// all registered.
func (r *viewRegs) checkColumns(q *sql.Query) error {
	views := q.Views()
	prefixes := map[string]string{} // prefix -> view name
	allKnown := true
	for _, t := range views {
		if _, dup := prefixes[t.Prefix()]; dup {
			return nil // the sql op reports it
		}
		prefixes[t.Prefix()] = t.Name
		allKnown = allKnown && r.labels[t.Name] != nil
	}
	aliases := map[string]bool{}
	for _, it := range q.Items {
		aliases[it.Alias] = true
	}
	var first error
	visit := func(e sql.Expr) {
		sql.Walk(e, func(x sql.Expr) {
			if c, ok := x.(*sql.ColumnRef); ok && first == nil {
				first = r.checkColumn(c, views, prefixes, allKnown, aliases)
			}
		})
	}
	for _, it := range q.Items {
		visit(it.Expr)
	}
	for _, j := range q.Joins {
		visit(j.On)
	}
	for _, e := range append([]sql.Expr{q.Where, q.Having}, q.GroupBy...) {
		visit(e)
	}
	for _, o := range q.OrderBy {
		visit(o.Expr)
	}
	return first
}

// checkColumn checks one column reference (unqualified ones only when the
// labels of every view are known, and not if the name is an alias).
func (r *viewRegs) checkColumn(c *sql.ColumnRef, views []*sql.TableRef, prefixes map[string]string, allKnown bool, aliases map[string]bool) error {
	if c.Table != "" {
		view, ok := prefixes[c.Table]
		if !ok {
			return &sql.Error{Pos: c.TablePos, Msg: fmt.Sprintf("unknown view or alias %q in %s.%s", c.Table, c.Table, c.Column)}
		}
		if ls := r.labels[view]; ls != nil && !ls[c.Column] {
			return &sql.Error{Pos: c.TablePos, Msg: fmt.Sprintf("unknown column \"%s.%s\" (view %s has %s)", c.Table, c.Column, c.Table, strings.Join(r.order[view], ", "))}
		}
		return nil
	}
	if !allKnown || aliases[c.Column] {
		return nil
	}
	var hits []string
	for _, t := range views {
		if r.labels[t.Name][c.Column] {
			hits = append(hits, t.Prefix()+"."+c.Column)
		}
	}
	switch {
	case len(hits) == 0:
		var all []string
		for _, t := range views {
			for _, l := range r.order[t.Name] {
				all = append(all, t.Prefix()+"."+l)
			}
		}
		return &sql.Error{Pos: c.ColPos, Msg: fmt.Sprintf("unknown column %q (the views have %s)", c.Column, strings.Join(all, ", "))}
	case len(hits) > 1:
		return &sql.Error{Pos: c.ColPos, Msg: fmt.Sprintf("ambiguous column %q (could be %s); qualify it with its view", c.Column, strings.Join(hits, " or "))}
	}
	return nil
}

func sortedList(set map[string]bool) string {
	names := make([]string, 0, len(set))
	for n := range set {
		names = append(names, n)
	}
	if len(names) == 0 {
		return "none"
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// SQLError is a malformed query, or a query naming a view or column that
// is never registered, found at compile time.
type SQLError struct {
	Loc ir.Loc // of the sql call
	Err error  // a *sql.Error with the position in the query
}

// Error formats the error as "file:line:col: sql: line:col: message".
func (e *SQLError) Error() string {
	if e.Loc.IsValid() {
		return e.Loc.String() + ": " + e.Err.Error()
	}
	return e.Err.Error()
}

// Unwrap returns the query error.
func (e *SQLError) Unwrap() error { return e.Err }
