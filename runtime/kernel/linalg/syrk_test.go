package linalg

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

var syrkShapes = []struct{ m, n int }{
	{0, 3}, {3, 0}, {1, 1}, {5, 1}, {1, 9}, {17, 33}, {300, 13}, {1000, 101}, {129, 260},
}

func TestSyrk(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(11, 12))
	for _, s := range syrkShapes {
		for _, th := range []int{1, 2, 5} {
			a := randDense(rng, s.m, s.n, 0)
			want := naiveMul(transpose(a), a)
			got, err := Syrk(th, a)
			if err != nil {
				t.Fatal(err)
			}
			checkClose(t, got, want, 1e-12*float64(s.m+1))
			g := got.(*data.Dense[float64])
			for i := 0; i < s.n; i++ {
				for j := 0; j < i; j++ {
					if g.At(i, j) != g.At(j, i) {
						t.Fatalf("%dx%d: not exactly symmetric at (%d,%d)", s.m, s.n, i, j)
					}
				}
			}
			sparse, err := Syrk(th, data.DenseToCSR(a))
			if err != nil {
				t.Fatal(err)
			}
			checkClose(t, sparse, want, 1e-12*float64(s.m+1))
		}
	}
}

func TestSyrkF32(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(13, 14))
	a := must(denseAs[float32](randDense(rng, 500, 37, 0), types.F32))
	got, err := Syrk(2, a)
	if err != nil {
		t.Fatal(err)
	}
	if got.ValueType() != types.F32 {
		t.Fatalf("value type %v", got.ValueType())
	}
	af := asF64(t, a)
	checkClose(t, got, naiveMul(transpose(af), af), 1e-4)
}

func TestGemv(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(15, 16))
	for _, s := range syrkShapes {
		for _, th := range []int{1, 3} {
			a, x := randDense(rng, s.m, s.n, 0.3), randDense(rng, s.m, 1, 0)
			want := naiveMul(transpose(a), x)
			got, err := Gemv(th, a, x)
			if err != nil {
				t.Fatal(err)
			}
			checkClose(t, got, want, 1e-12*float64(s.m+1))
			sparse, err := Gemv(th, data.DenseToCSR(a), x)
			if err != nil {
				t.Fatal(err)
			}
			checkClose(t, sparse, want, 1e-12*float64(s.m+1))
		}
	}
	a32 := must(denseAs[float32](randDense(rng, 9, 4, 0), types.F32))
	x := randDense(rng, 9, 1, 0)
	got, err := Gemv(1, a32, x)
	if err != nil {
		t.Fatal(err)
	}
	if got.ValueType() != types.F64 {
		t.Fatalf("f32 matrix with f64 vector: value type %v, want f64", got.ValueType())
	}
}

func TestSyrkGemvErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		run  func() error
		want string
	}{
		{"syrk int", func() error { _, err := Syrk(1, data.NewDense[int64](2, 2)); return err },
			"syrk: value type si64 is not supported, expected f32 or f64"},
		{"gemv int", func() error {
			_, err := Gemv(1, data.NewDense[int64](2, 2), data.NewDense[int64](2, 1))
			return err
		}, "gemv: value type si64 is not supported, expected f32 or f64"},
		{"gemv shape", func() error {
			_, err := Gemv(1, data.NewDense[float64](3, 2), data.NewDense[float64](2, 1))
			return err
		}, "gemv: the vector must be 3x1 (nrow of the 3x2 matrix), got 2x1"},
		{"gemv not a vector", func() error {
			_, err := Gemv(1, data.NewDense[float64](3, 2), data.NewDense[float64](3, 2))
			return err
		}, "gemv: the vector must be 3x1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.run()
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

// TestPortableKernelPaths runs the packed product and syrk with the
// portable micro-kernel, which the run-time choice skips on AVX2 machines.
func TestPortableKernelPaths(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(17, 18))
	for _, s := range oddShapes {
		a, b := randDense(rng, s.m, s.k, 0), randDense(rng, s.k, s.n, 0)
		c := data.NewDense[float64](s.m, s.n)
		gemmPacked(a.Data, b.Data, c.Data, s.k, s.n, 0, s.m, microGo[float64])
		checkClose(t, c, naiveMul(a, b), 1e-12*float64(s.k+1))
	}
	for _, s := range syrkShapes {
		a := randDense(rng, s.m, s.n, 0)
		c := data.NewDense[float64](s.n, s.n)
		syrkPacked(a.Data, c.Data, s.n, 0, s.m, microGo[float64])
		mirrorUpper(c.Data, s.n)
		checkClose(t, c, naiveMul(transpose(a), a), 1e-12*float64(s.m+1))
	}
}
