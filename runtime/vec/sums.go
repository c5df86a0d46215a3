package vec

import (
	"sync"

	"github.com/daphne-go/daphne/ir"
	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/kernel/linalg"
	"github.com/daphne-go/daphne/types"
)

// CombineSum is the combine mode of syrk and gemv outputs (ir.CombineSum).
const CombineSum = ir.CombineSum

// Sums is the result of a syrk or gemv pipeline output (combine "sum"):
// every worker adds the partial products of its batches into its own
// accumulator (linalg.SyrkRows, linalg.GemvTRows: the kernels Syrk and
// Gemv run, for one range of rows), and Matrix adds the accumulators in
// the order the workers first used them. Only compiled pipelines
// (Program) fill it.
//
// Floating-point tolerance: t(X) @ X and t(X) @ y add one product per row
// of X into each cell; split over batches and workers the additions are
// associated differently than in the unsplit kernel (which itself splits
// over its threads), so results differ by rounding, about (k + h) * eps *
// sum|x_i x_j| per cell for k batches of at most h rows; they depend on
// which worker ran which batch, so two --vec runs may differ in the last
// bits. The tests allow 1e-12 relative to the largest cell.
type Sums struct {
	mu     sync.Mutex
	vt     types.ValueType
	rows   int
	cols   int
	mirror bool             // syrk: mirror the upper triangle at the end
	accs   []any            // []T per worker, in order of first use
	by     map[*Scratch]int // index into accs of a worker's accumulator
}

// init sets the result's shape (called by Compile).
func (s *Sums) init(vt types.ValueType, rows, cols int, mirror bool) {
	s.vt, s.rows, s.cols, s.mirror = vt, rows, cols, mirror
	s.by = map[*Scratch]int{}
}

// accOf returns the accumulator of the worker owning sc (zeroed on first
// use). Safe for concurrent use by different workers.
func accOf[T elem](s *Sums, sc *Scratch) []T {
	s.mu.Lock()
	defer s.mu.Unlock()
	if i, ok := s.by[sc]; ok {
		return s.accs[i].([]T)
	}
	acc := make([]T, s.rows*s.cols)
	s.by[sc] = len(s.accs)
	s.accs = append(s.accs, acc)
	return acc
}

// Matrix returns the sum of the accumulators (nil before any batch ran).
// Call it after the run.
func (s *Sums) Matrix() data.Matrix {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch s.vt {
	case types.F64:
		return sumAccs[float64](s)
	case types.F32:
		return sumAccs[float32](s)
	}
	return nil
}

func sumAccs[T float32 | float64](s *Sums) data.Matrix {
	if len(s.accs) == 0 {
		return nil
	}
	out := make([]T, s.rows*s.cols)
	copy(out, s.accs[0].([]T))
	for _, a := range s.accs[1:] {
		for i, v := range a.([]T) {
			out[i] += v
		}
	}
	if s.mirror {
		linalg.MirrorUpper(out, s.cols)
	}
	return data.DenseFromVT(s.vt, s.rows, s.cols, out)
}
