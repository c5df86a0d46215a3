package reorg

import (
	"math"
	"math/rand/v2"
	"sort"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
)

func TestOrder(t *testing.T) {
	t.Parallel()
	x := denseOf([][]int64{{3, 1}, {1, 2}, {3, 0}, {1, 1}, {2, 9}})
	nan := math.NaN()
	tests := []struct {
		name    string
		m       data.Matrix
		cols    []int
		ascs    []bool
		idx     bool
		want    string
		wantErr string
	}{
		{"ascending stable", x, []int{0}, []bool{true}, false, "5x2 si64 [1 2 1 1 2 9 3 1 3 0]", ""},
		{"indexes", x, []int{0}, []bool{true}, true, "5x1 size [1 3 4 0 2]", ""},
		{"descending stable", x, []int{0}, []bool{false}, true, "5x1 size [0 2 4 1 3]", ""},
		{"two keys", x, []int{0, 1}, []bool{true, false}, true, "5x1 size [1 3 4 0 2]", ""},
		{"two keys both ascending", x, []int{0, 1}, []bool{true, true}, true, "5x1 size [3 1 4 2 0]", ""},
		{"minor key first", x, []int{1, 0}, []bool{true, true}, true, "5x1 size [2 3 0 1 4]", ""},
		{"strings", denseOf([][]string{{"b"}, {"a"}, {"c"}}), []int{0}, []bool{true}, false, `3x1 str ["a" "b" "c"]`, ""},
		{"bools descending", denseOf([][]bool{{false}, {true}, {false}}), []int{0}, []bool{false}, true, "3x1 size [1 0 2]", ""},
		{"NaN first ascending", denseOf([][]float64{{2}, {nan}, {1}}), []int{0}, []bool{true}, true, "3x1 size [1 2 0]", ""},
		{"CSR argument", data.DenseToCSR(denseOf([][]float64{{0}, {5}, {1}})), []int{0}, []bool{false}, false, "3x1 f64 [5 1 0]", ""},
		{"no rows", data.NewDense[float64](0, 2), []int{1}, []bool{true}, true, "0x1 size []", ""},
		{"column out of range", x, []int{2}, []bool{true}, false, "", "order: column index 2 is out of range for DenseMatrix(5x2, int64_t)"},
		{"direction count", x, []int{0}, []bool{true, true}, false, "", "need as many sort directions as sort columns"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := Order(tc.m, tc.cols, tc.ascs, tc.idx)
			if tc.wantErr != "" {
				if !contains(err, tc.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if s := show(got); s != tc.want {
				t.Fatalf("got %s, want %s", s, tc.want)
			}
		})
	}
}

func TestOps(t *testing.T) {
	t.Parallel()
	r := ops.NewRegistry()
	Register(r)
	x := denseOf([][]int64{{2, 1}, {1, 3}})
	tests := []struct {
		name    string
		op      string
		args    []data.Value
		want    string
		wantErr string
	}{
		{"order values", "order", []data.Value{x, data.SI64(0), data.Bool(true), data.Bool(false)}, "2x2 si64 [1 3 2 1]", ""},
		{"order two keys", "order", []data.Value{x, data.SI64(1), data.SI64(0), data.Bool(false), data.Bool(true), data.Bool(true)},
			"2x1 size [1 0]", ""},
		{"order odd arity", "order", []data.Value{x, data.SI64(0), data.Bool(true)}, "", "order expects an even number of at least 4 arguments"},
		{"order bad column", "order", []data.Value{x, data.SI64(-1), data.Bool(true), data.Bool(false)}, "", "column index -1 is out of range"},
		{"reshape", "reshape", []data.Value{x, data.SI64(1), data.SizeScalar(4)}, "1x4 si64 [2 1 1 3]", ""},
		{"reshape bad dims", "reshape", []data.Value{x, data.SI64(3), data.SI64(1)}, "", "cannot reshape"},
		{"transpose", "transpose", []data.Value{x}, "2x2 si64 [2 1 1 3]", ""},
		{"reverse", "reverse", []data.Value{x}, "2x2 si64 [1 3 2 1]", ""},
		{"cbind", "cbind", []data.Value{x, x}, "2x4 si64 [2 1 2 1 1 3 1 3]", ""},
		{"rbind scalar", "rbind", []data.Value{x, data.F64(1)}, "", "rbind: rhs must be a matrix, got scalar f64"},
		{"transpose arity", "transpose", []data.Value{x, x}, "", "transpose expects 1 argument, got 2"},
	}
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
			if s := show(res[0]); s != tc.want {
				t.Fatalf("got %s, want %s", s, tc.want)
			}
		})
	}
	if n := len(r.Names()); n != 6 {
		t.Fatalf("%d ops registered, want 6: %v", n, r.Names())
	}
}

// TestOrderMatchesStableSort compares Order with sort.SliceStable on data
// with many ties.
func TestOrderMatchesStableSort(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(9, 9))
	m := data.NewDense[int64](500, 3)
	for i := range m.Data {
		m.Data[i] = int64(r.IntN(4))
	}
	keys := []int{2, 0}
	ascs := []bool{false, true}
	got, err := Order(m, keys, ascs, true)
	if err != nil {
		t.Fatal(err)
	}
	want := make([]int, m.Rows())
	for i := range want {
		want[i] = i
	}
	sort.SliceStable(want, func(a, b int) bool {
		ra, rb := want[a], want[b]
		if x, y := m.At(ra, 2), m.At(rb, 2); x != y {
			return x > y
		}
		return m.At(ra, 0) < m.At(rb, 0)
	})
	for i, p := range got.(*data.Dense[uint64]).Data {
		if int(p) != want[i] {
			t.Fatalf("position %d: row %d, want row %d", i, p, want[i])
		}
	}
}
