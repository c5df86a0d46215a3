package parser

import (
	"strings"
	"testing"

	"github.com/daphne-go/daphne/dsl/ast"
)

// parseExpr parses src as the right-hand side of an assignment.
func parseExpr(t *testing.T, src string) ast.Expr {
	t.Helper()
	s, err := ParseFile("", []byte("x = "+src+";"))
	if err != nil {
		t.Fatalf("parse %q: %v", src, err)
	}
	if len(s.Stmts) != 1 {
		t.Fatalf("parse %q: %d statements", src, len(s.Stmts))
	}
	a, ok := s.Stmts[0].(*ast.Assign)
	if !ok {
		t.Fatalf("parse %q: got %T", src, s.Stmts[0])
	}
	return a.Value
}

// fprint prints n with ast.Fprint, trimming the final newline.
func fprint(t *testing.T, n ast.Node) string {
	t.Helper()
	var b strings.Builder
	if err := ast.Fprint(&b, n); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// dump returns ast.Dump of n.
func dump(t *testing.T, n ast.Node) string {
	t.Helper()
	var b strings.Builder
	if err := ast.Dump(&b, n); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
