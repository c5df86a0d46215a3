package gen

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
	"github.com/daphne-go/daphne/types"
)

func runOp(t *testing.T, name string, args ...data.Value) (data.Value, error) {
	t.Helper()
	r := ops.NewRegistry()
	Register(r)
	f, ok := r.Lookup(name)
	if !ok {
		t.Fatalf("op %q not registered", name)
	}
	res, err := f(&ops.Ctx{}, args, nil)
	if err != nil {
		return nil, err
	}
	if len(res) != 1 {
		t.Fatalf("%s returned %d results", name, len(res))
	}
	return res[0], nil
}

// cells renders a dense matrix as "RxC vt: v v v" for comparisons.
func cells(v data.Value) string {
	switch m := v.(type) {
	case *data.Dense[float64]:
		return fmt.Sprintf("%dx%d %v: %v", m.Rows(), m.Cols(), m.ValueType(), m.Data)
	case *data.Dense[float32]:
		return fmt.Sprintf("%dx%d %v: %v", m.Rows(), m.Cols(), m.ValueType(), m.Data)
	case *data.Dense[int64]:
		return fmt.Sprintf("%dx%d %v: %v", m.Rows(), m.Cols(), m.ValueType(), m.Data)
	case *data.Dense[int8]:
		return fmt.Sprintf("%dx%d %v: %v", m.Rows(), m.Cols(), m.ValueType(), m.Data)
	case *data.Dense[uint64]:
		return fmt.Sprintf("%dx%d %v: %v", m.Rows(), m.Cols(), m.ValueType(), m.Data)
	case *data.Dense[uint8]:
		return fmt.Sprintf("%dx%d %v: %v", m.Rows(), m.Cols(), m.ValueType(), m.Data)
	case *data.Dense[bool]:
		return fmt.Sprintf("%dx%d %v: %v", m.Rows(), m.Cols(), m.ValueType(), m.Data)
	case *data.Dense[string]:
		return fmt.Sprintf("%dx%d %v: %q", m.Rows(), m.Cols(), m.ValueType(), m.Data)
	}
	return data.Describe(v)
}

func ui8(v uint64) *data.Scalar { return &data.Scalar{VT: types.UI8, U: v} }
func si8(v int64) *data.Scalar  { return &data.Scalar{VT: types.SI8, I: v} }

func TestSeq(t *testing.T) {
	t.Parallel()
	i, f := data.SI64, data.F64
	tests := []struct {
		name string
		args []data.Value
		want string
	}{
		{"ascending default inc", []data.Value{i(1), i(5)}, "5x1 si64: [1 2 3 4 5]"},
		{"default inc is +1 even descending", []data.Value{i(5), i(1)}, "0x1 si64: []"},
		{"descending with negative inc", []data.Value{i(5), i(1), i(-2)}, "3x1 si64: [5 3 1]"},
		{"wrong sign inc", []data.Value{i(1), i(5), i(-1)}, "0x1 si64: []"},
		{"from equals to", []data.Value{i(3), i(3)}, "1x1 si64: [3]"},
		{"integer inc not reaching to", []data.Value{i(1), i(10), i(4)}, "3x1 si64: [1 5 9]"},
		{"float overshoot dropped", []data.Value{f(0), f(1), f(0.3)}, "4x1 f64: [0 0.3 0.6 0.8999999999999999]"},
		{"float accumulated error kept within 1e-13", []data.Value{f(0), f(1), f(0.1)},
			"11x1 f64: [0 0.1 0.2 0.30000000000000004 0.4 0.5 0.6 0.7 0.7999999999999999 0.8999999999999999 0.9999999999999999]"},
		{"exact float steps", []data.Value{f(0), f(1), f(0.25)}, "5x1 f64: [0 0.25 0.5 0.75 1]"},
		{"descending float", []data.Value{f(1), f(0), f(-0.5)}, "3x1 f64: [1 0.5 0]"},
		{"promotion to f64", []data.Value{i(1), f(2.5)}, "2x1 f64: [1 2]"},
		{"implicit inc does not widen", []data.Value{ui8(1), ui8(3)}, "3x1 ui8: [1 2 3]"},
		{"explicit si8 inc", []data.Value{si8(-3), si8(3), si8(3)}, "3x1 si8: [-3 0 3]"},
		{"size type", []data.Value{data.SizeScalar(0), data.SizeScalar(2)}, "3x1 size: [0 1 2]"},
		{"extreme signed range", []data.Value{i(math.MinInt64), i(math.MaxInt64), i(math.MaxInt64)},
			"3x1 si64: [-9223372036854775808 -1 9223372036854775806]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := runOp(t, "seq", tc.args...)
			if err != nil {
				t.Fatal(err)
			}
			if s := cells(got); s != tc.want {
				t.Fatalf("got  %s\nwant %s", s, tc.want)
			}
		})
	}
}

