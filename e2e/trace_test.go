package e2e

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/sched/sim"
)

// traceFile is the part of a Chrome trace-event file the tests look at.
type traceFile struct {
	TraceEvents []struct {
		Name string         `json:"name"`
		Ph   string         `json:"ph"`
		Ts   float64        `json:"ts"`
		Dur  float64        `json:"dur"`
		Pid  int            `json:"pid"`
		Tid  int            `json:"tid"`
		Args map[string]any `json:"args"`
	} `json:"traceEvents"`
}

// readTrace parses a trace written by --trace and checks its structure:
// valid JSON, every chunk on a named worker track of its run with integer
// lo and hi inside [0, rows) of the run, every row of every run covered
// exactly once, and sim.ReadChromeTrace reading the same chunks back. It
// returns the parsed file and the number of chunks.
func readTrace(t *testing.T, path string, threads int) (traceFile, int) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var f traceFile
	if err := json.Unmarshal(raw, &f); err != nil {
		t.Fatalf("trace is not valid JSON: %v\n%.300s", err, raw)
	}
	named := map[[2]int]bool{}
	covered := map[int]map[int]int{}
	chunks := 0
	for _, e := range f.TraceEvents {
		switch e.Ph {
		case "M":
			if e.Name == "thread_name" {
				named[[2]int{e.Pid, e.Tid}] = true
			}
		case "X":
			chunks++
			if !named[[2]int{e.Pid, e.Tid}] {
				t.Fatalf("chunk on pid %d tid %d without a named track", e.Pid, e.Tid)
			}
			if e.Tid < 0 || e.Tid >= threads {
				t.Fatalf("chunk on worker %d with %d threads", e.Tid, threads)
			}
			lo, hi := int(e.Args["lo"].(float64)), int(e.Args["hi"].(float64))
			if int(e.Args["rows"].(float64)) != hi-lo || e.Ts < 0 || e.Dur < 0 {
				t.Fatalf("bad chunk %+v", e)
			}
			for _, k := range []string{"scheme", "layout", "queue", "stolen", "pos"} {
				if _, ok := e.Args[k]; !ok {
					t.Fatalf("chunk lacks arg %q: %+v", k, e.Args)
				}
			}
			if covered[e.Pid] == nil {
				covered[e.Pid] = map[int]int{}
			}
			for r := lo; r < hi; r++ {
				covered[e.Pid][r]++
			}
		}
	}
	for pid, rows := range covered {
		for r := 0; r < len(rows); r++ {
			if rows[r] != 1 {
				t.Fatalf("run %d: row %d covered %d times (rows %d)", pid, r, rows[r], len(rows))
			}
		}
	}
	back, err := sim.ReadChromeTrace(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("sim.ReadChromeTrace: %v", err)
	}
	if len(back) != chunks {
		t.Fatalf("sim.ReadChromeTrace read %d chunks, the file has %d", len(back), chunks)
	}
	return f, chunks
}

func TestTraceFlag(t *testing.T) {
	examples, _ := filepath.Abs("../examples")
	args := []string{"linear_regression_known.daph", "numRows=5000", "numCols=11", "seed=3"}
	plain := runDaphne(t, examples, args...)
	if plain.code != 0 {
		t.Fatalf("exit %d\n%s%s", plain.code, plain.stdout, plain.stderr)
	}
	tests := []struct {
		name  string
		flags []string
	}{
		{"STATIC", nil},
		{"GSS PERCPU", []string{"--partitioning=GSS", "--queue_layout=PERCPU", "--victim_selection=SEQPRI"}},
		{"CST flag", []string{"--partitioning=CST", "--cst-task-size=128"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "trace.json")
			flags := append([]string{"--vec", "--num-threads=2", "--trace", path}, tc.flags...)
			r := runDaphne(t, examples, append(flags, args...)...)
			if r.code != 0 {
				t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
			}
			if !sameOutput(r.stdout, plain.stdout) {
				t.Fatalf("output with --trace differs:\n%s--- without --vec:\n%s", r.stdout, plain.stdout)
			}
			f, chunks := readTrace(t, path, 2)
			if chunks == 0 {
				t.Fatal("no chunks in the trace")
			}
			for _, e := range f.TraceEvents {
				if e.Ph == "X" && !strings.Contains(e.Args["pos"].(string), "linear_regression_known.daph:") {
					t.Fatalf("chunk without the pipeline's position: %+v", e.Args)
				}
			}
		})
	}
}

