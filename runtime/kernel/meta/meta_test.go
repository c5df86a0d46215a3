package meta

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
	"github.com/daphne-go/daphne/types"
)

func run(t *testing.T, name string, args ...data.Value) ([]data.Value, error) {
	t.Helper()
	r := ops.NewRegistry()
	Register(r)
	f, ok := r.Lookup(name)
	if !ok {
		t.Fatalf("op %s not registered", name)
	}
	return f(&ops.Ctx{}, args, nil)
}

// scalarString renders a scalar result as "vt:value".
func scalarString(v data.Value) string {
	s, ok := v.(*data.Scalar)
	if !ok {
		return "not a scalar: " + data.Describe(v)
	}
	switch {
	case s.VT.IsFloat():
		return s.VT.String() + ":" + formatFloat(s.F)
	case s.VT.IsUnsigned():
		return s.VT.String() + ":" + formatUint(s.U)
	case s.VT == types.Bool:
		if s.I != 0 {
			return "bool:true"
		}
		return "bool:false"
	}
	return s.VT.String() + ":?"
}

func formatFloat(f float64) string { return strconv.FormatFloat(f, 'g', 6, 64) }
func formatUint(u uint64) string   { return strconv.FormatUint(u, 10) }

func checkErr(t *testing.T, err error, want string) bool {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Fatalf("unexpected error: %v", err)
	case want != "" && err == nil:
		t.Fatalf("want error containing %q, got none", want)
	case want != "" && !strings.Contains(err.Error(), want):
		t.Fatalf("error %q does not contain %q", err.Error(), want)
	}
	return err == nil
}

