package lower

import (
	"testing"

	"github.com/daphne-go/daphne/dsl/parser"
	"github.com/daphne-go/daphne/ir"
)

// lastDef returns the last value of main's top-level block named name.
func lastDef(f *ir.Func, name string) *ir.Value {
	var v *ir.Value
	for _, op := range f.Body.Ops {
		for _, r := range op.Results {
			if r.Name == name {
				v = r
			}
		}
	}
	return v
}

// TestStaticTypes checks the static type the lowering gives to a variable
// at the end of a script.
func TestStaticTypes(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"int literal", "x = 1;", "si64"},
		{"unsigned literal", "x = 1u;", "ui64"},
		{"size literal", "x = 1z;", "size"},
		{"f32 literal", "x = 1.5f;", "f32"},
		{"negative literal", "x = -2.5;", "f64"},
		{"bool", "x = true;", "bool"},
		{"string", `x = "a";`, "str"},
		{"promotion", "x = 1 + 2.5;", "f64"},
		{"comparison keeps type", "x = 1.5 > 1;", "f64"},
		{"matrix literal", "x = [1, 2.5, 3];", "matrix<f64>[3x1]"},
		{"matrix literal shape", "x = [1, 2, 3, 4, 5, 6](2, );", "matrix<si64>[2x3]"},
		{"matrix literal bool int", "x = [true, 1](1, 2);", "matrix<si64>[1x2]"},
		{"fill const dims", "x = fill(1.0, 2, 3);", "matrix<f64>[2x3]"},
		{"fill negative dim", "x = fill(1.0, -1, 3);", "matrix<f64>[?x3]"},
		{"fill constant variable dim", "n = 4;\nx = fill(1, n, 2);", "matrix<si64>[4x2]"},
		{"fill variable dim", "n = nrow(readMatrix(\"f.csv\"));\nx = fill(1, n, 2);", "matrix<si64>[?x2]"},
		{"extract cell", "X = fill(1, 3, 3);\nx = X[0, 1];", "matrix<si64>[1x1]"},
		{"extract row", "X = fill(1, 3, 4);\nx = X[1, ];", "matrix<si64>[1x4]"},
		{"extract const range", "X = fill(1, 3, 4);\nx = X[0:2, ];", "matrix<si64>[2x4]"},
		{"extract open range", "X = fill(1, 3, 4);\nx = X[1:, ];", "matrix<si64>[?x4]"},
		{"extract negative range", "X = fill(1, 3, 4);\nx = X[-2:3, ];", "matrix<si64>[?x4]"},
		{"broadcast", "X = fill(1.0, 3, 4);\nx = X - mean(X, 1);", "matrix<f64>[3x4]"},
		{"cast scalar", "X = fill(1, 3, 4);\nx = as.scalar(X[0, 0]);", "si64"},
		{"cast vt", "x = as.f32(1);", "f32"},
		{"cast matrix", "x = as.matrix<f64>(1);", "matrix<f64>[1x1]"},
		{"insert keeps type", "X = fill(1.0, 3, 4);\nX[0, 0] = [2.0];\nx = X + 0.0;", "matrix<f64>[3x4]"},
		{"if merge", "x = 1;\nif (true) x = 2;", "si64"},
		{"if merge shapes", "x = fill(1, 2, 2);\nif (true) x = fill(1, 3, 2);", "matrix<si64>[?x2]"},
		{"loop value type change", "x = 1;\nfor (i in 1:3) x = x * 2.5;", "?"},
		{"loop shape change", "x = fill(1, 1, 2);\nfor (i in 1:3) x = rbind(x, x);", "matrix<si64>[?x2]"},
		{"loop stable", "x = fill(1.0, 2, 2);\nwhile (sum(x) < 10) x = x * 2.0;", "matrix<f64>[2x2]"},
		{"fill nrow", "X = fill(1.0, 3, 4);\nx = fill(0.5, ncol(X), nrow(X));", "matrix<f64>[4x3]"},
		{"seq up", "x = seq(1, 10);", "matrix<si64>[10x1]"},
		{"seq step", "x = seq(1, 10, 4);", "matrix<si64>[3x1]"},
		{"seq down", "x = seq(10, 1, -3);", "matrix<si64>[4x1]"},
		{"seq wrong sign", "x = seq(5, 1);", "matrix<si64>[0x1]"},
		{"seq float", "x = seq(0.0, 1.0, 0.1);", "matrix<f64>[?x1]"},
		{"nrow", "x = nrow(fill(1, 2, 2));", "size"},
		{"mean", "x = mean(fill(1, 2, 2));", "f64"},
		{"udf declared", "def f(a) -> f32 { return as.f32(a); }\nx = f(1);", "f32"},
		{"udf inferred", "def f(a: si64) { return a * 2; }\nx = f(1);", "si64"},
		{"script arg", "x = $n;", "si64"},
		{"map result", "def g(v) -> f64 { return v * 1.0; }\nx = map(fill(1, 2, 3), g);", "matrix<f64>[2x3]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			script, err := parser.ParseFile("t.daph", []byte(tc.src))
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			mod, err := Lower(script, Options{Args: map[string]string{"n": "7"}})
			if err != nil {
				t.Fatalf("lower: %v", err)
			}
			v := lastDef(mod.Main(), "x")
			if v == nil {
				t.Fatalf("no value named x:\n%s", mod)
			}
			if v.Type.String() != tc.want {
				t.Errorf("type %s, want %s", v.Type, tc.want)
			}
		})
	}
}
