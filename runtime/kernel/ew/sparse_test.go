package ew

import (
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// densified returns v with CSR matrices expanded.
func densified(t *testing.T, v data.Value) data.Value {
	t.Helper()
	if m, ok := v.(data.Matrix); ok {
		d, err := data.ToDenseMatrix(m)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	return v
}

// sameMatrix compares shape, value type and cells (NaN equals NaN).
func sameMatrix(t *testing.T, got, want data.Matrix) {
	t.Helper()
	if got.Rows() != want.Rows() || got.Cols() != want.Cols() || got.ValueType() != want.ValueType() {
		t.Fatalf("got %s, want %s", data.Describe(got), data.Describe(want))
	}
	for i := 0; i < got.Rows(); i++ {
		for j := 0; j < got.Cols(); j++ {
			g, w := cell(t, got, i, j), cell(t, want, i, j)
			if !sameScalar(g, w) {
				t.Fatalf("cell (%d,%d) = %s, want %s", i, j, show(g), show(w))
			}
		}
	}
}

// checkSparse runs op on a, b and on their dense forms and checks that the
// results agree and that the result is CSR exactly when wantCSR.
func checkSparse(t *testing.T, op BinOp, a, b data.Value, wantCSR bool) {
	t.Helper()
	got, err := Binary(op, a, b)
	if err != nil {
		t.Fatal(err)
	}
	want, err := Binary(op, densified(t, a), densified(t, b))
	if err != nil {
		t.Fatal(err)
	}
	gm := got.(data.Matrix)
	if gm.IsSparse() != wantCSR {
		t.Errorf("result sparse = %v, want %v", gm.IsSparse(), wantCSR)
	}
	sameMatrix(t, gm, want.(data.Matrix))
	if c, ok := got.(*data.CSR[float64]); ok {
		for _, v := range c.Values {
			if v == 0 {
				t.Errorf("CSR result stores an explicit zero")
			}
		}
	}
}

func TestSparseBinary(t *testing.T) {
	t.Parallel()
	f64, si := types.F64, types.SI64
	G := sparse(f64, 3, 4, 0, 1, 0, -2, 0, 0, 0, 0, 3, 0, 0.5, 0)
	H := sparse(f64, 3, 4, 1, 1, 0, 2, 0, 0, 0, 0, -3, 0, 0, 4)
	Gi := sparse(si, 3, 4, 0, 1, 0, -2, 0, 0, 0, 0, 3, 0, 5, 0)
	row := mat(f64, 1, 4, 1, 2, 3, 4)
	col := mat(f64, 3, 1, 2, 0, -1)
	full := mat(f64, 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)
	tests := []struct {
		name    string
		op      BinOp
		a, b    data.Value
		wantCSR bool
	}{
		{"csr times scalar", Mul, G, sc(f64, 2), true},
		{"scalar times csr", Mul, sc(si, 3), G, true},
		{"csr times nan scalar", Mul, G, sc(f64, nan), false},
		{"csr times row", Mul, G, row, true},
		{"row times csr", Mul, row, G, true},
		{"csr times column", Mul, G, col, true},
		{"csr times dense", Mul, G, full, true},
		{"csr times csr", Mul, G, H, true},
		{"csr plus csr", Add, G, H, true},
		{"csr minus itself", Sub, G, G, true},
		{"csr plus scalar", Add, G, sc(f64, 1), false},
		{"csr plus zero", Add, G, sc(f64, 0), true},
		{"csr div scalar", Div, G, sc(f64, 4), true},
		{"csr div row", Div, G, row, true},
		{"csr div zero column", Div, G, col, false},
		{"scalar div csr", Div, sc(f64, 1), G, false},
		{"int csr div row", Div, Gi, mat(si, 1, 4, 1, 2, 3, 4), true},
		{"csr and scalar", And, G, sc(f64, 1), true},
		{"csr and row", And, G, row, true},
		{"csr gt scalar", Gt, G, sc(f64, 0.7), true},
		{"csr eq zero", Eq, G, sc(f64, 0), false},
		{"csr neq csr", Neq, G, H, true},
		{"csr lt csr", Lt, G, H, true},
		{"csr min zero", Min, G, sc(f64, 0), true},
		{"csr max csr", Max, G, H, true},
		{"csr pow 2", Pow, G, sc(f64, 2), true},
		{"csr pow 0", Pow, G, sc(f64, 0), false},
		{"int csr mod scalar", Mod, Gi, sc(si, 2), true},
		{"int csr times float row", Mul, Gi, row, true},
		{"broadcast csr row vector", Mul, sparse(f64, 1, 4, 0, 1, 0, 2), full, false},
		{"csr times broadcast csr", Mul, G, sparse(f64, 1, 4, 0, 1, 0, 2), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			checkSparse(t, tc.op, tc.a, tc.b, tc.wantCSR)
		})
	}
}

func TestSparseErrors(t *testing.T) {
	t.Parallel()
	Gi := sparse(types.SI64, 2, 2, 0, 1, 2, 0)
	_, err := Binary(Div, Gi, sc(types.SI64, 0))
	if !errors.Is(err, ErrDivByZero) {
		t.Errorf("int CSR / 0: got %v, want division by zero", err)
	}
	_, err = Binary(Div, Gi, sparse(types.SI64, 2, 2, 1, 1, 1, 0))
	if !errors.Is(err, ErrDivByZero) {
		t.Errorf("int CSR / CSR with zeros: got %v, want division by zero", err)
	}
	_, err = Binary(Add, Gi, sparse(types.SI64, 3, 2))
	if !errors.Is(err, ErrShape) {
		t.Errorf("CSR shape mismatch: got %v, want %v", err, ErrShape)
	}
}

// randomCSR returns a rows x cols CSR matrix of value type vt with about
// density*rows*cols small integer-valued non-zeros.
func randomCSR(r *rand.Rand, vt types.ValueType, rows, cols int, density float64) data.Matrix {
	cells := make([]float64, rows*cols)
	for i := range cells {
		if r.Float64() < density {
			cells[i] = float64(r.IntN(7) - 3)
		}
	}
	return sparse(vt, rows, cols, cells...)
}

// TestSparseMatchesDense is a property test: on random CSR matrices, every
// binary op with a scalar, a dense matrix, a broadcast vector or another CSR
// matrix gives the same cells as the dense computation.
func TestSparseMatchesDense(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	ops := []BinOp{Add, Sub, Mul, Div, Pow, Mod, Min, Max, Eq, Neq, Lt, Le, Gt, Ge, And, Or}
	for iter := 0; iter < 300; iter++ {
		vt := []types.ValueType{types.F64, types.SI64, types.F32}[iter%3]
		rows, cols := r.IntN(6)+1, r.IntN(6)+1
		var a data.Value = randomCSR(r, vt, rows, cols, r.Float64())
		var b data.Value
		switch r.IntN(5) {
		case 0:
			b = sc(vt, float64(r.IntN(5)-2))
		case 1:
			b = densified(t, randomCSR(r, vt, rows, cols, 0.7))
		case 2:
			b = densified(t, randomCSR(r, vt, 1, cols, 0.9))
		case 3:
			b = densified(t, randomCSR(r, vt, rows, 1, 0.9))
		default:
			b = randomCSR(r, vt, rows, cols, r.Float64())
		}
		op := ops[r.IntN(len(ops))]
		if r.IntN(2) == 0 {
			a, b = b, a
		}
		got, gerr := Binary(op, a, b)
		want, werr := Binary(op, densified(t, a), densified(t, b))
		if (gerr == nil) != (werr == nil) {
			t.Fatalf("iter %d: %s %s %s: errors differ: sparse %v, dense %v", iter, show(a), op, show(b), gerr, werr)
		}
		if gerr != nil {
			continue
		}
		t.Run("", func(t *testing.T) { sameMatrix(t, got.(data.Matrix), want.(data.Matrix)) })
	}
}

func TestHugeSparseDoesNotDensify(t *testing.T) {
	t.Parallel()
	const n = 1_000_000
	g, err := data.NewCSR(n, n, make([]int, n+1), nil, []float64{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		run  func() (data.Value, error)
	}{
		{"plus one", func() (data.Value, error) { return Binary(Add, g, data.F64(1)) }},
		{"cos", func() (data.Value, error) { return Unary(Cos, g) }},
		{"cond", func() (data.Value, error) { return Cond(g, data.F64(1), data.F64(0)) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if _, err := tc.run(); !errors.Is(err, ErrTooLarge) {
				t.Errorf("got %v, want %v", err, ErrTooLarge)
			}
		})
	}
	v, err := Binary(Mul, g, data.F64(2))
	if err != nil || !v.(data.Matrix).IsSparse() {
		t.Errorf("G * 2: got %v, %v; want a CSR result", v, err)
	}
}
