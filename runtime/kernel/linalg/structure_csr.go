package linalg

import "github.com/daphne-go/daphne/runtime/data"

// CSR paths of the structural ops: diagVector and lowerTri/upperTri read
// the stored entries only, so a large sparse matrix is never densified
// (its n x n dense form may not fit in memory).

// csrDiagVector returns the diagonal of a square CSR matrix as a dense
// n x 1 vector; ok is false for a value that is not CSR.
func csrDiagVector(m data.Matrix) (res data.Matrix, ok bool) {
	switch x := m.(type) {
	case *data.CSR[float64]:
		return diagVectorCSR(x), true
	case *data.CSR[float32]:
		return diagVectorCSR(x), true
	case *data.CSR[int64]:
		return diagVectorCSR(x), true
	case *data.CSR[int32]:
		return diagVectorCSR(x), true
	case *data.CSR[int8]:
		return diagVectorCSR(x), true
	case *data.CSR[uint64]:
		return diagVectorCSR(x), true
	case *data.CSR[uint32]:
		return diagVectorCSR(x), true
	case *data.CSR[uint8]:
		return diagVectorCSR(x), true
	case *data.CSR[bool]:
		return diagVectorCSR(x), true
	case *data.CSR[string]:
		return diagVectorCSR(x), true
	}
	return nil, false
}

func diagVectorCSR[T data.Elem](m *data.CSR[T]) *data.Dense[T] {
	d := data.NewDenseVT[T](m.ValueType(), m.Rows(), 1)
	for i := range d.Data {
		d.Data[i] = m.At(i, i)
	}
	return d
}

// csrTri is Tri for a CSR matrix (numeric or bool; strings only with
// values); ok is false for a value that is not CSR.
func csrTri(m data.Matrix, upper, diag, values bool) (res data.Matrix, ok bool) {
	switch x := m.(type) {
	case *data.CSR[float64]:
		return triCSR(x, upper, diag, values, 1), true
	case *data.CSR[float32]:
		return triCSR(x, upper, diag, values, 1), true
	case *data.CSR[int64]:
		return triCSR(x, upper, diag, values, 1), true
	case *data.CSR[int32]:
		return triCSR(x, upper, diag, values, 1), true
	case *data.CSR[int8]:
		return triCSR(x, upper, diag, values, 1), true
	case *data.CSR[uint64]:
		return triCSR(x, upper, diag, values, 1), true
	case *data.CSR[uint32]:
		return triCSR(x, upper, diag, values, 1), true
	case *data.CSR[uint8]:
		return triCSR(x, upper, diag, values, 1), true
	case *data.CSR[bool]:
		return triCSR(x, upper, diag, values, true), true
	case *data.CSR[string]:
		return triCSR(x, upper, diag, true, ""), true
	}
	return nil, false
}

// triCSR keeps the stored non-zero entries of m inside the triangle (see
// Tri), replaced by one when values is false.
func triCSR[T data.Elem](m *data.CSR[T], upper, diag, values bool, one T) *data.CSR[T] {
	n := m.Rows()
	var zero T
	rowPtr := make([]int, n+1)
	colIdx := make([]int, 0, m.NNZ()/2+1)
	vals := make([]T, 0, m.NNZ()/2+1)
	for i := 0; i < n; i++ {
		for q := m.RowPtr[i]; q < m.RowPtr[i+1]; q++ {
			j, v := m.ColIdx[q], m.Values[q]
			inside := j < i || (diag && j == i)
			if upper {
				inside = j > i || (diag && j == i)
			}
			if !inside || v == zero {
				continue
			}
			if !values {
				v = one
			}
			colIdx = append(colIdx, j)
			vals = append(vals, v)
		}
		rowPtr[i+1] = len(vals)
	}
	res, err := data.NewCSRVT(m.ValueType(), n, m.Cols(), rowPtr, colIdx, vals)
	if err != nil {
		panic("linalg: triCSR built an invalid CSR matrix: " + err.Error())
	}
	return res
}
