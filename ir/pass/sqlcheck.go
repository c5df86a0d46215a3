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
// string and reports, as DAPHNE's SQL parser does while compiling, syntax
// errors and views that no registerView call of the program registers.
// Views are checked only when every registerView call names its view by a
// constant string (otherwise any name might be registered at run time).
// Names of columns cannot be checked here: frame types carry no labels;
// the sql op reports them as compile errors when it runs.
func sqlcheck(s *state) error {
	views, dynamic := registeredViews(s.m)
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
			if err := checkQuery(c.S, views, dynamic); err != nil {
				first = &SQLError{Loc: op.Loc, Err: err}
			}
		})
	}
	return first
}

// registeredViews returns the constant view names of all registerView
// calls, and whether some call names its view by a non-constant.
func registeredViews(m *ir.Module) (map[string]bool, bool) {
	views := map[string]bool{}
	dynamic := false
	for _, f := range m.Funcs {
		forEachOp(f.Body, func(op *ir.Op) {
			if op.Kind != ir.KindCall || op.Name != "registerView" || len(op.Args) == 0 {
				return
			}
			if c := constOf(op.Args[0]); c != nil && c.VT == types.Str {
				views[c.S] = true
			} else {
				dynamic = true
			}
		})
	}
	return views, dynamic
}

// checkQuery parses q and checks its views.
func checkQuery(q string, views map[string]bool, dynamic bool) error {
	parsed, err := sql.Parse(q)
	if err != nil || dynamic {
		return err
	}
	for _, t := range parsed.Views() {
		if !views[t.Name] {
			names := make([]string, 0, len(views))
			for n := range views {
				names = append(names, n)
			}
			sort.Strings(names)
			known := "none"
			if len(names) > 0 {
				known = strings.Join(names, ", ")
			}
			return &sql.Error{Pos: t.NamePos, Msg: fmt.Sprintf("unknown view %q (no registerView call registers it; registered views: %s)", t.Name, known)}
		}
	}
	return nil
}

// SQLError is a malformed query, or a query naming a view that is never
// registered, found at compile time.
type SQLError struct {
	Loc ir.Loc // of the sql call
	Err error  // a *sql.Error with the position in the query
}

func (e *SQLError) Error() string {
	if e.Loc.IsValid() {
		return e.Loc.String() + ": " + e.Err.Error()
	}
	return e.Err.Error()
}

// Unwrap returns the query error.
func (e *SQLError) Unwrap() error { return e.Err }
