package linalg

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
	"github.com/daphne-go/daphne/sched"
	"github.com/daphne-go/daphne/types"
)

// cellsString prints a result exactly: value type, shape and every cell
// (NaN, -0 and integers of every width included).
func cellsString(t *testing.T, m data.Matrix) string {
	t.Helper()
	d, err := data.ToDenseMatrix(m)
	if err != nil {
		t.Fatal(err)
	}
	var cells any
	switch x := d.(type) {
	case *data.Dense[float64]:
		cells = x.Data
	case *data.Dense[float32]:
		cells = x.Data
	case *data.Dense[int64]:
		cells = x.Data
	case *data.Dense[int32]:
		cells = x.Data
	case *data.Dense[int8]:
		cells = x.Data
	case *data.Dense[uint64]:
		cells = x.Data
	case *data.Dense[uint32]:
		cells = x.Data
	case *data.Dense[uint8]:
		cells = x.Data
	default:
		t.Fatalf("unexpected result %s", data.Describe(m))
	}
	return fmt.Sprintf("%s %dx%d %v", m.ValueType(), m.Rows(), m.Cols(), cells)
}

// pool is the set of values random matrices draw from: negatives, zeros
// (also -0), fractions that become 0 as integers, and special floats when
// asked.
func randomF64(r *rand.Rand, rows, cols int, density float64, special bool) *data.Dense[float64] {
	vals := []float64{-3, -2, -1, -0.5, 0.5, 1, 2, 3, 7, -100, 1e10}
	d := data.NewDense[float64](rows, cols)
	for k := range d.Data {
		if r.Float64() >= density {
			continue
		}
		d.Data[k] = vals[r.IntN(len(vals))]
		if special && r.IntN(10) == 0 {
			d.Data[k] = []float64{math.NaN(), math.Inf(1), math.Inf(-1), math.Copysign(0, -1)}[r.IntN(4)]
		}
	}
	return d
}

// matrixOf converts a random f64 matrix to vt and optionally CSR.
func matrixOf(t *testing.T, d *data.Dense[float64], vt types.ValueType, csr bool) data.Matrix {
	t.Helper()
	m, err := data.ConvertMatrix(d, vt)
	if err != nil {
		t.Fatal(err)
	}
	if csr {
		if m, err = data.ToCSRMatrix(m); err != nil {
			t.Fatal(err)
		}
	}
	return m
}

// check compares the fused kernel with the unfused composition for every
// aggregation and thread count: same result exactly, or the same error.
func check(t *testing.T, name string, g, c data.Matrix) {
	checkCount(t, name, g, c)
}

// fusedRuns counts the comparisons in which the fast path ran (not the
// fallback); only TestSpRowAggMulConformance reads it.
var fusedRuns atomic.Int64

func checkCount(t *testing.T, name string, g, c data.Matrix) {
	t.Helper()
	for _, a := range []RowAgg{RowSum, RowMin, RowMax} {
		want, wantErr := unfusedRowAgg(a, g, c)
		for _, threads := range []int{1, 2, 3, 7} {
			got, err := SpRowAggMul(context.Background(), threads, a, g, c)
			if (err != nil) != (wantErr != nil) || err != nil && err.Error() != wantErr.Error() {
				t.Fatalf("%s %s threads=%d: error %v, want %v", name, a, threads, err, wantErr)
			}
			if err != nil {
				continue
			}
			if gs, ws := cellsString(t, got), cellsString(t, want); gs != ws {
				t.Fatalf("%s %s threads=%d:\n got %s\nwant %s", name, a, threads, gs, ws)
			}
			if _, fused, _ := fusedRowAgg(context.Background(), threads, nil, a, g, c); fused {
				fusedRuns.Add(1)
			}
			if got.IsSparse() {
				t.Fatalf("%s: result is sparse", name)
			}
			// The run's scheduling options (--vec) split by rows instead:
			// the result must not change.
			so := &sched.Options{Scheme: []string{"GSS", "FAC2"}[threads%2], Layout: sched.PerCPU, Threads: threads}
			viaSched, err := SpRowAggMulSched(context.Background(), threads, so, a, g, c)
			if err != nil {
				t.Fatalf("%s %s threads=%d with %s: %v", name, a, threads, so.Scheme, err)
			}
			if gs, ws := cellsString(t, viaSched), cellsString(t, want); gs != ws {
				t.Fatalf("%s %s threads=%d with %s:\n got %s\nwant %s", name, a, threads, so.Scheme, gs, ws)
			}
		}
	}
}

