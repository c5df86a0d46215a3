package ir

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/ir/irtest"
)

// FuzzParse feeds arbitrary text to Parse. It must never panic, and an
// error's position must lie within the input; when the
// text parses, printing must be idempotent, and when it also verifies, the
// re-parsed module must verify too.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txt")
	for _, path := range files {
		text, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		cases, _, err := irtest.ParseFile(string(text))
		if err != nil {
			f.Fatal(err)
		}
		for _, c := range cases {
			f.Add(c.Input)
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		m, err := Parse(src)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a *ParseError", err)
			}
			lines := strings.Split(src, "\n")
			if pe.Line < 1 || pe.Line > len(lines) || pe.Col < 1 || pe.Col > len(lines[pe.Line-1])+1 {
				t.Fatalf("error position %d:%d lies outside the input", pe.Line, pe.Col)
			}
			return
		}
		verr := Verify(m)
		printed := m.String()
		m2, err := Parse(printed)
		if err != nil {
			t.Fatalf("printed module does not parse: %v\n%s", err, printed)
		}
		if again := m2.String(); again != printed {
			t.Fatalf("printing is not idempotent:\n%s\n---\n%s", printed, again)
		}
		if verr == nil {
			if err := Verify(m2); err != nil {
				t.Fatalf("verified module no longer verifies after a round trip: %v\n%s", err, printed)
			}
		}
	})
}
