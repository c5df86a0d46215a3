package prep

import (
	"errors"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
)

func TestErrorKinds(t *testing.T) {
	t.Parallel()
	x := data.DenseFrom(2, 1, []float64{0, 5})
	tests := []struct {
		name string
		run  func() error
		kind error
	}{
		{"oneHot info shape", func() error { _, err := OneHot(x, data.DenseFrom(1, 2, []int64{2, 2})); return err }, ErrShape},
		{"oneHot value", func() error { _, err := OneHot(x, data.DenseFrom(1, 1, []int64{2})); return err }, ErrArgument},
		{"recode shape", func() error { _, _, err := Recode(data.NewDense[float64](2, 2), true); return err }, ErrShape},
		{"bin numBins", func() error { _, err := Bin(x, 0, nil, nil); return err }, ErrArgument},
		{"bin str", func() error { _, err := Bin(data.NewDense[string](1, 1), 2, nil, nil); return err }, ErrValueType},
		{"quantize int", func() error { _, err := Quantize(data.NewDense[int64](1, 1), 0, 1); return err }, ErrValueType},
		{"quantize range", func() error { _, err := Quantize(x, 1, 0); return err }, ErrArgument},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.run(); !errors.Is(err, tc.kind) {
				t.Fatalf("error %v is not %v", err, tc.kind)
			}
		})
	}
}
