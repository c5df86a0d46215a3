package linalg

import (
	"context"
	"fmt"
	"sync"

	"github.com/daphne-go/daphne/runtime/ops"
	"github.com/daphne-go/daphne/sched"
)

// threads returns the number of goroutines an op may use.
func threads(c *ops.Ctx) int {
	if c == nil || c.Threads < 1 {
		return 1
	}
	return c.Threads
}

// parts returns how many row ranges to split n rows into, given the thread
// budget and a minimum amount of work (rows) per range.
func parts(n, nthreads, minRows int) int {
	if minRows < 1 {
		minRows = 1
	}
	p := n / minRows
	if p > nthreads {
		p = nthreads
	}
	if p < 1 {
		p = 1
	}
	return p
}

// parallelRows splits [0, n) into p contiguous ranges (the first n%p one row
// longer) and runs body(part, lo, hi) for each, on the persistent
// scheduler pool (see parallelRanges). It returns after every range is
// done. A panic in body is recovered and returned as an error (the first
// one, by part order), so a kernel bug cannot kill the process.
//
// The body is a pure function of its row range, so a scheduler can
// drive the same kernels with its own partitioning.
func parallelRows(n, p int, body func(part, lo, hi int)) error {
	bounds := make([]int, p+1)
	for i := 0; i < p; i++ {
		bounds[i+1] = bounds[i] + n/p
		if i < n%p {
			bounds[i+1]++
		}
	}
	return parallelRanges(bounds, body)
}

// parallelRanges runs body(part, bounds[part], bounds[part+1]) for every
// part, one task per part on the persistent scheduler pool
// (sched.Default(), self-scheduling over len(bounds)-1 workers; a single
// part runs on the caller), and returns after all are done with the first
// error by part order. A panic in body is recovered and returned as an
// error. A call from inside another pool run (a busy pool) runs its parts
// one after the other on the calling goroutine, with the same results.
func parallelRanges(bounds []int, body func(part, lo, hi int)) error {
	p := len(bounds) - 1
	if p <= 1 {
		return runGuarded(func() { body(0, bounds[0], bounds[p]) })
	}
	errs := make([]error, p)
	err := sched.Default().Run(context.Background(), p, func(lo, hi, _ int) error {
		for k := lo; k < hi; k++ {
			errs[k] = runGuarded(func() { body(k, bounds[k], bounds[k+1]) })
		}
		return nil
	}, sched.Options{Scheme: "SS", Threads: p})
	if err != nil {
		return fmt.Errorf("linalg: %w", err)
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// nnzBounds splits the rows of a CSR matrix (its row pointer) into p
// contiguous ranges of about equal numbers of non-zeros plus rows, so that
// skewed degree distributions (R-MAT graphs) do not leave one goroutine
// with most of the work.
func nnzBounds(rowPtr []int, p int) []int {
	rows := len(rowPtr) - 1
	total := rowPtr[rows] + rows // each row costs its non-zeros plus one
	bounds := make([]int, p+1)
	bounds[p] = rows
	for i := 1; i < p; i++ {
		target := total * i / p
		// first row r with rowPtr[r] + r >= target
		lo, hi := bounds[i-1], rows
		for lo < hi {
			mid := (lo + hi) / 2
			if rowPtr[mid]+mid < target {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		if lo > bounds[i-1] && target-(rowPtr[lo-1]+lo-1) < rowPtr[lo]+lo-target {
			lo-- // the boundary just before is closer to the target
		}
		bounds[i] = lo
	}
	return bounds
}

// runGuarded runs f, turning a panic into an error.
func runGuarded(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("linalg: internal error in kernel: %v", r)
		}
	}()
	f()
	return nil
}

// Packing buffers are pooled: on this project's machines memory returned
// to the OS costs far more to touch again than reused memory
// (performance-notes.md), and a product in a loop would otherwise allocate
// its panels on every call. Packing overwrites every cell it later reads,
// so a reused buffer needs no clearing.
var packPools [2]sync.Pool // float64, float32

// getBuf returns a buffer of n elements from the pool (or a new one).
func getBuf[T flt](n int) *[]T {
	pool := poolFor[T]()
	if v, ok := pool.Get().(*[]T); ok && cap(*v) >= n {
		*v = (*v)[:n]
		return v
	}
	b := make([]T, n)
	return &b
}

// putBuf returns a buffer obtained from getBuf to the pool.
func putBuf[T flt](b *[]T) { poolFor[T]().Put(b) }

func poolFor[T flt]() *sync.Pool {
	var z T
	if _, ok := any(z).(float32); ok {
		return &packPools[1]
	}
	return &packPools[0]
}
