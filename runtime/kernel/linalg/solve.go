package linalg

import (
	"math"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/lapack"
	"gonum.org/v1/gonum/lapack/lapack64"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// Dense LAPACK-backed ops: solve and eigen. Both compute in f64 through
// gonum's pure-Go LAPACK; f32 inputs are widened and the results narrowed
// back, so the result value type is that of the (promoted) input.

// Solve returns x with a @ x = b for a square a (n x n) and b (n x k; DAPHNE
// allows k = 1 only, any k works here). The operands are promoted to one
// value type, which must be f32 or f64. A singular matrix, or one whose
// reciprocal condition number is below the f64 machine epsilon, gives the
// error "solve: matrix is singular".
func Solve(a, b data.Matrix) (data.Matrix, error) {
	if a.Rows() != a.Cols() {
		return nil, errorf(ErrShape, "solve: the matrix must be square, got %s", shape(a))
	}
	if b.Rows() != a.Rows() {
		return nil, errorf(ErrShape, "solve: nrow of the right-hand side must equal nrow of the %s matrix, got %s", shape(a), shape(b))
	}
	vt := types.Promote(a.ValueType(), b.ValueType())
	if !vt.IsFloat() {
		return nil, errorf(ErrValueType, "solve: value type %v is not supported, expected f32 or f64 (arguments %s and %s)",
			vt, data.Describe(a), data.Describe(b))
	}
	ad, err := denseAs[float64](a, types.F64)
	if err != nil {
		return nil, err
	}
	bd, err := denseAs[float64](b, types.F64)
	if err != nil {
		return nil, err
	}
	n, k := a.Rows(), b.Cols()
	x := bd.Clone()
	if n > 0 && k > 0 {
		if err := luSolve(ad.Clone().Data, x.Data, n, k); err != nil {
			return nil, err
		}
	}
	return narrow(x, vt), nil
}

// luSolve solves in place: lu holds a (n x n, overwritten by its LU
// factors), x holds b (n x k, overwritten by the solution).
func luSolve(lu, x []float64, n, k int) error {
	ag := blas64.General{Rows: n, Cols: n, Stride: n, Data: lu}
	anorm := lapack64.Lange(lapack.MaxColumnSum, ag, make([]float64, n))
	ipiv := make([]int, n)
	if ok := lapack64.Getrf(ag, ipiv); !ok {
		return errorf(ErrSingular, "solve: matrix is singular")
	}
	rcond := lapack64.Gecon(lapack.MaxColumnSum, ag, anorm, make([]float64, 4*n), make([]int, n))
	if rcond < 0x1p-52 {
		return errorf(ErrSingular, "solve: matrix is singular (reciprocal condition number %.3g)", rcond)
	}
	lapack64.Getrs(blas.NoTrans, ag, blas64.General{Rows: n, Cols: k, Stride: k, Data: x}, ipiv)
	return nil
}

// Eigen returns the eigenvalues (n x 1, ascending) and the eigenvectors
// (n x n, column j belongs to eigenvalue j, unit length, signed so that the
// component of largest magnitude is positive) of a symmetric f32 or f64
// matrix. DAPHNE also requires a symmetric matrix; its order of the values
// is that of Eigen's general solver, which is unspecified.
func Eigen(a data.Matrix) (values, vectors data.Matrix, err error) {
	vt := a.ValueType()
	if !vt.IsFloat() {
		return nil, nil, errorf(ErrValueType, "eigen: value type %v is not supported, expected f32 or f64 (argument %s)", vt, data.Describe(a))
	}
	if a.Rows() != a.Cols() {
		return nil, nil, errorf(ErrShape, "eigen: the matrix must be square, got %s", shape(a))
	}
	ad, err := denseAs[float64](a, types.F64)
	if err != nil {
		return nil, nil, err
	}
	n := a.Rows()
	if i, j, ok := asymmetry(ad); !ok {
		return nil, nil, errorf(ErrNotSymmetric, "eigen: the matrix must be symmetric, but cell (%d,%d) is %s and cell (%d,%d) is %s",
			i, j, data.FormatFloat(ad.At(i, j)), j, i, data.FormatFloat(ad.At(j, i)))
	}
	vecs := ad.Clone()
	w := data.NewDense[float64](n, 1)
	if n > 0 {
		sym := blas64.Symmetric{N: n, Stride: n, Data: vecs.Data, Uplo: blas.Upper}
		query := make([]float64, 1)
		lapack64.Syev(lapack.EVCompute, sym, w.Data, query, -1)
		work := make([]float64, int(query[0]))
		if ok := lapack64.Syev(lapack.EVCompute, sym, w.Data, work, len(work)); !ok {
			return nil, nil, errorf(ErrNoConvergence, "eigen: the eigenvalue iteration did not converge")
		}
		normaliseSigns(vecs)
	}
	return narrow(w, vt), narrow(vecs, vt), nil
}

// asymmetry returns the first (i, j) with a[i,j] != a[j,i] (NaN cells only
// match NaN), or ok = true.
func asymmetry(a *data.Dense[float64]) (i, j int, ok bool) {
	n := a.Rows()
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			x, y := a.At(i, j), a.At(j, i)
			if x != y && !(math.IsNaN(x) && math.IsNaN(y)) {
				return i, j, false
			}
		}
	}
	return 0, 0, true
}

// normaliseSigns flips each column so its largest-magnitude entry (the
// first one on ties) is positive.
func normaliseSigns(v *data.Dense[float64]) {
	n := v.Rows()
	for j := 0; j < v.Cols(); j++ {
		best := 0
		for i := 1; i < n; i++ {
			if math.Abs(v.At(i, j)) > math.Abs(v.At(best, j)) {
				best = i
			}
		}
		if v.At(best, j) < 0 {
			for i := 0; i < n; i++ {
				v.Set(i, j, -v.At(i, j))
			}
		}
	}
}

// narrow returns d as f32 when vt is f32, else d itself.
func narrow(d *data.Dense[float64], vt types.ValueType) data.Matrix {
	if vt == types.F32 {
		return must32(denseAs[float32](d, types.F32))
	}
	return d
}

func must32(d *data.Dense[float32], err error) data.Matrix {
	if err != nil {
		panic("linalg: narrowing f64 to f32 failed: " + err.Error())
	}
	return d
}

func opSolve(_ *opsCtx, args []data.Value, _ map[string]string) ([]data.Value, error) {
	if err := arity("solve", args, 2, 2); err != nil {
		return nil, err
	}
	ms, err := matrices("solve", args, "lhs", "rhs")
	if err != nil {
		return nil, err
	}
	return one(Solve(ms[0], ms[1]))
}

func opEigen(_ *opsCtx, args []data.Value, _ map[string]string) ([]data.Value, error) {
	if err := arity("eigen", args, 1, 1); err != nil {
		return nil, err
	}
	ms, err := matrices("eigen", args, "arg")
	if err != nil {
		return nil, err
	}
	vals, vecs, err := Eigen(ms[0])
	if err != nil {
		return nil, err
	}
	return []data.Value{vals, vecs}, nil
}
