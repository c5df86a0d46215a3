package lower

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/dsl/parser"
	"github.com/daphne-go/daphne/ir"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// goldenArgs are the script arguments every golden script may use.
var goldenArgs = map[string]string{"n": "5", "s": `"hi"`, "neg": "-2.5", "axis": "1"}

// TestGolden lowers every testdata/*.daph and compares the IR text with
// the matching .golden file (go test -update rewrites them). The module
// must also verify and survive a print → parse → print round trip.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.daph"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".daph")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			script, err := parser.ParseFile(filepath.ToSlash(file), src)
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			mod, err := Lower(script, Options{Args: goldenArgs, ImportPaths: []string{"testdata/lib"}})
			if err != nil {
				t.Fatalf("lower: %v", err)
			}
			got := mod.String()
			if err := ir.Verify(mod); err != nil {
				t.Errorf("verify: %v\n%s", err, got)
			}
			checkLoopTypes(t, mod)
			if back, err := ir.Parse(got); err != nil {
				t.Errorf("IR text does not parse back: %v", err)
			} else if back.String() != got {
				t.Errorf("print → parse → print differs")
			}
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
				t.Errorf("IR differs from %s:\n%s", golden, diffLines(string(want), got))
			}
		})
	}
}

// diffLines shows the first differing line of want and got.
func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return "line " + strconv.Itoa(i+1) + ":\n want: " + a + "\n  got: " + b
		}
	}
	return ""
}

// checkLoopTypes checks that the block arguments of every loop region have
// the types of the loop's results (the carried values' static types).
func checkLoopTypes(t *testing.T, mod *ir.Module) {
	t.Helper()
	var walk func(b *ir.Block)
	walk = func(b *ir.Block) {
		for _, op := range b.Ops {
			for _, rg := range op.Regions {
				args := rg.Args
				if op.Kind == ir.KindFor && len(args) > 0 {
					args = args[1:]
				}
				if op.Kind == ir.KindWhile || op.Kind == ir.KindFor {
					for i, a := range args {
						if a.Type != op.Results[i].Type {
							t.Errorf("%s op: region argument %d has type %s, result has %s", op.Kind, i, a.Type, op.Results[i].Type)
						}
					}
				}
				walk(rg)
			}
		}
	}
	for _, f := range mod.Funcs {
		walk(f.Body)
	}
}
