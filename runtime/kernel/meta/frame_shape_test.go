package meta

import (
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

func TestFrameShape(t *testing.T) {
	t.Parallel()
	f3x2, err := data.NewFrame([]data.Matrix{
		data.DenseFrom(3, 1, []int64{1, 2, 3}),
		data.DenseFrom(3, 1, []string{"a", "b", "c"}),
	}, []string{"n", "s"})
	if err != nil {
		t.Fatal(err)
	}
	empty, err := data.EmptyFrame([]types.ValueType{types.F64, types.Str, types.UI8}, nil)
	if err != nil {
		t.Fatal(err)
	}
	none, err := data.NewFrame(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		frame *data.Frame
		op    string
		want  string
	}{
		{"nrow", f3x2, "nrow", "size:3"},
		{"ncol", f3x2, "ncol", "size:2"},
		{"ncell", f3x2, "ncell", "size:6"},
		{"nrow 0 x 3", empty, "nrow", "size:0"},
		{"ncol 0 x 3", empty, "ncol", "size:3"},
		{"ncell 0 x 3", empty, "ncell", "size:0"},
		{"ncol 0 x 0", none, "ncol", "size:0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res, err := run(t, tc.op, tc.frame)
			if err != nil {
				t.Fatal(err)
			}
			if got := scalarString(res[0]); got != tc.want {
				t.Errorf("%s = %s, want %s", tc.op, got, tc.want)
			}
		})
	}
}

func TestFrameNotForOtherMetaOps(t *testing.T) {
	t.Parallel()
	f, err := data.NewFrame([]data.Matrix{data.DenseFrom(1, 1, []float64{1})}, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = run(t, "sparsity", f)
	checkErr(t, err, "sparsity needs a matrix, got Frame(1x1, [col_0:double])")
}
