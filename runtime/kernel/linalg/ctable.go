package linalg

import (
	"math"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// CTable returns the contingency table of the column vectors ys and xs
// (equally long): res[ys[k], xs[k]] += weight for every k, positions
// truncated toward zero as DAPHNE casts them. numRows/numCols < 0 mean
// "automatic" (max position + 1); given dimensions crop (positions outside
// are ignored) or pad with zeros. The result is dense with the weight's
// value type (DSL default weight 1.0, so f64). Negative or NaN positions
// are errors (DAPHNE's kernel would write out of bounds).
func CTable(ys, xs data.Matrix, weight *data.Scalar, numRows, numCols int64) (data.Matrix, error) {
	if ys.Cols() != 1 || xs.Cols() != 1 {
		return nil, errorf(ErrShape, "ctable: both position arguments must be column vectors, got %s and %s", shape(ys), shape(xs))
	}
	if ys.Rows() != xs.Rows() {
		return nil, errorf(ErrShape, "ctable: both position arguments must have the same number of rows, got %s and %s", shape(ys), shape(xs))
	}
	rows, err := positions(ys, "first")
	if err != nil {
		return nil, err
	}
	cols, err := positions(xs, "second")
	if err != nil {
		return nil, err
	}
	nr, nc := dimFor(rows, numRows), dimFor(cols, numCols)
	if err := checkCells("ctable", nr, nc); err != nil {
		return nil, err
	}
	switch vt := weight.VT; vt {
	case types.F64:
		return ctable(rows, cols, nr, nc, data.Get[float64](weight), vt), nil
	case types.F32:
		return ctable(rows, cols, nr, nc, data.Get[float32](weight), vt), nil
	case types.SI64:
		return ctable(rows, cols, nr, nc, data.Get[int64](weight), vt), nil
	case types.SI32:
		return ctable(rows, cols, nr, nc, data.Get[int32](weight), vt), nil
	case types.SI8:
		return ctable(rows, cols, nr, nc, data.Get[int8](weight), vt), nil
	case types.UI64, types.Size:
		return ctable(rows, cols, nr, nc, data.Get[uint64](weight), vt), nil
	case types.UI32:
		return ctable(rows, cols, nr, nc, data.Get[uint32](weight), vt), nil
	case types.UI8:
		return ctable(rows, cols, nr, nc, data.Get[uint8](weight), vt), nil
	default:
		return nil, errorf(ErrValueType, "ctable: the weight must be a number, got %s", data.Describe(weight))
	}
}

// positions reads a numeric column vector as non-negative integers.
func positions(m data.Matrix, which string) ([]int64, error) {
	d, err := denseAs[float64](m, types.F64)
	if m.ValueType() == types.Str {
		err = errorf(ErrValueType, "strings are not positions")
	}
	if err != nil {
		return nil, errorf(ErrValueType, "ctable: the %s argument must be numeric, got %s", which, data.Describe(m))
	}
	out := make([]int64, len(d.Data))
	for k, v := range d.Data {
		if math.IsNaN(v) || v <= -1 || v >= 1<<53 {
			return nil, errorf(ErrArgument, "ctable: position %s in row %d of the %s argument is not a valid index", data.FormatFloat(v), k, which)
		}
		out[k] = int64(v)
	}
	return out, nil
}

// dimFor returns the given dimension, or max(pos)+1 when it is negative.
func dimFor(pos []int64, given int64) int {
	if given >= 0 {
		return int(given)
	}
	var n int64
	for _, p := range pos {
		n = max(n, p+1)
	}
	return int(n)
}

// csrCTableCells is the size from which ctable builds a CSR result when at
// most a quarter of the cells can be non-zero (fewer entries than cells/4):
// a customer x product incidence matrix of 20,000 x 1,000 is 160 MB dense
// and a few MB sparse. The representation is a performance choice; the
// values and the printed output are the same.
const csrCTableCells = 1 << 20

func ctable[T num](rows, cols []int64, nr, nc int, w T, vt types.ValueType) data.Matrix {
	if cells := nr * nc; cells >= csrCTableCells && len(rows) < cells/4 {
		return ctableCSR(rows, cols, nr, nc, w, vt)
	}
	res := data.NewDenseVT[T](vt, nr, nc)
	for k, r := range rows {
		c := cols[k]
		if r < int64(nr) && c < int64(nc) {
			res.Data[int(r)*nc+int(c)] += w
		}
	}
	return res
}

func opCTable(_ *opsCtx, args []data.Value, _ map[string]string) ([]data.Value, error) {
	if err := arity("ctable", args, 2, 5); err != nil {
		return nil, err
	}
	ms, err := matrices("ctable", args, "lhs", "rhs")
	if err != nil {
		return nil, err
	}
	weight := data.F64(1)
	rest := args[2:]
	if len(rest) == 1 || len(rest) == 3 {
		if weight, err = data.ScalarArg(rest[0], "ctable: weight"); err != nil {
			return nil, err
		}
		rest = rest[1:]
	}
	numRows, numCols := int64(-1), int64(-1)
	if len(rest) == 2 {
		if numRows, err = data.IntArg(rest[0], "ctable: resNumRows"); err != nil {
			return nil, err
		}
		if numCols, err = data.IntArg(rest[1], "ctable: resNumCols"); err != nil {
			return nil, err
		}
	}
	return one(CTable(ms[0], ms[1], weight, numRows, numCols))
}

// ctableCSR builds the contingency table as a CSR matrix: two counting
// sorts (by column, then stably by row) put the entries in row-major order,
// then equal positions are summed. O(entries + rows + columns).
func ctableCSR[T num](rows, cols []int64, nr, nc int, w T, vt types.ValueType) data.Matrix {
	keep := make([]int, 0, len(rows)) // entries inside the (possibly cropped) table
	for k, r := range rows {
		if r < int64(nr) && cols[k] < int64(nc) {
			keep = append(keep, k)
		}
	}
	byCol := make([]int, nc+1)
	for _, k := range keep {
		byCol[cols[k]+1]++
	}
	for j := 0; j < nc; j++ {
		byCol[j+1] += byCol[j]
	}
	sorted := make([]int, len(keep))
	for _, k := range keep {
		sorted[byCol[cols[k]]] = k
		byCol[cols[k]]++
	}
	rowPtr := make([]int, nr+1)
	for _, k := range keep {
		rowPtr[rows[k]+1]++
	}
	for i := 0; i < nr; i++ {
		rowPtr[i+1] += rowPtr[i]
	}
	next := append([]int(nil), rowPtr[:nr]...)
	order := make([]int, len(keep))
	for _, k := range sorted {
		order[next[rows[k]]] = k
		next[rows[k]]++
	}
	colIdx := make([]int, 0, len(order))
	vals := make([]T, 0, len(order))
	outPtr := make([]int, nr+1)
	for i := 0; i < nr; i++ {
		for p := rowPtr[i]; p < rowPtr[i+1]; p++ {
			c := int(cols[order[p]])
			if n := len(colIdx); n > outPtr[i] && colIdx[n-1] == c {
				vals[n-1] += w
				continue
			}
			colIdx = append(colIdx, c)
			vals = append(vals, w)
		}
		outPtr[i+1] = len(colIdx)
	}
	m, err := data.NewCSRVT(vt, nr, nc, outPtr, colIdx, vals)
	if err != nil {
		panic("linalg: ctableCSR built an invalid CSR matrix: " + err.Error())
	}
	return m
}