// TestSpRowAggMulConformance compares the fused kernel with ew.Binary +
// agg.Aggregate on random dense and CSR matrices of every numeric value
// type pair, with empty rows, negative values and (for floats) NaN, Inf
// and -0, split over several row ranges.
func TestSpRowAggMulConformance(t *testing.T) {
	old := rowAggMinWork
	rowAggMinWork = 0 // split even small inputs into row ranges
	defer func() { rowAggMinWork = old }()
	r := rand.New(rand.NewPCG(1, 2))
	fusedRuns.Store(0)
	total := 0
	vts := []types.ValueType{types.F64, types.F32, types.SI64, types.SI32, types.SI8, types.UI64, types.UI32, types.UI8, types.Size}
	cvts := []types.ValueType{types.F64, types.SI64, types.UI8, types.F32}
	shapes := [][2]int{{1, 1}, {5, 1}, {1, 6}, {13, 7}, {40, 40}, {3, 64}}
	for _, gvt := range vts {
		for _, cvt := range cvts {
			for _, sh := range shapes {
				for _, special := range []bool{false, true} {
					for _, density := range []float64{0.05, 0.4, 1} {
						gd := randomF64(r, sh[0], sh[1], density, special)
						cd := randomF64(r, sh[1], 1, 0.9, special && r.IntN(2) == 0)
						c := matrixOf(t, cd, cvt, false)
						for _, csr := range []bool{false, true} {
							g := matrixOf(t, gd, gvt, csr)
							name := fmt.Sprintf("G %s %v csr=%v, c %s, special=%v, density=%v", gvt, sh, csr, cvt, special, density)
							check(t, name, g, c)
							total += 3 * 4
						}
					}
				}
			}
		}
	}
	// Most comparisons must exercise the fast path (the rest are CSR
	// inputs with NaN/Inf labels, left to the unfused ops).
	if n := fusedRuns.Load(); n < int64(total/2) {
		t.Fatalf("the fast path ran in %d of %d comparisons", n, total)
	}
	t.Logf("fast path in %d of %d comparisons", fusedRuns.Load(), total)
}

// TestSpRowAggMulEdges covers the cases the fused path leaves to the
// unfused ops or treats specially: empty shapes (0 x n, n x 0, 0 x 0),
// empty and all-negative CSR rows, shape mismatches and broadcasts, CSR c,
// bool and string value types.
func TestSpRowAggMulEdges(t *testing.T) {
	t.Parallel()
	csr := func(rows, cols int, rp, ci []int, v []float64) data.Matrix {
		m, err := data.NewCSR(rows, cols, rp, ci, v)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	col := func(v ...float64) data.Matrix { return data.DenseFrom(len(v), 1, v) }
	// Row 0: only negative products and a gap (max 0); row 1: empty; row 2:
	// full and negative (max < 0); row 3: a product in column 0.
	g := csr(4, 3, []int{0, 2, 2, 5, 6}, []int{0, 2, 0, 1, 2, 0}, []float64{-1, -2, -1, -2, -3, 4})
	cases := []struct {
		name string
		g, c data.Matrix
	}{
		{"negative rows and gaps", g, col(1, 1, 1)},
		{"negative labels", g, col(-1, 2, -3)},
		{"zero label", g, col(0, 1, 1)},
		{"NaN label (ew expands CSR)", g, col(math.NaN(), 1, 1)},
		{"Inf label", g, col(1, math.Inf(1), 1)},
		{"dense copy", g.(*data.CSR[float64]).ToDense(), col(1, -1, 2)},
		{"0 x n", data.NewDense[float64](0, 3), col(1, 2, 3)},
		{"0 x n CSR", data.EmptyCSR[float64](types.F64, 0, 3), col(1, 2, 3)},
		{"n x 0", data.NewDense[float64](3, 0), data.NewDense[float64](0, 1)},
		{"n x 0 CSR", data.EmptyCSR[float64](types.F64, 3, 0), data.NewDense[float64](0, 1)},
		{"0 x 0", data.NewDense[float64](0, 0), data.NewDense[float64](0, 1)},
		{"c too long", g, col(1, 2, 3, 4)},
		{"c 1 x 1 broadcast", g, col(2)},
		{"G one column broadcast", data.DenseFrom(2, 1, []float64{1, -2}), col(1, 2, 3)},
		{"c a matrix", g, data.DenseFrom(3, 2, []float64{1, 2, 3, 4, 5, 6})},
		{"c CSR", g, csr(3, 1, []int{0, 1, 1, 2}, []int{0, 0}, []float64{5, -1})},
		{"bool G", data.DenseFrom(1, 2, []bool{true, false}), data.DenseFrom(2, 1, []bool{true, true})},
		{"string c", g, data.DenseFrom(3, 1, []string{"a", "b", "c"})},
		{"empty CSR", data.EmptyCSR[float64](types.F64, 3, 3), col(1, 2, 3)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			check(t, tc.name, tc.g, tc.c)
		})
	}
	// The documented values of the first case.
	got, err := SpRowAggMul(nil, 1, RowMax, g, col(1, 1, 1))
	if err != nil {
		t.Fatal(err)
	}
	if s := cellsString(t, got); s != "f64 4x1 [0 0 -1 4]" {
		t.Errorf("max: got %s", s)
	}
}

