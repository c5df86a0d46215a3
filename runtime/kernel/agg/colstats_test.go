package agg

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// The column updates (colShifted, colAdd: assembly on amd64 with AVX)
// against their Go loops (colShiftedGo, colAddGo), with exact equality: the
// same bits, except that any NaN equals any NaN (Go leaves NaN payloads
// unspecified). Under -tags purego or without AVX both sides are the Go
// loop (colstats_amd64_test.go checks that the assembly runs where the CPU
// has AVX).

// sameBits reports whether a and b are the same float64, bit for bit, or
// both NaN.
func sameBits(a, b float64) bool {
	return math.Float64bits(a) == math.Float64bits(b) || (a != a && b != b)
}

// firstDiff returns the first index where got and want differ (sameBits),
// or -1.
func firstDiff[F float](got, want []F) int {
	if len(got) != len(want) {
		return 0
	}
	for i := range want {
		if !sameBits(float64(got[i]), float64(want[i])) {
			return i
		}
	}
	return -1
}

// specials are the values the fills mix in: NaNs of two payloads, both
// infinities, both zeros, a subnormal, the extremes and values whose square
// overflows or underflows.
var specials = []float64{
	math.NaN(), math.Float64frombits(0xfff8000000000000), math.Inf(1), math.Inf(-1),
	0, math.Copysign(0, -1), 5e-324, math.MaxFloat64, -math.MaxFloat64, 1e200, 1e-200,
}

// fill returns n values: mostly 1e6 + N(0, 3) (large offset, small
// spread), with probability pSpecial one of specials.
func fill(r *rand.Rand, n int, pSpecial float64) []float64 {
	d := make([]float64, n)
	for i := range d {
		if r.Float64() < pSpecial {
			d[i] = specials[r.IntN(len(specials))]
			continue
		}
		d[i] = 1e6 + 3*r.NormFloat64()
	}
	return d
}

func toF32(d []float64) []float32 {
	f := make([]float32, len(d))
	for i, v := range d {
		f[i] = float32(v)
	}
	return f
}

// guarded returns a slice of n values from the middle of a larger buffer
// filled with sentinel, and a function reporting whether the sentinels on
// both sides are intact.
func guarded[F float](vals []F, sentinel F) ([]F, func() bool) {
	const pad = 9
	buf := make([]F, pad+len(vals)+pad)
	for i := range buf {
		buf[i] = sentinel
	}
	copy(buf[pad:], vals)
	intact := func() bool {
		for _, v := range append(buf[:pad:pad], buf[pad+len(vals):]...) {
			if v != sentinel {
				return false
			}
		}
		return true
	}
	return buf[pad : pad+len(vals) : pad+len(vals)], intact
}

var colShapes = func() (s [][2]int) {
	for _, rows := range []int{0, 1, 2, 3, 9, 64} {
		for cols := 1; cols <= 33; cols++ {
			s = append(s, [2]int{rows, cols})
		}
		s = append(s, [2]int{rows, 101})
	}
	return s
}()

// checkShifted runs colShifted and colShiftedGo on the same data (a view at
// an odd offset of a larger buffer) and accumulators, and compares.
func checkShifted[T float](t *testing.T, d []T, cols int, k, s1, s2 []float64) {
	t.Helper()
	view, dataIntact := guarded(d, T(-7))
	gk, gs1, gs2 := append([]float64(nil), k...), append([]float64(nil), s1...), append([]float64(nil), s2...)
	colShiftedGo(view, cols, gk, gs1, gs2)
	ak, kIntact := guarded(k, -5)
	as1, s1Intact := guarded(s1, -5)
	as2, s2Intact := guarded(s2, -5)
	colShifted(view, cols, ak, as1, as2)
	if !dataIntact() || !kIntact() || !s1Intact() || !s2Intact() {
		t.Fatal("colShifted wrote outside its slices")
	}
	if i := firstDiff(ak, gk); i >= 0 {
		t.Fatalf("k changed at %d: %v, want %v", i, ak[i], gk[i])
	}
	if i := firstDiff(as1, gs1); i >= 0 {
		t.Fatalf("s1[%d] = %v (%#x), Go loop %v (%#x)", i, as1[i], math.Float64bits(as1[i]), gs1[i], math.Float64bits(gs1[i]))
	}
	if i := firstDiff(as2, gs2); i >= 0 {
		t.Fatalf("s2[%d] = %v (%#x), Go loop %v (%#x)", i, as2[i], math.Float64bits(as2[i]), gs2[i], math.Float64bits(gs2[i]))
	}
}

// checkAdd is checkShifted for colAdd.
func checkAdd[T float](t *testing.T, d []T, cols int, acc []T) {
	t.Helper()
	view, dataIntact := guarded(d, T(-7))
	want := append([]T(nil), acc...)
	colAddGo(view, cols, want)
	got, accIntact := guarded(acc, T(-5))
	colAdd(view, cols, got)
	if !dataIntact() || !accIntact() {
		t.Fatal("colAdd wrote outside its slices")
	}
	if i := firstDiff(got, want); i >= 0 {
		t.Fatalf("acc[%d] = %v, Go loop %v", i, got[i], want[i])
	}
}

