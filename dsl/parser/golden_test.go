package parser

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// testdataFiles returns the .daph files under testdata.
func testdataFiles(tb testing.TB) []string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "*.daph"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no testdata files: %v", err)
	}
	return files
}

// goldenText is the AST dump of a parse, followed by its errors, if any.
func goldenText(t *testing.T, name string, src []byte) string {
	t.Helper()
	s, err := ParseFile(name, src)
	text := dump(t, s)
	var list ErrorList
	if errors.As(err, &list) {
		text += "errors:\n"
		for _, e := range list {
			text += e.Error() + "\n"
		}
	} else if err != nil {
		t.Fatalf("error of type %T: %v", err, err)
	}
	return text
}

// TestGolden compares the AST dump of every testdata/*.daph file with the
// .golden file beside it. Run with -update to rewrite them.
func TestGolden(t *testing.T) {
	for _, file := range testdataFiles(t) {
		name := filepath.Base(file)
		t.Run(strings.TrimSuffix(name, ".daph"), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			got := goldenText(t, name, src)
			golden := strings.TrimSuffix(file, ".daph") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if got != string(want) {
				t.Errorf("dump of %s differs from %s:\n%s", file, golden, diffLines(string(want), got))
			}
		})
	}
}

// diffLines shows the first differing line of two texts.
func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + itoa(i+1) + ":\n want " + wl + "\n got  " + gl
		}
	}
	return "(no line differs)"
}

func itoa(i int) string {
	var b []byte
	for {
		b = append([]byte{byte('0' + i%10)}, b...)
		if i /= 10; i == 0 {
			return string(b)
		}
	}
}

// TestTestdataRoundTrip checks print/parse round trips and printer
// idempotency on every error-free testdata file.
func TestTestdataRoundTrip(t *testing.T) {
	t.Parallel()
	for _, file := range testdataFiles(t) {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ParseFile(file, src); err != nil {
			continue // files with errors are covered by TestGolden
		}
		t.Run(filepath.Base(file), func(t *testing.T) {
			t.Parallel()
			if msg := roundTrip(file, src); msg != "" {
				t.Error(msg)
			}
		})
	}
}
