package vec_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"github.com/daphne-go/daphne/runtime/vec"
	"github.com/daphne-go/daphne/sched"
	"github.com/daphne-go/daphne/sched/sim"
)

// TestTraceFile runs loops on a pool under several schemes, layouts and
// thread counts with a Trace and checks the written file: valid JSON, one
// named track per worker, every row covered exactly once by the slices of
// its run, the args, and that sim.ReadChromeTrace reads it back.
func TestTraceFile(t *testing.T) {
	pool, err := sched.NewPool(sched.PoolOptions{Threads: 3})
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	tests := []struct {
		scheme, layout string
		threads, rows  int
		cst            int
	}{
		{"STATIC", "CENTRALIZED", 1, 100, 0},
		{"SS", "CENTRALIZED", 2, 257, 0},
		{"GSS", "PERCPU", 3, 1000, 0},
		{"FAC2", "PERGROUP", 2, 999, 0},
		{"TSS", "LOCKFREE", 3, 5000, 0},
		{"CST", "PERCPU", 3, 1001, 7},
		{"AWFB", "CENTRALIZED", 2, 3000, 0},
	}
	for _, tc := range tests {
		t.Run(tc.scheme+"_"+tc.layout, func(t *testing.T) {
			so, err := vec.Flags{Scheme: tc.scheme, Layout: tc.layout, Threads: tc.threads, Grain: 1, CSTTaskSize: tc.cst}.Sched()
			if err != nil {
				t.Fatal(err)
			}
			tr := vec.NewTrace()
			o := vec.Options{Pool: pool, Sched: so, Trace: tr}
			// Two runs: two processes in the trace.
			for run := 0; run < 2; run++ {
				ro, end := o.Begin("s.daph:3:7", tc.rows)
				err := pool.Run(context.Background(), tc.rows, func(lo, hi, _ int) error { return nil }, ro)
				end(err)
				if err != nil {
					t.Fatal(err)
				}
			}
			var buf bytes.Buffer
			if _, err := tr.WriteTo(&buf); err != nil {
				t.Fatal(err)
			}
			var raw struct {
				TraceEvents []map[string]any `json:"traceEvents"`
			}
			if err := json.Unmarshal(buf.Bytes(), &raw); err != nil {
				t.Fatalf("not valid JSON: %v", err)
			}
			tracks := map[[2]int]string{}
			covered := map[int][]int{} // pid -> hits per row
			chunks := 0
			for _, e := range raw.TraceEvents {
				pid, tid := int(e["pid"].(float64)), int(e["tid"].(float64))
				args, _ := e["args"].(map[string]any)
				switch e["ph"] {
				case "M":
					if e["name"] == "thread_name" {
						tracks[[2]int{pid, tid}] = args["name"].(string)
					}
				case "X":
					chunks++
					if pid < 1 || pid > 2 || tid < 0 || tid >= tc.threads {
						t.Fatalf("chunk on pid %d tid %d (threads %d)", pid, tid, tc.threads)
					}
					if _, ok := tracks[[2]int{pid, tid}]; !ok {
						t.Fatalf("chunk on pid %d tid %d before/without a thread_name", pid, tid)
					}
					lo, hi := int(args["lo"].(float64)), int(args["hi"].(float64))
					if int(args["rows"].(float64)) != hi-lo || args["scheme"] != tc.scheme || args["layout"] != tc.layout ||
						args["pos"] != "s.daph:3:7" {
						t.Fatalf("bad args %v", args)
					}
					if _, ok := args["queue"].(float64); !ok {
						t.Fatalf("no queue in %v", args)
					}
					if _, ok := args["stolen"].(bool); !ok {
						t.Fatalf("no stolen in %v", args)
					}
					if e["ts"].(float64) < 0 {
						t.Fatalf("negative ts in %v", e)
					}
					if covered[pid] == nil {
						covered[pid] = make([]int, tc.rows)
					}
					for r := lo; r < hi; r++ {
						covered[pid][r]++
					}
				}
			}
			if len(tracks) != 2*tc.threads {
				t.Errorf("%d worker tracks, want %d (one per worker per run)", len(tracks), 2*tc.threads)
			}
			for pid := 1; pid <= 2; pid++ {
				for r, c := range covered[pid] {
					if c != 1 {
						t.Fatalf("run %d: row %d covered %d times", pid, r, c)
					}
				}
				if len(covered[pid]) != tc.rows {
					t.Fatalf("run %d has no chunks", pid)
				}
			}
			back, err := sim.ReadChromeTrace(bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			sum := 0
			for _, c := range back {
				sum += c.Hi - c.Lo
			}
			if len(back) != chunks || sum != 2*tc.rows {
				t.Errorf("sim.ReadChromeTrace: %d chunks over %d rows, want %d over %d", len(back), sum, chunks, 2*tc.rows)
			}
		})
	}
}

// TestTraceConcurrentRuns records runs from several goroutines at once
// (-race checks the collector).
func TestTraceConcurrentRuns(t *testing.T) {
	tr := vec.NewTrace()
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			o := vec.Options{Sched: sched.Options{Scheme: "SS", Threads: 2}, Trace: tr}
			for i := 0; i < 5; i++ {
				ro, end := o.Begin("p", 50)
				end(o.PoolOrDefault().Run(context.Background(), 50, func(lo, hi, _ int) error { return nil }, ro))
			}
		}()
	}
	wg.Wait()
	if tr.Runs() != 20 {
		t.Fatalf("%d runs, want 20", tr.Runs())
	}
	n := 0
	for _, e := range tr.Events() {
		if e.Ph == "X" {
			n += e.Args["rows"].(int)
		}
	}
	if n != 20*50 {
		t.Fatalf("%d rows traced, want %d", n, 20*50)
	}
}