func TestColShiftedMatchesGoLoop(t *testing.T) {
	t.Parallel()
	for _, p := range []float64{0, 0.05, 0.5} {
		for _, sh := range colShapes {
			rows, cols := sh[0], sh[1]
			name := fmt.Sprintf("special=%v/%dx%d", p, rows, cols)
			t.Run(name, func(t *testing.T) {
				r := rand.New(rand.NewPCG(uint64(rows), uint64(cols*100+int(p*100))))
				d := fill(r, rows*cols, p)
				// Accumulators as statColDense starts them (k = a row,
				// sums 0) and mid-way (non-zero sums, specials too).
				k, s1, s2 := fill(r, cols, p), make([]float64, cols), fill(r, cols, p)
				checkShifted(t, d, cols, k, s1, s2)
				checkShifted(t, toF32(d), cols, k, s1, s2)
			})
		}
	}
}

func TestColAddMatchesGoLoop(t *testing.T) {
	t.Parallel()
	for _, p := range []float64{0, 0.05, 0.5} {
		for _, sh := range colShapes {
			rows, cols := sh[0], sh[1]
			name := fmt.Sprintf("special=%v/%dx%d", p, rows, cols)
			t.Run(name, func(t *testing.T) {
				r := rand.New(rand.NewPCG(uint64(rows+1000), uint64(cols*100+int(p*100))))
				d, acc := fill(r, rows*cols, p), fill(r, cols, p)
				checkAdd(t, d, cols, make([]float64, cols))
				checkAdd(t, d, cols, acc)
				checkAdd(t, toF32(d), cols, make([]float32, cols))
				checkAdd(t, toF32(d), cols, toF32(acc))
			})
		}
	}
}

// TestColCompareIsExact makes sure the comparison of the tests above cannot
// pass by tolerance: flipping any single bit of any one accumulator the
// fast path produced is reported as a difference.
func TestColCompareIsExact(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	const rows, cols = 50, 13
	d := fill(r, rows*cols, 0)
	k := append([]float64(nil), d[:cols]...)
	fast1, fast2 := make([]float64, cols), make([]float64, cols)
	colShifted(d, cols, k, fast1, fast2)
	ref1, ref2 := make([]float64, cols), make([]float64, cols)
	colShiftedGo(d, cols, k, ref1, ref2)
	if firstDiff(fast1, ref1) != -1 || firstDiff(fast2, ref2) != -1 {
		t.Fatal("fast path and Go loop differ on plain data")
	}
	for _, res := range []struct {
		name      string
		fast, ref []float64
	}{{"s1", fast1, ref1}, {"s2", fast2, ref2}} {
		for j := range cols {
			for bit := range 64 {
				got := append([]float64(nil), res.fast...)
				got[j] = math.Float64frombits(math.Float64bits(got[j]) ^ 1<<bit)
				if firstDiff(got, res.ref) != j {
					t.Fatalf("flipping bit %d of %s[%d] (%v -> %v) went unnoticed", bit, res.name, j, res.ref[j], got[j])
				}
			}
		}
	}
}

// TestColUpdatesIgnorePartialRow checks that a trailing partial row (len(d)
// not a multiple of cols) is left out by both paths, and that cols < 1 or
// fewer values than one row change nothing.
func TestColUpdatesIgnorePartialRow(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		n    int
		cols int
	}{
		{"partial row", 23, 5},
		{"less than a row", 4, 5},
		{"no columns", 6, 0},
		{"negative columns", 6, -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(7, uint64(tc.n)))
			d := fill(r, tc.n, 0)
			w := max(tc.cols, 0)
			full := d[:tc.n/max(w, 1)*w]
			k := fill(r, w, 0)
			s1, s2 := make([]float64, w), make([]float64, w)
			colShifted(d, tc.cols, k, s1, s2)
			f1, f2 := make([]float64, w), make([]float64, w)
			colShiftedGo(full, w, k, f1, f2)
			if firstDiff(s1, f1) >= 0 || firstDiff(s2, f2) >= 0 {
				t.Fatalf("s1 %v s2 %v, want %v %v", s1, s2, f1, f2)
			}
			acc, want := make([]float64, w), make([]float64, w)
			colAdd(d, tc.cols, acc)
			colAddGo(full, w, want)
			if firstDiff(acc, want) >= 0 {
				t.Fatalf("acc %v, want %v", acc, want)
			}
		})
	}
}

// FuzzColShifted compares both column updates with their Go loops on
// fuzzed shapes and values (the fuzzer's bytes become the cells).
func FuzzColShifted(f *testing.F) {
	f.Add(uint8(3), uint8(5), uint64(1), []byte{0x7f, 0xf8, 0, 1})
	f.Add(uint8(1), uint8(33), uint64(2), []byte{})
	f.Add(uint8(40), uint8(4), uint64(3), []byte{0xff, 0xf0, 0x80})
	f.Fuzz(func(t *testing.T, rows, cols uint8, seed uint64, raw []byte) {
		if cols == 0 {
			return
		}
		n, c := int(rows%64)*int(cols), int(cols)
		r := rand.New(rand.NewPCG(seed, 9))
		d := fill(r, n, 0.1)
		for i := 0; i+8 <= len(raw) && i/8 < n; i += 8 { // raw bit patterns
			var b uint64
			for _, x := range raw[i : i+8] {
				b = b<<8 | uint64(x)
			}
			d[i/8] = math.Float64frombits(b)
		}
		k, s2 := fill(r, c, 0.1), fill(r, c, 0.1)
		checkShifted(t, d, c, k, make([]float64, c), s2)
		checkShifted(t, toF32(d), c, k, make([]float64, c), s2)
		checkAdd(t, d, c, s2)
		checkAdd(t, toF32(d), c, toF32(s2))
	})
}