// TestSpRowAggMulOp checks the registry entry: attribute parsing and
// argument errors.
func TestSpRowAggMulOp(t *testing.T) {
	t.Parallel()
	r := ops.NewRegistry()
	Register(r)
	f, _ := r.Lookup("spRowAggMul")
	g := data.DenseFrom(2, 2, []float64{1, -2, 3, 4})
	c := data.DenseFrom(2, 1, []float64{1, 2})
	tests := []struct {
		agg  string
		args []data.Value
		want string
		err  string
	}{
		{"sum", []data.Value{g, c}, "f64 2x1 [-3 11]", ""},
		{"min", []data.Value{g, c}, "f64 2x1 [-4 3]", ""},
		{"max", []data.Value{g, c}, "f64 2x1 [1 8]", ""},
		{"avg", []data.Value{g, c}, "", `spRowAggMul: unknown aggregation "avg" (expected sum, min or max)`},
		{"max", []data.Value{g}, "", "spRowAggMul expects 2 arguments, got 1"},
		{"max", []data.Value{g, data.F64(1)}, "", "spRowAggMul: vec must be a matrix, got scalar f64"},
	}
	for _, tc := range tests {
		res, err := f(&ops.Ctx{Threads: 2}, tc.args, map[string]string{"agg": tc.agg})
		if tc.err != "" {
			if err == nil || err.Error() != tc.err {
				t.Errorf("%s: error %v, want %q", tc.agg, err, tc.err)
			}
			if err != nil && tc.agg == "avg" && !errors.Is(err, ErrArgument) {
				t.Errorf("%s: error %v does not wrap ErrArgument", tc.agg, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", tc.agg, err)
		}
		if s := cellsString(t, res[0].(data.Matrix)); s != tc.want {
			t.Errorf("%s: got %s, want %s", tc.agg, s, tc.want)
		}
	}
}

// benchGraph is a 400,000-node graph with 6.8 million stored ones (the
// size of the connected-components example), skewed: a few rows hold many
// entries. Built once.
var benchGraph = sync.OnceValue(func() *data.CSR[float64] {
	const n, nnz = 400_000, 6_800_000
	r := rand.New(rand.NewPCG(3, 4))
	rp := make([]int, n+1)
	ci := make([]int, 0, nnz)
	seen := map[int]bool{}
	for i := range n {
		deg := nnz / n
		if r.IntN(1000) == 0 {
			deg *= 50
		} else if deg > 1 {
			deg = r.IntN(2*deg-2) + 1
		}
		clear(seen)
		row := make([]int, 0, deg)
		for range deg {
			j := int(r.Int64N(n))
			if !seen[j] {
				seen[j] = true
				row = append(row, j)
			}
		}
		slices.Sort(row)
		ci = append(ci, row...)
		rp[i+1] = len(ci)
	}
	vals := make([]float64, len(ci))
	for k := range vals {
		vals[k] = 1
	}
	g, err := data.NewCSR(n, n, rp, ci, vals)
	if err != nil {
		panic(err)
	}
	return g
})

// BenchmarkRowMaxsOfProduct compares one label-propagation step,
// rowMaxs(G * t(c)), fused (SpRowAggMul) and unfused (ew.Binary then
// agg.Aggregate), on 1 and 2 threads.
func BenchmarkRowMaxsOfProduct(b *testing.B) {
	g := benchGraph()
	c := data.NewDense[float64](g.Cols(), 1)
	for i := range c.Data {
		c.Data[i] = float64(i + 1)
	}
	b.Run("unfused", func(b *testing.B) {
		for b.Loop() {
			if _, err := unfusedRowAgg(RowMax, g, c); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, threads := range []int{1, 2} {
		b.Run(fmt.Sprintf("fused/threads=%d", threads), func(b *testing.B) {
			for b.Loop() {
				if _, err := SpRowAggMul(context.Background(), threads, RowMax, g, c); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
