package prep

import (
	"fmt"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// maxCells bounds result sizes so absurd category counts give an error
// instead of an allocation failure.
const maxCells = 1 << 31

// OneHot one-hot encodes the columns of x as described by info (1 x ncol(x),
// converted to si64): -1 keeps the column, 0 drops it, k > 0 replaces it by
// k columns of which the one at the cell's value is 1 and the others 0. The
// encoded values must lie in [0, k) (floats are truncated toward zero, as
// DAPHNE casts them). The result has x's value type and is dense. A string
// matrix is first recoded column by column (codes 0, 1, ... in order of
// first appearance, as DAPHNE does) and gives an si64 result in which kept
// columns hold the codes.
func OneHot(x, info data.Matrix) (data.Matrix, error) {
	if info.Rows() != 1 || info.Cols() != x.Cols() {
		return nil, errorf(ErrShape, "oneHot: info must be a 1x%d row vector (one entry per column of the %s argument), got %s",
			x.Cols(), shape(x), shape(info))
	}
	spec, resCols, err := oneHotInfo(info)
	if err != nil {
		return nil, err
	}
	if float64(resCols)*float64(x.Rows()) > maxCells {
		return nil, errorf(ErrTooLarge, "oneHot: a %dx%d result is too large", x.Rows(), resCols)
	}
	xd, err := data.ToDenseMatrix(x)
	if err != nil {
		return nil, err
	}
	cells, err := data.DenseCells(xd)
	if err != nil {
		return nil, err
	}
	vt := x.ValueType()
	if strs, ok := cells.([]string); ok {
		codes := recodeColumns(strs, x.Cols())
		cells, vt = codes, types.SI64
		xd = data.DenseFrom(x.Rows(), x.Cols(), codes)
	}
	var pos []float64
	if resCols > 0 && encodes(spec) {
		if pos, err = positions(xd); err != nil {
			return nil, err
		}
	}
	var out any
	switch c := cells.(type) {
	case []float64:
		out, err = oneHot(c, pos, x.Cols(), spec, resCols, 1, 0)
	case []float32:
		out, err = oneHot(c, pos, x.Cols(), spec, resCols, 1, 0)
	case []int64:
		out, err = oneHot(c, pos, x.Cols(), spec, resCols, 1, 0)
	case []int32:
		out, err = oneHot(c, pos, x.Cols(), spec, resCols, 1, 0)
	case []int8:
		out, err = oneHot(c, pos, x.Cols(), spec, resCols, 1, 0)
	case []uint64:
		out, err = oneHot(c, pos, x.Cols(), spec, resCols, 1, 0)
	case []uint32:
		out, err = oneHot(c, pos, x.Cols(), spec, resCols, 1, 0)
	case []uint8:
		out, err = oneHot(c, pos, x.Cols(), spec, resCols, 1, 0)
	case []bool:
		out, err = oneHot(c, pos, x.Cols(), spec, resCols, true, false)
	default:
		return nil, errorf(ErrValueType, "oneHot: unsupported argument %s", data.Describe(x))
	}
	if err != nil {
		return nil, err
	}
	return data.DenseFromCells(vt, x.Rows(), resCols, out)
}

// oneHotInfo validates info and returns it as int64 with the result width.
func oneHotInfo(info data.Matrix) ([]int64, int, error) {
	id, err := data.ToDenseMatrix(info)
	if err != nil {
		return nil, 0, err
	}
	im, err := data.ConvertMatrix(id, types.SI64)
	if err != nil {
		return nil, 0, fmt.Errorf("oneHot: info must be numeric: %w", err)
	}
	spec := im.(*data.Dense[int64]).Data
	resCols := 0
	for c, k := range spec {
		switch {
		case k == -1:
			resCols++
		case k >= 0 && k <= maxCells:
			resCols += int(k)
		default:
			return nil, 0, errorf(ErrArgument, "oneHot: info value %d for column %d is invalid, expected -1 (keep), 0 (drop) or a number of categories", k, c)
		}
	}
	return spec, resCols, nil
}

// positions returns the cells as f64 for reading the encoded values.
func positions(xd data.Matrix) ([]float64, error) {
	pm, err := data.ConvertMatrix(xd, types.F64)
	if err != nil {
		return nil, fmt.Errorf("oneHot: the values to encode must be numbers: %w", err)
	}
	return pm.(*data.Dense[float64]).Data, nil
}

// recodeColumns replaces each string by its code within its column, codes
// given in order of first appearance (as DAPHNE does before encoding a
// string matrix).
func recodeColumns(strs []string, cols int) []int64 {
	codes := make([]int64, len(strs))
	for c := 0; c < cols; c++ {
		dict := make(map[string]int64)
		for i := c; i < len(strs); i += cols {
			code, ok := dict[strs[i]]
			if !ok {
				code = int64(len(dict))
				dict[strs[i]] = code
			}
			codes[i] = code
		}
	}
	return codes
}

func encodes(spec []int64) bool {
	for _, k := range spec {
		if k > 0 {
			return true
		}
	}
	return false
}

// oneHot encodes row-major cells with cols columns; pos holds the cells as
// f64 (only read for encoded columns).
func oneHot[T data.Elem](cells []T, pos []float64, cols int, spec []int64, resCols int, one, zero T) ([]T, error) {
	rows := 0
	if cols > 0 {
		rows = len(cells) / cols
	}
	out := make([]T, rows*resCols)
	for r := 0; r < rows; r++ {
		dst := out[r*resCols : (r+1)*resCols]
		at := 0
		for c, k := range spec {
			switch {
			case k == -1:
				dst[at] = cells[r*cols+c]
				at++
			case k > 0:
				v := pos[r*cols+c]
				if !(v >= 0 && v < float64(k)) {
					return nil, errorf(ErrArgument, "oneHot: value %s in row %d, column %d is outside [0, %d)", data.FormatFloat(v), r, c, k)
				}
				enc := dst[at : at+int(k)]
				for i := range enc {
					enc[i] = zero
				}
				enc[int(v)] = one
				at += int(k)
			}
		}
	}
	return out, nil
}

// shape formats a matrix shape for error messages ("3x4").
func shape(m data.Matrix) string { return fmt.Sprintf("%dx%d", m.Rows(), m.Cols()) }