func TestBeginWithoutTraceOrLogger(t *testing.T) {
	so := sched.Options{Scheme: "GSS", Threads: 2}
	got, end := vec.Options{Sched: so}.Begin("p", 10)
	end(nil)
	if got.Trace != nil || got.Scheme != "GSS" || got.Threads != 2 {
		t.Fatalf("Begin changed the options: %+v", got)
	}
	var empty bytes.Buffer
	if _, err := vec.NewTrace().WriteTo(&empty); err != nil || !json.Valid(empty.Bytes()) {
		t.Fatalf("empty trace: %q, %v", empty.String(), err)
	}
}

func TestBeginLogsSchedulingDecisions(t *testing.T) {
	var buf bytes.Buffer
	lg := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	calls := 0
	o := vec.Options{Sched: sched.Options{Scheme: "SS", Threads: 1, Trace: func(sched.ChunkEvent) { calls++ }}, Logger: lg}
	ro, end := o.Begin("s.daph:1:2", 10)
	end(o.PoolOrDefault().Run(context.Background(), 10, func(lo, hi, _ int) error { return nil }, ro))
	out := buf.String()
	for _, want := range []string{"level=DEBUG", "pos=s.daph:1:2", "rows=10", "scheme=SS", "layout=CENTRALIZED", "threads=1", "chunks=10"} {
		if !strings.Contains(out, want) {
			t.Errorf("log %q lacks %q", out, want)
		}
	}
	if calls != 10 {
		t.Errorf("the caller's Trace was called %d times, want 10", calls)
	}
}

func TestFlagsCSTTaskSize(t *testing.T) {
	t.Setenv("DAPHNE_CST_TASK_SIZE", "")
	tests := []struct {
		name string
		cst  int
		ok   bool
	}{
		{"flag gives the chunk", 16, true},
		{"no chunk size", 0, false},
		{"negative", -1, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			so, err := vec.Flags{Scheme: "CST", CSTTaskSize: tc.cst, Grain: 1}.Sched()
			if (err == nil) != tc.ok {
				t.Fatalf("err = %v, want ok=%v", err, tc.ok)
			}
			if tc.ok && so.ChunkSize != tc.cst {
				t.Fatalf("ChunkSize %d, want %d", so.ChunkSize, tc.cst)
			}
		})
	}
}
