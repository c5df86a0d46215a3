package rel

import (
	"context"
	"math"

	"github.com/daphne-go/daphne/sched"
)

// DefaultParallelRows is the input size (rows) from which an operator runs
// in parallel when Options.ParallelRows is 0.
const DefaultParallelRows = 1 << 20

// chunksPerThread is how many chunks each thread gets, so that the pool's
// self-scheduling evens out chunks that take longer (skewed keys).
const chunksPerThread = 4

// Options control how an operator runs. They never change its result.
type Options struct {
	// Threads is the number of workers of the parallel path; 0 or 1 runs
	// everything on the calling goroutine.
	Threads int
	// ParallelRows is the smallest input (rows) run in parallel; 0 means
	// DefaultParallelRows. Tests set it low to exercise the parallel path.
	ParallelRows int
}

// runner cuts row ranges into chunks and runs them on sched.Default().
type runner struct {
	ctx     context.Context
	threads int
	minRows int
}

func (o Options) runner(ctx context.Context) runner {
	if ctx == nil {
		ctx = context.Background()
	}
	m := o.ParallelRows
	if m <= 0 {
		m = DefaultParallelRows
	}
	return runner{ctx: ctx, threads: max(o.Threads, 1), minRows: m}
}

// parts returns how many chunks n rows are cut into (1: run sequentially).
func (r runner) parts(n int) int {
	if r.threads <= 1 || n < r.minRows || n < 2 {
		return 1
	}
	return min(n, r.threads*chunksPerThread)
}

// tableParts is parts for loops that fill a hash table per chunk: one chunk
// per thread, since every chunk's table is merged afterwards (more chunks
// would repeat the merge of the keys they share).
func (r runner) tableParts(n int) int {
	return min(r.parts(n), r.threads)
}

// bound returns the start of chunk k of parts chunks of [0, n): the chunks
// are contiguous and the first n%parts are one row longer.
func bound(n, parts, k int) int {
	return k*(n/parts) + min(k, n%parts)
}

// each runs body(part, lo, hi) for the parts chunks of [0, n), on the
// calling goroutine when parts is 1 and on the scheduler's pool otherwise
// (self-scheduled, at most r.threads at a time). It returns after every
// chunk has run, with the first error: a panic in body or a cancelled
// context.
func (r runner) each(n, parts int, body func(part, lo, hi int)) error {
	if parts <= 1 {
		body(0, 0, n)
		return nil
	}
	return sched.Default().Run(r.ctx, parts, func(lo, hi, _ int) error {
		for k := lo; k < hi; k++ {
			body(k, bound(n, parts, k), bound(n, parts, k+1))
		}
		return nil
	}, sched.Options{Scheme: "SS", Threads: min(r.threads, parts)})
}

// checkRows rejects inputs with more rows than codes and row indices (int32)
// can address.
func checkRows(what string, n int) error {
	if n > math.MaxInt32 {
		return errorf(ErrTooLarge, "%s has %d rows; at most %d are supported", what, n, math.MaxInt32)
	}
	return nil
}
