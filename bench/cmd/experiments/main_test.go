package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestQuickSim is the quick-mode smoke test: the simulator half of the
// command (a few seconds), checking the files it writes.
func TestQuickSim(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the quick simulator sweep (seconds)")
	}
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	if err := run([]string{"-out", out, "-quick", "-real=false", "-overhead=false"}, &stdout, &stderr); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	for _, m := range []string{"cc", "ccsorted", "lr"} {
		f, err := os.Open(filepath.Join(out, "sim_"+m+".csv"))
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) < 100 || recs[0][0] != "scheme" {
			t.Fatalf("sim_%s.csv: %d records, header %v", m, len(recs), recs[0])
		}
		for _, c := range []int{20, 56} {
			for _, suf := range []string{"single", "percpu", "percpu_pre", "pergroup", "pergroup_pre"} {
				p := filepath.Join(out, "sim_"+m+"_"+itoa(c)+"_"+suf+".svg")
				if st, err := os.Stat(p); err != nil || st.Size() == 0 {
					t.Errorf("missing %s: %v", p, err)
				}
			}
		}
	}
	if !strings.Contains(stdout.String(), "cc 20 cores CENTRALIZED/SEQ") {
		t.Errorf("no ranking printed:\n%s", stdout.String())
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestBadFlags(t *testing.T) {
	for _, args := range [][]string{{"-reps", "0"}, {"extra"}, {"-nosuch"}} {
		var stdout, stderr bytes.Buffer
		if err := run(append(args, "-out", t.TempDir()), &stdout, &stderr); err == nil {
			t.Errorf("run(%q) succeeded", args)
		}
	}
}
