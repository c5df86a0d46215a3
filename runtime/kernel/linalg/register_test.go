package linalg

import (
	"reflect"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
)

func TestRegisterNames(t *testing.T) {
	t.Parallel()
	r := ops.NewRegistry()
	Register(r)
	want := []string{"ctable", "diagMatrix", "diagVector", "eigen", "gemv", "lowerTri", "matMul", "replace", "solve", "spRowAggMul", "syrk", "upperTri"}
	if got := r.Names(); !reflect.DeepEqual(got, want) {
		t.Fatalf("names %v, want %v", got, want)
	}
}

func TestOps(t *testing.T) {
	t.Parallel()
	r := ops.NewRegistry()
	Register(r)
	ctx := &ops.Ctx{Threads: 2}
	m22 := data.DenseFrom(2, 2, []float64{2, 1, 1, 3})
	col := data.DenseFrom(2, 1, []float64{1, 0})
	tests := []struct {
		name    string
		op      string
		args    []data.Value
		results int
		want    data.Value // first result, nil to skip
		err     string
	}{
		{"matMul", "matMul", []data.Value{m22, col}, 1, data.DenseFrom(2, 1, []float64{2, 1}), ""},
		{"matMul scalar", "matMul", []data.Value{m22, data.F64(1)}, 0, nil, "matMul: rhs must be a matrix, got scalar f64"},
		{"matMul arity", "matMul", []data.Value{m22}, 0, nil, "matMul expects 2 arguments, got 1"},
		{"syrk", "syrk", []data.Value{col}, 1, data.DenseFrom(1, 1, []float64{1}), ""},
		{"gemv", "gemv", []data.Value{m22, col}, 1, data.DenseFrom(2, 1, []float64{2, 1}), ""},
		{"solve", "solve", []data.Value{m22, data.DenseFrom(2, 1, []float64{3, 4})}, 1, data.DenseFrom(2, 1, []float64{1, 1}), ""},
		{"eigen", "eigen", []data.Value{data.DenseFrom(1, 1, []float64{4})}, 2, data.DenseFrom(1, 1, []float64{4}), ""},
		{"diagMatrix", "diagMatrix", []data.Value{col}, 1, data.DenseFrom(2, 2, []float64{1, 0, 0, 0}), ""},
		{"diagVector", "diagVector", []data.Value{m22}, 1, data.DenseFrom(2, 1, []float64{2, 3}), ""},
		{"lowerTri", "lowerTri", []data.Value{m22, data.Bool(false), data.Bool(true)}, 1, data.DenseFrom(2, 2, []float64{0, 0, 1, 0}), ""},
		{"upperTri", "upperTri", []data.Value{m22, data.Bool(true), data.Bool(false)}, 1, data.DenseFrom(2, 2, []float64{1, 1, 0, 1}), ""},
		{"upperTri bad flag", "upperTri", []data.Value{m22, data.Str("x"), data.Bool(false)}, 0, nil, "upperTri: diag must be a boolean"},
		{"replace", "replace", []data.Value{m22, data.F64(1), data.F64(5)}, 1, data.DenseFrom(2, 2, []float64{2, 5, 5, 3}), ""},
		{"replace matrix pattern", "replace", []data.Value{m22, m22, data.F64(5)}, 0, nil, "replace: pattern must be a scalar"},
		{"ctable 2", "ctable", []data.Value{col, col}, 1, data.DenseFrom(2, 2, []float64{1, 0, 0, 1}), ""},
		{"ctable 3", "ctable", []data.Value{col, col, data.SI64(2)}, 1, data.DenseFrom(2, 2, []int64{2, 0, 0, 2}), ""},
		{"ctable 4", "ctable", []data.Value{col, col, data.SI64(1), data.SI64(1)}, 1, data.DenseFrom(1, 1, []float64{1}), ""},
		{"ctable 5", "ctable", []data.Value{col, col, data.F64(3), data.SI64(-1), data.SI64(3)}, 1,
			data.DenseFrom(2, 3, []float64{3, 0, 0, 0, 3, 0}), ""},
		{"ctable arity", "ctable", []data.Value{col}, 0, nil, "ctable expects 2 to 5 arguments, got 1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, ok := r.Lookup(tc.op)
			if !ok {
				t.Fatalf("%s not registered", tc.op)
			}
			res, err := f(ctx, tc.args, nil)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want it to contain %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(res) != tc.results {
				t.Fatalf("%d results, want %d", len(res), tc.results)
			}
			if tc.want != nil && !reflect.DeepEqual(res[0], tc.want) {
				t.Fatalf("got %v, want %v", res[0], tc.want)
			}
		})
	}
}
