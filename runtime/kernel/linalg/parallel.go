package linalg

import (
	"fmt"
	"sync"

	"github.com/daphne-go/daphne/runtime/ops"
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
// longer) and runs body(part, lo, hi) for each, on p-1 new goroutines plus
// the caller's. It returns after every range is done: the goroutines never
// outlive the call. A panic in body is recovered and returned as an error
// (the first one, by part order), so a kernel bug cannot kill the process
// from a goroutine the interpreter's recover does not cover.
//
// The body is a pure function of its row range, so a scheduler can later
// drive the same kernels with its own partitioning.
func parallelRows(n, p int, body func(part, lo, hi int)) error {
	if p <= 1 || n <= 1 {
		return runGuarded(func() { body(0, 0, n) })
	}
	errs := make([]error, p)
	var wg sync.WaitGroup
	lo := 0
	for i := 0; i < p; i++ {
		hi := lo + n/p
		if i < n%p {
			hi++
		}
		if i == p-1 {
			errs[i] = runGuarded(func() { body(i, lo, hi) })
			break
		}
		wg.Add(1)
		go func(i, lo, hi int) {
			defer wg.Done()
			errs[i] = runGuarded(func() { body(i, lo, hi) })
		}(i, lo, hi)
		lo = hi
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
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
