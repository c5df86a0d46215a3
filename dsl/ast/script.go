package ast

import "github.com/daphne-go/daphne/dsl/token"

// Pos returns the position of the first statement, or the zero Pos for an
// empty script, so that a *Script is a Node and can be given to Fprint and
// Dump.
func (s *Script) Pos() token.Pos {
	if len(s.Stmts) == 0 {
		return token.Pos{}
	}
	return s.Stmts[0].Pos()
}
