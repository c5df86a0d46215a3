package vec_test

import (
	"bytes"
	"context"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/config"
	"github.com/daphne-go/daphne/driver"
	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/kernel/agg"
	"github.com/daphne-go/daphne/runtime/vec"
	"github.com/daphne-go/daphne/sched/partition"
)

// TestMomentPartsMatchKernels merges the summaries of row ranges, added
// out of order, and compares with the unsplit kernels: a relative 1e-12
// for f64 (the documented tolerance is far looser), equal after rounding
// to f32 up to one ulp for f32, exact zeros for constant columns and
// NaN for NaN columns.
func TestMomentPartsMatchKernels(t *testing.T) {
	t.Parallel()
	const rows, cols = 103, 4
	x := make([]float64, rows*cols)
	for i := range rows {
		x[i*cols] = math.Sin(float64(i))*1e3 + 1e6 // large mean, small spread
		x[i*cols+1] = 7                            // constant: var 0
		x[i*cols+2] = float64(i%5) - 2
		x[i*cols+3] = float64(i)
	}
	x[50*cols+3] = math.NaN()
	f32 := make([]float32, len(x))
	for i, v := range x {
		f32[i] = float32(v)
	}
	ints := make([]int64, len(x))
	for i := range x {
		ints[i] = int64(i%17) - 8
	}
	inputs := map[string]*struct {
		m   data.Matrix
		tol float64
	}{
		"f64":  {data.DenseFrom(rows, cols, x), 1e-12},
		"f32":  {data.DenseFrom(rows, cols, f32), 1e-6},
		"si64": {data.DenseFrom(rows, cols, ints), 1e-12},
	}
	cuts := [][]int{{0, rows}, {0, 1, 2, 3, rows}, {0, 50, 51, rows}, {0, 10, 20, 40, 80, 102, rows}}
	for name, in := range inputs {
		for _, mode := range []string{vec.CombineMean, vec.CombineVar, vec.CombineStddev} {
			for _, cut := range cuts {
				var p vec.MomentParts
				for k := len(cut) - 2; k >= 0; k-- { // last range first
					v, _ := vec.RowView(in.m, cut[k], cut[k+1])
					if err := p.Add(cut[k], v); err != nil {
						t.Fatal(err)
					}
				}
				got, ok, err := p.Finish(mode)
				if err != nil || !ok {
					// mean of a NaN column reruns unsplit: only f64/f32 col 3
					if mode == vec.CombineMean && name != "si64" {
						continue
					}
					t.Fatalf("%s %s %v: ok %v err %v", name, mode, cut, ok, err)
				}
				op := map[string]agg.Op{vec.CombineMean: agg.Mean, vec.CombineVar: agg.Var, vec.CombineStddev: agg.Stddev}[mode]
				want, err := agg.Aggregate(op, agg.Col, in.m)
				if err != nil {
					t.Fatal(err)
				}
				if got.ValueType() != want.ValueType() {
					t.Fatalf("%s %s: value type %v, want %v", name, mode, got.ValueType(), want.ValueType())
				}
				g, w := floats(got), floats(want)
				for j := range w {
					if !close(g[j], w[j], in.tol) {
						t.Errorf("%s %s %v col %d: %v, want %v", name, mode, cut, j, g[j], w[j])
					}
				}
				if mode != vec.CombineMean && name != "si64" && g[1] != 0 {
					t.Errorf("%s %s: constant column gives %v, want 0", name, mode, g[1])
				}
			}
		}
	}
}

// TestMomentPartsRefuse checks the cases the caller must run unsplit.
func TestMomentPartsRefuse(t *testing.T) {
	t.Parallel()
	inf, nan := math.Inf(1), math.NaN()
	tests := []struct {
		name string
		mode string
		x    []float64 // 4 x 1, cut after row 2
		ok   bool
	}{
		{"finite", vec.CombineMean, []float64{1, 2, 3, 4}, true},
		{"inf mean", vec.CombineMean, []float64{1, 2, inf, 4}, false},
		{"nan mean", vec.CombineMean, []float64{1, 2, nan, 4}, false},
		{"inf stddev", vec.CombineStddev, []float64{1, inf, 3, 4}, false},
		{"nan var", vec.CombineVar, []float64{1, 2, nan, 4}, true},
		{"not a moments mode", vec.CombineAdd, []float64{1, 2, 3, 4}, false},
	}
	for _, tc := range tests {
		m := data.DenseFrom(4, 1, tc.x)
		var p vec.MomentParts
		for _, r := range [][2]int{{0, 2}, {2, 4}} {
			v, _ := vec.RowView(m, r[0], r[1])
			if err := p.Add(r[0], v); err != nil {
				t.Fatal(err)
			}
		}
		_, ok, err := p.Finish(tc.mode)
		if ok != tc.ok || err != nil {
			t.Errorf("%s: ok %v err %v, want ok %v", tc.name, ok, err, tc.ok)
		}
	}
	var p vec.MomentParts
	if _, ok, _ := p.Finish(vec.CombineMean); ok {
		t.Error("no parts finished")
	}
	if p.Add(0, data.DenseFrom(1, 2, []float64{1, 2})) != nil || p.Add(1, data.DenseFrom(1, 3, []float64{1, 2, 3})) == nil {
		t.Error("parts of different widths accepted")
	}
	if p.Add(0, data.DenseFrom(1, 1, []string{"a"})) == nil || p.Add(0, data.F64(1)) == nil {
		t.Error("string matrix or scalar accepted")
	}
}

func floats(v data.Value) []float64 {
	switch m := v.(type) {
	case *data.Dense[float64]:
		return m.Data
	case *data.Dense[float32]:
		out := make([]float64, len(m.Data))
		for i, x := range m.Data {
			out[i] = float64(x)
		}
		return out
	}
	return nil
}

