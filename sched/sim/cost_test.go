package sim

import (
	"errors"
	"math"
	"testing"
	"testing/quick"
	"time"
)

func TestCostModels(t *testing.T) {
	t.Parallel()
	lin, err := Linear(5, 10, 50)
	if err != nil {
		t.Fatal(err)
	}
	nnz, err := FromRowPtr([]int{0, 2, 2, 7}, 3, 10)
	if err != nil {
		t.Fatal(err)
	}
	tr, err := FromTrace(5, []TraceChunk{{Lo: 2, Hi: 5, Elapsed: 10}, {Lo: 0, Hi: 2, Elapsed: 4}})
	if err != nil {
		t.Fatal(err)
	}
	one, err := Linear(1, 7, 99)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		m      CostModel
		lo, hi int
		want   time.Duration
	}{
		{"uniform", Uniform(3), 2, 9, 21},
		{"uniform empty", Uniform(3), 4, 4, 0},
		{"linear all", lin, 0, 5, 10 + 20 + 30 + 40 + 50},
		{"linear last row", lin, 4, 5, 50},
		{"linear middle", lin, 1, 3, 20 + 30},
		{"linear one row", one, 0, 1, 7},
		{"nnz row 0", nnz, 0, 1, 3 + 20},
		{"nnz empty row", nnz, 1, 2, 3},
		{"nnz all", nnz, 0, 3, 9 + 70},
		{"trace chunk sums exact", tr, 2, 5, 10},
		{"trace remainder to first row", tr, 2, 3, 4},
		{"trace second chunk", tr, 0, 2, 4},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.m.Cost(tc.lo, tc.hi); got != tc.want {
				t.Errorf("Cost(%d, %d) = %v, want %v", tc.lo, tc.hi, got, tc.want)
			}
		})
	}
	if lin.Len() != 5 || lin.Total() != 150 || lin.Max() != 50 {
		t.Errorf("linear Len/Total/Max = %d/%v/%v, want 5/150/50", lin.Len(), lin.Total(), lin.Max())
	}
}

func TestCostModelErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		make func() error
	}{
		{"negative row cost", func() error { _, err := PerRow([]time.Duration{1, -1}); return err }},
		{"overflow", func() error { _, err := PerRow([]time.Duration{math.MaxInt64, 1}); return err }},
		{"negative rows", func() error { _, err := FromFunc(-1, nil); return err }},
		{"negative linear", func() error { _, err := Linear(3, -1, 2); return err }},
		{"random hi < lo", func() error { _, err := RandomCost(3, 5, 4, 1); return err }},
		{"negative nnz", func() error { _, err := FromNNZ([]int{1, -2}, 1, 1); return err }},
		{"negative per-nnz", func() error { _, err := FromNNZ([]int{1}, 1, -1); return err }},
		{"empty rowptr", func() error { _, err := FromRowPtr(nil, 1, 1); return err }},
		{"decreasing rowptr", func() error { _, err := FromRowPtr([]int{0, 3, 2}, 1, 1); return err }},
		{"trace gap", func() error { _, err := FromTrace(3, []TraceChunk{{0, 2, 5}}); return err }},
		{"trace overlap", func() error { _, err := FromTrace(3, []TraceChunk{{0, 2, 5}, {1, 3, 5}}); return err }},
		{"trace out of range", func() error { _, err := FromTrace(3, []TraceChunk{{0, 4, 5}}); return err }},
		{"trace negative time", func() error { _, err := FromTrace(1, []TraceChunk{{0, 1, -5}}); return err }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.make(); !errors.Is(err, ErrCost) {
				t.Errorf("got %v, want an ErrCost", err)
			}
		})
	}
}

func TestRandomCostDeterministic(t *testing.T) {
	t.Parallel()
	a, _ := RandomCost(1000, 10, 20, 7)
	b, _ := RandomCost(1000, 10, 20, 7)
	c, _ := RandomCost(1000, 10, 20, 8)
	for i := range 1000 {
		if x := a.Cost(i, i+1); x < 10 || x > 20 {
			t.Fatalf("row %d costs %v, outside [10, 20]", i, x)
		}
	}
	if a.Total() != b.Total() {
		t.Errorf("same seed, different totals %v and %v", a.Total(), b.Total())
	}
	if a.Total() == c.Total() {
		t.Errorf("different seeds, same total %v (suspicious)", a.Total())
	}
}

// A simulated run's trace rebuilds a cost table with the same chunk sums.
func TestFromTraceRoundTrip(t *testing.T) {
	t.Parallel()
	cost, _ := Linear(1000, 1, 100)
	r, err := Run(Config{Scheme: "GSS", Machine: Machine{Cores: 4}, Cost: cost})
	if err != nil {
		t.Fatal(err)
	}
	back, err := FromTrace(1000, r.TraceChunks())
	if err != nil {
		t.Fatal(err)
	}
	if back.Total() != cost.Total() {
		t.Errorf("total %v, want %v", back.Total(), cost.Total())
	}
	for _, c := range r.Trace {
		if got, want := back.Cost(c.Lo, c.Hi), cost.Cost(c.Lo, c.Hi); got != want {
			t.Errorf("chunk [%d, %d): %v, want %v", c.Lo, c.Hi, got, want)
		}
	}
}

// Every table model is additive: Cost(a, c) == Cost(a, b) + Cost(b, c).
func TestTableAdditive(t *testing.T) {
	t.Parallel()
	f := func(costs []uint16, a, b, c uint16) bool {
		ds := make([]time.Duration, len(costs))
		for i, x := range costs {
			ds[i] = time.Duration(x)
		}
		tab, err := PerRow(ds)
		if err != nil {
			return false
		}
		n := len(costs) + 1
		i, j, k := int(a)%n, int(b)%n, int(c)%n
		i, j, k = min(i, j, k), i+j+k-min(i, j, k)-max(i, j, k), max(i, j, k)
		return tab.Cost(i, k) == tab.Cost(i, j)+tab.Cost(j, k) && tab.Cost(i, i) == 0
	}
	if err := quick.Check(f, nil); err != nil {
		t.Error(err)
	}
}
