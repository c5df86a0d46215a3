package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"math"
	"math/rand/v2"
	"runtime"
	"sync"
	"time"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/kernel/agg"
	"github.com/daphne-go/daphne/runtime/kernel/ew"
	"github.com/daphne-go/daphne/runtime/kernel/linalg"
	"github.com/daphne-go/daphne/runtime/ops"
)

// timing is one workload's first run and the best of the further runs.
type timing struct {
	first, best time.Duration
}

// timed runs f once (first), then reps more times, and returns both. A
// garbage collection before every run keeps the previous run's garbage
// out of the timed interval (and lets an allocation reuse its pages).
func timed(reps int, f func() error) (timing, error) {
	t, _, err := timedWith(reps, f, nil)
	return t, err
}

// timedWith is timed for f, with g (if not nil) run and timed before each
// run of f too (A B A B: both see the same load of a shared machine).
func timedWith(reps int, f, g func() error) (tf, tg timing, err error) {
	once := func(h func() error, t *timing, i int) error {
		runtime.GC()
		start := time.Now()
		if err := h(); err != nil {
			return err
		}
		d := time.Since(start)
		switch {
		case i == 0:
			t.first, t.best = d, d
		case i == 1 || d < t.best:
			t.best = d
		}
		return nil
	}
	for i := 0; i <= reps; i++ {
		if g != nil {
			if err := once(g, &tg, i); err != nil {
				return tf, tg, err
			}
		}
		if err := once(f, &tf, i); err != nil {
			return tf, tg, err
		}
	}
	return tf, tg, nil
}

// copier returns a function copying a slice of mib MiB with the given
// number of goroutines (each copies one contiguous part); both slices
// are written before, so no page is fresh.
func copier(mib, goroutines int) func() error {
	n := mib << 20 / 8
	src, dst := make([]float64, n), make([]float64, n)
	for i := range src {
		src[i] = float64(i)
	}
	clear(dst)
	return func() error {
		var wg sync.WaitGroup
		for g := range goroutines {
			lo, hi := n*g/goroutines, n*(g+1)/goroutines
			wg.Add(1)
			go func() {
				defer wg.Done()
				copy(dst[lo:hi], src[lo:hi])
			}()
		}
		wg.Wait()
		if dst[n-1] != src[n-1] {
			return fmt.Errorf("copy: last cell %v, want %v", dst[n-1], src[n-1])
		}
		return nil
	}
}

// copyBandwidth times copier(mib, goroutines).
func copyBandwidth(mib, goroutines, reps int) (timing, error) {
	return timed(reps, copier(mib, goroutines))
}

// runtimeOps returns the op registry of the kernels measured here: the
// same ops.Func values the interpreter looks up by IR op name.
func runtimeOps() *ops.Registry {
	r := ops.NewRegistry()
	agg.Register(r)
	ew.Register(r)
	linalg.Register(r)
	return r
}

// opCall calls op name of r on args as the interpreter does and returns
// its single result.
func opCall(r *ops.Registry, c *ops.Ctx, name string, args ...data.Value) (data.Value, error) {
	f, ok := r.Lookup(name)
	if !ok {
		return nil, fmt.Errorf("op %s is not registered", name)
	}
	res, err := f(c, args, nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(res) != 1 {
		return nil, fmt.Errorf("%s: %d results, want 1", name, len(res))
	}
	return res[0], nil
}

// newCtx returns an op context with the given thread budget.
func newCtx(threads int) *ops.Ctx {
	return &ops.Ctx{Context: context.Background(), Stdout: io.Discard, Stderr: io.Discard,
		Logger: slog.New(slog.DiscardHandler), Threads: threads}
}

// randMatrix returns a rows x cols f64 matrix of uniform [0, 1) values
// (as numpy's rng.random).
func randMatrix(seed uint64, rows, cols int) *data.Dense[float64] {
	rng := rand.New(rand.NewPCG(seed, seed))
	d := data.NewDense[float64](rows, cols)
	for i := range d.Data {
		d.Data[i] = rng.Float64()
	}
	return d
}

// memWorkload is a memory-bound kernel: an op on X (and Y), and the bytes
// it must move (read + written).
type memWorkload struct {
	name  string
	op    string
	two   bool // takes (X, Y)
	bytes float64
	check func(x, y *data.Dense[float64], v data.Value) error
}

// memWorkloads returns the memory-bound kernels for rows x cols matrices.
func memWorkloads(rows, cols int) []memWorkload {
	cells := float64(rows) * float64(cols)
	return []memWorkload{
		{"sum", "sumAll", false, 8 * cells, checkSum},
		{"meanCol", "meanCol", false, 8 * cells, checkCol(rows)},
		{"stddevCol", "stddevCol", false, 8 * cells, checkCol(rows)},
		{"ewAdd", "ewAdd", true, 3 * 8 * cells, checkEw(func(a, b float64) float64 { return a + b })},
		{"ewMul", "ewMul", true, 3 * 8 * cells, checkEw(func(a, b float64) float64 { return a * b })},
	}
}

// checkSum compares sumAll with a plain sum (relative 1e-9: both add
// about 1e8 values of [0, 1) in float64, in different orders maybe).
func checkSum(x, _ *data.Dense[float64], v data.Value) error {
	s, ok := v.(*data.Scalar)
	if !ok {
		return fmt.Errorf("sumAll gave %s, want a scalar", v.ValueType())
	}
	var want float64
	for _, c := range x.Data {
		want += c
	}
	if got := data.Get[float64](s); math.Abs(got-want) > 1e-9*want {
		return fmt.Errorf("sumAll = %v, want %v", got, want)
	}
	return nil
}

// checkCol checks that a column statistic is 1 x cols and plausible for
// uniform [0, 1) data (mean 0.5, stddev 0.289) given enough rows.
func checkCol(rows int) func(x, _ *data.Dense[float64], v data.Value) error {
	return func(x, _ *data.Dense[float64], v data.Value) error {
		d, ok := v.(*data.Dense[float64])
		if !ok || d.Rows() != 1 || d.Cols() != x.Cols() {
			return fmt.Errorf("column statistic: got %T, want a 1x%d f64 matrix", v, x.Cols())
		}
		for _, c := range d.Data {
			if rows >= 10000 && (c < 0.25 || c > 0.55) {
				return fmt.Errorf("column statistic %v is implausible for uniform [0, 1) data", c)
			}
		}
		return nil
	}
}

// checkEw checks a few cells of an elementwise result.
func checkEw(f func(a, b float64) float64) func(x, y *data.Dense[float64], v data.Value) error {
	return func(x, y *data.Dense[float64], v data.Value) error {
		d, ok := v.(*data.Dense[float64])
		if !ok || len(d.Data) != len(x.Data) {
			return fmt.Errorf("elementwise result: got %T, want an f64 matrix of %d cells", v, len(x.Data))
		}
		for _, i := range []int{0, len(d.Data) / 2, len(d.Data) - 1} {
			if want := f(x.Data[i], y.Data[i]); d.Data[i] != want {
				return fmt.Errorf("cell %d is %v, want %v", i, d.Data[i], want)
			}
		}
		return nil
	}
}
