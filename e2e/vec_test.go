package e2e

import (
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/config"
)

// vecSkips lists scripts not rerun under --vec, with the reason.
var vecSkips = map[string]string{}

// TestScriptsVec runs every script of testdata/scripts again with --vec
// (and with --vec --partitioning=SS --queue_layout=PERCPU, and with the
// scheduling options rotatingSched gives the script) and expects the
// stored stdout and exit code. The flags are put before the script's own
// arguments (from its .cmd, if any). Printed numbers may differ by a
// relative 1e-5 (fused floating-point column sums add in another order,
// see runtime/vec); every other character must match.
func TestScriptsVec(t *testing.T) {
	dir, _ := filepath.Abs("testdata/scripts")
	scripts, _ := filepath.Glob(filepath.Join(dir, "*.daph"))
	if len(scripts) == 0 {
		t.Fatal("no scripts in testdata/scripts")
	}
	for i, script := range scripts {
		flagSets := [][]string{{"--vec"}, {"--vec", "--partitioning=SS", "--queue_layout=PERCPU"}, rotatingSched(i)}
		name := strings.TrimSuffix(filepath.Base(script), ".daph")
		if why, skip := vecSkips[name]; skip {
			t.Logf("skipping %s: %s", name, why)
			continue
		}
		// The flag sets run one after the other: some scripts write files
		// with fixed names.
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			for _, flags := range flagSets {
				base := strings.TrimSuffix(script, ".daph")
				args := []string{filepath.Base(script)}
				if raw, err := os.ReadFile(base + ".cmd"); err == nil {
					args = nil
					for _, line := range strings.Split(strings.TrimRight(string(raw), "\n"), "\n") {
						line = strings.ReplaceAll(line, "$SCRIPT", filepath.Base(script))
						args = append(args, strings.ReplaceAll(line, "$DIR", dir))
					}
				}
				r := runDaphne(t, dir, append(append([]string(nil), flags...), args...)...)
				want, err := os.ReadFile(base + ".out")
				if err != nil {
					t.Fatalf("missing expected output: %v", err)
				}
				wantCode := 0
				if raw, err := os.ReadFile(base + ".code"); err == nil {
					wantCode, _ = strconv.Atoi(strings.TrimSpace(string(raw)))
				}
				if r.code != wantCode {
					t.Errorf("%v: exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", flags, r.code, wantCode, r.stdout, r.stderr)
				}
				if !sameOutput(r.stdout, string(want)) {
					t.Errorf("%v: stdout differs\n--- got\n%s--- want\n%s--- stderr\n%s", flags, r.stdout, want, r.stderr)
				}
			}
		})
	}
}

// rotatingSched returns the --vec flags of script number i: the scripts
// cycle through the partitioning schemes, queue layouts and victim
// selections, with 1, 2 or 3 threads and pre-partitioning on every fifth, so
// that the suite runs under every scheme, layout and victim selection
// (TestRotatingSchedCovers checks it) without running every script under
// all 224 combinations.
func rotatingSched(i int) []string {
	np, nl, nv := len(config.Partitionings), len(config.QueueLayouts), len(config.VictimSelections)
	f := []string{"--vec",
		"--partitioning=" + config.Partitionings[i%np],
		"--queue_layout=" + config.QueueLayouts[i%nl],
		"--victim_selection=" + config.VictimSelections[(i/nl)%nv],
		"--num-threads=" + strconv.Itoa(1+i%3)}
	if i%5 == 4 {
		f = append(f, "--pre-partition")
	}
	if config.Partitionings[i%np] == "CST" {
		f = append(f, "--cst-task-size="+strconv.Itoa(1+i%7))
	}
	return f
}

// sameOutput compares printed outputs: equal, or equal line by line and
// field by field except numbers within a relative 1e-5 of each other.
func sameOutput(got, want string) bool {
	if got == want {
		return true
	}
	gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
	if len(gl) != len(wl) {
		return false
	}
	for i := range gl {
		if gl[i] == wl[i] {
			continue
		}
		gf, wf := strings.Fields(gl[i]), strings.Fields(wl[i])
		if len(gf) != len(wf) {
			return false
		}
		for j := range gf {
			if gf[j] != wf[j] && !closeNumbers(gf[j], wf[j]) {
				return false
			}
		}
	}
	return true
}

func closeNumbers(a, b string) bool {
	x, err1 := strconv.ParseFloat(a, 64)
	y, err2 := strconv.ParseFloat(b, 64)
	if err1 != nil || err2 != nil {
		return false
	}
	return math.Abs(x-y) <= 1e-5*math.Max(math.Abs(x), math.Abs(y))
}

func TestSameOutput(t *testing.T) {
	tests := []struct {
		got, want string
		same      bool
	}{
		{"a 1.5\n", "a 1.5\n", true},
		{"1.23457e+06 2\n", "1.23456e+06 2\n", true},
		{"0.5 2\n", "0.6 2\n", false},
		{"x 1\n", "y 1\n", false},
		{"1\n2\n", "1\n", false},
	}
	for _, tc := range tests {
		if got := sameOutput(tc.got, tc.want); got != tc.same {
			t.Errorf("sameOutput(%q, %q) = %v", tc.got, tc.want, got)
		}
	}
}

// TestRotatingSchedCovers checks that the scripts of testdata/scripts are
// enough for rotatingSched to use every scheme, layout and victim selection.
func TestRotatingSchedCovers(t *testing.T) {
	scripts, _ := filepath.Glob("testdata/scripts/*.daph")
	seen := map[string]bool{}
	for i := range scripts {
		for _, f := range rotatingSched(i) {
			seen[f] = true
		}
	}
	for _, p := range config.Partitionings {
		if !seen["--partitioning="+p] {
			t.Errorf("no script runs with --partitioning=%s", p)
		}
	}
	for _, l := range config.QueueLayouts {
		if !seen["--queue_layout="+l] {
			t.Errorf("no script runs with --queue_layout=%s", l)
		}
	}
	for _, v := range config.VictimSelections {
		if !seen["--victim_selection="+v] {
			t.Errorf("no script runs with --victim_selection=%s", v)
		}
	}
}
