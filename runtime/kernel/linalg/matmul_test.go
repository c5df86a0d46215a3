package linalg

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// randDense returns an r x c f64 matrix with values in [-1, 1), a fraction
// zeroFrac of them zero.
func randDense(rng *rand.Rand, r, c int, zeroFrac float64) *data.Dense[float64] {
	d := data.NewDense[float64](r, c)
	for i := range d.Data {
		if rng.Float64() >= zeroFrac {
			d.Data[i] = rng.Float64()*2 - 1
		}
	}
	return d
}

// naiveMul is the reference product.
func naiveMul(a, b *data.Dense[float64]) *data.Dense[float64] {
	c := data.NewDense[float64](a.Rows(), b.Cols())
	for i := 0; i < a.Rows(); i++ {
		for j := 0; j < b.Cols(); j++ {
			var s float64
			for p := 0; p < a.Cols(); p++ {
				s += a.At(i, p) * b.At(p, j)
			}
			c.Set(i, j, s)
		}
	}
	return c
}

func transpose(a *data.Dense[float64]) *data.Dense[float64] {
	t := data.NewDense[float64](a.Cols(), a.Rows())
	for i := 0; i < a.Rows(); i++ {
		for j := 0; j < a.Cols(); j++ {
			t.Set(j, i, a.At(i, j))
		}
	}
	return t
}

// asF64 converts any numeric matrix to a dense f64 one for comparisons.
func asF64(t *testing.T, m data.Matrix) *data.Dense[float64] {
	t.Helper()
	d, err := denseAs[float64](m, types.F64)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// checkClose fails unless got and want have the same shape and cells
// within tol (relative to the magnitude of the cell, at least 1).
func checkClose(t *testing.T, got data.Matrix, want *data.Dense[float64], tol float64) {
	t.Helper()
	g := asF64(t, got)
	if g.Rows() != want.Rows() || g.Cols() != want.Cols() {
		t.Fatalf("shape %s, want %s", shape(g), shape(want))
	}
	for i, w := range want.Data {
		if d := math.Abs(g.Data[i] - w); d > tol*math.Max(1, math.Abs(w)) || math.IsNaN(g.Data[i]) != math.IsNaN(w) {
			t.Fatalf("cell %d (%d,%d): got %v, want %v", i, i/max(1, want.Cols()), i%max(1, want.Cols()), g.Data[i], w)
		}
	}
}

var oddShapes = []struct{ m, k, n int }{
	{0, 3, 4}, {3, 0, 4}, {3, 4, 0}, {1, 1, 1}, {2, 3, 1}, {1, 7, 5},
	{17, 33, 9}, {33, 17, 40}, {64, 64, 64}, {65, 129, 67}, {100, 300, 31},
	{5, 600, 2100},
}

func TestMatMulDenseF64(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	for _, s := range oddShapes {
		for _, th := range []int{1, 3} {
			a, b := randDense(rng, s.m, s.k, 0), randDense(rng, s.k, s.n, 0)
			got, err := MatMul(th, a, b)
			if err != nil {
				t.Fatal(err)
			}
			if got.ValueType() != types.F64 || got.IsSparse() {
				t.Fatalf("%dx%dx%d: got %s", s.m, s.k, s.n, data.Describe(got))
			}
			checkClose(t, got, naiveMul(a, b), 1e-12*float64(s.k+1))
		}
	}
}

func TestMatMulF32(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(3, 4))
	for _, s := range oddShapes {
		a, b := randDense(rng, s.m, s.k, 0), randDense(rng, s.k, s.n, 0)
		a32, _ := denseAs[float32](a, types.F32)
		b32, _ := denseAs[float32](b, types.F32)
		got, err := MatMul(2, a32, b32)
		if err != nil {
			t.Fatal(err)
		}
		if got.ValueType() != types.F32 {
			t.Fatalf("value type %v, want f32", got.ValueType())
		}
		checkClose(t, got, naiveMul(asF64(t, a32), asF64(t, b32)), 1e-5*float64(s.k+1))
	}
}