func close(a, b, tol float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return a == b || math.Abs(a-b) <= tol*math.Max(math.Abs(a), math.Abs(b))
}

// statsScript fuses column statistics: mean and stddev of one matrix (one
// pipeline, the linear-regression standardisation after it), var of an
// intermediate beside a row output, f32 and integer inputs, a constant
// column (stddev 0), NaN columns (0/0 of a sparse rand) and an infinity,
// both of which make the mean rerun unsplit.
const statsScript = `
X = rand(97, 5, -1.0, 1.0, 1, 42);
Xmeans = mean(X, 1);
Xstddev = stddev(X, 1);
print(Xmeans);
print(Xstddev);
Z = (X - Xmeans) / Xstddev;
print(Z);
Y = X * 2.0 + 1.0;
print(var(Y, 1));
print(rowSums(Y));
F = as.matrix<f32>(X);
print(mean(F, 1));
print(var(F, 1));
print(stddev(F, 1));
I = rand(97, 4, -50, 50, 1, 3);
print(mean(I, 1));
print(stddev(I, 1));
C = fill(3.0, 97, 3);
print(mean(C, 1));
print(stddev(C, 1));
S = rand(97, 3, 0.0, 1.0, 0.6, 5);
N = S / S;
print(mean(N, 1));
print(var(N, 1));
print(stddev(N, 1));
M = [1.0, inf, 4.0, 2.0, 0.0, 1.0, 6.0, 7.0](8, 1);
print(mean(M, 1));
print(stddev(M, 1));
`

// TestStatsEveryScheduling runs statsScript fused under every scheme x
// layout x threads {1, 2, 3, 7} and with 1-row batches, and compares the
// printed numbers with the unfused run (a relative 1e-5, as e2e does; nan,
// -nan and inf exactly).
func TestStatsEveryScheduling(t *testing.T) {
	script := writeScript(t, statsScript)
	want, code := run(t, script, config.Default())
	if code != 0 {
		t.Fatalf("unfused run failed: %s", want)
	}
	cfg := config.Default()
	cfg.Vec, cfg.Explain = true, []string{"vectorized"}
	var explain bytes.Buffer
	if err := driver.Run(context.Background(), cfg, script, driver.Options{Stdout: &bytes.Buffer{}, Stderr: &explain}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(explain.String(), `combine="moments:mean,moments:stddev"`) || strings.Contains(explain.String(), "call meanCol") {
		t.Fatalf("statistics not fused:\n%s", explain.String())
	}
	schemes := partition.Names()
	if testing.Short() {
		schemes = []string{"STATIC", "SS", "GSS", "FAC2"}
	}
	check := func(label string, cfg *config.Config) {
		t.Helper()
		got, code := run(t, script, cfg)
		if code != 0 || !sameNumbers(got, want, 1e-5) {
			t.Fatalf("%s: exit %d, output differs:\n%s\nwant:\n%s", label, code, got, want)
		}
	}
	for _, scheme := range schemes {
		for _, layout := range config.QueueLayouts {
			for _, threads := range []int{1, 2, 3, 7} {
				cfg := config.Default()
				cfg.Vec, cfg.Partitioning, cfg.QueueLayout, cfg.NumThreads = true, scheme, layout, threads
				if scheme == "CST" {
					t.Setenv("DAPHNE_CST_TASK_SIZE", "5")
				}
				check(scheme+"/"+layout+"/"+strconv.Itoa(threads), cfg)
			}
		}
	}
	for _, bytes := range []int{1, 100} { // 1 byte: 1-row batches
		cfg := config.Default()
		cfg.Vec, cfg.Partitioning, cfg.NumThreads, cfg.PhyBatchSize = true, "GSS", 3, bytes
		check("batch "+strconv.Itoa(bytes), cfg)
	}
}

// sameNumbers compares two outputs token by token: numbers within a
// relative tol, everything else (nan, -nan, inf) exactly.
func sameNumbers(got, want string, tol float64) bool {
	g, w := strings.Fields(got), strings.Fields(want)
	if len(g) != len(w) {
		return false
	}
	for i := range w {
		if g[i] == w[i] {
			continue
		}
		a, err1 := strconv.ParseFloat(strings.TrimPrefix(g[i], "-"), 64)
		b, err2 := strconv.ParseFloat(strings.TrimPrefix(w[i], "-"), 64)
		if err1 != nil || err2 != nil {
			return false
		}
		if strings.HasPrefix(g[i], "-") != strings.HasPrefix(w[i], "-") && a != 0 {
			return false
		}
		if !close(a, b, tol) && math.Abs(a-b) > 1e-12 {
			return false
		}
	}
	return true
}

// TestStatsErrorAsUnfused checks that a failing task of a pipeline with
// column statistics reports the unfused run's error and exit code.
func TestStatsErrorAsUnfused(t *testing.T) {
	script := writeScript(t, `
I = rand(50, 3, 0, 5, 1, 1);
J = (I + 1) / (I - 2);
print(mean(J, 1));
print(stddev(J, 1));
`)
	want, wantCode := run(t, script, config.Default())
	if wantCode == 0 {
		t.Fatalf("unfused run did not fail: %s", want)
	}
	for _, scheme := range []string{"STATIC", "SS"} {
		cfg := config.Default()
		cfg.Vec, cfg.Partitioning, cfg.NumThreads = true, scheme, 3
		if got, code := run(t, script, cfg); got != want || code != wantCode {
			t.Errorf("%s: exit %d %q, want exit %d %q", scheme, code, got, wantCode, want)
		}
	}
}
