package bench

import (
	"context"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/daphne-go/daphne/examples/graphgen"
	"github.com/daphne-go/daphne/sched/partition"
	"github.com/daphne-go/daphne/sched/sim"
)

// PaperSchemes are the ten schemes of the paper's Figures 7 to 10, in the
// paper's order. Figures list them first, then the others.
var PaperSchemes = []string{"STATIC", "GSS", "MFSC", "TSS", "FAC2", "TFSS", "FISS", "VISS", "PLS", "PSS"}

// Schemes returns every registered partitioning scheme except test
// registrations (names starting with TEST or HALF), the paper's ten first
// and the rest sorted.
func Schemes() []string {
	out := slices.Clone(PaperSchemes)
	for _, n := range partition.Names() {
		if strings.HasPrefix(n, "TEST") || strings.HasPrefix(n, "HALF") || slices.Contains(out, n) {
			continue
		}
		out = append(out, n)
	}
	return out
}

// SimOptions configures the simulator sweeps: the two cost models, the
// virtual machines and the overhead model. See DefaultSimOptions.
type SimOptions struct {
	// Nodes and Edges size the R-MAT graph (model "amazon") whose row
	// non-zeros give the connected-components cost; GraphSeed is its seed
	// (42 is `daphne gen graph`'s default, so the same graph).
	Nodes, Edges int
	GraphSeed    uint64
	// PerRow and PerNNZ are the connected-components cost of a row: PerRow
	// plus PerNNZ per non-zero (one label-propagation iteration).
	PerRow, PerNNZ time.Duration
	// LRRows and LRRowCost give the linear-regression model: LRRows rows of
	// uniform cost LRRowCost (one fused pass over a dense row).
	LRRows    int
	LRRowCost time.Duration
	// Machines are the virtual machines (the paper's 2x10 and 2x28 cores).
	Machines []sim.Machine
	// Schemes to sweep (default Schemes()).
	Schemes []string
	// ChunkSize is the constant chunk of CST (the other schemes ignore it).
	ChunkSize int
	// The overhead model, as in sim.Config.
	ChunkOverhead, StealOverhead, QueueLock, AtomicClaim time.Duration
	// Seed is the simulator seed (RANDOM victims).
	Seed int64
}

// DefaultSimOptions returns the paper-sized sweep (400,000 nodes, 3.4M
// edges; 1,000,000 rows), or with quick a small one that runs in well
// under a second.
func DefaultSimOptions(quick bool) SimOptions {
	o := SimOptions{
		Nodes: 400_000, Edges: 3_400_000, GraphSeed: 42,
		PerRow: 10 * time.Nanosecond, PerNNZ: 5 * time.Nanosecond,
		LRRows: 1_000_000, LRRowCost: time.Microsecond,
		Machines: []sim.Machine{{Cores: 20, Groups: 2}, {Cores: 56, Groups: 2}},
		Schemes:  Schemes(), ChunkSize: 1024,
		ChunkOverhead: time.Microsecond, StealOverhead: 500 * time.Nanosecond,
		QueueLock: 200 * time.Nanosecond, AtomicClaim: 50 * time.Nanosecond,
		Seed: 1,
	}
	if quick {
		o.Nodes, o.Edges, o.LRRows, o.ChunkSize = 20_000, 170_000, 50_000, 256
	}
	return o
}

// SimResults are the results of one cost model's sweep.
type SimResults struct {
	// Model is "cc" (connected components), "ccsorted" (the same rows
	// sorted by descending non-zeros) or "lr" (linear regression).
	Model string
	// Title describes the model for figure titles.
	Title   string
	Results []*sim.Result
}

// CCCost builds the connected-components cost model: the R-MAT graph of
// graphgen (model amazon), each edge counted in both rows as the symmetric
// adjacency matrix stores it, row cost perRow + perNNZ*nnz.
func CCCost(nodes, edges int, seed uint64, perRow, perNNZ time.Duration) (*sim.Table, error) {
	es, err := graphgen.Generate(nodes, edges, graphgen.Models["amazon"], seed)
	if err != nil {
		return nil, fmt.Errorf("bench: graph for the cost model: %w", err)
	}
	nnz := make([]int, nodes)
	for _, e := range es {
		nnz[e.U]++
		nnz[e.V]++
	}
	return sim.FromNNZ(nnz, perRow, perNNZ)
}

// RunSim runs the sweep every scheme x layout x victim x pre-partitioning
// x machine for the cost models: "cc" (the R-MAT graph as generated, node
// IDs permuted at random as graphgen does, so contiguous row blocks carry
// about equal work), "ccsorted" (the same row costs sorted by descending
// non-zeros: hubs first, as in a degree-ordered numbering; the imbalanced
// case the paper's STATIC suffers from) and "lr" (uniform rows).
func RunSim(ctx context.Context, o SimOptions) ([]SimResults, error) {
	cc, err := CCCost(o.Nodes, o.Edges, o.GraphSeed, o.PerRow, o.PerNNZ)
	if err != nil {
		return nil, err
	}
	sorted, err := sortedCost(cc, o.Nodes)
	if err != nil {
		return nil, err
	}
	models := []struct {
		name, title string
		cost        sim.CostModel
		rows        int
	}{
		{"cc", fmt.Sprintf("connected components, R-MAT %d nodes %d edges", o.Nodes, o.Edges), cc, o.Nodes},
		{"ccsorted", fmt.Sprintf("connected components, R-MAT %d nodes %d edges, rows by descending degree", o.Nodes, o.Edges), sorted, o.Nodes},
		{"lr", fmt.Sprintf("linear regression, %d uniform rows", o.LRRows), sim.Uniform(o.LRRowCost), o.LRRows},
	}
	var out []SimResults
	for _, m := range models {
		sw := sim.Sweep{
			Base: sim.Config{Rows: m.rows, Cost: m.cost, Seed: o.Seed, NoTrace: true, ChunkSize: o.ChunkSize,
				ChunkOverhead: o.ChunkOverhead, StealOverhead: o.StealOverhead,
				QueueLock: o.QueueLock, AtomicClaim: o.AtomicClaim},
			Schemes: o.Schemes, Layouts: sim.Layouts(), Victims: sim.Victims(),
			Machines: o.Machines, PrePartitions: []bool{false, true},
		}
		rs, err := sw.Run(ctx)
		if err != nil {
			return nil, fmt.Errorf("bench: simulating %s: %w", m.name, err)
		}
		out = append(out, SimResults{Model: m.name, Title: m.title, Results: rs})
	}
	return out, nil
}

