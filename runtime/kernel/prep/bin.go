package prep

import (
	"math"

	"github.com/daphne-go/daphne/runtime/data"
)

// num is the set of numeric Go element types.
type num interface {
	~float64 | ~float32 | ~int64 | ~int32 | ~int8 | ~uint64 | ~uint32 | ~uint8
}

// Bin assigns every cell of x to one of numBins equi-width bins over
// [min, max] and returns the bin numbers (from 0) in x's value type. Bins
// are left-open: (min + (b-1)w, min + bw]; min itself and everything below
// go to bin 0, everything above max (+inf included) to bin numBins-1. NaN
// stays NaN. lo and hi may be nil: then min and max are the data's, NaN
// ignored. Numeric value types only.
func Bin(x data.Matrix, numBins int64, lo, hi *data.Scalar) (data.Matrix, error) {
	if numBins <= 0 {
		return nil, errorf(ErrArgument, "bin: numBins must be greater than zero, got %d", numBins)
	}
	if (lo == nil) != (hi == nil) {
		return nil, errorf(ErrArgument, "bin: min and max must be given together")
	}
	xd, err := data.ToDenseMatrix(x)
	if err != nil {
		return nil, err
	}
	cells, err := data.DenseCells(xd)
	if err != nil {
		return nil, err
	}
	var out any
	switch c := cells.(type) {
	case []float64:
		out, err = binCells(c, numBins, lo, hi)
	case []float32:
		out, err = binCells(c, numBins, lo, hi)
	case []int64:
		out, err = binCells(c, numBins, lo, hi)
	case []int32:
		out, err = binCells(c, numBins, lo, hi)
	case []int8:
		out, err = binCells(c, numBins, lo, hi)
	case []uint64:
		out, err = binCells(c, numBins, lo, hi)
	case []uint32:
		out, err = binCells(c, numBins, lo, hi)
	case []uint8:
		out, err = binCells(c, numBins, lo, hi)
	default:
		return nil, errorf(ErrValueType, "bin: value type %v is not supported, expected a numeric matrix, got %s", x.ValueType(), data.Describe(x))
	}
	if err != nil {
		return nil, err
	}
	return data.DenseFromCells(x.ValueType(), x.Rows(), x.Cols(), out)
}

// binCells resolves min and max and bins the cells.
func binCells[T num](cells []T, numBins int64, lo, hi *data.Scalar) ([]T, error) {
	var mn, mx T
	if lo != nil {
		if err := checkBound(lo, "min"); err != nil {
			return nil, err
		}
		if err := checkBound(hi, "max"); err != nil {
			return nil, err
		}
		mn, mx = data.Get[T](lo), data.Get[T](hi)
	} else {
		var ok bool
		if mn, mx, ok = minMax(cells); !ok {
			return binAllNaN(cells), nil
		}
	}
	if math.IsInf(float64(mn), 0) || math.IsInf(float64(mx), 0) {
		return nil, errorf(ErrArgument, "bin: min and max must be finite, got %s and %s (the data's when not given)",
			data.FormatFloat(float64(mn)), data.FormatFloat(float64(mx)))
	}
	if mn > mx {
		return nil, errorf(ErrArgument, "bin: min (%v) must not be greater than max (%v)", mn, mx)
	}
	if mn == mx && numBins > 1 {
		return nil, errorf(ErrArgument, "bin: min equals max (%v), so numBins must be 1, got %d", mn, numBins)
	}
	return binKernel(cells, numBins, mn, mx), nil
}

// checkBound rejects string, NaN and infinite bounds; the value is spelled
// as DaphneDSL prints it (nan, inf, -inf).
func checkBound(s *data.Scalar, what string) error {
	f := s.Float64()
	if math.IsNaN(f) {
		return errorf(ErrArgument, "bin: %s must be a number, got %s (%s)", what, data.FormatFloat(f), data.Describe(s))
	}
	if math.IsInf(f, 0) {
		return errorf(ErrArgument, "bin: %s must be finite, got %s", what, data.FormatFloat(f))
	}
	return nil
}

// minMax returns the smallest and largest non-NaN cell (ok false if none).
func minMax[T num](cells []T) (mn, mx T, ok bool) {
	for _, v := range cells {
		if v != v {
			continue
		}
		if !ok {
			mn, mx, ok = v, v, true
			continue
		}
		mn, mx = min(mn, v), max(mx, v)
	}
	return mn, mx, ok
}

// binAllNaN handles data without a single number: NaN stays NaN (and an
// empty matrix stays empty).
func binAllNaN[T num](cells []T) []T {
	out := make([]T, len(cells))
	copy(out, cells)
	return out
}

// binKernel bins cells over [mn, mx]; the width is computed in f64.
func binKernel[T num](cells []T, numBins int64, mn, mx T) []T {
	out := make([]T, len(cells))
	width := (float64(mx) - float64(mn)) / float64(numBins)
	last := float64(numBins - 1)
	fmn := float64(mn)
	for i, v := range cells {
		switch {
		case v != v:
			out[i] = v
		case v <= mn || width == 0:
			out[i] = 0
		default:
			b := math.Ceil((float64(v)-fmn)/width) - 1
			if b < 0 {
				b = 0
			} else if b > last {
				b = last
			}
			out[i] = T(b)
		}
	}
	return out
}
