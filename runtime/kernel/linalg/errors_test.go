package linalg

import (
	"errors"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
)

func TestErrorKinds(t *testing.T) {
	t.Parallel()
	col := data.DenseFrom(2, 1, []float64{0, 1})
	tests := []struct {
		name string
		run  func() error
		kind error
	}{
		{"matMul shape", func() error { _, err := MatMul(1, data.NewDense[float64](2, 3), col); return err }, ErrShape},
		{"matMul str", func() error {
			_, err := MatMul(1, data.NewDense[string](1, 1), data.NewDense[string](1, 1))
			return err
		}, ErrValueType},
		{"matMul too large", func() error {
			_, err := MatMul(1, data.NewDense[float64](1<<20, 1), data.NewDense[float64](1, 1<<20))
			return err
		}, ErrTooLarge},
		{"syrk int", func() error { _, err := Syrk(1, data.NewDense[int32](2, 2)); return err }, ErrValueType},
		{"gemv shape", func() error { _, err := Gemv(1, data.NewDense[float64](3, 2), col); return err }, ErrShape},
		{"solve singular", func() error { _, err := Solve(data.NewDense[float64](2, 2), col); return err }, ErrSingular},
		{"eigen asymmetric", func() error {
			_, _, err := Eigen(data.DenseFrom(2, 2, []float64{1, 2, 3, 4}))
			return err
		}, ErrNotSymmetric},
		{"diagVector shape", func() error { _, err := DiagVector(col); return err }, ErrShape},
		{"ctable position", func() error {
			_, err := CTable(data.DenseFrom(1, 1, []float64{-3}), data.DenseFrom(1, 1, []float64{0}), data.F64(1), -1, -1)
			return err
		}, ErrArgument},
		{"replace str with number", func() error {
			_, err := Replace(data.NewDense[string](1, 1), data.F64(1), data.F64(2))
			return err
		}, ErrValueType},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.run(); !errors.Is(err, tc.kind) {
				t.Fatalf("error %v is not %v", err, tc.kind)
			}
		})
	}
}
