package reorg

import (
	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// kit holds the kernels of this package instantiated for one element type,
// so that each op dispatches with one table look-up on the value type
// instead of a type switch over every element type.
type kit struct {
	transpose func(m data.Matrix) data.Matrix
	reverse   func(m data.Matrix) data.Matrix
	reshape   func(m data.Matrix, rows, cols int) data.Matrix
	bind      func(a, b data.Matrix, byCols bool) data.Matrix
	order     func(m data.Matrix, keys []sortKey, returnIndexes bool) data.Matrix
}

func kitOf[T data.Elem]() kit {
	return kit{
		transpose: func(m data.Matrix) data.Matrix {
			if c, ok := m.(*data.CSR[T]); ok {
				return transposeCSR(c)
			}
			return transposeDense(m.(*data.Dense[T]))
		},
		reverse: func(m data.Matrix) data.Matrix {
			if c, ok := m.(*data.CSR[T]); ok {
				return reverseCSR(c)
			}
			return reverseDense(m.(*data.Dense[T]))
		},
		reshape: func(m data.Matrix, rows, cols int) data.Matrix {
			if c, ok := m.(*data.CSR[T]); ok {
				return reshapeCSR(c, rows, cols)
			}
			return m.(*data.Dense[T]).Reshaped(rows, cols)
		},
		bind: func(a, b data.Matrix, byCols bool) data.Matrix {
			ca, okA := a.(*data.CSR[T])
			cb, okB := b.(*data.CSR[T])
			switch {
			case okA && okB && byCols:
				return cbindCSR(ca, cb)
			case okA && okB:
				return rbindCSR(ca, cb)
			case byCols:
				return cbindDense(toDense[T](a), toDense[T](b))
			}
			return rbindDense(toDense[T](a), toDense[T](b))
		},
		order: func(m data.Matrix, keys []sortKey, returnIndexes bool) data.Matrix {
			return orderDense(toDense[T](m), keys, returnIndexes)
		},
	}
}

// toDense returns m as a dense matrix of T (m must hold T).
func toDense[T data.Elem](m data.Matrix) *data.Dense[T] {
	if c, ok := m.(*data.CSR[T]); ok {
		return c.ToDense()
	}
	return m.(*data.Dense[T])
}

var kits = map[types.ValueType]kit{
	types.F64: kitOf[float64](), types.F32: kitOf[float32](),
	types.SI64: kitOf[int64](), types.SI32: kitOf[int32](), types.SI8: kitOf[int8](),
	types.UI64: kitOf[uint64](), types.UI32: kitOf[uint32](), types.UI8: kitOf[uint8](),
	types.Size: kitOf[uint64](), types.Bool: kitOf[bool](), types.Str: kitOf[string](),
}
