package reorg

import (
	"fmt"
	"math"
	"strconv"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// Cast returns m with value type vt, for the widening casts that value-type
// promotion produces: numbers and bools to any more general numeric type
// (C static_cast: integers wrap, bool is 0 or 1) and anything to str
// (std::to_string: integers in decimal, floats with six decimals, bools
// as 1 or 0). A matrix already of type vt is returned as is; dense stays
// dense and CSR stays CSR.
func Cast(m data.Matrix, vt types.ValueType) (data.Matrix, error) {
	if m.ValueType() == vt {
		return m, nil
	}
	rows, cols := m.Rows(), m.Cols()
	vals, csr := valuesOf(m)
	if vals == nil {
		return nil, fmt.Errorf("cannot cast %s to %v", data.Describe(m), vt)
	}
	src := m.ValueType()
	var out any
	switch vt {
	case types.F64:
		out = castNum[float64](vals)
	case types.F32:
		out = castNum[float32](vals)
	case types.SI64:
		out = castNum[int64](vals)
	case types.SI32:
		out = castNum[int32](vals)
	case types.SI8:
		out = castNum[int8](vals)
	case types.UI64, types.Size:
		out = castNum[uint64](vals)
	case types.UI32:
		out = castNum[uint32](vals)
	case types.UI8:
		out = castNum[uint8](vals)
	case types.Str:
		out = castStr(vals, src)
	}
	if out == nil {
		return nil, fmt.Errorf("cannot cast %s to %v", data.Describe(m), vt)
	}
	return rebuild(vt, rows, cols, out, csr), nil
}

// valuesOf returns the value slice of a dense or CSR matrix (as []T in an
// any) and the CSR matrix itself when m is sparse.
func valuesOf(m data.Matrix) (any, data.Matrix) {
	switch x := m.(type) {
	case *data.Dense[float64]:
		return x.Data, nil
	case *data.Dense[float32]:
		return x.Data, nil
	case *data.Dense[int64]:
		return x.Data, nil
	case *data.Dense[int32]:
		return x.Data, nil
	case *data.Dense[int8]:
		return x.Data, nil
	case *data.Dense[uint64]:
		return x.Data, nil
	case *data.Dense[uint32]:
		return x.Data, nil
	case *data.Dense[uint8]:
		return x.Data, nil
	case *data.Dense[bool]:
		return x.Data, nil
	case *data.Dense[string]:
		return x.Data, nil
	case *data.CSR[float64]:
		return x.Values, x
	case *data.CSR[float32]:
		return x.Values, x
	case *data.CSR[int64]:
		return x.Values, x
	case *data.CSR[int32]:
		return x.Values, x
	case *data.CSR[int8]:
		return x.Values, x
	case *data.CSR[uint64]:
		return x.Values, x
	case *data.CSR[uint32]:
		return x.Values, x
	case *data.CSR[uint8]:
		return x.Values, x
	case *data.CSR[bool]:
		return x.Values, x
	case *data.CSR[string]:
		return x.Values, x
	}
	return nil, nil
}

// structure returns the row pointers and column indexes of a CSR matrix.
func structure(m data.Matrix) ([]int, []int) {
	switch x := m.(type) {
	case *data.CSR[float64]:
		return x.RowPtr, x.ColIdx
	case *data.CSR[float32]:
		return x.RowPtr, x.ColIdx
	case *data.CSR[int64]:
		return x.RowPtr, x.ColIdx
	case *data.CSR[int32]:
		return x.RowPtr, x.ColIdx
	case *data.CSR[int8]:
		return x.RowPtr, x.ColIdx
	case *data.CSR[uint64]:
		return x.RowPtr, x.ColIdx
	case *data.CSR[uint32]:
		return x.RowPtr, x.ColIdx
	case *data.CSR[uint8]:
		return x.RowPtr, x.ColIdx
	case *data.CSR[bool]:
		return x.RowPtr, x.ColIdx
	case *data.CSR[string]:
		return x.RowPtr, x.ColIdx
	}
	return nil, nil
}

// rebuild wraps cast values in a matrix of the original structure.
func rebuild(vt types.ValueType, rows, cols int, vals any, csr data.Matrix) data.Matrix {
	switch v := vals.(type) {
	case []float64:
		return wrap(vt, rows, cols, v, csr)
	case []float32:
		return wrap(vt, rows, cols, v, csr)
	case []int64:
		return wrap(vt, rows, cols, v, csr)
	case []int32:
		return wrap(vt, rows, cols, v, csr)
	case []int8:
		return wrap(vt, rows, cols, v, csr)
	case []uint64:
		return wrap(vt, rows, cols, v, csr)
	case []uint32:
		return wrap(vt, rows, cols, v, csr)
	case []uint8:
		return wrap(vt, rows, cols, v, csr)
	case []string:
		return wrap(vt, rows, cols, v, csr)
	}
	panic(fmt.Sprintf("reorg: cannot rebuild a matrix from %T", vals))
}

func wrap[T data.Elem](vt types.ValueType, rows, cols int, vals []T, csr data.Matrix) data.Matrix {
	if csr == nil {
		return data.DenseFromVT(vt, rows, cols, vals)
	}
	rowPtr, colIdx := structure(csr)
	c, err := data.NewCSRVT(vt, rows, cols, rowPtr, colIdx, vals)
	if err != nil {
		panic("reorg: inconsistent CSR cast: " + err.Error())
	}
	return c
}

// castNum converts a value slice to D with C semantics; nil if the source
// is not numeric or bool.
func castNum[D data.Number](vals any) any {
	switch s := vals.(type) {
	case []float64:
		return convert[float64, D](s)
	case []float32:
		return convert[float32, D](s)
	case []int64:
		return convert[int64, D](s)
	case []int32:
		return convert[int32, D](s)
	case []int8:
		return convert[int8, D](s)
	case []uint64:
		return convert[uint64, D](s)
	case []uint32:
		return convert[uint32, D](s)
	case []uint8:
		return convert[uint8, D](s)
	case []bool:
		out := make([]D, len(s))
		for i, b := range s {
			if b {
				out[i] = 1
			}
		}
		return out
	}
	return nil
}

func convert[S, D data.Number](s []S) []D {
	out := make([]D, len(s))
	for i, v := range s {
		out[i] = D(v)
	}
	return out
}

// castStr converts a value slice to strings as std::to_string does.
func castStr(vals any, src types.ValueType) any {
	switch s := vals.(type) {
	case []float64:
		return mapStr(s, func(v float64) string { return floatToString(v) })
	case []float32:
		return mapStr(s, func(v float32) string { return floatToString(float64(v)) })
	case []int64:
		return mapStr(s, func(v int64) string { return strconv.FormatInt(v, 10) })
	case []int32:
		return mapStr(s, func(v int32) string { return strconv.FormatInt(int64(v), 10) })
	case []int8:
		return mapStr(s, func(v int8) string { return strconv.FormatInt(int64(v), 10) })
	case []uint64:
		return mapStr(s, func(v uint64) string { return strconv.FormatUint(v, 10) })
	case []uint32:
		return mapStr(s, func(v uint32) string { return strconv.FormatUint(uint64(v), 10) })
	case []uint8:
		return mapStr(s, func(v uint8) string { return strconv.FormatUint(uint64(v), 10) })
	case []bool:
		return mapStr(s, func(v bool) string {
			if v {
				return "1"
			}
			return "0"
		})
	}
	return nil
}

func mapStr[S any](s []S, f func(S) string) []string {
	out := make([]string, len(s))
	for i, v := range s {
		out[i] = f(v)
	}
	return out
}

// floatToString is std::to_string(double): printf("%f"), with C's nan/inf.
func floatToString(v float64) string {
	switch {
	case math.IsNaN(v):
		if math.Signbit(v) {
			return "-nan"
		}
		return "nan"
	case math.IsInf(v, 1):
		return "inf"
	case math.IsInf(v, -1):
		return "-inf"
	}
	return strconv.FormatFloat(v, 'f', 6, 64)
}
