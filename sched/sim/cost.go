package sim

import (
	"fmt"
	"math"
	"math/rand"
	"time"
)

// CostModel gives the virtual execution time of a row range on a core of
// speed 1. Implementations must be pure (same answer for the same range)
// and additive: Cost(a, c) == Cost(a, b) + Cost(b, c).
type CostModel interface {
	// Cost returns the time to process rows [lo, hi), 0 <= lo <= hi.
	Cost(lo, hi int) time.Duration
}

// Sized is implemented by cost models defined for a fixed number of rows
// (tables); Run then rejects Config.Rows > Len and uses Len when Rows is 0.
type Sized interface {
	// Len returns the number of rows the model covers.
	Len() int
}

var (
	_ CostModel = Uniform(0)
	_ CostModel = (*Table)(nil)
	_ Sized     = (*Table)(nil)
)

// Uniform is a cost model in which every row costs the same.
type Uniform time.Duration

// Cost returns (hi-lo) times the per-row cost.
func (u Uniform) Cost(lo, hi int) time.Duration { return time.Duration(hi-lo) * time.Duration(u) }

// Table is a cost model given row by row, answered in O(1) from prefix sums.
// Build one with PerRow, Linear, RandomCost, FromNNZ, FromRowPtr or
// FromTrace. A Table is immutable and safe for concurrent use.
type Table struct {
	prefix []time.Duration // prefix[i] = cost of rows [0, i); len = rows+1
	max    time.Duration   // largest single-row cost
}

// Cost returns the summed cost of rows [lo, hi); the range must lie in
// [0, Len()].
func (t *Table) Cost(lo, hi int) time.Duration { return t.prefix[hi] - t.prefix[lo] }

// Len returns the number of rows.
func (t *Table) Len() int { return len(t.prefix) - 1 }

// Total returns the cost of all rows.
func (t *Table) Total() time.Duration { return t.prefix[len(t.prefix)-1] }

// Max returns the cost of the most expensive row.
func (t *Table) Max() time.Duration { return t.max }

// PerRow builds a table from one cost per row. Costs must be >= 0.
func PerRow(costs []time.Duration) (*Table, error) {
	t := &Table{prefix: make([]time.Duration, len(costs)+1)}
	for i, c := range costs {
		if c < 0 {
			return nil, fmt.Errorf("%w: row %d costs %v (< 0)", ErrCost, i, c)
		}
		if c > math.MaxInt64-t.prefix[i] {
			return nil, fmt.Errorf("%w: the costs overflow at row %d", ErrCost, i)
		}
		t.prefix[i+1] = t.prefix[i] + c
		t.max = max(t.max, c)
	}
	return t, nil
}

// FromFunc builds a table of rows rows whose row i costs f(i).
func FromFunc(rows int, f func(i int) time.Duration) (*Table, error) {
	if rows < 0 {
		return nil, fmt.Errorf("%w: negative row count %d", ErrCost, rows)
	}
	costs := make([]time.Duration, rows)
	for i := range costs {
		costs[i] = f(i)
	}
	return PerRow(costs)
}

// Linear is the skewed model: row costs grow (or shrink) linearly from
// first (row 0) to last (row rows-1), rounded to whole nanoseconds.
func Linear(rows int, first, last time.Duration) (*Table, error) {
	if first < 0 || last < 0 {
		return nil, fmt.Errorf("%w: linear costs %v..%v must be >= 0", ErrCost, first, last)
	}
	return FromFunc(rows, func(i int) time.Duration {
		if rows == 1 {
			return first
		}
		return first + time.Duration(float64(last-first)*float64(i)/float64(rows-1)+0.5)
	})
}

// RandomCost draws every row's cost uniformly from [lo, hi] with the given
// seed; the same seed gives the same table.
func RandomCost(rows int, lo, hi time.Duration, seed int64) (*Table, error) {
	if lo < 0 || hi < lo {
		return nil, fmt.Errorf("%w: random costs need 0 <= lo <= hi, got %v..%v", ErrCost, lo, hi)
	}
	r := rand.New(rand.NewSource(seed))
	return FromFunc(rows, func(int) time.Duration { return lo + time.Duration(r.Int63n(int64(hi-lo)+1)) })
}

// FromNNZ models a sparse kernel whose row i costs perRow + nnz[i]*perNNZ,
// e.g. one label-propagation step of connected components over a CSR
// adjacency matrix.
func FromNNZ(nnz []int, perRow, perNNZ time.Duration) (*Table, error) {
	if perRow < 0 || perNNZ < 0 {
		return nil, fmt.Errorf("%w: per-row %v and per-non-zero %v costs must be >= 0", ErrCost, perRow, perNNZ)
	}
	costs := make([]time.Duration, len(nnz))
	for i, z := range nnz {
		if z < 0 {
			return nil, fmt.Errorf("%w: row %d has %d non-zeros", ErrCost, i, z)
		}
		costs[i] = perRow + time.Duration(z)*perNNZ
	}
	return PerRow(costs)
}

// FromRowPtr is FromNNZ on a CSR row-pointer array (len rows+1,
// non-decreasing), such as data.CSRMatrix.RowPtr.
func FromRowPtr(rowPtr []int, perRow, perNNZ time.Duration) (*Table, error) {
	if len(rowPtr) == 0 {
		return nil, fmt.Errorf("%w: empty row-pointer array (need rows+1 entries)", ErrCost)
	}
	nnz := make([]int, len(rowPtr)-1)
	for i := range nnz {
		nnz[i] = rowPtr[i+1] - rowPtr[i]
		if nnz[i] < 0 {
			return nil, fmt.Errorf("%w: row pointer decreases at row %d (%d -> %d)", ErrCost, i, rowPtr[i], rowPtr[i+1])
		}
	}
	return FromNNZ(nnz, perRow, perNNZ)
}

// TraceChunk is one executed chunk of a recorded run: rows [Lo, Hi) took
// Elapsed.
type TraceChunk struct {
	Lo, Hi  int
	Elapsed time.Duration
}

// FromTrace rebuilds per-row costs from a recorded run over rows rows (for
// example Result.Trace of a real or simulated run): each chunk's time is
// spread evenly over its rows (the remainder nanoseconds go to its first
// rows, so chunk sums are exact). Chunks must cover every row exactly once,
// in any order.
func FromTrace(rows int, chunks []TraceChunk) (*Table, error) {
	if rows < 0 {
		return nil, fmt.Errorf("%w: negative row count %d", ErrCost, rows)
	}
	costs := make([]time.Duration, rows)
	seen := make([]bool, rows)
	for k, ch := range chunks {
		if ch.Lo < 0 || ch.Hi > rows || ch.Lo > ch.Hi || ch.Elapsed < 0 {
			return nil, fmt.Errorf("%w: trace chunk %d [%d, %d) of %v is outside [0, %d) or negative", ErrCost, k, ch.Lo, ch.Hi, ch.Elapsed, rows)
		}
		n := ch.Hi - ch.Lo
		if n == 0 {
			continue
		}
		each, rem := ch.Elapsed/time.Duration(n), int(ch.Elapsed%time.Duration(n))
		for i := ch.Lo; i < ch.Hi; i++ {
			if seen[i] {
				return nil, fmt.Errorf("%w: trace chunk %d covers row %d a second time", ErrCost, k, i)
			}
			seen[i] = true
			costs[i] = each
			if i-ch.Lo < rem {
				costs[i]++
			}
		}
	}
	for i, s := range seen {
		if !s {
			return nil, fmt.Errorf("%w: no trace chunk covers row %d", ErrCost, i)
		}
	}
	return PerRow(costs)
}
