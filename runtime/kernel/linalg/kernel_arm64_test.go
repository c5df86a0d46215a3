//go:build arm64 && !purego

package linalg

// Tests of the NEON backend's wiring and of its Go wrappers; the kernels'
// results are checked by the conformance suite, which runs every backend
// (TestConformanceMicroKernels, TestConformanceGemm, ...). On amd64 hosts
// these run under QEMU: GOARCH=arm64 go test -exec qemu-aarch64.

import (
	"errors"
	"math"
	"os"
	"reflect"
	"runtime"
	"testing"
)

func TestNEONBackendWiring(t *testing.T) {
	t.Parallel()
	if !HasAsmKernel() {
		t.Fatal("HasAsmKernel() = false on arm64 without purego")
	}
	nb := nativeBackends()
	if len(nb) != 2 || nb[0].name != backendPureGo || nb[1].name != backendNEON {
		names := make([]string, len(nb))
		for i, be := range nb {
			names[i] = be.name
		}
		t.Fatalf("nativeBackends() = %v, want [purego neon] (neon last: the default)", names)
	}
	same := func(f, g any) bool { return reflect.ValueOf(f).Pointer() == reflect.ValueOf(g).Pointer() }
	if !same(nb[1].micro64, microAsmNEON) || !same(nb[1].micro32, microAsmNEONF32) {
		t.Fatal("the neon backend does not use the NEON micro-kernels")
	}
	if !same(microF64, microAsmNEON) || !same(microF32, microAsmNEONF32) {
		t.Fatal("microF64/microF32 (the row-range entry points' kernels) are not the NEON ones")
	}
	if !builtWithOpenBLAS && os.Getenv("DAPHNE_LINALG_BACKEND") == "" && Backend() != backendNEON {
		t.Fatalf("Backend() = %q, want %q by default", Backend(), backendNEON)
	}
}

// wrapperCase is a call of a NEON wrapper with panels or an output too
// short for kb, aStep and ldc.
type wrapperCase struct {
	name                string
	kb, aStep, nA, nB   int
	withC, ldc, nC, nOK int
}

var wrapperCases = []wrapperCase{
	{name: "a one short", kb: 5, aStep: mr, nA: 5*mr - 1, nB: 5 * nr},
	{name: "a one short with aStep 8", kb: 3, aStep: nr, nA: 2*nr + mr - 1, nB: 3 * nr},
	{name: "b one short", kb: 5, aStep: mr, nA: 5 * mr, nB: 5*nr - 1},
	{name: "c one short", kb: 2, aStep: mr, nA: 2 * mr, nB: 2 * nr, withC: 1, ldc: 11, nC: 3*11 + nr - 1},
	{name: "c one short for ldc 8", kb: 1, aStep: mr, nA: mr, nB: nr, withC: 1, ldc: nr, nC: mr*nr - 1},
}

// TestNEONWrapperBounds checks that the wrappers refuse panels or an
// output too short for the tile with a Go bounds panic before the assembly
// runs (the tile and c are left as they were), and accept them one longer.
func TestNEONWrapperBounds(t *testing.T) {
	t.Parallel()
	for _, tc := range wrapperCases {
		t.Run(tc.name+"/f64", func(t *testing.T) { t.Parallel(); wrapperBounds(t, tc, microAsmNEON) })
		t.Run(tc.name+"/f32", func(t *testing.T) { t.Parallel(); wrapperBounds(t, tc, microAsmNEONF32) })
	}
}

func wrapperBounds[T flt](t *testing.T, tc wrapperCase, kern microKernel[T]) {
	call := func(extra int) (tile [mr * nr]T, c []T, err error) {
		a, b := make([]T, tc.nA+extra), make([]T, tc.nB+extra)
		for i := range a {
			a[i] = 1
		}
		for i := range b {
			b[i] = 1
		}
		for i := range tile {
			tile[i] = T(math.NaN())
		}
		if tc.withC != 0 {
			c = make([]T, tc.nC+extra)
			for i := range c {
				c[i] = T(outCanary)
			}
		}
		defer func() {
			if r := recover(); r != nil {
				re, ok := r.(runtime.Error)
				if !ok {
					panic(r)
				}
				err = re
			}
		}()
		kern(tc.kb, a, tc.aStep, b, &tile, c, tc.ldc)
		return tile, c, nil
	}
	tile, c, err := call(0)
	if err == nil {
		t.Fatal("no bounds panic for a too short slice")
	}
	var re runtime.Error
	if !errors.As(err, &re) {
		t.Fatalf("panic %v, want a runtime bounds error", err)
	}
	for i, v := range tile {
		if !math.IsNaN(float64(v)) {
			t.Fatalf("tile[%d] = %v written before the bounds check", i, v)
		}
	}
	for i, v := range c {
		if v != T(outCanary) {
			t.Fatalf("c[%d] = %v written before the bounds check", i, v)
		}
	}
	tile, c, err = call(1)
	if err != nil {
		t.Fatalf("one element longer: %v", err)
	}
	// All ones: every cell of the product is kb.
	want := T(tc.kb)
	if c == nil {
		for i, v := range tile {
			if v != want {
				t.Fatalf("tile[%d] = %v, want %v", i, v, want)
			}
		}
		return
	}
	for i := 0; i < mr; i++ {
		for j := 0; j < nr; j++ {
			if got := c[i*tc.ldc+j]; got != T(outCanary)+want {
				t.Fatalf("c[%d,%d] = %v, want %v", i, j, got, T(outCanary)+want)
			}
		}
	}
}
