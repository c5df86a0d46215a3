package fileio

import (
	"bufio"
	"fmt"
	"io"
	"strconv"

	"github.com/daphne-go/daphne/runtime/data"
)

// writeMtx writes m in Matrix Market coordinate general format (its
// non-zeros in row-major order), with field integer for integer value types
// and real for floats. bool and str matrices cannot be written.
func writeMtx(w io.Writer, m data.Matrix) error {
	vt := m.ValueType()
	field := "real"
	switch {
	case vt.IsInt():
		field = "integer"
	case !vt.IsFloat():
		return fmt.Errorf("cannot write %s in Matrix Market format (only numbers)", data.Describe(m))
	}
	csr, err := asCSR(m)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 256<<10)
	switch x := csr.(type) {
	case *data.CSR[float64]:
		err = mtxBody(bw, x, field, func(b []byte, v float64) []byte { return appendFloat(b, v, 64) })
	case *data.CSR[float32]:
		err = mtxBody(bw, x, field, func(b []byte, v float32) []byte { return appendFloat(b, float64(v), 32) })
	case *data.CSR[int64]:
		err = mtxBody(bw, x, field, func(b []byte, v int64) []byte { return strconv.AppendInt(b, v, 10) })
	case *data.CSR[int32]:
		err = mtxBody(bw, x, field, func(b []byte, v int32) []byte { return strconv.AppendInt(b, int64(v), 10) })
	case *data.CSR[int8]:
		err = mtxBody(bw, x, field, func(b []byte, v int8) []byte { return strconv.AppendInt(b, int64(v), 10) })
	case *data.CSR[uint64]:
		err = mtxBody(bw, x, field, func(b []byte, v uint64) []byte { return strconv.AppendUint(b, v, 10) })
	case *data.CSR[uint32]:
		err = mtxBody(bw, x, field, func(b []byte, v uint32) []byte { return strconv.AppendUint(b, uint64(v), 10) })
	case *data.CSR[uint8]:
		err = mtxBody(bw, x, field, func(b []byte, v uint8) []byte { return strconv.AppendUint(b, uint64(v), 10) })
	default:
		return fmt.Errorf("cannot write %s in Matrix Market format", data.Describe(m))
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

func mtxBody[T data.Elem](bw *bufio.Writer, m *data.CSR[T], field string, cell func([]byte, T) []byte) error {
	var zero T
	nnz := 0
	for _, v := range m.Values {
		if v != zero {
			nnz++
		}
	}
	if _, err := fmt.Fprintf(bw, "%%%%MatrixMarket matrix coordinate %s general\n%d %d %d\n", field, m.Rows(), m.Cols(), nnz); err != nil {
		return err
	}
	buf := make([]byte, 0, 64)
	for i := 0; i < m.Rows(); i++ {
		for k := m.RowPtr[i]; k < m.RowPtr[i+1]; k++ {
			if m.Values[k] == zero {
				continue
			}
			buf = strconv.AppendInt(buf[:0], int64(i+1), 10)
			buf = append(buf, ' ')
			buf = strconv.AppendInt(buf, int64(m.ColIdx[k]+1), 10)
			buf = append(buf, ' ')
			buf = cell(buf, m.Values[k])
			buf = append(buf, '\n')
			if _, err := bw.Write(buf); err != nil {
				return err
			}
		}
	}
	return nil
}

// asCSR returns m as a CSR matrix (converting a dense one).
func asCSR(m data.Matrix) (data.Matrix, error) {
	if m.IsSparse() {
		return m, nil
	}
	switch x := m.(type) {
	case *data.Dense[float64]:
		return data.DenseToCSR(x), nil
	case *data.Dense[float32]:
		return data.DenseToCSR(x), nil
	case *data.Dense[int64]:
		return data.DenseToCSR(x), nil
	case *data.Dense[int32]:
		return data.DenseToCSR(x), nil
	case *data.Dense[int8]:
		return data.DenseToCSR(x), nil
	case *data.Dense[uint64]:
		return data.DenseToCSR(x), nil
	case *data.Dense[uint32]:
		return data.DenseToCSR(x), nil
	case *data.Dense[uint8]:
		return data.DenseToCSR(x), nil
	case *data.Dense[bool]:
		return data.DenseToCSR(x), nil
	case *data.Dense[string]:
		return data.DenseToCSR(x), nil
	}
	return nil, fmt.Errorf("unsupported matrix type %T", m)
}

// metaFor returns the meta data describing m.
func metaFor(m data.Matrix) Meta {
	return Meta{NumRows: m.Rows(), NumCols: m.Cols(), VT: m.ValueType(), NumNonZeros: -1}
}
