package vec_test

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/config"
	"github.com/daphne-go/daphne/driver"
	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/vec"
	"github.com/daphne-go/daphne/sched"
	"github.com/daphne-go/daphne/sched/partition"
)

func TestRowViewAndRows(t *testing.T) {
	t.Parallel()
	x := data.DenseFrom(4, 2, []int64{1, 2, 3, 4, 5, 6, 7, 8})
	tests := []struct {
		name   string
		lo, hi int
		want   []int64
	}{
		{"first", 0, 1, []int64{1, 2}},
		{"middle", 1, 3, []int64{3, 4, 5, 6}},
		{"empty", 4, 4, []int64{}},
	}
	for _, tc := range tests {
		v, ok := vec.RowView(x, tc.lo, tc.hi)
		if !ok {
			t.Fatalf("%s: not a view", tc.name)
		}
		got := v.(*data.Dense[int64]).Data
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
	if _, ok := vec.RowView(data.F64(1), 0, 0); ok {
		t.Error("a scalar has a row view")
	}
	r := vec.NewRows(4)
	v, _ := vec.RowView(x, 2, 4)
	if !r.Put(2, v) || r.Put(3, v) || r.Put(0, data.DenseFrom(1, 2, []float64{1, 2})) {
		t.Error("Put accepted a bad range or type, or rejected a good one")
	}
	if got := fmt.Sprint(r.Matrix().(*data.Dense[int64]).Data); got != "[0 0 0 0 5 6 7 8]" {
		t.Errorf("rows %s", got)
	}
}

func TestNaNBelowFirstRow(t *testing.T) {
	t.Parallel()
	nan := math.NaN()
	tests := []struct {
		name string
		v    data.Value
		want bool
	}{
		{"none", data.DenseFrom(2, 2, []float64{1, 2, 3, 4}), false},
		{"first row", data.DenseFrom(2, 2, []float64{nan, 2, 3, 4}), false},
		{"second row", data.DenseFrom(2, 2, []float64{1, 2, 3, nan}), true},
		{"f32", data.DenseFrom(2, 1, []float32{1, float32(nan)}), true},
		{"ints", data.DenseFrom(2, 1, []int64{1, 2}), false},
	}
	for _, tc := range tests {
		if got := vec.NaNBelowFirstRow(tc.v); got != tc.want {
			t.Errorf("%s: %v", tc.name, got)
		}
	}
}

func TestPartialsStackInRowOrder(t *testing.T) {
	t.Parallel()
	var p vec.Partials
	p.Add(5, data.DenseFrom(1, 2, []float64{3, 4}))
	p.Add(0, data.DenseFrom(1, 2, []float64{1, 2}))
	s, ok := p.Stacked()
	if !ok || fmt.Sprint(s.(*data.Dense[float64]).Data) != "[1 2 3 4]" {
		t.Fatalf("stacked %v %v", s, ok)
	}
	if _, ok := vec.Stack([]data.Value{data.DenseFrom(1, 1, []float64{1}), data.DenseFrom(1, 1, []int64{1})}); ok {
		t.Error("stacked mixed value types")
	}
}

func TestSchedOptions(t *testing.T) {
	t.Parallel()
	o, err := vec.SchedOptions("gss", "PERCPU", "SEQPRI", 3, 8, true, false)
	if err != nil || o.Scheme != "GSS" || o.Layout != sched.PerCPU || o.Victim != sched.SeqPri || o.Threads != 3 || o.MinChunk != 8 || !o.PrePartition {
		t.Fatalf("%+v %v", o, err)
	}
	for _, bad := range [][3]string{{"NOPE", "", ""}, {"", "NOPE", ""}, {"", "", "NOPE"}} {
		if _, err := vec.SchedOptions(bad[0], bad[1], bad[2], 0, 1, false, false); err == nil {
			t.Errorf("%v accepted", bad)
		}
	}
}

// pipelineScript exercises row-wise outputs (f64, si64, bool), broadcast
// scalars and row vectors, column vectors, row aggregations and every
// column aggregation, with integer column sums (exact), and NaNs at the
// top of a task's rows for the float column min/max (a NaN starts a
// column's fold, see runtime/kernel/agg; M's NaN starts the second half).
const pipelineScript = `
X = rand(97, 5, -1.0, 1.0, 1, 42);
r = rand(1, 5, 0.0, 1.0, 1, 7);
c = rand(97, 1, 0.0, 1.0, 1, 8);
Z = abs(X * 2.0 - r) + c;
print(Z);
print(rowSums(Z));
print(rowMins(Z));
print(rowMaxs(Z));
print(rowMeans(Z));
print(colMins(Z));
print(colMaxs(Z));
I = rand(97, 4, -50, 50, 1, 3);
J = (I * 3 + 1) % 7;
print(J);
print(colSums(J));
print(colMins(J));
print(colMaxs(J > 0));
print(I < 0);
S = rand(97, 3, 0.0, 1.0, 0.6, 5);
N = S / S;
print(colMins(N));
print(colMaxs(N));
print(colSums(N));
M = [5.0, 3.0, 4.0, 2.0, 0.0, 1.0, 6.0, 7.0](8, 1);
P = M / M * M;
print(colMins(P));
print(colMaxs(P));
`

// run runs script through the driver with cfg and returns stdout, exit code.
func run(t *testing.T, script string, cfg *config.Config) (string, int) {
	t.Helper()
	var out bytes.Buffer
	err := driver.Run(context.Background(), cfg, script, driver.Options{Stdout: &out, Stderr: &out})
	if err != nil {
		driver.Report(&out, err)
	}
	return out.String(), driver.ExitCode(err)
}

func writeScript(t *testing.T, src string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "p.daph")
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestPipelinesEveryScheduling runs fused pipelines under every scheme x
// layout x victim x threads {1, 2, 3, 7} and compares with the unfused run.
func TestPipelinesEveryScheduling(t *testing.T) {
	script := writeScript(t, pipelineScript)
	want, code := run(t, script, config.Default())
	if code != 0 {
		t.Fatalf("unfused run failed: %s", want)
	}
	cfg := config.Default()
	cfg.Vec, cfg.Explain = true, []string{"vectorized"}
	var explain bytes.Buffer
	err := driver.Run(context.Background(), cfg, script, driver.Options{Stdout: &bytes.Buffer{}, Stderr: &explain})
	if err != nil || strings.Count(explain.String(), "vectorizedPipeline") < 3 {
		t.Fatalf("script not fused (%v):\n%s", err, explain.String())
	}
	schemes := partition.Names()
	if testing.Short() {
		schemes = []string{"STATIC", "SS", "GSS", "FAC2"}
	}
	for _, scheme := range schemes {
		for _, layout := range config.QueueLayouts {
			for _, victim := range config.VictimSelections {
				for _, threads := range []int{1, 2, 3, 7} {
					cfg := config.Default()
					cfg.Vec, cfg.Partitioning, cfg.QueueLayout, cfg.VictimSelection, cfg.NumThreads = true, scheme, layout, victim, threads
					if scheme == "CST" {
						t.Setenv("DAPHNE_CST_TASK_SIZE", "5")
					}
					got, code := run(t, script, cfg)
					if code != 0 || got != want {
						t.Fatalf("%s/%s/%s/%d: exit %d, output differs:\n%s\nwant:\n%s", scheme, layout, victim, threads, code, got, want)
					}
				}
			}
		}
	}
}

// TestPipelinesBatched runs the pipelines with batches of 1, a few and
// many rows per task (--phy-batch-size).
func TestPipelinesBatched(t *testing.T) {
	script := writeScript(t, pipelineScript)
	want, _ := run(t, script, config.Default())
	for _, bytes := range []int{1, 100, 1000, 1 << 20} {
		for _, scheme := range []string{"STATIC", "GSS"} {
			cfg := config.Default()
			cfg.Vec, cfg.Partitioning, cfg.NumThreads, cfg.PhyBatchSize = true, scheme, 3, bytes
			if got, code := run(t, script, cfg); code != 0 || got != want {
				t.Fatalf("batch %d bytes, %s: exit %d, output differs:\n%s\nwant:\n%s", bytes, scheme, code, got, want)
			}
		}
	}
}

// TestPipelineErrorAsUnfused checks that a failing task reports the error
// (and exit code) of the unfused run: integer division by zero in some rows.
func TestPipelineErrorAsUnfused(t *testing.T) {
	script := writeScript(t, `
I = rand(50, 3, 0, 5, 1, 1);
print("before");
J = (I + 1) / (I - 2);
print(colSums(J));
`)
	want, wantCode := run(t, script, config.Default())
	if wantCode == 0 {
		t.Fatalf("unfused run did not fail: %s", want)
	}
	for _, scheme := range []string{"STATIC", "SS"} {
		cfg := config.Default()
		cfg.Vec, cfg.Partitioning, cfg.NumThreads = true, scheme, 3
		got, code := run(t, script, cfg)
		if got != want || code != wantCode {
			t.Errorf("%s: exit %d %q, want exit %d %q", scheme, code, got, wantCode, want)
		}
	}
}

// TestFloatColSumTolerance checks the documented tolerance of fused
// floating-point column sums.
func TestFloatColSumTolerance(t *testing.T) {
	script := writeScript(t, `
X = rand(5000, 3, 0.0, 1.0, 1, 11);
print(as.scalar(colSums(X)[0, 0]) * 1000000);
`)
	want, _ := run(t, script, config.Default())
	cfg := config.Default()
	cfg.Vec, cfg.Partitioning, cfg.NumThreads = true, "SS", 3
	got, _ := run(t, script, cfg)
	var a, b float64
	fmt.Sscan(want, &a)
	fmt.Sscan(got, &b)
	if a == 0 || (a-b)/a > 1e-12 || (b-a)/a > 1e-12 {
		t.Errorf("fused %v, unfused %v", b, a)
	}
}

func TestSchedOptionsRejectsUnusableScheme(t *testing.T) {
	t.Setenv("DAPHNE_CST_TASK_SIZE", "")
	if _, err := vec.SchedOptions("CST", "", "", 0, 1, false, false); err == nil || !strings.Contains(err.Error(), "DAPHNE_CST_TASK_SIZE") {
		t.Fatalf("CST without a chunk size: got %v", err)
	}
	t.Setenv("DAPHNE_CST_TASK_SIZE", "16")
	if _, err := vec.SchedOptions("CST", "PERCPU", "SEQPRI", 2, 1, false, false); err != nil {
		t.Fatal(err)
	}
}
