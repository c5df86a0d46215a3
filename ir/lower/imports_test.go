package lower

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/dsl/parser"
	"github.com/daphne-go/daphne/ir"
)

// writeFiles creates files (name → content) under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, src := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func lowerFile(t *testing.T, path string, opts Options) (*ir.Module, error) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	script, err := parser.ParseFile(path, src)
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return Lower(script, opts)
}

func TestImports(t *testing.T) {
	lib := map[string]string{
		"utils.daph":                    "x = 42;\ndef x0() { return 1; }\ndef f(a) { return a + x0(); }\n",
		"sub/nested.daph":               "import \"../inner.daph\";\ny = inner.z + 1;\ndef g() { return inner.h(); }\n",
		"inner.daph":                    "z = 7;\ndef h() { return 3; }\n",
		"libdir/far.daph":               "w = 9;\n",
		"self.daph":                     "import \"self.daph\";\n",
		"cyc_a.daph":                    "import \"cyc_b.daph\";\n",
		"cyc_b.daph":                    "import \"cyc_a.daph\";\n",
		"bad.daph":                      "x = ;\n",
		"libdir/algorithms/kmeans.daph": "def km(k) { return k * 2; }\n",
		"libdir/algorithms/lm.daph":     "coef = 3;\n",
	}
	tests := []struct {
		name    string
		main    string
		wantErr string   // substring of the error, "" for success
		want    []string // substrings of the IR text
	}{
		{"prefix by stem", "import \"utils.daph\";\nprint(utils.x);\nprint(utils.f(1));",
			"", []string{"callfunc @utils.f(", "func @utils.f(", "callfunc @utils.x0("}},
		{"alias", "import \"utils.daph\" as \"u\";\nprint(u.x);\nprint(u.f(2));", "", []string{"callfunc @u.f("}},
		{"nested", "import \"sub/nested.daph\";\nprint(nested.y);\nprint(nested.g());", "",
			[]string{"callfunc @nested.g(", "func @nested.inner.h("}},
		{"nested not re-exported", "import \"sub/nested.daph\";\nprint(nested.inner.z);", "variable `nested.inner.z` referenced before assignment", nil},
		{"import path", "import \"far.daph\";\nprint(far.w);", "", []string{"const 9"}},
		{"unprefixed invisible", "import \"utils.daph\";\nprint(x);", "variable `x` referenced before assignment", nil},
		{"twice", "import \"utils.daph\";\nimport \"utils.daph\" as \"v\";", "imported twice", nil},
		{"ambiguous with script directory", "import \"c.daph\";", "ambiguous", nil},
		{"self", "import \"main.daph\";", "cannot import itself", nil},
		{"self in import", "import \"self.daph\";", "cannot import itself", nil},
		{"cycle", "import \"cyc_a.daph\";", "import cycle", nil},
		{"syntax error", "import \"bad.daph\";", "has syntax errors", nil},
		{"library directory", "import \"algorithms\";\nprint(algorithms.kmeans.km(2));\nprint(algorithms.lm.coef);", "",
			[]string{"callfunc @algorithms.kmeans.km(", "const 3"}},
		{"named library", "import \"algos\";\nprint(algos.lm.coef);", "", []string{"const 3"}},
		{"prefix clash", "import \"utils.daph\" as \"q\";\nimport \"inner.daph\" as \"q\";", "already used", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, lib)
			mainPath := filepath.Join(dir, "main.daph")
			writeFiles(t, dir, map[string]string{"main.daph": tc.main})
			mod, err := lowerFile(t, mainPath, Options{ImportPaths: []string{filepath.Join(dir, "libdir"), "algos=" + filepath.Join(dir, "libdir/algorithms")}})
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error %v, want %q", err, tc.wantErr)
				}
				if ExitCode(err) != 1 {
					t.Errorf("exit code %d, want 1", ExitCode(err))
				}
				return
			}
			if err != nil {
				t.Fatalf("lower: %v", err)
			}
			text := mod.String()
			if err := ir.Verify(mod); err != nil {
				t.Errorf("verify: %v", err)
			}
			if back, err := ir.Parse(text); err != nil {
				t.Errorf("IR text does not parse back: %v\n%s", err, text)
			} else if back.String() != text {
				t.Errorf("print → parse → print differs")
			}
			for _, w := range tc.want {
				if !strings.Contains(text, w) {
					t.Errorf("IR lacks %q:\n%s", w, text)
				}
			}
		})
	}
}

// TestImportAmbiguous checks that a file found in two import paths is an
// error.
func TestImportAmbiguous(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a/m.daph": "x = 1;", "b/m.daph": "x = 2;", "main.daph": "import \"m.daph\";"})
	_, err := lowerFile(t, filepath.Join(dir, "main.daph"), Options{ImportPaths: []string{filepath.Join(dir, "a"), filepath.Join(dir, "b")}})
	if err == nil || !strings.Contains(err.Error(), "ambiguous") {
		t.Fatalf("error %v, want ambiguity", err)
	}
}
