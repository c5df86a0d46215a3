package bench

import (
	"context"
	"encoding/csv"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// fakeDaphne is a stand-in for the daphne binary: it prints a fixed result
// and a --timing line, fails for --partitioning=FAIL and prints another
// result for --partitioning=DIFF.
const fakeDaphne = `#!/bin/sh
for a in "$@"; do
  case "$a" in
    --partitioning=FAIL) echo "error: scheme failed" >&2; exit 3;;
    --partitioning=DIFF) echo "components: 2"; echo '{"startup_seconds": 0, "execution_seconds": 0.25, "total_seconds": 0.5}' >&2; exit 0;;
  esac
done
echo "components: 1"
echo '{"startup_seconds": 0, "execution_seconds": 0.125, "total_seconds": 0.5}' >&2
`

func TestRunRealWithFakeBinary(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("needs /bin/sh")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "daphne")
	if err := os.WriteFile(bin, []byte(fakeDaphne), 0o755); err != nil {
		t.Fatal(err)
	}
	o := DefaultRealOptions(true)
	o.Bin, o.Root, o.Dir = bin, dir, dir
	o.Nodes, o.Edges, o.LRRows = 100, 300, 10
	o.Schemes = []string{"STATIC", "FAIL", "DIFF"}
	o.Layouts = []string{"CENTRALIZED", "PERCPU"}
	o.Victims = []string{"SEQ", "RANDOM"}
	o.Threads = []int{1, 2}
	o.Reps, o.Timeout = 2, 10*time.Second
	runs, err := RunReal(context.Background(), o, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	// Per pipeline: 1 thread CENTRALIZED only (3 schemes), 2 threads
	// CENTRALIZED (3) + PERCPU x 2 victims (6); x 2 reps; 2 pipelines.
	if want := 2 * 2 * (3 + 3 + 6); len(runs) != want {
		t.Fatalf("%d runs, want %d", len(runs), want)
	}
	for _, r := range runs {
		switch {
		case r.Scheme == "FAIL":
			if r.Err == "" {
				t.Errorf("%+v: failure not recorded", r)
			}
		case r.Pipeline == "lr":
			if r.SameOutput != "n/a" || r.Err != "" {
				t.Errorf("%+v: lr is not compared", r)
			}
		case r.Scheme == "DIFF":
			if r.SameOutput != "no" || r.ExecSeconds != 0.25 {
				t.Errorf("%+v: different output not detected", r)
			}
		default:
			if r.SameOutput != "yes" || r.ExecSeconds != 0.125 || r.Err != "" {
				t.Errorf("%+v", r)
			}
		}
		if r.Threads == 1 && r.Layout != "CENTRALIZED" {
			t.Errorf("%+v: one thread runs only CENTRALIZED", r)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "rmat-100-300.mtx")); err != nil {
		t.Errorf("graph not generated: %v", err)
	}
	figs := RealFigures(runs)
	if _, err := WriteFigures(dir, figs); err != nil {
		t.Fatal(err)
	}
	// A reference run that fails stops the sweep with an error.
	o.Bin = filepath.Join(dir, "missing")
	if _, err := RunReal(context.Background(), o, io.Discard); err == nil {
		t.Fatal("RunReal succeeded without a binary")
	}
}

// preCheckDaphne fails unless --pre-partition comes exactly with a
// "+pre" layout's flags: PERCPU runs must not get it, and it is only
// given with --queue_layout=PERCPU here.
const preCheckDaphne = `#!/bin/sh
pre=no; lay=
for a in "$@"; do
  case "$a" in
    --pre-partition) pre=yes;;
    --queue_layout=*) lay="$a";;
  esac
done
if [ "$pre" = yes ] && [ "$lay" != "--queue_layout=PERCPU" ]; then echo "pre-partition with $lay" >&2; exit 3; fi
echo "components: 1"
echo "{\"startup_seconds\": 0, \"execution_seconds\": 0.$$, \"total_seconds\": 0.5}" >&2
`

func TestRealPrePartitionAndSummary(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("needs /bin/sh")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "daphne")
	if err := os.WriteFile(bin, []byte(preCheckDaphne), 0o755); err != nil {
		t.Fatal(err)
	}
	o := DefaultRealOptions(true)
	o.Bin, o.Root, o.Dir, o.Pipelines = bin, dir, dir, []string{"cc"}
	o.Nodes, o.Edges = 100, 300
	o.Schemes, o.Victims, o.Threads = []string{"STATIC", "GSS"}, []string{"SEQ", "SEQPRI"}, []int{2}
	o.Layouts = []string{"CENTRALIZED", "PERCPU", "PERCPU+pre"}
	o.Reps, o.Timeout = 3, 10*time.Second
	runs, err := RunReal(context.Background(), o, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i < len(runs); i++ {
		if runs[i].Rep < runs[i-1].Rep {
			t.Fatalf("run %d (rep %d) after a run of rep %d: repetitions are not the outer loop", i, runs[i].Rep, runs[i-1].Rep)
		}
	}
	pts := RealSummary(runs)
	if pts[0].Layout != "CENTRALIZED" || pts[0].Scheme != "STATIC" || pts[len(pts)-1].Layout != "PERCPU+pre" {
		t.Errorf("summary not in canonical order: first %+v, last %+v", pts[0], pts[len(pts)-1])
	}
	// 2 schemes x (1 centralized + 2 victims x 2 multi-queue layouts).
	if len(pts) != 2*(1+2*2) {
		t.Fatalf("%d points, want 10", len(pts))
	}
	for _, p := range pts {
		if p.Runs != 3 || p.Failed != 0 || p.DifferentOutputs != 0 {
			t.Errorf("%+v: want 3 good runs", p)
		}
		if !(p.Min <= p.Median && p.Median <= p.Max) || p.Spread < 0 || math.IsNaN(p.Spread) {
			t.Errorf("%+v: inconsistent statistics", p)
		}
	}
	var names []string
	for _, f := range RealFigures(runs) {
		names = append(names, f.Name)
		if h, ok := f.Chart.(*Heatmap); ok && (strings.Join(h.ColLabels, ",") != "STATIC,GSS" || strings.Join(h.RowLabels, ",") != "SEQ,SEQPRI") {
			t.Errorf("%s: labels %v x %v not in the paper's order", f.Name, h.RowLabels, h.ColLabels)
		}
	}
	for _, want := range []string{"real_cc_percpu", "real_cc_percpu_spread", "real_cc_percpu_pre", "real_cc_percpu_pre_spread"} {
		if !slices.Contains(names, want) {
			t.Errorf("figures %v lack %s", names, want)
		}
	}
	var b strings.Builder
	if err := WriteRealSummaryCSV(&b, pts); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(b.String())).ReadAll()
	if err != nil || len(recs) != len(pts)+1 || strings.Join(recs[0], ",") != RealSummaryHeader {
		t.Errorf("summary CSV: %v\n%s", err, b.String())
	}
}

func TestSpreadAndMedian(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name         string
		xs           []float64
		median, sprd float64
	}{
		{"three", []float64{2, 1, 4}, 2, 1.5},
		{"with NaN", []float64{nan, 2, 2}, 2, 0},
		{"even", []float64{1, 3}, 2, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if m, s := median(tc.xs), spread(tc.xs); m != tc.median || s != tc.sprd {
				t.Errorf("median %v spread %v, want %v %v", m, s, tc.median, tc.sprd)
			}
		})
	}
	if !math.IsNaN(spread(nil)) || !math.IsNaN(median([]float64{nan})) {
		t.Error("empty input not NaN")
	}
}
