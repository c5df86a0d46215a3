package ew

import (
	"fmt"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// Outer applies op to every pair of a column vector a (m x 1) and a row
// vector b (1 x n), giving an m x n matrix with cell (i, j) = a[i] op b[j]
// (DAPHNE's outerAdd, outerMul, ...). A scalar counts as a 1 x 1 matrix.
// Concat has no outer form.
func Outer(op BinOp, a, b data.Value) (data.Value, error) {
	if op == Concat {
		return nil, fmt.Errorf("%w: concat has no outer form", ErrType)
	}
	if err := checkOperand(op, a); err != nil {
		return nil, err
	}
	if err := checkOperand(op, b); err != nil {
		return nil, err
	}
	ar, ac := shapeOf(a)
	br, bc := shapeOf(b)
	if ac != 1 || br != 1 {
		return nil, fmt.Errorf("%w for %s: want a column vector (m x 1) and a row vector (1 x n), got %dx%d and %dx%d",
			ErrShape, op.OuterIROp(), ar, ac, br, bc)
	}
	v, err := Binary(op, a, b)
	if err != nil {
		return nil, err
	}
	if _, ok := v.(*data.Scalar); ok {
		// Two scalars: the outer product of 1 x 1 vectors is a 1 x 1 matrix.
		return scalarToMatrix(v.(*data.Scalar))
	}
	return v, nil
}

// scalarToMatrix returns a 1 x 1 dense matrix holding s.
func scalarToMatrix(s *data.Scalar) (data.Value, error) {
	return data.Cast(s, types.Matrix, s.VT)
}
