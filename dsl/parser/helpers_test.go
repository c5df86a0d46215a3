package parser

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/dsl/ast"
	"github.com/daphne-go/daphne/dsl/token"
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

var posType = reflect.TypeOf(token.Pos{})

// stripPos zeroes every token.Pos reachable from v (a pointer), so that
// trees parsed from differently formatted sources compare equal.
func stripPos(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			stripPos(v.Elem())
		}
	case reflect.Struct:
		if v.Type() == posType {
			if v.CanSet() {
				v.Set(reflect.Zero(posType))
			}
			return
		}
		for i := 0; i < v.NumField(); i++ {
			stripPos(v.Field(i))
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			stripPos(v.Index(i))
		}
	}
}

// shape returns the dump of n without positions.
func shape(n ast.Node) string {
	stripPos(reflect.ValueOf(n))
	var b strings.Builder
	if err := ast.Dump(&b, n); err != nil {
		return "dump error: " + err.Error()
	}
	return b.String()
}

// roundTrip checks, for error-free src, that parse(print(parse(src))) equals
// parse(src) up to positions and that printing is idempotent. It returns a
// description of the first failure or "".
func roundTrip(name string, src []byte) string {
	s1, err := ParseFile(name, src)
	if err != nil {
		return "source does not parse: " + err.Error()
	}
	var p1 strings.Builder
	if err := ast.Fprint(&p1, s1); err != nil {
		return "Fprint: " + err.Error()
	}
	s2, err := ParseFile(name, []byte(p1.String()))
	if err != nil {
		return fmt.Sprintf("printed source does not parse: %v\nprinted:\n%s", err, p1.String())
	}
	var p2 strings.Builder
	if err := ast.Fprint(&p2, s2); err != nil {
		return "Fprint: " + err.Error()
	}
	if p1.String() != p2.String() {
		return fmt.Sprintf("printing is not idempotent:\nfirst:\n%s\nsecond:\n%s", p1.String(), p2.String())
	}
	if d1, d2 := shape(s1), shape(s2); d1 != d2 {
		return fmt.Sprintf("trees differ after round trip:\nprinted:\n%s\nbefore:\n%s\nafter:\n%s", p1.String(), d1, d2)
	}
	return ""
}
