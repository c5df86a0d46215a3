package agg

import (
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
)

func registry() *ops.Registry {
	r := ops.NewRegistry()
	Register(r)
	return r
}

func TestRegisterNames(t *testing.T) {
	t.Parallel()
	r := registry()
	var want []string
	for _, f := range []string{"sum", "aggMin", "aggMax", "mean", "var", "stddev"} {
		for _, form := range []string{"All", "Row", "Col", "Grp"} {
			want = append(want, f+form)
		}
	}
	want = append(want, "idxMinRow", "idxMinCol", "idxMaxRow", "idxMaxCol", "countGrp",
		"cumSum", "cumProd", "cumMin", "cumMax")
	for _, name := range want {
		if _, ok := r.Lookup(name); !ok {
			t.Errorf("op %q not registered", name)
		}
	}
	if n := len(r.Names()); n != len(want) {
		t.Errorf("%d ops registered, want %d: %v", n, len(want), r.Names())
	}
}

func TestOps(t *testing.T) {
	t.Parallel()
	x := f64([]float64{1, 2}, []float64{3, 4})
	g := denseOf([][]int64{{1}, {0}})
	tests := []struct {
		name    string
		op      string
		args    []data.Value
		want    string
		wantErr string
	}{
		{"sumAll", "sumAll", []data.Value{x}, "f64 10", ""},
		{"sumRow with axis", "sumRow", []data.Value{x, data.SI64(0)}, "2x1 f64 [3 7]", ""},
		{"meanCol without axis", "meanCol", []data.Value{x}, "1x2 f64 [2 3]", ""},
		{"idxMaxCol", "idxMaxCol", []data.Value{x, data.SI64(1)}, "1x2 size [1 1]", ""},
		{"sumGrp", "sumGrp", []data.Value{x, g, data.SizeScalar(2)}, "2x2 f64 [3 4 1 2]", ""},
		{"countGrp", "countGrp", []data.Value{x, g, data.SI64(2)}, "2x2 size [1 1 1 1]", ""},
		{"cumSum", "cumSum", []data.Value{x}, "2x2 f64 [1 2 4 6]", ""},
		{"wrong axis", "sumRow", []data.Value{x, data.SI64(1)}, "", "sumRow: axis must be 0, got 1"},
		{"scalar argument", "aggMaxAll", []data.Value{data.F64(1)}, "", "aggMaxAll: argument must be a matrix, got scalar f64"},
		{"too many arguments", "sumAll", []data.Value{x, x}, "", "sumAll expects 1 argument(s), got 2"},
		{"negative groups", "sumGrp", []data.Value{x, g, data.SI64(-1)}, "", "numGroups must not be negative"},
		{"grouped arity", "meanGrp", []data.Value{x, g}, "", "meanGrp expects 3 arguments"},
		{"cum arity", "cumMin", []data.Value{}, "", "cumMin expects 1 argument, got 0"},
	}
	r := registry()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f, ok := r.Lookup(tc.op)
			if !ok {
				t.Fatalf("%s not registered", tc.op)
			}
			res, err := f(&ops.Ctx{}, tc.args, nil)
			if tc.wantErr != "" {
				if !contains(err, tc.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(res) != 1 {
				t.Fatalf("%d results", len(res))
			}
			if s := show(res[0]); s != tc.want {
				t.Fatalf("got %s, want %s", s, tc.want)
			}
		})
	}
}