// intMatrix returns an r x c matrix of value type vt with small integers.
func intMatrix(t *testing.T, rng *rand.Rand, vt types.ValueType, r, c int) data.Matrix {
	t.Helper()
	f := data.NewDense[float64](r, c)
	for i := range f.Data {
		f.Data[i] = float64(rng.IntN(5))
	}
	switch vt {
	case types.SI64:
		return must(denseAs[int64](f, vt))
	case types.SI32:
		return must(denseAs[int32](f, vt))
	case types.SI8:
		return must(denseAs[int8](f, vt))
	case types.UI64, types.Size:
		return must(denseAs[uint64](f, vt))
	case types.UI32:
		return must(denseAs[uint32](f, vt))
	case types.UI8:
		return must(denseAs[uint8](f, vt))
	}
	t.Fatalf("intMatrix: %v", vt)
	return nil
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestMatMulValueTypes(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(5, 6))
	tests := []struct {
		name   string
		lhs    types.ValueType
		rhs    types.ValueType
		result types.ValueType
	}{
		{"si64", types.SI64, types.SI64, types.SI64},
		{"si32", types.SI32, types.SI32, types.SI32},
		{"si8", types.SI8, types.SI8, types.SI8},
		{"ui64", types.UI64, types.UI64, types.UI64},
		{"ui32", types.UI32, types.UI32, types.UI32},
		{"ui8", types.UI8, types.UI8, types.UI8},
		{"size", types.Size, types.Size, types.Size},
		{"si32 ui64", types.SI32, types.UI64, types.UI64},
		{"si8 si64", types.SI8, types.SI64, types.SI64},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, b := intMatrix(t, rng, tc.lhs, 13, 30), intMatrix(t, rng, tc.rhs, 30, 9)
			got, err := MatMul(2, a, b)
			if err != nil {
				t.Fatal(err)
			}
			if got.ValueType() != tc.result {
				t.Fatalf("value type %v, want %v", got.ValueType(), tc.result)
			}
			want := naiveMul(asF64(t, a), asF64(t, b))
			if tc.result == types.SI8 || tc.result == types.UI8 {
				for i, v := range want.Data { // C arithmetic wraps
					if tc.result == types.SI8 {
						want.Data[i] = float64(int8(int64(v)))
					} else {
						want.Data[i] = float64(uint8(int64(v)))
					}
				}
			}
			checkClose(t, got, want, 0)
		})
	}
	t.Run("f32 si64 promotes to f32", func(t *testing.T) {
		a := must(denseAs[float32](randDense(rng, 4, 5, 0), types.F32))
		b := intMatrix(t, rng, types.SI64, 5, 3)
		got, err := MatMul(1, a, b)
		if err != nil {
			t.Fatal(err)
		}
		if got.ValueType() != types.F32 {
			t.Fatalf("value type %v, want f32", got.ValueType())
		}
		checkClose(t, got, naiveMul(asF64(t, a), asF64(t, b)), 1e-5)
	})
}

func TestMatMulSparse(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(7, 8))
	for _, s := range oddShapes {
		for _, th := range []int{1, 2} {
			a, b := randDense(rng, s.m, s.k, 0.8), randDense(rng, s.k, s.n, 0.8)
			want := naiveMul(a, b)
			sa, sb := data.DenseToCSR(a), data.DenseToCSR(b)
			cases := []struct {
				name       string
				lhs, rhs   data.Matrix
				wantSparse bool
			}{
				{"csr@dense", sa, b, false},
				{"dense@csr", a, sb, false},
				{"csr@csr", sa, sb, true},
			}
			for _, tc := range cases {
				got, err := MatMul(th, tc.lhs, tc.rhs)
				if err != nil {
					t.Fatalf("%s: %v", tc.name, err)
				}
				if got.IsSparse() != tc.wantSparse {
					t.Fatalf("%s: got %s", tc.name, data.Describe(got))
				}
				checkClose(t, got, want, 1e-12*float64(s.k+1))
			}
		}
	}
}

func TestMatMulCSRCancellation(t *testing.T) {
	t.Parallel()
	a := data.DenseToCSR(data.DenseFrom(1, 2, []float64{1, 1}))
	b := data.DenseToCSR(data.DenseFrom(2, 2, []float64{2, 3, -2, 5}))
	got, err := MatMul(1, a, b)
	if err != nil {
		t.Fatal(err)
	}
	s := got.(*data.CSR[float64])
	if s.NNZ() != 1 || s.ColIdx[0] != 1 || s.Values[0] != 8 {
		t.Fatalf("got cols %v values %v, want one non-zero 8 at column 1", s.ColIdx, s.Values)
	}
}

func TestMatMulErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		lhs, rhs data.Matrix
		want     string
	}{
		{"shape", data.NewDense[float64](3, 4), data.NewDense[float64](5, 2),
			"matMul: ncol(lhs) must equal nrow(rhs), got lhs 3x4 and rhs 5x2"},
		{"string", data.NewDense[string](2, 2), data.NewDense[float64](2, 2),
			"matMul: value type str is not supported"},
		{"bool", data.NewDense[bool](2, 2), data.NewDense[bool](2, 2),
			"matMul: value type bool is not supported"},
		{"too large", data.NewDense[float64](1<<20, 1), data.NewDense[float64](1, 1<<20),
			"matMul: a 1048576x1048576 result is too large"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := MatMul(1, tc.lhs, tc.rhs)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestMicroKernelsAgree(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(9, 10))
	for _, kb := range []int{1, 2, 3, 7, 64, 257} {
		for _, aStep := range []int{mr, nr} {
			a := randDense(rng, 1, kb*aStep, 0).Data
			b := randDense(rng, 1, kb*nr, 0).Data
			var got, want [mr * nr]float64
			microF64(kb, a, aStep, b, &got, nil, 0)
			microGo(kb, a, aStep, b, &want, nil, 0)
			for i := range got {
				if math.Abs(got[i]-want[i]) > 1e-12*float64(kb) {
					t.Fatalf("kb=%d aStep=%d cell %d: %v vs %v", kb, aStep, i, got[i], want[i])
				}
			}
		}
	}
}

func TestMicroKernelsAccumulate(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(19, 20))
	const ldc = 13
	for _, kb := range []int{1, 5, 256} {
		a := randDense(rng, 1, kb*mr, 0).Data
		b := randDense(rng, 1, kb*nr, 0).Data
		c0 := randDense(rng, mr, ldc, 0).Data
		got, want := append([]float64(nil), c0...), append([]float64(nil), c0...)
		var tile [mr * nr]float64
		microF64(kb, a, mr, b, &tile, got[1:], ldc)
		microGo(kb, a, mr, b, &tile, want[1:], ldc)
		for i := range got {
			if math.Abs(got[i]-want[i]) > 1e-12*float64(kb) {
				t.Fatalf("kb=%d cell %d: %v vs %v", kb, i, got[i], want[i])
			}
		}
		if got[0] != c0[0] || got[ldc-4] != c0[ldc-4] {
			t.Fatalf("kb=%d: cells outside the tile changed", kb)
		}
	}
}

func TestMicroKernelF32(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(21, 22))
	const ldc = 11
	for _, kb := range []int{1, 2, 3, 8, 255, 256} {
		for _, aStep := range []int{mr, nr} {
			a := must(denseAs[float32](randDense(rng, 1, kb*aStep, 0), types.F32)).Data
			b := must(denseAs[float32](randDense(rng, 1, kb*nr, 0), types.F32)).Data
			var got, want [mr * nr]float32
			microF32(kb, a, aStep, b, &got, nil, 0)
			microGo(kb, a, aStep, b, &want, nil, 0)
			for i := range got {
				if math.Abs(float64(got[i]-want[i])) > 1e-5*float64(kb) {
					t.Fatalf("kb=%d aStep=%d cell %d: %v vs %v", kb, aStep, i, got[i], want[i])
				}
			}
			c0 := must(denseAs[float32](randDense(rng, mr, ldc, 0), types.F32)).Data
			cg, cw := append([]float32(nil), c0...), append([]float32(nil), c0...)
			microF32(kb, a, aStep, b, &got, cg[2:], ldc)
			microGo(kb, a, aStep, b, &want, cw[2:], ldc)
			for i := range cg {
				if math.Abs(float64(cg[i]-cw[i])) > 1e-5*float64(kb) {
					t.Fatalf("accumulate kb=%d aStep=%d cell %d: %v vs %v", kb, aStep, i, cg[i], cw[i])
				}
			}
		}
	}
}