// sortedCost returns the per-row costs of c over rows, sorted descending.
func sortedCost(c sim.CostModel, rows int) (*sim.Table, error) {
	cs := make([]time.Duration, rows)
	for i := range cs {
		cs[i] = c.Cost(i, i+1)
	}
	slices.SortFunc(cs, func(a, b time.Duration) int { return int(min(max(b-a, -1), 1)) })
	return sim.PerRow(cs)
}

// Figure is one named chart (BarChart or Heatmap); Name is its file name
// without extension.
type Figure struct {
	Name  string
	Chart interface{ WriteSVG(io.Writer) error }
}

// figureSchemes are the schemes drawn in figures: all but SS, whose
// one-row chunks take so long that they would flatten every other bar (the
// paper omits SS for the same reason). SS stays in the CSV.
func figureSchemes(all []string) []string {
	return slices.DeleteFunc(slices.Clone(all), func(s string) bool { return s == "SS" })
}

// SimFigures draws, per machine, a bar chart of the makespan per scheme
// for the single-queue layouts (CENTRALIZED, LOCKFREE; like Figures 7 and
// 10) and a heatmap victim x scheme for each multi-queue layout with and
// without pre-partitioning (like Figures 8 and 9).
func SimFigures(r SimResults) []Figure {
	type key struct {
		cores        int
		scheme, lay  string
		victim       string
		prepartition bool
	}
	ms := map[key]float64{}
	var cores []int
	var schemes []string
	for _, x := range r.Results {
		c := x.Config
		ms[key{c.Cores, c.Scheme, c.Layout, c.Victim, c.PrePartition}] = float64(x.Makespan) / 1e6
		if !slices.Contains(cores, c.Cores) {
			cores = append(cores, c.Cores)
		}
		if !slices.Contains(schemes, c.Scheme) {
			schemes = append(schemes, c.Scheme)
		}
	}
	schemes = figureSchemes(schemes)
	get := func(k key) float64 {
		if v, ok := ms[k]; ok {
			return v
		}
		return math.NaN()
	}
	var figs []Figure
	for _, nc := range cores {
		bc := &BarChart{
			Title:      fmt.Sprintf("simulated %s, %d virtual cores, single queue", r.Title, nc),
			YLabel:     "makespan of one loop (ms, simulated)",
			Categories: schemes,
		}
		for _, lay := range []string{sim.Centralized, sim.LockFree} {
			s := Series{Name: lay}
			for _, sc := range schemes {
				s.Values = append(s.Values, get(key{nc, sc, lay, sim.Seq, false}))
			}
			bc.Series = append(bc.Series, s)
		}
		figs = append(figs, Figure{Name: fmt.Sprintf("sim_%s_%d_single", r.Model, nc), Chart: bc})
		for _, lay := range []string{sim.PerCPU, sim.PerGroup} {
			for _, pre := range []bool{false, true} {
				h := &Heatmap{
					Title:     fmt.Sprintf("simulated %s, %d cores, %s%s", r.Model, nc, lay, map[bool]string{true: " + pre-partition"}[pre]),
					Unit:      "ms (simulated)",
					RowLabels: sim.Victims(), ColLabels: schemes,
				}
				for _, v := range sim.Victims() {
					row := make([]float64, len(schemes))
					for j, sc := range schemes {
						row[j] = get(key{nc, sc, lay, v, pre})
					}
					h.Values = append(h.Values, row)
				}
				name := fmt.Sprintf("sim_%s_%d_%s", r.Model, nc, strings.ToLower(lay))
				if pre {
					name += "_pre"
				}
				figs = append(figs, Figure{Name: name, Chart: h})
			}
		}
	}
	return figs
}

// Ranking returns the schemes of one sweep slice sorted by makespan
// (fastest first) with their makespans in ms: the results for cores,
// layout, victim and pre-partitioning.
func Ranking(rs []*sim.Result, cores int, layout, victim string, pre bool) ([]string, []float64) {
	type p struct {
		s string
		v float64
	}
	var ps []p
	for _, x := range rs {
		c := x.Config
		if c.Cores == cores && c.Layout == layout && c.Victim == victim && c.PrePartition == pre {
			ps = append(ps, p{c.Scheme, float64(x.Makespan) / 1e6})
		}
	}
	slices.SortStableFunc(ps, func(a, b p) int {
		if a.v < b.v {
			return -1
		}
		if a.v > b.v {
			return 1
		}
		return 0
	})
	names, vals := make([]string, len(ps)), make([]float64, len(ps))
	for i, x := range ps {
		names[i], vals[i] = x.s, x.v
	}
	return names, vals
}
