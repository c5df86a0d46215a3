package agg

import (
	"fmt"

	"github.com/daphne-go/daphne/runtime/data"
)

// CumOp is a cumulative aggregation down each column.
type CumOp uint8

// The cumulative aggregations; all keep the input's shape and value type.
const (
	CumSum CumOp = iota
	CumProd
	CumMin
	CumMax
)

var cumNames = [...]string{CumSum: "cumSum", CumProd: "cumProd", CumMin: "cumMin", CumMax: "cumMax"}

// String returns the DaphneDSL name (cumSum, ...).
func (c CumOp) String() string {
	if int(c) < len(cumNames) {
		return cumNames[c]
	}
	return fmt.Sprintf("CumOp(%d)", uint8(c))
}

// cumDense returns res with res[0,:] = m[0,:] and
// res[i,j] = op(res[i-1,j], m[i,j]); min and max follow std::min/std::max.
func cumDense[T data.Number](op CumOp, m *data.Dense[T]) *data.Dense[T] {
	rows, cols := m.Rows(), m.Cols()
	res := data.NewDenseVT[T](m.ValueType(), rows, cols)
	if rows == 0 {
		return res
	}
	copy(res.Data[:cols], m.Data[:cols])
	for i := 1; i < rows; i++ {
		prev := res.Data[(i-1)*cols : i*cols]
		in := m.Data[i*cols : (i+1)*cols]
		out := res.Data[i*cols : (i+1)*cols]
		prev, out = prev[:len(in)], out[:len(in)]
		switch op {
		case CumSum:
			for j, v := range in {
				out[j] = prev[j] + v
			}
		case CumProd:
			for j, v := range in {
				out[j] = prev[j] * v
			}
		case CumMin:
			for j, v := range in {
				out[j] = minOf(prev[j], v)
			}
		case CumMax:
			for j, v := range in {
				out[j] = maxOf(prev[j], v)
			}
		}
	}
	return res
}
