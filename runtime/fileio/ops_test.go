package fileio

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
	"github.com/daphne-go/daphne/types"
)

func TestOps(t *testing.T) {
	t.Parallel()
	r := ops.NewRegistry()
	Register(r)
	if got, want := r.Names(), []string{"readMatrix", "write", "writeMatrix"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("registered %v, want %v", got, want)
	}
	dir := t.TempDir()
	m := data.DenseFrom(2, 2, []int64{1, 2, 3, 4})
	for _, op := range []string{"write", "writeMatrix"} {
		t.Run(op, func(t *testing.T) {
			path := filepath.Join(dir, op+".csv")
			w, _ := r.Lookup(op)
			res, err := w(&ops.Ctx{}, []data.Value{m, data.Str(path)}, nil)
			if err != nil || len(res) != 0 {
				t.Fatalf("%s = %v, %v; want no results and no error", op, res, err)
			}
			read, _ := r.Lookup("readMatrix")
			res, err = read(&ops.Ctx{}, []data.Value{data.Str(path)}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(res) != 1 || !reflect.DeepEqual(res[0], data.Value(m)) {
				t.Errorf("readMatrix = %#v, want %#v", res, m)
			}
		})
	}
}

func TestOpErrors(t *testing.T) {
	t.Parallel()
	r := ops.NewRegistry()
	Register(r)
	tests := []struct {
		name string
		op   string
		args []data.Value
		want string
	}{
		{"read arity", "readMatrix", nil, "expects 1 argument"},
		{"read non-string", "readMatrix", []data.Value{data.SI64(1)}, "filename must be a string"},
		{"read unknown extension", "readMatrix", []data.Value{data.Str("x.parquet")}, `".parquet"`},
		{"write scalar", "write", []data.Value{data.SI64(1), data.Str("x.csv")}, "arg must be a matrix"},
		{"write frame", "writeMatrix", []data.Value{fakeFrame{}, data.Str("x.csv")}, "frames are not supported"},
		{"write arity", "writeMatrix", []data.Value{data.SI64(1)}, "expects 2 arguments"},
		{"write bad filename", "write", []data.Value{data.NewDense[float64](1, 1), data.F64(1)}, "filename must be a string"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f, _ := r.Lookup(tc.op)
			_, err := f(&ops.Ctx{}, tc.args, nil)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

type fakeFrame struct{}

func (fakeFrame) DataType() types.DataType   { return types.Frame }
func (fakeFrame) ValueType() types.ValueType { return types.Unknown }
