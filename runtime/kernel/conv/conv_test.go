package conv

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
	"github.com/daphne-go/daphne/types"
)

func lookup(t *testing.T, name string) ops.Func {
	t.Helper()
	r := ops.NewRegistry()
	Register(r)
	f, ok := r.Lookup(name)
	if !ok {
		t.Fatalf("%s is not registered", name)
	}
	return f
}

func TestRegisterNames(t *testing.T) {
	t.Parallel()
	r := ops.NewRegistry()
	Register(r)
	if got, want := r.Names(), []string{"cast", "print", "typeOf"}; !reflect.DeepEqual(got, want) {
		t.Errorf("registered %v, want %v", got, want)
	}
}

func TestCast(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		arg   data.Value
		attrs map[string]string
		want  data.Value
	}{
		{"as.scalar", data.DenseFrom(1, 1, []float64{2.5}), map[string]string{"dt": "scalar", "vt": ""}, data.F64(2.5)},
		{"as.scalar<si64>", data.DenseFrom(1, 1, []float64{2.5}), map[string]string{"dt": "scalar", "vt": "si64"}, data.SI64(2)},
		{"as.matrix", data.SI64(4), map[string]string{"dt": "matrix"}, data.DenseFrom(1, 1, []int64{4})},
		{"as.matrix<ui32>", data.F64(4.7), map[string]string{"dt": "matrix", "vt": "ui32"}, data.DenseFrom(1, 1, []uint32{4})},
		{"as.str", data.F64(1.5), map[string]string{"vt": "str"}, data.Str("1.500000")},
		{"as.bool", data.SI64(0), map[string]string{"vt": "bool"}, data.Bool(false)},
		{"size", data.SI64(3), map[string]string{"vt": "size"}, data.SizeScalar(3)},
		{"no attributes keeps", data.SI64(3), nil, data.SI64(3)},
	}
	f := lookup(t, "cast")
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res, err := f(&ops.Ctx{}, []data.Value{tc.arg}, tc.attrs)
			if err != nil {
				t.Fatal(err)
			}
			if len(res) != 1 || !reflect.DeepEqual(res[0], tc.want) {
				t.Errorf("cast = %#v, want %#v", res, tc.want)
			}
		})
	}
}

func TestErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		op    string
		args  []data.Value
		attrs map[string]string
		want  string
	}{
		{"cast bad dt", "cast", []data.Value{data.SI64(1)}, map[string]string{"dt": "tensor"}, `"tensor"`},
		{"cast bad vt", "cast", []data.Value{data.SI64(1)}, map[string]string{"vt": "si16"}, `"si16"`},
		{"cast arity", "cast", nil, nil, "expects 1 argument"},
		{"cast not 1x1", "cast", []data.Value{data.NewDense[float64](2, 2)}, map[string]string{"dt": "scalar"}, "2x2"},
		{"cast list to frame", "cast", []data.Value{&data.List{VT: types.F64}}, map[string]string{"dt": "frame"}, "cannot cast a list to a frame"},
		{"print arity", "print", []data.Value{data.SI64(1)}, nil, "expects 3 arguments"},
		{"print newline not bool", "print", []data.Value{data.SI64(1), data.Str("x"), data.Bool(false)}, nil, "newline"},
		{"typeOf arity", "typeOf", []data.Value{data.SI64(1), data.SI64(2)}, nil, "expects 1 argument"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ctx := &ops.Ctx{Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}}
			_, err := lookup(t, tc.op)(ctx, tc.args, tc.attrs)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one mentioning %q", err, tc.want)
			}
		})
	}
}

func TestPrint(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		arg     data.Value
		newline bool
		toErr   bool
		stdout  string
		stderr  string
	}{
		{"scalar", data.F64(1e6), true, false, "1e+06\n", ""},
		{"scalar without newline", data.SI64(3), false, false, "3", ""},
		{"to stderr", data.Str("oops"), true, true, "", "oops\n"},
		{"matrix ignores newline flag", data.DenseFrom(1, 2, []bool{true, false}), false, false,
			"DenseMatrix(1x2, bool)\n1 0\n", ""},
	}
	f := lookup(t, "print")
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var out, errOut bytes.Buffer
			ctx := &ops.Ctx{Stdout: &out, Stderr: &errOut}
			res, err := f(ctx, []data.Value{tc.arg, data.Bool(tc.newline), data.Bool(tc.toErr)}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(res) != 0 {
				t.Errorf("print returned %d results, want none", len(res))
			}
			if out.String() != tc.stdout || errOut.String() != tc.stderr {
				t.Errorf("stdout %q stderr %q, want %q and %q", out.String(), errOut.String(), tc.stdout, tc.stderr)
			}
		})
	}
}

func TestPrintWithoutStreams(t *testing.T) {
	t.Parallel()
	_, err := lookup(t, "print")(&ops.Ctx{}, []data.Value{data.SI64(1), data.Bool(true), data.Bool(false)}, nil)
	if err == nil {
		t.Error("print without an output stream succeeded")
	}
}

func TestTypeOf(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		arg    data.Value
		sparse bool // --select-matrix-repr
		want   string
	}{
		{"matrix", data.NewDense[int64](3, 1), false, "DenseMatrix(3x1, int64_t)"},
		{"f64", data.F64(1), false, "double"},
		{"str", data.Str("a"), false, "const char*"},
		{"bool", data.Bool(true), false, "bool"},
		{"size", data.SizeScalar(2), false, "size_t"},
		{"csr shown", data.EmptyCSR[float32](types.F32, 2, 2), true, "CSRMatrix(2x2, float)"},
		{"csr hidden by default", data.EmptyCSR[float32](types.F32, 2, 2), false, "DenseMatrix(2x2, float)"},
	}
	f := lookup(t, "typeOf")
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res, err := f(&ops.Ctx{ShowSparse: tc.sparse}, []data.Value{tc.arg}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(res, []data.Value{data.Str(tc.want)}) {
				t.Errorf("typeOf = %#v, want %q", res, tc.want)
			}
		})
	}
}
