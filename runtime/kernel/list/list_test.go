package list

import (
	"fmt"
	"strings"
	"testing"

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

// describe renders a result: lists as "list<vt>[d0 d1 ...]" with each
// element's first cell, matrices via data.Describe, scalars as "vt:value".
func describe(v data.Value) string {
	switch x := v.(type) {
	case *data.List:
		parts := make([]string, len(x.Elems))
		for i, m := range x.Elems {
			parts[i] = first(m)
		}
		return fmt.Sprintf("list<%s>[%s]", x.VT, strings.Join(parts, " "))
	case data.Matrix:
		return first(x)
	case *data.Scalar:
		return fmt.Sprintf("%s:%d", x.VT, x.U)
	}
	return data.Describe(v)
}

// first names a test matrix by its first cell (the tests use si64/f64).
func first(m data.Matrix) string {
	switch d := m.(type) {
	case *data.Dense[int64]:
		return fmt.Sprint(d.Data[0])
	case *data.Dense[float64]:
		return fmt.Sprint(d.Data[0])
	}
	return data.Describe(m)
}

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

func si(vals ...int64) *data.Dense[int64] { return data.DenseFrom(len(vals), 1, vals) }

func TestListOps(t *testing.T) {
	t.Parallel()
	a, b, c := si(1), si(2, 0), si(3)
	l3 := &data.List{VT: types.SI64, Elems: []data.Matrix{a, b, c}}
	empty := &data.List{VT: types.SI64}
	tests := []struct {
		name string
		op   string
		args []data.Value
		want []string
		err  string
	}{
		{"create one", "createList", []data.Value{a}, []string{"list<si64>[1]"}, ""},
		{"create three", "createList", []data.Value{a, b, c}, []string{"list<si64>[1 2 3]"}, ""},
		{"create csr", "createList", []data.Value{data.DenseToCSR(si(5)), a}, []string{"list<si64>[CSRMatrix(1x1, int64_t) 1]"}, ""},
		{"length", "length", []data.Value{l3}, []string{"size:3"}, ""},
		{"length empty", "length", []data.Value{empty}, []string{"size:0"}, ""},
		{"append", "append", []data.Value{l3, si(4)}, []string{"list<si64>[1 2 3 4]"}, ""},
		{"append to empty", "append", []data.Value{empty, si(4)}, []string{"list<si64>[4]"}, ""},
		{"remove first", "remove", []data.Value{l3, data.SI64(0)}, []string{"list<si64>[2 3]", "1"}, ""},
		{"remove middle", "remove", []data.Value{l3, data.SI64(1)}, []string{"list<si64>[1 3]", "2"}, ""},
		{"remove last float index", "remove", []data.Value{l3, data.F64(2.9)}, []string{"list<si64>[1 2]", "3"}, ""},
		{"remove size index", "remove", []data.Value{l3, data.SizeScalar(1)}, []string{"list<si64>[1 3]", "2"}, ""},

		{"create none", "createList", nil, nil, "createList needs at least one matrix, got none"},
		{"create scalar", "createList", []data.Value{a, data.SI64(1)}, nil, "createList element 1 must be a matrix, got scalar si64"},
		{"create mixed types", "createList", []data.Value{a, data.DenseFrom(1, 1, []float64{1})}, nil,
			"createList elements must have one value type: element 0 is DenseMatrix(1x1, int64_t), element 1 is DenseMatrix(1x1, double)"},
		{"append wrong type", "append", []data.Value{l3, data.DenseFrom(1, 1, []float64{1})}, nil,
			"cannot append DenseMatrix(1x1, double) to a list of si64 matrices: the value types must be equal"},
		{"append scalar", "append", []data.Value{l3, data.SI64(1)}, nil, "append needs a matrix to add to the list, got scalar si64"},
		{"append to matrix", "append", []data.Value{a, a}, nil, "append needs a list, got DenseMatrix(1x1, int64_t)"},
		{"remove out of range", "remove", []data.Value{l3, data.SI64(3)}, nil, "list index 3 is out of range for a list of 3 elements (valid: 0 to 2)"},
		{"remove negative", "remove", []data.Value{l3, data.SI64(-1)}, nil, "list index -1 is out of range for a list of 3 elements (valid: 0 to 2)"},
		{"remove out of range of one", "remove", []data.Value{&data.List{VT: types.SI64, Elems: []data.Matrix{a}}, data.SI64(1)}, nil,
			"list index 1 is out of range for a list of 1 element (valid: 0 to 0)"},
		{"remove from empty", "remove", []data.Value{empty, data.SI64(0)}, nil, "cannot remove element 0 from an empty list"},
		{"remove string index", "remove", []data.Value{l3, data.Str("a")}, nil, `the index of remove must be a number, got string "a"`},
		{"length arity", "length", []data.Value{l3, l3}, nil, "length takes 1 argument, got 2"},
		{"length of matrix", "length", []data.Value{a}, nil, "length needs a list, got DenseMatrix(1x1, int64_t)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res, err := run(t, tc.op, tc.args...)
			if !checkErr(t, err, tc.err) {
				return
			}
			if len(res) != len(tc.want) {
				t.Fatalf("got %d results, want %d", len(res), len(tc.want))
			}
			for i, w := range tc.want {
				if got := describe(res[i]); got != w {
					t.Errorf("result %d: got %s, want %s", i, got, w)
				}
			}
			if got := describe(l3); got != "list<si64>[1 2 3]" {
				t.Errorf("input list modified: %s", got)
			}
		})
	}
}

// TestAppendNeverAliases checks that two appends to the same list do not
// see each other (the result must not share spare capacity with its input).
func TestAppendNeverAliases(t *testing.T) {
	t.Parallel()
	base, err := Create([]data.Value{si(1)})
	if err != nil {
		t.Fatal(err)
	}
	grown, err := Append(base, si(2))
	if err != nil {
		t.Fatal(err)
	}
	x, err := Append(grown, si(3))
	if err != nil {
		t.Fatal(err)
	}
	y, err := Append(grown, si(4))
	if err != nil {
		t.Fatal(err)
	}
	if describe(x) != "list<si64>[1 2 3]" || describe(y) != "list<si64>[1 2 4]" || describe(grown) != "list<si64>[1 2]" {
		t.Errorf("appends interfere: grown %s, x %s, y %s", describe(grown), describe(x), describe(y))
	}
	rest, _, err := Remove(grown, 0)
	if err != nil {
		t.Fatal(err)
	}
	if describe(rest) != "list<si64>[2]" || describe(grown) != "list<si64>[1 2]" {
		t.Errorf("remove modified its input: %s, rest %s", describe(grown), describe(rest))
	}
}
