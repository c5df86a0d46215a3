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
	if got, want := r.Names(), []string{"readFrame", "readMatrix", "write", "writeFrame", "writeMatrix"}; !reflect.DeepEqual(got, want) {
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
		{"read unknown extension", "readMatrix", []data.Value{data.Str("x.xyz")}, `".xyz"`},
		{"write scalar", "write", []data.Value{data.SI64(1), data.Str("x.csv")}, "arg must be a matrix"},
		{"write frame", "writeMatrix", []data.Value{fakeFrame{}, data.Str("x.csv")}, "arg must be a matrix"},
		{"writeMatrix of a frame", "writeMatrix", []data.Value{mustFrame(t), data.Str("x.csv")}, "write frames with writeFrame or write"},
		{"writeFrame of a matrix", "writeFrame", []data.Value{data.NewDense[float64](1, 1), data.Str("x.csv")}, "arg must be a frame, got"},
		{"readFrame arity", "readFrame", nil, "expects 1 to 3 arguments"},
		{"readFrame schema", "readFrame", []data.Value{data.Str("x.csv"), data.SI64(1), data.SI64(-1)}, "readFrame: schema must be a string"},
		{"readFrame header", "readFrame", []data.Value{data.Str("x.csv"), data.Str(""), data.SI64(5)}, "header must be true, false or -1"},
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

func mustFrame(t *testing.T) *data.Frame {
	f, err := data.NewFrame([]data.Matrix{data.DenseFrom(2, 1, []string{"a", "b"})}, []string{"s"})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestFrameOps writes a frame with writeFrame and with write and reads it
// back with readFrame (explicit defaults and a schema argument).
func TestFrameOps(t *testing.T) {
	t.Parallel()
	r := ops.NewRegistry()
	Register(r)
	f := mustFrame(t)
	read, _ := r.Lookup("readFrame")
	for _, op := range []string{"write", "writeFrame"} {
		t.Run(op, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), op+".csv")
			w, _ := r.Lookup(op)
			if res, err := w(&ops.Ctx{}, []data.Value{f, data.Str(path)}, nil); err != nil || len(res) != 0 {
				t.Fatalf("%s = %v, %v", op, res, err)
			}
			for _, args := range [][]data.Value{
				{data.Str(path)},
				{data.Str(path), data.Str(""), data.SI64(-1)},
				{data.Str(path), data.Str("s:str"), data.Bool(false)},
			} {
				res, err := read(&ops.Ctx{}, args, nil)
				if err != nil {
					t.Fatal(err)
				}
				equalFrames(t, res[0].(*data.Frame), f)
			}
		})
	}
}

type fakeFrame struct{}

func (fakeFrame) DataType() types.DataType   { return types.Frame }
func (fakeFrame) ValueType() types.ValueType { return types.Unknown }
