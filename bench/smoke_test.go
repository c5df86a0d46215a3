package bench

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/daphne-go/daphne/sched/sim"
)

// TestSimSmoke runs a tiny simulator sweep end to end: results, CSV,
// figures (all well-formed) and rankings.
func TestSimSmoke(t *testing.T) {
	o := DefaultSimOptions(true)
	o.Nodes, o.Edges, o.LRRows = 2000, 10000, 3000
	o.Machines = []sim.Machine{{Cores: 4, Groups: 2}, {Cores: 20, Groups: 2}}
	o.Schemes = []string{"STATIC", "SS", "GSS", "CST", "AWFB"}
	rs, err := RunSim(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 3 || rs[0].Model != "cc" || rs[1].Model != "ccsorted" || rs[2].Model != "lr" {
		t.Fatalf("models %+v", rs)
	}
	// Per machine: CENTRALIZED and LOCKFREE once, PERGROUP and PERCPU 4
	// victims x 2 pre-partitionings: 18 points per scheme.
	want := len(o.Machines) * len(o.Schemes) * 18
	dir := t.TempDir()
	for _, r := range rs {
		if len(r.Results) != want {
			t.Fatalf("%s: %d results, want %d", r.Model, len(r.Results), want)
		}
		for _, x := range r.Results {
			if x.Makespan <= 0 {
				t.Fatalf("%s: %v has makespan %v", r.Model, x.Config.Scheme, x.Makespan)
			}
		}
		figs := SimFigures(r)
		if len(figs) != len(o.Machines)*5 {
			t.Fatalf("%s: %d figures, want %d", r.Model, len(figs), len(o.Machines)*5)
		}
		paths, err := WriteFigures(dir, figs)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			_, text := parseSVG(t, b)
			if strings.Contains(text, "NaN") {
				t.Errorf("%s prints NaN", filepath.Base(p))
			}
			if strings.Contains(text, ">SS<") || strings.Contains(string(b), ">SS</text>") {
				t.Errorf("%s draws SS", filepath.Base(p))
			}
		}
		// Every single-queue bar and every heatmap cell has a value.
		for _, f := range figs {
			switch c := f.Chart.(type) {
			case *BarChart:
				for _, s := range c.Series {
					for i, v := range s.Values {
						if math.IsNaN(v) {
							t.Errorf("%s: %s/%s missing", f.Name, s.Name, c.Categories[i])
						}
					}
				}
			case *Heatmap:
				for i, row := range c.Values {
					for j, v := range row {
						if math.IsNaN(v) {
							t.Errorf("%s: %s/%s missing", f.Name, c.RowLabels[i], c.ColLabels[j])
						}
					}
				}
			}
		}
		names, vals := Ranking(r.Results, 20, sim.Centralized, sim.Seq, false)
		if len(names) != len(o.Schemes) {
			t.Fatalf("ranking %v", names)
		}
		for i := 1; i < len(vals); i++ {
			if vals[i] < vals[i-1] {
				t.Fatalf("ranking not sorted: %v", vals)
			}
		}
		// SS with one-row chunks and a 1us overhead per chunk is the slowest.
		if names[len(names)-1] != "SS" {
			t.Errorf("%s: slowest is %s, want SS (%v)", r.Model, names[len(names)-1], names)
		}
	}
}

func TestCCCostMatchesGraph(t *testing.T) {
	c, err := CCCost(1000, 5000, 42, 0, time.Nanosecond)
	if err != nil {
		t.Fatal(err)
	}
	// Every edge is counted in both rows: total cost = 2 * edges * perNNZ.
	if got := c.Cost(0, 1000); got != 10000*time.Nanosecond {
		t.Fatalf("total cost %v, want 10us", got)
	}
	s, err := sortedCost(c, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if s.Cost(0, 1000) != c.Cost(0, 1000) || s.Cost(0, 1) < s.Cost(1, 2) || s.Cost(998, 999) < s.Cost(999, 1000) {
		t.Fatal("sorted cost model is not the same rows in descending order")
	}
	if _, err := CCCost(10, 1000, 1, 0, 1); err == nil {
		t.Fatal("CCCost accepted more edges than a 10-node graph holds")
	}
}

func TestRealFigures(t *testing.T) {
	var runs []RealRun
	for _, th := range []int{1, 2} {
		for _, sc := range []string{"STATIC", "GSS"} {
			runs = append(runs, RealRun{Pipeline: "cc", Scheme: sc, Layout: "CENTRALIZED", Victim: "SEQ", Threads: th, ExecSeconds: float64(th)})
			if th == 2 {
				for _, v := range []string{"SEQ", "SEQPRI"} {
					runs = append(runs, RealRun{Pipeline: "cc", Scheme: sc, Layout: "PERCPU", Victim: v, Threads: 2, ExecSeconds: 1.5})
				}
			}
		}
	}
	runs = append(runs, RealRun{Pipeline: "cc", Scheme: "GSS", Layout: "PERCPU", Victim: "SEQPRI", Threads: 2, ExecSeconds: math.NaN(), Err: "boom"})
	figs := RealFigures(runs)
	if len(figs) != 3 || figs[0].Name != "real_cc_centralized" || figs[1].Name != "real_cc_percpu" || figs[2].Name != "real_cc_percpu_spread" {
		t.Fatalf("figures %+v", figs)
	}
	bc := figs[0].Chart.(*BarChart)
	if len(bc.Series) != 2 || bc.Series[1].Values[0] != 2 {
		t.Fatalf("bar chart %+v", bc)
	}
	h := figs[1].Chart.(*Heatmap)
	if h.Values[1][1] != 1.5 { // the failed repetition is ignored by the median
		t.Fatalf("heatmap %+v", h.Values)
	}
	if sp := figs[2].Chart.(*Heatmap); sp.Values[1][1] != 0 { // one good run: no spread
		t.Fatalf("spread heatmap %+v", sp.Values)
	}
	if _, err := WriteFigures(t.TempDir(), figs); err != nil {
		t.Fatal(err)
	}
}
