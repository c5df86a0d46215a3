package bench

import (
	"encoding/csv"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
)

// PreSuffix marks a layout of RealOptions.Layouts that runs with
// --pre-partition ("PERCPU+pre").
const PreSuffix = "+pre"

// multiQueue reports whether a layout (possibly with PreSuffix) has more
// than one queue, so that victim selection matters.
func multiQueue(layout string) bool {
	l := strings.TrimSuffix(layout, PreSuffix)
	return l != "CENTRALIZED" && l != "LOCKFREE"
}

// victimOrder is the order of victim selections in figures and summaries.
var victimOrder = []string{"SEQ", "SEQPRI", "RANDOM", "RANDOMPRI"}

// layoutOrder is the order of queue layouts in summaries.
var layoutOrder = []string{"CENTRALIZED", "LOCKFREE", "PERCPU", "PERGROUP", "PERCPU" + PreSuffix, "PERGROUP" + PreSuffix}

// rank returns the index of s in order, or len(order) if absent.
func rank(order []string, s string) int {
	if i := slices.Index(order, s); i >= 0 {
		return i
	}
	return len(order)
}

// canonical sorts names by their position in order (names not in it last,
// in their current order).
func canonical(names, order []string) {
	slices.SortStableFunc(names, func(a, b string) int { return rank(order, a) - rank(order, b) })
}

// spread returns (max - min) / median of the non-NaN values, or NaN.
func spread(vs []float64) float64 {
	vs = slices.DeleteFunc(slices.Clone(vs), func(v float64) bool { return math.IsNaN(v) })
	m := median(vs)
	if len(vs) == 0 || m == 0 {
		return math.NaN()
	}
	return (slices.Max(vs) - slices.Min(vs)) / m
}

// RealPoint summarises the repetitions of one point of the real sweep.
type RealPoint struct {
	Pipeline, Scheme, Layout, Victim string
	Threads                          int
	// Runs counts the repetitions with an execution time; Median, Min
	// and Max are their execution seconds (NaN without any), Spread is
	// (Max - Min) / Median.
	Runs                     int
	Median, Min, Max, Spread float64
	Failed, DifferentOutputs int
}

// RealSummary groups runs by point (pipeline, scheme, layout, victim,
// threads), ordered by pipeline (first run first), threads, layout, victim
// and scheme (the paper's order).
func RealSummary(runs []RealRun) []RealPoint {
	type key struct {
		p, sc, lay, v string
		th            int
	}
	idx := map[key]int{}
	var pts []RealPoint
	var vals [][]float64
	for _, r := range runs {
		k := key{r.Pipeline, r.Scheme, r.Layout, r.Victim, r.Threads}
		i, ok := idx[k]
		if !ok {
			i = len(pts)
			idx[k] = i
			pts = append(pts, RealPoint{Pipeline: r.Pipeline, Scheme: r.Scheme, Layout: r.Layout, Victim: r.Victim, Threads: r.Threads})
			vals = append(vals, nil)
		}
		switch {
		case r.Err != "":
			pts[i].Failed++
		case r.SameOutput == "no":
			pts[i].DifferentOutputs++
		}
		if !math.IsNaN(r.ExecSeconds) && r.Err == "" {
			vals[i] = append(vals[i], r.ExecSeconds)
		}
	}
	for i := range pts {
		xs := vals[i]
		pts[i].Runs = len(xs)
		pts[i].Median, pts[i].Spread = median(xs), spread(xs)
		pts[i].Min, pts[i].Max = math.NaN(), math.NaN()
		if len(xs) > 0 {
			pts[i].Min, pts[i].Max = slices.Min(xs), slices.Max(xs)
		}
	}
	var pipes []string
	for _, p := range pts {
		if !slices.Contains(pipes, p.Pipeline) {
			pipes = append(pipes, p.Pipeline)
		}
	}
	slices.SortStableFunc(pts, func(a, b RealPoint) int {
		for _, d := range []int{rank(pipes, a.Pipeline) - rank(pipes, b.Pipeline), a.Threads - b.Threads,
			rank(layoutOrder, a.Layout) - rank(layoutOrder, b.Layout), rank(victimOrder, a.Victim) - rank(victimOrder, b.Victim),
			rank(PaperSchemes, a.Scheme) - rank(PaperSchemes, b.Scheme)} {
			if d != 0 {
				return d
			}
		}
		return 0
	})
	return pts
}

// RealSummaryHeader is the header line WriteRealSummaryCSV writes.
const RealSummaryHeader = "pipeline,scheme,layout,victim,threads,runs,median_s,min_s,max_s,spread,failed,different_output"

// WriteRealSummaryCSV writes points as CSV with RealSummaryHeader (NaN as
// empty).
func WriteRealSummaryCSV(w io.Writer, pts []RealPoint) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(strings.Split(RealSummaryHeader, ",")); err != nil {
		return err
	}
	f := func(v float64) string {
		if math.IsNaN(v) {
			return ""
		}
		return strconv.FormatFloat(v, 'g', 4, 64)
	}
	for _, p := range pts {
		rec := []string{p.Pipeline, p.Scheme, p.Layout, p.Victim, strconv.Itoa(p.Threads), strconv.Itoa(p.Runs),
			f(p.Median), f(p.Min), f(p.Max), f(p.Spread), strconv.Itoa(p.Failed), strconv.Itoa(p.DifferentOutputs)}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
