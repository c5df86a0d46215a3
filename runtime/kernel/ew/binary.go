package ew

import (
	"fmt"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// Binary applies op elementwise to a and b, each a scalar or a matrix, with
// DaphneDSL's promotion (ResultType) and broadcasting (BroadcastShape). A
// result is a scalar when both operands are scalars, else a matrix; it is CSR
// when sparse.go's rules allow, dense otherwise.
func Binary(op BinOp, a, b data.Value) (data.Value, error) {
	if err := checkOperand(op, a); err != nil {
		return nil, err
	}
	if err := checkOperand(op, b); err != nil {
		return nil, err
	}
	rt, err := ResultType(op, a.ValueType(), b.ValueType())
	if err != nil {
		return nil, err
	}
	rows, cols, err := resultShape(op, a, b)
	if err != nil {
		return nil, err
	}
	p := types.Promote(a.ValueType(), b.ValueType())
	if p == types.Str || op == Concat {
		return binString(op, a, b, rows, cols)
	}
	ct := computeType(op, p)
	var v data.Value
	switch ct {
	case types.F64:
		v, err = binNumeric[float64](op, ct, a, b, rows, cols)
	case types.F32:
		v, err = binNumeric[float32](op, ct, a, b, rows, cols)
	case types.SI64:
		v, err = binNumeric[int64](op, ct, a, b, rows, cols)
	case types.SI32:
		v, err = binNumeric[int32](op, ct, a, b, rows, cols)
	case types.SI8:
		v, err = binNumeric[int8](op, ct, a, b, rows, cols)
	case types.UI64, types.Size:
		v, err = binNumeric[uint64](op, ct, a, b, rows, cols)
	case types.UI32:
		v, err = binNumeric[uint32](op, ct, a, b, rows, cols)
	case types.UI8:
		v, err = binNumeric[uint8](op, ct, a, b, rows, cols)
	default:
		return nil, fmt.Errorf("%w: %s on %s and %s", ErrType, op, a.ValueType(), b.ValueType())
	}
	if err != nil {
		return nil, err
	}
	return retype(v, rt)
}

// checkOperand accepts scalars and matrices.
func checkOperand(op BinOp, v data.Value) error {
	switch v.(type) {
	case *data.Scalar, data.Matrix:
		return nil
	}
	return fmt.Errorf("%w: %s expects scalars or matrices, got %s", ErrType, op, data.Describe(v))
}

// BroadcastShape returns the shape of an elementwise result of matrices of
// shapes ar x ac and br x bc: in each dimension the sizes must be equal or
// one of them 1 (then it is repeated), as in numpy. This covers equal shapes,
// n x m with 1 x m or n x 1 on either side, a 1 x 1 matrix with anything, and
// a row vector 1 x m with a column vector n x 1 (giving n x m).
func BroadcastShape(ar, ac, br, bc int) (rows, cols int, ok bool) {
	rows, ok1 := bdim(ar, br)
	cols, ok2 := bdim(ac, bc)
	return rows, cols, ok1 && ok2
}

func bdim(x, y int) (int, bool) {
	switch {
	case x == y:
		return x, true
	case x == 1:
		return y, true
	case y == 1:
		return x, true
	}
	return 0, false
}

// resultShape is the broadcast shape of two operands (a scalar counts as 1 x 1).
func resultShape(op BinOp, a, b data.Value) (int, int, error) {
	ar, ac := shapeOf(a)
	br, bc := shapeOf(b)
	rows, cols, ok := BroadcastShape(ar, ac, br, bc)
	if !ok {
		return 0, 0, fmt.Errorf("%w for %s: %dx%d and %dx%d (each dimension must be equal or 1)",
			ErrShape, op, ar, ac, br, bc)
	}
	return rows, cols, nil
}

func shapeOf(v data.Value) (int, int) {
	if m, ok := v.(data.Matrix); ok {
		return m.Rows(), m.Cols()
	}
	return 1, 1
}

// side is one operand of a dense loop: a scalar, or a row-major matrix
// that is repeated along the dimensions where it has size 1.
type side[T any] struct {
	scalar     bool
	s          T
	m          []T
	rows, cols int
	// owned is true when m was made by a conversion for this operation (no
	// one else sees it), so the result may be written over it.
	owned bool
}

// makeSide converts v (scalar or matrix) to a side of element type T and
// value type vt; CSR matrices are expanded.
func makeSide[T data.Elem](v data.Value, vt types.ValueType) (side[T], error) {
	if s, ok := v.(*data.Scalar); ok {
		x, err := scalarAs[T](s)
		return side[T]{scalar: true, s: x, rows: 1, cols: 1}, err
	}
	m, err := data.ToDenseMatrix(v.(data.Matrix))
	if err != nil {
		return side[T]{}, err
	}
	d, err := convertDense[T](m, vt)
	if err != nil {
		return side[T]{}, err
	}
	sd := side[T]{m: d.Data, rows: d.Rows(), cols: d.Cols(), owned: data.Matrix(d) != v}
	if sd.rows == 1 && sd.cols == 1 {
		sd.scalar, sd.s = true, d.Data[0]
	}
	return sd, nil
}

// row returns row i of the side broadcast to width cols: a slice, or a
// scalar when the side is a scalar or a column vector.
func (x *side[T]) row(i, rows, cols int) ([]T, T, bool) {
	if x.scalar {
		return nil, x.s, true
	}
	r := 0
	if x.rows == rows {
		r = i
	}
	if x.cols == cols {
		return x.m[r*cols : (r+1)*cols], x.s, false
	}
	return nil, x.m[r], true
}

// run fills d (rows x cols, row-major) with a∘b using k's loops: one call
// for the whole matrix when neither side needs broadcasting, else one per row.
func run[T, R any](k kern[T, R], d []R, rows, cols int, a, b side[T]) error {
	aFull := !a.scalar && a.rows == rows && a.cols == cols
	bFull := !b.scalar && b.rows == rows && b.cols == cols
	switch {
	case aFull && bFull:
		return k.vv(d, a.m, b.m)
	case aFull && b.scalar:
		return k.vs(d, a.m, b.s)
	case a.scalar && bFull:
		return k.sv(d, a.s, b.m)
	}
	for i := 0; i < rows; i++ {
		di := d[i*cols : (i+1)*cols]
		av, as, aS := a.row(i, rows, cols)
		bv, bs, bS := b.row(i, rows, cols)
		var err error
		switch {
		case !aS && !bS:
			err = k.vv(di, av, bv)
		case !aS:
			err = k.vs(di, av, bs)
		case !bS:
			err = k.sv(di, as, bv)
		default:
			err = k.vv(di[:1], []T{as}, []T{bs})
			for j := 1; j < len(di); j++ {
				di[j] = di[0]
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// binNumeric evaluates op in T (value type ct).
func binNumeric[T number](op BinOp, ct types.ValueType, a, b data.Value, rows, cols int) (data.Value, error) {
	sa, aScalar := a.(*data.Scalar)
	sb, bScalar := b.(*data.Scalar)
	if aScalar && bScalar {
		x, err := scalarAs[T](sa)
		if err != nil {
			return nil, err
		}
		y, err := scalarAs[T](sb)
		if err != nil {
			return nil, err
		}
		r, err := scalarNum(op, x, y)
		if err != nil {
			return nil, err
		}
		return data.ScalarOf(ct, r), nil
	}
	k, ok := kernFor[T](op)
	if !ok {
		return nil, fmt.Errorf("%w: %s is not defined for %s", ErrType, op, ct)
	}
	if v, handled, err := sparseBinary(*k, ct, a, b, rows, cols); handled || err != nil {
		return v, err
	}
	return denseBinary(*k, ct, ct, a, b, rows, cols)
}

// denseBinary computes a∘b into a new dense rows x cols matrix of value type rt.
func denseBinary[T data.Elem, R data.Elem](k kern[T, R], ct, rt types.ValueType, a, b data.Value, rows, cols int) (data.Value, error) {
	if err := denseOK("an elementwise operation", rows, cols); err != nil {
		return nil, err
	}
	sa, err := makeSide[T](a, ct)
	if err != nil {
		return nil, err
	}
	sb, err := makeSide[T](b, ct)
	if err != nil {
		return nil, err
	}
	out := reuse[T, R](rt, rows, cols, sa, sb)
	if out == nil {
		out = data.NewDenseVT[R](rt, rows, cols)
	}
	if err := run(k, out.Data, rows, cols, sa, sb); err != nil {
		return nil, err
	}
	return out, nil
}

// reuse returns a result matrix over the cells of an operand that was
// converted for this operation and has the result's shape and element
// type, or nil. Writing d[i] after reading a[i] and b[i] in the loops makes
// this safe and saves allocating (and faulting in) a second buffer.
func reuse[T, R data.Elem](rt types.ValueType, rows, cols int, sides ...side[T]) *data.Dense[R] {
	for _, s := range sides {
		if !s.owned || s.scalar || s.rows != rows || s.cols != cols {
			continue
		}
		if buf, ok := any(s.m).([]R); ok {
			return data.DenseFromVT(rt, rows, cols, buf)
		}
	}
	return nil
}

// retype converts a result computed in the compute type to the result type
// (bool results are computed as ui8, && and || on floats give ui64).
func retype(v data.Value, rt types.ValueType) (data.Value, error) {
	if v.ValueType() == rt {
		return v, nil
	}
	if s, ok := v.(*data.Scalar); ok {
		switch rt {
		case types.Bool:
			return data.Bool(s.Truth()), nil
		case types.UI64:
			return data.UI64(data.Get[uint64](s)), nil
		}
		return nil, fmt.Errorf("ew: internal: cannot retype %s to %s", s.VT, rt)
	}
	return data.ConvertMatrix(v.(data.Matrix), rt)
}
