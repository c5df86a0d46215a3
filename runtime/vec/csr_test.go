package vec_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/config"
	"github.com/daphne-go/daphne/driver"
	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/vec"
)

// sparseScript fuses pipelines over random CSR matrices (rand with sparsity
// 0.05 and 0.2 under --select-matrix-repr): row aggregations, elementwise
// ops with a broadcast row, a broadcast scalar and a second CSR or dense
// split input, CSR and dense row-wise results, column min/max.
const sparseScript = `
G = rand(130, 90, -1.0, 1.0, 0.05, 11);
H = rand(130, 90, 0.0, 3.0, 0.2, 12);
D = rand(130, 90, 0.0, 1.0, 1, 13);
c = rand(90, 1, 1.0, 2.0, 1, 14);
s = 2.5;
print(rowSums(G));
print(G * s);
print(rowMaxs(abs(G * t(c)) * 2.0));
print(rowMins(G * t(c) - 0.5));
print(colMaxs(G * H));
print(colMins(G + H));
print(G * D);
print(abs(H) > 1.5);
print(rowSums(H) + rowMaxs(G));
I = rand(130, 90, 0, 9, 0.1, 15);
print(rowSums(I * 3) + rowMaxs(I));
`

// TestSparsePipelines runs sparseScript with and without --vec (several
// schemes, thread counts and batch sizes) and expects the same output, and
// every pipeline to run split (--debug-mt logs no unsplit rerun).
func TestSparsePipelines(t *testing.T) {
	script := writeScript(t, sparseScript)
	base := config.Default()
	base.SelectMatrixRepr = true
	want, code := run(t, script, base)
	if code != 0 {
		t.Fatalf("unfused run failed: %s", want)
	}
	for _, c := range []struct {
		scheme  string
		threads int
		batch   int
	}{{"STATIC", 2, 0}, {"SS", 3, 0}, {"GSS", 7, 64}, {"FAC2", 2, 1}, {"TSS", 1, 0}} {
		t.Run(fmt.Sprintf("%s/%d/%d", c.scheme, c.threads, c.batch), func(t *testing.T) {
			cfg := config.Default()
			cfg.SelectMatrixRepr, cfg.Vec, cfg.DebugMT = true, true, true
			cfg.Partitioning, cfg.NumThreads = c.scheme, c.threads
			if c.batch > 0 {
				cfg.PhyBatchSize = c.batch
			}
			var out, log bytes.Buffer
			err := driver.Run(context.Background(), cfg, script, driver.Options{Stdout: &out, Stderr: &log})
			if err != nil {
				t.Fatal(err)
			}
			if out.String() != want {
				t.Errorf("output differs:\n%s\nwant:\n%s", out.String(), want)
			}
			runs := strings.Count(log.String(), `msg="vectorized pipeline"`)
			if runs < 8 || strings.Contains(log.String(), "ran unsplit") {
				t.Errorf("%d pipeline runs, or an unsplit rerun:\n%s", runs, log.String())
			}
		})
	}
}

// TestCSRRowViews checks row views of a CSR matrix (shared values, rebased
// row pointers) and the join of CSR parts in row order.
func TestCSRRowViews(t *testing.T) {
	t.Parallel()
	d := data.DenseFrom(5, 4, []float64{0, 1, 0, 2, 0, 0, 0, 0, 3, 0, 4, 0, 0, 0, 0, 5, 6, 7, 0, 0})
	m := data.DenseToCSR(d)
	tests := []struct {
		name   string
		lo, hi int
	}{{"all", 0, 5}, {"first", 0, 1}, {"empty row", 1, 2}, {"middle", 2, 4}, {"last", 4, 5}, {"none", 3, 3}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v, ok := vec.RowView(m, tc.lo, tc.hi)
			if !ok {
				t.Fatal("no view")
			}
			got := v.(*data.CSR[float64]).ToDense()
			if fmt.Sprint(got.Data) != fmt.Sprint(d.RowRange(tc.lo, tc.hi).Data) {
				t.Errorf("rows %v, want %v", got.Data, d.RowRange(tc.lo, tc.hi).Data)
			}
			if vv := v.(*data.CSR[float64]); len(vv.Values) > 0 && &vv.Values[0] != &m.Values[m.RowPtr[tc.lo]] {
				t.Error("values copied")
			}
		})
	}
	// Parts put out of order join in row order; a gap or a dense part fails.
	r := vec.NewRows(5)
	for _, rg := range [][2]int{{3, 5}, {0, 1}, {1, 3}} {
		v, _ := vec.RowView(m, rg[0], rg[1])
		if !r.Put(rg[0], v) {
			t.Fatalf("put %v refused", rg)
		}
	}
	if r.Put(0, d) {
		t.Error("dense part accepted into a CSR result")
	}
	got, ok := r.Matrix().(*data.CSR[float64])
	if !ok || fmt.Sprint(got.ToDense().Data) != fmt.Sprint(d.Data) || fmt.Sprint(got.RowPtr) != fmt.Sprint(m.RowPtr) {
		t.Errorf("joined %v", r.Matrix())
	}
	gap := vec.NewRows(5)
	v, _ := vec.RowView(m, 0, 2)
	gap.Put(0, v)
	if gap.Matrix() != nil {
		t.Error("parts with a gap joined")
	}
}
