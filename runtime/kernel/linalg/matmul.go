package linalg

import (
	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// minFlopsPerPart is the least work (multiply-adds) worth a goroutine.
const minFlopsPerPart = 1 << 16

// MatMul returns a @ b. ncol(a) must equal nrow(b). The result's value type
// is the promotion of both operands' (every numeric type; bool and str are
// errors). Dense @ dense, CSR @ dense and dense @ CSR give a dense result,
// CSR @ CSR a CSR one. At most nthreads goroutines split the rows of the
// result; all have finished when MatMul returns.
func MatMul(nthreads int, a, b data.Matrix) (data.Matrix, error) {
	if a.Cols() != b.Rows() {
		return nil, errorf(ErrShape, "matMul: ncol(lhs) must equal nrow(rhs), got lhs %s and rhs %s", shape(a), shape(b))
	}
	if err := checkCells("matMul", a.Rows(), b.Cols()); err != nil {
		return nil, err
	}
	vt := types.Promote(a.ValueType(), b.ValueType())
	switch vt {
	case types.F64:
		return matMulT[float64](nthreads, a, b, vt)
	case types.F32:
		return matMulT[float32](nthreads, a, b, vt)
	case types.SI64:
		return matMulT[int64](nthreads, a, b, vt)
	case types.SI32:
		return matMulT[int32](nthreads, a, b, vt)
	case types.SI8:
		return matMulT[int8](nthreads, a, b, vt)
	case types.UI64, types.Size:
		return matMulT[uint64](nthreads, a, b, vt)
	case types.UI32:
		return matMulT[uint32](nthreads, a, b, vt)
	case types.UI8:
		return matMulT[uint8](nthreads, a, b, vt)
	}
	return nil, errorf(ErrValueType, "matMul: value type %v is not supported (operands %s and %s)",
		vt, data.Describe(a), data.Describe(b))
}

func matMulT[T num](nthreads int, a, b data.Matrix, vt types.ValueType) (data.Matrix, error) {
	if a.IsSparse() && b.IsSparse() {
		sa, err := csrAs[T](a, vt)
		if err != nil {
			return nil, err
		}
		sb, err := csrAs[T](b, vt)
		if err != nil {
			return nil, err
		}
		return csrMulCSR(nthreads, sa, sb)
	}
	if a.IsSparse() {
		sa, err := csrAs[T](a, vt)
		if err != nil {
			return nil, err
		}
		db, err := denseAs[T](b, vt)
		if err != nil {
			return nil, err
		}
		return csrMulDense(nthreads, sa, db)
	}
	da, err := denseAs[T](a, vt)
	if err != nil {
		return nil, err
	}
	if b.IsSparse() {
		sb, err := csrAs[T](b, vt)
		if err != nil {
			return nil, err
		}
		return denseMulCSR(nthreads, da, sb)
	}
	db, err := denseAs[T](b, vt)
	if err != nil {
		return nil, err
	}
	return denseMul(nthreads, da, db)
}

// denseMul returns a @ b for dense operands of one element type: f32 and
// f64 through the active backend (backend.go), integers with the blocked
// simple loops (wrapping as in C).
func denseMul[T num](nthreads int, a, b *data.Dense[T]) (*data.Dense[T], error) {
	m, k, n := a.Rows(), a.Cols(), b.Cols()
	c := data.NewDenseVT[T](a.ValueType(), m, n)
	if m == 0 || n == 0 || k == 0 {
		return c, nil
	}
	var err error
	switch av := any(a.Data).(type) {
	case []float64:
		err = kernelsFor[float64]().gemm(nthreads, m, k, n, av, any(b.Data).([]float64), any(c.Data).([]float64))
	case []float32:
		err = kernelsFor[float32]().gemm(nthreads, m, k, n, av, any(b.Data).([]float32), any(c.Data).([]float32))
	default:
		p := parts(m, nthreads, max(1, minFlopsPerPart/(k*n)))
		body := func(_, lo, hi int) { gemmSimple(a.Data, b.Data, c.Data, k, n, lo, hi) }
		if n == 1 {
			body = func(_, lo, hi int) { gemvRows(a.Data, b.Data, c.Data, k, lo, hi) }
		}
		err = parallelRows(m, p, body)
	}
	if err != nil {
		return nil, err
	}
	return c, nil
}
