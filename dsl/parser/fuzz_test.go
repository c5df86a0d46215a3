package parser

import (
	"bytes"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/dsl/ast"
	"github.com/daphne-go/daphne/dsl/token"
)

// addSeeds adds every testdata/*.daph file and a few small inputs.
func addSeeds(f *testing.F) {
	for _, file := range testdataFiles(f) {
		src, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	for _, s := range []string{"", "x = 1;", "X[[, [1]]]", "{{", "\"", "/*", "1e", "a ? b : c ? d : e;"} {
		f.Add([]byte(s))
	}
}

// inside reports whether p is a position in src: a real byte position or
// the position just after the last byte of a line (where EOF sits).
func inside(src []byte, p token.Pos) bool {
	lines := bytes.Split(src, []byte("\n"))
	if p.Line < 1 || p.Line > len(lines) {
		return false
	}
	return p.Col >= 1 && p.Col <= len(lines[p.Line-1])+1
}

func checkErrorPositions(t *testing.T, src []byte, err error) {
	t.Helper()
	if err == nil {
		return
	}
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("error of type %T: %v", err, err)
	}
	if len(list) == 0 {
		t.Fatal("non-nil error with an empty list")
	}
	for _, e := range list {
		if !inside(src, e.Pos.Pos) {
			t.Errorf("error outside the input: %v", e)
		}
	}
}

func FuzzScan(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		toks, err := Tokenize("", src)
		checkErrorPositions(t, src, err)
		if len(toks) == 0 || toks[len(toks)-1].Kind != token.EOF {
			t.Fatal("token list does not end with EOF")
		}
		prev := token.Pos{Line: 1, Col: 0}
		for _, tk := range toks {
			if !inside(src, tk.Pos) {
				t.Fatalf("token %v at %s outside the input", tk, tk.Pos)
			}
			if tk.Pos.Line < prev.Line || tk.Pos.Line == prev.Line && tk.Pos.Col <= prev.Col && tk.Kind != token.EOF {
				t.Fatalf("token %v at %s does not follow %s", tk, tk.Pos, prev)
			}
			prev = tk.Pos
			if tk.Kind == token.ILLEGAL && err == nil {
				t.Fatalf("ILLEGAL token %v without an error", tk)
			}
		}
	})
}

func FuzzParse(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		s, err := ParseFile("fuzz.daph", src)
		if s == nil {
			t.Fatal("nil script")
		}
		checkErrorPositions(t, src, err)
		forEachPos(reflect.ValueOf(s), func(p token.Pos) {
			if p.IsValid() && !inside(src, p) {
				t.Fatalf("node position %s outside the input", p)
			}
		})
	})
}

func FuzzRoundTrip(f *testing.F) {
	addSeeds(f)
	for seed := range uint64(20) { // error-free starting points
		var b strings.Builder
		if err := ast.Fprint(&b, randomScript(seed)); err != nil {
			f.Fatal(err)
		}
		f.Add([]byte(b.String()))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if _, err := ParseFile("fuzz.daph", src); err != nil {
			return
		}
		if msg := roundTrip("fuzz.daph", src); msg != "" {
			t.Fatal(msg)
		}
	})
}

// forEachPos calls f with every token.Pos reachable from v.
func forEachPos(v reflect.Value, f func(token.Pos)) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			forEachPos(v.Elem(), f)
		}
	case reflect.Struct:
		if p, ok := v.Interface().(token.Pos); ok {
			f(p)
			return
		}
		for i := 0; i < v.NumField(); i++ {
			forEachPos(v.Field(i), f)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			forEachPos(v.Index(i), f)
		}
	}
}
