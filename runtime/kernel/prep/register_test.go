package prep

import (
	"reflect"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
)

func TestOps(t *testing.T) {
	t.Parallel()
	r := ops.NewRegistry()
	Register(r)
	if got, want := r.Names(), []string{"bin", "oneHot", "quantize", "recode"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("names %v, want %v", got, want)
	}
	col := data.DenseFrom(3, 1, []float64{2, 0, 2})
	tests := []struct {
		name    string
		op      string
		args    []data.Value
		results int
		want    data.Value
		err     string
	}{
		{"oneHot", "oneHot", []data.Value{col, data.DenseFrom(1, 1, []int64{3})}, 1,
			data.DenseFrom(3, 3, []float64{0, 0, 1, 1, 0, 0, 0, 0, 1}), ""},
		{"oneHot scalar info", "oneHot", []data.Value{col, data.SI64(3)}, 0, nil, "oneHot: info must be a matrix, got scalar si64"},
		{"recode", "recode", []data.Value{col, data.Bool(true)}, 2, data.DenseFrom(3, 1, []int64{1, 0, 1}), ""},
		{"recode arity", "recode", []data.Value{col}, 0, nil, "recode expects 2 arguments, got 1"},
		{"bin 2", "bin", []data.Value{col, data.SI64(2)}, 1, data.DenseFrom(3, 1, []float64{1, 0, 1}), ""},
		{"bin 4", "bin", []data.Value{col, data.SI64(2), data.F64(0), data.F64(4)}, 1, data.DenseFrom(3, 1, []float64{0, 0, 0}), ""},
		{"bin 3", "bin", []data.Value{col, data.SI64(2), data.F64(0)}, 0, nil, "bin expects 2 or 4 arguments, got 3"},
		{"quantize", "quantize", []data.Value{data.DenseFrom(1, 1, []float32{0.5}), data.F64(0), data.F64(1)}, 1,
			data.DenseFrom(1, 1, []uint8{128}), ""},
		{"quantize string bound", "quantize", []data.Value{col, data.Str("a"), data.F64(1)}, 0, nil, "quantize: min must be a number"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, _ := r.Lookup(tc.op)
			res, err := f(&ops.Ctx{Threads: 1}, tc.args, nil)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want it to contain %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(res) != tc.results || !reflect.DeepEqual(res[0], tc.want) {
				t.Fatalf("got %d results, first %v; want %d, %v", len(res), res[0], tc.results, tc.want)
			}
		})
	}
}
