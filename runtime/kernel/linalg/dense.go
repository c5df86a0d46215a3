package linalg

import "github.com/daphne-go/daphne/runtime/data"

// toDense returns m as a dense matrix of its own element type (m itself if
// it is dense).
func toDense(m data.Matrix) data.Matrix {
	switch x := m.(type) {
	case *data.CSR[float64]:
		return x.ToDense()
	case *data.CSR[float32]:
		return x.ToDense()
	case *data.CSR[int64]:
		return x.ToDense()
	case *data.CSR[int32]:
		return x.ToDense()
	case *data.CSR[int8]:
		return x.ToDense()
	case *data.CSR[uint64]:
		return x.ToDense()
	case *data.CSR[uint32]:
		return x.ToDense()
	case *data.CSR[uint8]:
		return x.ToDense()
	case *data.CSR[bool]:
		return x.ToDense()
	case *data.CSR[string]:
		return x.ToDense()
	}
	return m
}

// toCSR returns the dense matrix m as CSR (zero cells dropped); other
// values are returned unchanged.
func toCSR(m data.Matrix) data.Matrix {
	switch x := m.(type) {
	case *data.Dense[float64]:
		return data.DenseToCSR(x)
	case *data.Dense[float32]:
		return data.DenseToCSR(x)
	case *data.Dense[int64]:
		return data.DenseToCSR(x)
	case *data.Dense[int32]:
		return data.DenseToCSR(x)
	case *data.Dense[int8]:
		return data.DenseToCSR(x)
	case *data.Dense[uint64]:
		return data.DenseToCSR(x)
	case *data.Dense[uint32]:
		return data.DenseToCSR(x)
	case *data.Dense[uint8]:
		return data.DenseToCSR(x)
	case *data.Dense[bool]:
		return data.DenseToCSR(x)
	case *data.Dense[string]:
		return data.DenseToCSR(x)
	}
	return m
}