func TestSeqErrors(t *testing.T) {
	t.Parallel()
	i, f := data.SI64, data.F64
	tests := []struct {
		name string
		args []data.Value
		want string
	}{
		{"zero inc", []data.Value{i(1), i(5), i(0)}, "inc must not be zero"},
		{"NaN inc", []data.Value{f(1), f(5), f(math.NaN())}, "inc cannot be NaN"},
		{"NaN from", []data.Value{f(math.NaN()), f(5)}, "from cannot be NaN"},
		{"NaN to", []data.Value{f(1), f(math.NaN())}, "to cannot be NaN"},
		{"string", []data.Value{data.Str("a"), i(5)}, "seq: from must be a number"},
		{"matrix", []data.Value{data.NewDense[float64](1, 1), i(5)}, "seq: from must be a scalar"},
		{"too few", []data.Value{i(1)}, "expects 2 to 3 arguments"},
		{"too many values", []data.Value{f(0), f(1e300), f(1e-300)}, "too many values"},
		{"infinite", []data.Value{f(0), f(math.Inf(1))}, "too many values"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := runOp(t, "seq", tc.args...)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestFill(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		args []data.Value
		want string
	}{
		{"f64", []data.Value{data.F64(1.5), data.SI64(2), data.SI64(2)}, "2x2 f64: [1.5 1.5 1.5 1.5]"},
		{"si64 zero", []data.Value{data.SI64(0), data.SI64(1), data.SI64(3)}, "1x3 si64: [0 0 0]"},
		{"str", []data.Value{data.Str("ab"), data.SI64(2), data.SI64(1)}, `2x1 str: ["ab" "ab"]`},
		{"bool", []data.Value{data.Bool(true), data.SI64(1), data.SI64(2)}, "1x2 bool: [true true]"},
		{"zero rows", []data.Value{data.SI64(0), data.SI64(0), data.SI64(1)}, "0x1 si64: []"},
		{"zero cols", []data.Value{data.F64(7), data.SI64(3), data.SI64(0)}, "3x0 f64: []"},
		{"size value", []data.Value{data.SizeScalar(4), data.SI64(1), data.SI64(1)}, "1x1 size: [4]"},
		{"negative zero", []data.Value{data.F64(math.Copysign(0, -1)), data.SI64(1), data.SI64(1)}, "1x1 f64: [-0]"},
		{"float dims truncate", []data.Value{data.SI64(1), data.F64(2.7), data.SI64(1)}, "2x1 si64: [1 1]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := runOp(t, "fill", tc.args...)
			if err != nil {
				t.Fatal(err)
			}
			if s := cells(got); s != tc.want {
				t.Fatalf("got  %s\nwant %s", s, tc.want)
			}
		})
	}
}

func TestFillErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		args []data.Value
		want string
	}{
		{"negative rows", []data.Value{data.SI64(1), data.SI64(-1), data.SI64(1)}, "must not be negative"},
		{"string dims", []data.Value{data.SI64(1), data.Str("x"), data.SI64(1)}, "must be a number"},
		{"matrix value", []data.Value{data.NewDense[float64](1, 1), data.SI64(1), data.SI64(1)}, "must be a scalar"},
		{"too large", []data.Value{data.SI64(1), data.SI64(1 << 30), data.SI64(1 << 30)}, "too large"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := runOp(t, "fill", tc.args...)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestRandAndSampleOps(t *testing.T) {
	t.Parallel()
	t.Run("rand value type from min", func(t *testing.T) {
		got, err := runOp(t, "rand", data.SI64(2), data.SI64(3), data.F32(0), data.F64(1), data.F64(1), data.SI64(3))
		if err != nil {
			t.Fatal(err)
		}
		m, ok := got.(*data.Dense[float32])
		if !ok || m.Rows() != 2 || m.Cols() != 3 {
			t.Fatalf("got %s, want a 2x3 float matrix", data.Describe(got))
		}
	})
	t.Run("rand string min", func(t *testing.T) {
		_, err := runOp(t, "rand", data.SI64(2), data.SI64(3), data.Str("a"), data.F64(1), data.F64(1), data.SI64(3))
		if err == nil || !strings.Contains(err.Error(), "min must be a number") {
			t.Fatalf("error %v", err)
		}
	})
	t.Run("sample permutation", func(t *testing.T) {
		got, err := runOp(t, "sample", data.SI64(10), data.SI64(10), data.Bool(false), data.SI64(4))
		if err != nil {
			t.Fatal(err)
		}
		if s := cells(got); s != "10x1 si64: [9 6 1 0 7 5 3 4 2 8]" {
			t.Fatalf("got %s", s)
		}
	})
	t.Run("sample random seed is a permutation", func(t *testing.T) {
		got, err := runOp(t, "sample", data.SI64(50), data.SI64(50), data.Bool(false), data.SI64(-1))
		if err != nil {
			t.Fatal(err)
		}
		seen := map[int64]bool{}
		for _, v := range got.(*data.Dense[int64]).Data {
			if v < 0 || v >= 50 || seen[v] {
				t.Fatalf("value %d out of range or repeated", v)
			}
			seen[v] = true
		}
	})
}

func TestRandOpRepresentation(t *testing.T) {
	t.Parallel()
	r := ops.NewRegistry()
	Register(r)
	f, _ := r.Lookup("rand")
	args := []data.Value{data.SI64(10), data.SI64(10), data.F64(0), data.F64(1), data.F64(0.1), data.SI64(1)}
	tests := []struct {
		name   string
		attrs  map[string]string
		sparse bool
	}{
		{"default dense", nil, false},
		{"csr attribute", map[string]string{"repr": "csr"}, true},
		{"dense attribute", map[string]string{"repr": "dense"}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := f(&ops.Ctx{}, args, tc.attrs)
			if err != nil {
				t.Fatal(err)
			}
			if m := res[0].(data.Matrix); m.IsSparse() != tc.sparse {
				t.Fatalf("got %s, want sparse=%v", data.Describe(m), tc.sparse)
			}
		})
	}
}