func TestMetaOps(t *testing.T) {
	t.Parallel()
	x := data.DenseFrom(2, 3, []int64{0, 1, 0, 2, 0, 3})
	sym := data.DenseFrom(3, 3, []float64{1, 2, 3, 2, 5, 6, 3, 6, 9})
	asym := data.DenseFrom(3, 3, []float64{1, 2, 3, 2, 5, 6, 3, 7, 9})
	nan := data.DenseFrom(2, 2, []float64{1, math.NaN(), math.NaN(), 1})
	strSym := data.DenseFrom(2, 2, []string{"a", "", "", "b"})
	csrSym := data.DenseToCSR(data.DenseFrom(3, 3, []int64{0, 4, 0, 4, 0, 0, 0, 0, 7}))
	csrAsym := data.DenseToCSR(data.DenseFrom(3, 3, []int64{0, 4, 0, 0, 0, 0, 0, 0, 7}))
	csrAsymVal := data.DenseToCSR(data.DenseFrom(2, 2, []int64{0, 4, 5, 0}))
	tests := []struct {
		name      string
		op        string
		args      []data.Value
		want, err string
	}{
		{"nrow", "nrow", []data.Value{x}, "size:2", ""},
		{"ncol", "ncol", []data.Value{x}, "size:3", ""},
		{"ncell", "ncell", []data.Value{x}, "size:6", ""},
		{"nrow empty", "nrow", []data.Value{data.NewDense[float64](0, 4)}, "size:0", ""},
		{"ncol csr", "ncol", []data.Value{csrSym}, "size:3", ""},
		{"sparsity", "sparsity", []data.Value{x}, "f64:0.5", ""},
		{"sparsity csr", "sparsity", []data.Value{csrSym}, "f64:0.333333", ""},
		{"sparsity nan counts", "sparsity", []data.Value{nan}, "f64:1", ""},
		{"sparsity strings", "sparsity", []data.Value{strSym}, "f64:0.5", ""},
		{"sparsity bools", "sparsity", []data.Value{data.DenseFrom(1, 4, []bool{true, false, false, false})}, "f64:0.25", ""},
		{"sparsity no cells", "sparsity", []data.Value{data.NewDense[int64](0, 3)}, "f64:0", ""},
		{"symmetric", "isSymmetric", []data.Value{sym}, "bool:true", ""},
		{"asymmetric", "isSymmetric", []data.Value{asym}, "bool:false", ""},
		{"nan not symmetric", "isSymmetric", []data.Value{nan}, "bool:false", ""},
		{"1x1 symmetric", "isSymmetric", []data.Value{data.DenseFrom(1, 1, []float64{math.NaN()})}, "bool:true", ""},
		{"empty symmetric", "isSymmetric", []data.Value{data.NewDense[float64](0, 0)}, "bool:true", ""},
		{"strings symmetric", "isSymmetric", []data.Value{strSym}, "bool:true", ""},
		{"csr symmetric", "isSymmetric", []data.Value{csrSym}, "bool:true", ""},
		{"csr one sided", "isSymmetric", []data.Value{csrAsym}, "bool:false", ""},
		{"csr different values", "isSymmetric", []data.Value{csrAsymVal}, "bool:false", ""},

		{"not square", "isSymmetric", []data.Value{x}, "", "isSymmetric needs a square matrix, got DenseMatrix(2x3, int64_t)"},
		{"nrow of scalar", "nrow", []data.Value{data.SI64(1)}, "", "nrow needs a matrix, got scalar si64"},
		{"sparsity of list", "sparsity", []data.Value{&data.List{}}, "", "sparsity needs a matrix, got list of 0"},
		{"ncell arity", "ncell", nil, "", "ncell takes 1 argument, got 0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res, err := run(t, tc.op, tc.args...)
			if !checkErr(t, err, tc.err) {
				return
			}
			if len(res) != 1 {
				t.Fatalf("got %d results, want 1", len(res))
			}
			if got := scalarString(res[0]); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}

func TestNow(t *testing.T) {
	before := time.Now().UnixNano()
	res, err := run(t, "now")
	if err != nil {
		t.Fatal(err)
	}
	after := time.Now().UnixNano()
	s := res[0].(*data.Scalar)
	if s.VT != types.SI64 || s.I < before || s.I > after {
		t.Errorf("now = %s %d, want si64 in [%d, %d]", s.VT, s.I, before, after)
	}
	if _, err := run(t, "now", data.SI64(1)); err == nil || err.Error() != "now takes no arguments, got 1" {
		t.Errorf("now(1): got error %v", err)
	}
}

func TestStop(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		args    []data.Value
		stopMsg string
		err     string
	}{
		{"no message", nil, "unspecified reason", ""},
		{"message", []data.Value{data.Str("bad input")}, "bad input", ""},
		{"empty message", []data.Value{data.Str("")}, "", ""},
		{"number message", []data.Value{data.SI64(3)}, "", "the message of stop must be a string, got scalar si64"},
		{"two args", []data.Value{data.Str("a"), data.Str("b")}, "", "stop takes at most 1 argument (a message), got 2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res, err := run(t, "stop", tc.args...)
			if res != nil {
				t.Errorf("stop returned results %v", res)
			}
			var se *ops.StopError
			if tc.err != "" {
				checkErr(t, err, tc.err)
				if errors.As(err, &se) {
					t.Errorf("a bad argument must not be a StopError")
				}
				return
			}
			if !errors.As(err, &se) {
				t.Fatalf("got %v, want *ops.StopError", err)
			}
			if se.Msg != tc.stopMsg {
				t.Errorf("message %q, want %q", se.Msg, tc.stopMsg)
			}
			if want := "system stopped: " + tc.stopMsg; err.Error() != want {
				t.Errorf("error %q, want %q", err.Error(), want)
			}
		})
	}
}

func TestProfiling(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		op   string
		args []data.Value
		err  string
	}{
		{"start", "startProfiling", []data.Value{data.Str("region")}, ""},
		{"stop", "stopProfiling", []data.Value{data.Str("region")}, ""},
		{"no region", "startProfiling", nil, ""},
		{"matrix region", "stopProfiling", []data.Value{data.NewDense[float64](1, 1)}, "the region of stopProfiling must be a scalar"},
		{"two regions", "startProfiling", []data.Value{data.Str("a"), data.Str("b")}, "startProfiling takes at most 1 argument (a region), got 2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res, err := run(t, tc.op, tc.args...)
			if checkErr(t, err, tc.err) && len(res) != 0 {
				t.Errorf("got %d results, want none", len(res))
			}
		})
	}
}
