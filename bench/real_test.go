package bench

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"
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
