package lower

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/dsl/parser"
	"github.com/daphne-go/daphne/ir"
)

// FuzzLower lowers arbitrary inputs (also partial ASTs of inputs with
// syntax errors): lowering must never panic (Lower turns a panic into an
// "internal error", which fails here), and a module it returns must verify
// and print → parse → print identically.
func FuzzLower(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.daph"))
	for _, file := range files {
		if src, err := os.ReadFile(file); err == nil {
			f.Add(string(src))
		}
	}
	for _, s := range []string{
		"x = 1; if (x > 0) { y = 2; } else { x = [1]; }",
		"def f(a) { if (a) { return 1; } else { return 2; } } print(f(1));",
		"def f(n: si64) -> si64 { if (n < 1) return 0; return f(n - 1); } print(f(3));",
		"i = 0; while (i < 3) { i = i + 1.5; } for (j in 1:i) print(j);",
		"X = [1, 2](1, 2); X[0, :] = X; print(sum(X, 1) + $n);",
		"a, b = eigen([1.0]); print(a[[b, ]]);",
		"x = as.matrix<f64>(1) @ t([1.0](1,1)); print(x ? 1 : 2);",
		`f = {["a", "b"], [1, 2], [3]}; g = {"a": 1, 2: [3], "a": [4]}; print(f[[, [1]]]);`,
		`def g(f: frame) -> frame { return order(f, "a", true, false); } F = createFrame([1], "a"); F[0, "a"] = [2]; print(g(F)[0, "a"]);`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		script, _ := parser.ParseFile("f.daph", []byte(src))
		if script == nil {
			return
		}
		mod, err := Lower(script, Options{Args: map[string]string{"n": "3"}})
		if err != nil {
			if strings.Contains(err.Error(), "internal error") {
				t.Fatalf("lowering panicked: %v\ninput: %q", err, src)
			}
			if c := ExitCode(err); c != 1 && c != 2 {
				t.Fatalf("exit code %d", c)
			}
			return
		}
		if err := ir.Verify(mod); err != nil {
			t.Fatalf("lowered module does not verify: %v\ninput: %q\n%s", err, src, mod)
		}
		text := mod.String()
		if back, err := ir.Parse(text); err != nil || back.String() != text {
			t.Fatalf("IR text of the lowered module does not round-trip (%v)\ninput: %q\n%s", err, src, text)
		}
	})
}
