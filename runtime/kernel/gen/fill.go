package gen

import (
	"fmt"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// Fill returns a rows x cols matrix of value type vt with every cell v.
// Zero rows or columns are allowed.
func Fill[T data.Elem](vt types.ValueType, v T, rows, cols int) (*data.Dense[T], error) {
	if rows < 0 || cols < 0 {
		return nil, fmt.Errorf("fill: dimensions must not be negative, got %dx%d", rows, cols)
	}
	if err := checkCells(rows, cols); err != nil {
		return nil, fmt.Errorf("fill: %w", err)
	}
	res := data.NewDenseVT[T](vt, rows, cols)
	// Always written, even for "zero": -0.0 must stay negative zero.
	vals := res.Data
	for i := range vals {
		vals[i] = v
	}
	return res, nil
}

// FillScalar is Fill with the value and its type taken from a scalar.
func FillScalar(s *data.Scalar, rows, cols int) (data.Matrix, error) {
	switch s.VT {
	case types.F64:
		return Fill(s.VT, data.Get[float64](s), rows, cols)
	case types.F32:
		return Fill(s.VT, data.Get[float32](s), rows, cols)
	case types.SI64:
		return Fill(s.VT, data.Get[int64](s), rows, cols)
	case types.SI32:
		return Fill(s.VT, data.Get[int32](s), rows, cols)
	case types.SI8:
		return Fill(s.VT, data.Get[int8](s), rows, cols)
	case types.UI64, types.Size:
		return Fill(s.VT, data.Get[uint64](s), rows, cols)
	case types.UI32:
		return Fill(s.VT, data.Get[uint32](s), rows, cols)
	case types.UI8:
		return Fill(s.VT, data.Get[uint8](s), rows, cols)
	case types.Bool:
		return Fill(s.VT, data.Get[bool](s), rows, cols)
	case types.Str:
		return Fill(s.VT, s.S, rows, cols)
	}
	return nil, fmt.Errorf("fill: unsupported value type %v", s.VT)
}
