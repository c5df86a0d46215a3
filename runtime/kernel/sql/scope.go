package sql

import (
	"fmt"
	"sort"
	"strings"

	"github.com/daphne-go/daphne/runtime/data"
	sqlast "github.com/daphne-go/daphne/sql"
)

// maxTables bounds the views of one query (tables are tracked in a bit set).
const maxTables = 64

// table is one view of the FROM clause (and JOINs).
type table struct {
	prefix string // the alias, or the view name
	f      *data.Frame
	names  []string // the names its columns are referenced by
}

// scope is the list of views a query reads, in FROM-then-JOIN order.
type scope struct {
	tabs []*table
}

// colName returns the name a view's column is referenced by: its label
// with an existing prefix ("x.a" -> "a") removed, as DAPHNE's
// setColLabelsPrefix replaces a prefix.
func colName(label string) string {
	if i := strings.IndexByte(label, '.'); i >= 0 {
		return label[i+1:]
	}
	return label
}

// newScope looks up the views of q.
func newScope(views map[string]*data.Frame, q *sqlast.Query) (*scope, error) {
	refs := q.Views()
	if len(refs) > maxTables {
		return nil, errorf(refs[maxTables].NamePos, "a query may read at most %d views", maxTables)
	}
	s := &scope{}
	seen := map[string]bool{}
	for _, r := range refs {
		f, ok := views[r.Name]
		if !ok {
			return nil, errorf(r.NamePos, "unknown view %q (registered views: %s)", r.Name, joinNames(viewNames(views)))
		}
		p := r.Prefix()
		if seen[p] {
			pos := r.NamePos
			if r.Alias != "" {
				pos = r.AliasPos
			}
			return nil, errorf(pos, "view or alias %q is used twice in FROM (give one of them an alias)", p)
		}
		seen[p] = true
		t := &table{prefix: p, f: f, names: make([]string, f.Cols())}
		for j := range t.names {
			t.names[j] = colName(f.Label(j))
		}
		s.tabs = append(s.tabs, t)
	}
	return s, nil
}

func viewNames(views map[string]*data.Frame) []string {
	ns := make([]string, 0, len(views))
	for n := range views {
		ns = append(ns, n)
	}
	sort.Strings(ns)
	return ns
}

// errorf returns a mistake in the query (a compile-time error in DAPHNE).
func errorf(pos sqlast.Pos, format string, args ...any) error {
	return &sqlast.Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// tableByPrefix returns the index of the view with the given prefix.
func (s *scope) tableByPrefix(p string) int {
	for i, t := range s.tabs {
		if t.prefix == p {
			return i
		}
	}
	return -1
}

// resolve finds the view and column a reference names.
func (s *scope) resolve(c *sqlast.ColumnRef) (tab, col int, err error) {
	if c.Table != "" {
		tab = s.tableByPrefix(c.Table)
		if tab < 0 {
			return 0, 0, errorf(c.TablePos, "unknown view or alias %q in %s.%s (the query reads %s)", c.Table, c.Table, c.Column, joinNames(s.prefixes()))
		}
		t := s.tabs[tab]
		found := -1
		for j, n := range t.names {
			if n == c.Column {
				if found >= 0 {
					return 0, 0, errorf(c.ColPos, "ambiguous column \"%s.%s\" (view %s has two columns named %s)", c.Table, c.Column, t.prefix, c.Column)
				}
				found = j
			}
		}
		if found < 0 {
			return 0, 0, errorf(c.Pos(), "unknown column \"%s.%s\" (view %s has %s)", c.Table, c.Column, t.prefix, joinNames(t.names))
		}
		return tab, found, nil
	}
	var hits []string
	for i, t := range s.tabs {
		for j, n := range t.names {
			if n == c.Column {
				if len(hits) == 0 {
					tab, col = i, j
				}
				hits = append(hits, t.prefix+"."+n)
			}
		}
	}
	switch len(hits) {
	case 0:
		return 0, 0, errorf(c.ColPos, "unknown column %q (the views have %s)", c.Column, joinNames(s.qualifiedNames()))
	case 1:
		return tab, col, nil
	}
	return 0, 0, errorf(c.ColPos, "ambiguous column %q (could be %s); qualify it with its view", c.Column, strings.Join(hits, " or "))
}

func (s *scope) prefixes() []string {
	ps := make([]string, len(s.tabs))
	for i, t := range s.tabs {
		ps[i] = t.prefix
	}
	return ps
}

func (s *scope) qualifiedNames() []string {
	var ns []string
	for _, t := range s.tabs {
		for _, n := range t.names {
			ns = append(ns, t.prefix+"."+n)
		}
	}
	return ns
}

// starColumns returns the (view, column) pairs a star stands for.
func (s *scope) starColumns(st *sqlast.Star) ([][2]int, error) {
	var cols [][2]int
	for i, t := range s.tabs {
		if st.Table != "" && t.prefix != st.Table {
			continue
		}
		for j := range t.names {
			cols = append(cols, [2]int{i, j})
		}
	}
	if st.Table != "" && s.tableByPrefix(st.Table) < 0 {
		return nil, errorf(st.StarPos, "unknown view or alias %q in %s.* (the query reads %s)", st.Table, st.Table, joinNames(s.prefixes()))
	}
	return cols, nil
}

// label returns the result label of a column selected by a star.
func (s *scope) label(tab, col int) string {
	t := s.tabs[tab]
	return t.prefix + "." + t.names[col]
}
