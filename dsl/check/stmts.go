package check

import "github.com/daphne-go/daphne/dsl/ast"

// Assigned returns the names assigned anywhere in s (including nested
// blocks, branches and loops, and left-indexing targets), in order of first
// appearance. A loop's carried variables are the visible ones among them.
func Assigned(s ast.Stmt) []string {
	var out []string
	seen := map[string]bool{}
	var walk func(ast.Stmt)
	walk = func(s ast.Stmt) {
		switch x := s.(type) {
		case *ast.Assign:
			for _, t := range x.Targets {
				if !seen[t.Name] {
					seen[t.Name] = true
					out = append(out, t.Name)
				}
			}
		case *ast.Block:
			for _, st := range x.Stmts {
				walk(st)
			}
		case *ast.If:
			walk(x.Then)
			if x.Else != nil {
				walk(x.Else)
			}
		case *ast.While:
			walk(x.Body)
		case *ast.For:
			walk(x.Body)
		}
	}
	walk(s)
	return out
}

// HasReturn reports whether s contains a return statement (not looking
// into function definitions).
func HasReturn(s ast.Stmt) bool {
	switch x := s.(type) {
	case *ast.Return:
		return true
	case *ast.Block:
		for _, st := range x.Stmts {
			if HasReturn(st) {
				return true
			}
		}
	case *ast.If:
		return HasReturn(x.Then) || (x.Else != nil && HasReturn(x.Else))
	case *ast.While:
		return HasReturn(x.Body)
	case *ast.For:
		return HasReturn(x.Body)
	}
	return false
}

// AlwaysReturns reports whether every path through s ends in a return.
func AlwaysReturns(s ast.Stmt) bool {
	switch x := s.(type) {
	case *ast.Return:
		return true
	case *ast.Block:
		for _, st := range x.Stmts {
			if AlwaysReturns(st) {
				return true
			}
		}
	case *ast.If:
		return x.Else != nil && AlwaysReturns(x.Then) && AlwaysReturns(x.Else)
	}
	return false
}
