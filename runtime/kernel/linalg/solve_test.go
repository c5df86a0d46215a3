package linalg

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

func TestSolveResidual(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(21, 22))
	for _, tc := range []struct {
		name string
		n, k int
	}{{"1x1", 1, 1}, {"3x3", 3, 1}, {"50x50", 50, 1}, {"20x20 three rhs", 20, 3}, {"0x0", 0, 1}} {
		t.Run(tc.name, func(t *testing.T) {
			a := randDense(rng, tc.n, tc.n, 0)
			for i := 0; i < tc.n; i++ {
				a.Set(i, i, a.At(i, i)+float64(tc.n)) // well conditioned
			}
			b := randDense(rng, tc.n, tc.k, 0)
			x, err := Solve(a, b)
			if err != nil {
				t.Fatal(err)
			}
			if x.Rows() != tc.n || x.Cols() != tc.k {
				t.Fatalf("shape %s", shape(x))
			}
			checkClose(t, naiveMul(a, asF64(t, x)), b, 1e-10)
		})
	}
	t.Run("f32", func(t *testing.T) {
		a := must(denseAs[float32](data.DenseFrom(2, 2, []float64{2, 1, 1, 3}), types.F32))
		b := must(denseAs[float32](data.DenseFrom(2, 1, []float64{3, 5}), types.F32))
		x, err := Solve(a, b)
		if err != nil {
			t.Fatal(err)
		}
		if x.ValueType() != types.F32 {
			t.Fatalf("value type %v", x.ValueType())
		}
		checkClose(t, x, data.DenseFrom(2, 1, []float64{0.8, 1.4}), 1e-6)
	})
}

func TestSolveErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		a, b data.Matrix
		want string
	}{
		{"singular", data.DenseFrom(2, 2, []float64{1, 2, 2, 4}), data.DenseFrom(2, 1, []float64{1, 1}), "solve: matrix is singular"},
		{"zero", data.NewDense[float64](3, 3), data.NewDense[float64](3, 1), "solve: matrix is singular"},
		{"nearly singular", data.DenseFrom(2, 2, []float64{1, 1, 1, 1 + 1e-17}), data.NewDense[float64](2, 1), "solve: matrix is singular"},
		{"not square", data.NewDense[float64](2, 3), data.NewDense[float64](2, 1), "solve: the matrix must be square, got 2x3"},
		{"rhs rows", data.NewDense[float64](2, 2), data.NewDense[float64](3, 1),
			"solve: nrow of the right-hand side must equal nrow of the 2x2 matrix, got 3x1"},
		{"int", data.NewDense[int64](2, 2), data.NewDense[int64](2, 1), "solve: value type si64 is not supported, expected f32 or f64"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Solve(tc.a, tc.b)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestEigen(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(23, 24))
	daphneCase := data.DenseFrom(3, 3, []float64{504, 360, 180, 360, 360, 0, 180, 0, 720})
	random := randDense(rng, 30, 30, 0)
	sym := naiveMul(transpose(random), random)
	for _, tc := range []struct {
		name string
		a    *data.Dense[float64]
	}{{"daphne test matrix", daphneCase}, {"30x30 random", sym}, {"1x1", data.DenseFrom(1, 1, []float64{-2})}, {"0x0", data.NewDense[float64](0, 0)}} {
		t.Run(tc.name, func(t *testing.T) {
			vals, vecs, err := Eigen(tc.a)
			if err != nil {
				t.Fatal(err)
			}
			w, v := asF64(t, vals), asF64(t, vecs)
			n := tc.a.Rows()
			if w.Rows() != n || w.Cols() != 1 || v.Rows() != n || v.Cols() != n {
				t.Fatalf("shapes %s and %s", shape(w), shape(v))
			}
			av := naiveMul(tc.a, v)
			for j := 0; j < n; j++ {
				if j > 0 && w.Data[j] < w.Data[j-1] {
					t.Fatalf("eigenvalues not ascending: %v", w.Data)
				}
				for i := 0; i < n; i++ {
					if d := math.Abs(av.At(i, j) - w.Data[j]*v.At(i, j)); d > 1e-9*math.Max(1, math.Abs(w.Data[j])) {
						t.Fatalf("A v != lambda v for eigenpair %d, row %d: %v vs %v", j, i, av.At(i, j), w.Data[j]*v.At(i, j))
					}
				}
			}
		})
	}
	t.Run("daphne expected values", func(t *testing.T) {
		vals, vecs, err := Eigen(daphneCase)
		if err != nil {
			t.Fatal(err)
		}
		// DAPHNE's EigenCalTest expects these pairs (in another order).
		checkClose(t, vals, data.DenseFrom(3, 1, []float64{44.819, 629.11, 910.07}), 1e-4)
		checkClose(t, vecs, data.DenseFrom(3, 3, []float64{
			-0.648, -0.385, 0.655,
			0.741, -0.516, 0.429,
			0.172, 0.764, 0.621}), 2e-3)
	})
	t.Run("f32", func(t *testing.T) {
		vals, vecs, err := Eigen(must(denseAs[float32](daphneCase, types.F32)))
		if err != nil {
			t.Fatal(err)
		}
		if vals.ValueType() != types.F32 || vecs.ValueType() != types.F32 {
			t.Fatalf("value types %v %v", vals.ValueType(), vecs.ValueType())
		}
	})
}

func TestEigenErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		a    data.Matrix
		want string
	}{
		{"asymmetric", data.DenseFrom(2, 2, []float64{1, 2, 3, 4}), "eigen: the matrix must be symmetric, but cell (0,1) is 2 and cell (1,0) is 3"},
		{"not square", data.NewDense[float64](2, 3), "eigen: the matrix must be square, got 2x3"},
		{"int", data.NewDense[int64](2, 2), "eigen: value type si64 is not supported, expected f32 or f64"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := Eigen(tc.a)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

// TestLinearRegressionPipeline runs the kernels of the paper's linear
// regression (syrk, gemv, solve) and recovers known coefficients.
func TestLinearRegressionPipeline(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(25, 26))
	const m, n = 3000, 12
	x := randDense(rng, m, n, 0)
	beta := randDense(rng, n, 1, 0)
	y := must(MatMul(2, x, beta))
	a := must(Syrk(2, x)).(*data.Dense[float64])
	b := must(Gemv(2, x, y))
	got, err := Solve(a, b)
	if err != nil {
		t.Fatal(err)
	}
	checkClose(t, got, beta, 1e-9)
}