// TestTraceWrittenWhenScriptFails: a run-time error after a pipeline still
// leaves a complete trace.
func TestTraceWrittenWhenScriptFails(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "fail.daph")
	src := "X = rand(1000, 4, 0.0, 1.0, 1.0, 42);\nprint(sum(sqrt(X + 1.0) * 2.0));\nprint(X[2000, 0]);\n"
	if err := os.WriteFile(script, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "trace.json")
	r := runDaphne(t, dir, "--vec", "--num-threads=2", "--trace="+path, "fail.daph")
	if r.code != 3 || !strings.Contains(r.stdout, "[error]: ") {
		t.Fatalf("exit %d, want 3\n%s%s", r.code, r.stdout, r.stderr)
	}
	if _, chunks := readTrace(t, path, 2); chunks == 0 {
		t.Fatal("no chunks in the trace of the failed run")
	}
}

func TestTraceUnwritablePath(t *testing.T) {
	examples, _ := filepath.Abs("../examples")
	bad := filepath.Join(t.TempDir(), "no", "such", "dir", "trace.json")
	r := runDaphne(t, examples, "--vec", "--trace", bad, "linear_regression.daph", "numRows=100", "numCols=3")
	if r.code != 1 || !strings.Contains(r.stdout, "[error]: --trace: cannot create the trace file") {
		t.Fatalf("exit %d, want 1 with a clear message\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	if strings.Contains(r.stdout, "intercept") {
		t.Fatalf("the script ran despite the bad trace path:\n%s", r.stdout)
	}
}

// TestTimingOneObject: --timing prints exactly one JSON object on stderr,
// also with --vec and --trace.
func TestTimingOneObject(t *testing.T) {
	examples, _ := filepath.Abs("../examples")
	for _, flags := range [][]string{
		{"--timing"},
		{"--timing", "--vec"},
		{"--timing", "--vec", "--partitioning=SS", "--queue_layout=PERCPU", "--trace", filepath.Join(t.TempDir(), "t.json")},
	} {
		r := runDaphne(t, examples, append(flags, "linear_regression.daph", "numRows=2000", "numCols=5")...)
		if r.code != 0 {
			t.Fatalf("%v: exit %d\n%s%s", flags, r.code, r.stdout, r.stderr)
		}
		dec := json.NewDecoder(strings.NewReader(r.stderr))
		var obj map[string]float64
		if err := dec.Decode(&obj); err != nil {
			t.Fatalf("%v: stderr is not a JSON object: %v\n%s", flags, err, r.stderr)
		}
		if dec.More() || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
			t.Fatalf("%v: stderr holds more than one object:\n%s", flags, r.stderr)
		}
		if _, ok := obj["execution_seconds"]; !ok || len(obj) != 5 {
			t.Fatalf("%v: unexpected timing object %v", flags, obj)
		}
	}
}

func TestSchedulingFlags(t *testing.T) {
	examples, _ := filepath.Abs("../examples")
	args := []string{"linear_regression_known.daph", "numRows=3000", "numCols=7", "seed=3"}
	plain := runDaphne(t, examples, args...)
	tests := []struct {
		name       string
		flags      []string
		code       int
		stderrHas  string
		stderrLack string
	}{
		{"debug-mt", []string{"--vec", "--debug-mt", "--partitioning=FAC2", "--num-threads=2"}, 0,
			"msg=\"vectorized pipeline\"", ""},
		{"vec fuses (control)", []string{"--vec", "--explain=kernels"}, 0, "vectorizedPipeline", ""},
		{"vec-restricted fuses nothing", []string{"--vec", "--vec-restricted", "--debug-mt", "--explain=kernels"}, 0,
			"IR after kernels", "vectorizedPipeline"},
		{"vec-restricted alone", []string{"--vec-restricted", "--explain=kernels"}, 0, "IR after kernels", "vectorizedPipeline"},
		{"hyperthreading", []string{"--vec", "--hyperthreading", "--debug-mt"}, 0, "threads=", ""},
		{"cst without size", []string{"--vec", "--partitioning=CST"}, 1, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.code == 1 && os.Getenv("DAPHNE_CST_TASK_SIZE") != "" {
				t.Skip("DAPHNE_CST_TASK_SIZE is set")
			}
			r := runDaphne(t, examples, append(tc.flags, args...)...)
			if r.code != tc.code {
				t.Fatalf("exit %d, want %d\n%s%s", r.code, tc.code, r.stdout, r.stderr)
			}
			if tc.code != 0 {
				return
			}
			if plain.code != 0 {
				t.Fatalf("unflagged run: exit %d\n%s%s", plain.code, plain.stdout, plain.stderr)
			}
			if !sameOutput(r.stdout, plain.stdout) {
				t.Fatalf("output differs:\n%s--- without flags:\n%s", r.stdout, plain.stdout)
			}
			if tc.stderrHas != "" && !strings.Contains(r.stderr, tc.stderrHas) {
				t.Fatalf("stderr lacks %q:\n%s", tc.stderrHas, r.stderr)
			}
			if tc.stderrLack != "" && strings.Contains(r.stderr, tc.stderrLack) {
				t.Fatalf("stderr has %q:\n%s", tc.stderrLack, r.stderr)
			}
		})
	}
}
