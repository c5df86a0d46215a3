package sql

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse checks that Parse never panics, that error positions lie in
// the query, and that printing a parsed query and parsing it again gives
// the same print.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.sql")
	for _, file := range files {
		if src, err := os.ReadFile(file); err == nil {
			f.Add(string(src))
		}
	}
	for _, s := range []string{"SELECT a FROM f", "SELECT count(*) FROM f GROUP BY f.a HAVING 1 = 1",
		"SELECT 'a''b', \"c\" FROM f JOIN g ON f.a = g.a ORDER BY 1 DESC LIMIT 2", "SELECT - - -1e5 FROM x WHERE NOT a NOT BETWEEN 1 AND 2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		q, err := Parse(src)
		if err != nil {
			e, ok := err.(*Error)
			if !ok {
				t.Fatalf("error %v is not an *Error", err)
			}
			if !inside(src, e.Pos) {
				t.Fatalf("error position %s outside the query %q", e.Pos, src)
			}
			return
		}
		forEachPos(reflect.ValueOf(q), func(p Pos) {
			if p.IsValid() && !inside(src, p) {
				t.Fatalf("node position %s outside the query %q", p, src)
			}
		})
		printed := q.String()
		q2, err := Parse(printed)
		if err != nil {
			t.Fatalf("reparse of %q (from %q): %v", printed, src, err)
		}
		if q2.String() != printed {
			t.Fatalf("print not stable: %q then %q", printed, q2.String())
		}
	})
}

// inside reports whether p is a position in src or just after its end.
func inside(src string, p Pos) bool {
	lines := strings.Split(src, "\n")
	if p.Line < 1 || p.Line > len(lines) {
		return false
	}
	return p.Col >= 1 && p.Col <= utf8.RuneCountInString(lines[p.Line-1])+1
}

// forEachPos calls fn on every Pos inside v.
func forEachPos(v reflect.Value, fn func(Pos)) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			forEachPos(v.Elem(), fn)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			forEachPos(v.Index(i), fn)
		}
	case reflect.Struct:
		if p, ok := v.Interface().(Pos); ok {
			fn(p)
			return
		}
		for i := 0; i < v.NumField(); i++ {
			forEachPos(v.Field(i), fn)
		}
	}
}
