package prep

import (
	"math"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// Quantize maps the f32 (or f64) cells of x to ui8 with DAPHNE's affine
// scheme, computed in f32: the range is widened to include 0
// (min' = min(min, 0), max' = max(max, 0)), scale = (max' - min') / 256,
// the zero point z = round(255 - max'/scale) clamped to [0, 255], and each
// cell a becomes round(clamp(z + a/scale, 0, 255)); rounding is half away
// from zero. NaN cells become 0 (what x86 makes of DAPHNE's cast).
func Quantize(x data.Matrix, lo, hi float64) (data.Matrix, error) {
	if vt := x.ValueType(); !vt.IsFloat() {
		return nil, errorf(ErrValueType, "quantize: value type %v is not supported, expected f32 (or f64), got %s", vt, data.Describe(x))
	}
	if math.IsNaN(lo) || math.IsNaN(hi) || lo > hi {
		return nil, errorf(ErrArgument, "quantize: min (%s) must not be greater than max (%s)", data.FormatFloat(lo), data.FormatFloat(hi))
	}
	mn, mx := min(float32(lo), 0), max(float32(hi), 0)
	if mn == mx {
		return nil, errorf(ErrArgument, "quantize: the range [min, max] (widened to include 0) must not be empty, got [%s, %s]", data.FormatFloat(lo), data.FormatFloat(hi))
	}
	xd, err := data.ToDenseMatrix(x)
	if err != nil {
		return nil, err
	}
	xf, err := data.ConvertMatrix(xd, types.F32)
	if err != nil {
		return nil, err
	}
	out := data.NewDense[uint8](x.Rows(), x.Cols())
	quantize(xf.(*data.Dense[float32]).Data, out.Data, mn, mx)
	return out, nil
}

// quantize converts src into dst for the widened range [mn, mx] (mn <= 0 <= mx, mn < mx).
func quantize(src []float32, dst []uint8, mn, mx float32) {
	scale := (mx - mn) / 256
	mapped := 255 - mx/scale
	var zero float32
	switch {
	case mapped < 0:
		zero = 0
	case mapped > 255:
		zero = 255
	default:
		zero = round32(mapped)
	}
	for i, a := range src {
		v := zero + a/scale
		switch {
		case v > 255:
			v = 255
		case v < 0:
			v = 0
		case v != v:
			v = 0
		}
		dst[i] = uint8(round32(v))
	}
}

// round32 rounds half away from zero, like C's roundf.
func round32(f float32) float32 { return float32(math.Round(float64(f))) }
