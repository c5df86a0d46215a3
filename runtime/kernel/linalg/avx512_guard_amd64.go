//go:build amd64 && !purego

package linalg

// The self-test that guards the AVX-512 micro-kernel: before the backend
// is offered, the kernel runs on this CPU on small panels and must agree
// with the portable kernel (microGo) within the error bound of the
// conformance suite. It exists because the kernel could not be executed
// where it was written (no AVX-512 there); a wrong instruction, a wrong
// offset or a CPU that misreports its features then costs speed (the AVX2
// kernels are used), not wrong results. A kernel that faults (SIGILL) is
// not caught: the CPUID and XCR0 checks must hold for the test to run.

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// selfTestKbs are the panel depths of the self-test: every depth up to 9
// (both parities of the two-step unrolling, the remainder step, several
// loop trips) and a long panel.
var selfTestKbs = []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 64}

// selfTestLdc is the row stride of c in the accumulate cases: larger than
// nr, so a kernel that ignores ldc writes the wrong cells.
const selfTestLdc = nr + 5

// selfTestPad is the number of canary cells around the c block.
const selfTestPad = 3

// selfTestMicro64 runs kern on every depth of selfTestKbs, with the A
// panel strides of gemm (mr) and syrk (nr), through the tile-store path
// (c == nil) and the accumulate path (c with rows selfTestLdc apart), on
// random values, and returns an error describing the first case where it
// differs from microGo by more than the conformance bound 2*(k+1)*u*sum|terms|
// (k = the number of terms of a cell), leaves a cell unwritten, or writes
// a cell of c outside the tile. A panic of kern is returned as an error.
func selfTestMicro64(kern microKernel[float64]) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("micro-kernel self-test: the kernel panicked: %v", r)
		}
	}()
	rng := rand.New(rand.NewPCG(0x5eed, 0xa512))
	for _, kb := range selfTestKbs {
		for _, aStep := range []int{mr, nr} {
			if err := selfTestCase(kern, rng, kb, aStep); err != nil {
				return fmt.Errorf("micro-kernel self-test, kb=%d, aStep=%d: %w", kb, aStep, err)
			}
		}
	}
	return nil
}

// selfTestCase runs one depth and A stride through both paths of kern.
func selfTestCase(kern microKernel[float64], rng *rand.Rand, kb, aStep int) error {
	// Panels of exactly the length the contract allows; the A cells that
	// are not part of a step (aStep > mr) are NaN, so reading them shows.
	a := make([]float64, (kb-1)*aStep+mr)
	for i := range a {
		a[i] = math.NaN()
	}
	for p := 0; p < kb; p++ {
		for i := 0; i < mr; i++ {
			a[p*aStep+i] = rng.Float64()*2 - 1
		}
	}
	b := make([]float64, kb*nr)
	for i := range b {
		b[i] = rng.Float64()*2 - 1
	}
	var want, abs [mr * nr]float64
	microGo(kb, a, aStep, b, &want, nil, 0)
	for i := 0; i < mr; i++ {
		for j := 0; j < nr; j++ {
			for p := 0; p < kb; p++ {
				abs[i*nr+j] += math.Abs(a[p*aStep+i] * b[p*nr+j])
			}
		}
	}

	// Tile-store path: every cell must be written (NaN before).
	var tile [mr * nr]float64
	for i := range tile {
		tile[i] = math.NaN()
	}
	kern(kb, a, aStep, b, &tile, nil, 0)
	for i := range tile {
		if !withinBound(tile[i], want[i], abs[i], kb) {
			return fmt.Errorf("tile-store path: cell (%d,%d) is %v, want %v", i/nr, i%nr, tile[i], want[i])
		}
	}

	// Accumulate path: c holds random values, with canary cells between
	// the rows and around the block.
	buf := make([]float64, selfTestPad+(mr-1)*selfTestLdc+nr+selfTestPad)
	for i := range buf {
		buf[i] = rng.Float64()*2 - 1
	}
	c0 := append([]float64(nil), buf...)
	var scratch [mr * nr]float64
	kern(kb, a, aStep, b, &scratch, buf[selfTestPad:], selfTestLdc)
	for idx, got := range buf {
		off := idx - selfTestPad
		i, j := off/selfTestLdc, off%selfTestLdc
		if off < 0 || i >= mr || j >= nr {
			if got != c0[idx] {
				return fmt.Errorf("accumulate path (ldc=%d): cell %d of c outside the tile changed from %v to %v",
					selfTestLdc, off, c0[idx], got)
			}
			continue
		}
		w := c0[idx] + want[i*nr+j]
		if !withinBound(got, w, abs[i*nr+j]+math.Abs(c0[idx]), kb+1) {
			return fmt.Errorf("accumulate path (ldc=%d): cell (%d,%d) is %v, want %v", selfTestLdc, i, j, got, w)
		}
	}
	return nil
}

// withinBound reports whether got is within the conformance bound of want
// for a sum of k terms whose magnitudes add up to abs: the bound of
// conformance_test.go, 2*(k+1)*u*abs, which both got and the reference
// (microGo, itself within (k+1)*u*abs of the exact sum) meet for a correct
// kernel, so their difference is within it too.
func withinBound(got, want, abs float64, k int) bool {
	return !math.IsNaN(got) && math.Abs(got-want) <= 2*float64(k+1)*0x1p-53*abs
}
