package data

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// Print writes v the way DAPHNE's print builtin does.
//
// A scalar is written in FormatScalar's spelling, followed by "\n" if newline
// is set. A matrix is written as a header line "DenseMatrix(RxC, <C++ type>)"
// (or "CSRMatrix(...)") followed by one line per row with the cells separated
// by single spaces (a CSR matrix prints its zeros explicitly); newline is
// ignored for matrices, as in DAPHNE. Size-typed matrices print as uint64_t.
// A list is written as "List(<n>, DenseMatrix, <C++ type>)" followed by the
// print of each element.
func Print(w io.Writer, v Value, newline bool) error {
	return Style{ShowSparse: true}.Print(w, v, newline)
}

// Style says how printed output names a matrix's representation. DAPHNE
// represents (and so prints) every matrix as DenseMatrix unless
// --select-matrix-repr is given; daphne-go keeps sparse inputs in CSR for
// speed, a choice that must not change output, so the run's Style hides it
// unless that flag is set.
type Style struct {
	ShowSparse bool // name CSR matrices CSRMatrix (else DenseMatrix)
}

// Print is Print with the style s.
func (s Style) Print(w io.Writer, v Value, newline bool) error {
	if s, ok := v.(*Scalar); ok {
		// One write, no buffer: scalars are printed often, in loops.
		buf := appendScalar(make([]byte, 0, 32), s)
		if newline {
			buf = append(buf, '\n')
		}
		_, err := w.Write(buf)
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := s.printTo(bw, v, newline); err != nil {
		return err
	}
	return bw.Flush()
}

func (st Style) printTo(bw *bufio.Writer, v Value, newline bool) error {
	switch x := v.(type) {
	case *Scalar:
		buf := appendScalar(make([]byte, 0, 32), x)
		if newline {
			buf = append(buf, '\n')
		}
		_, err := bw.Write(buf)
		return err
	case Matrix:
		return st.printMatrix(bw, x)
	case *List:
		if _, err := bw.WriteString(st.listHeader(x) + "\n"); err != nil {
			return err
		}
		for _, e := range x.Elems {
			if err := st.printMatrix(bw, e); err != nil {
				return err
			}
		}
		return nil
	case *Frame:
		return printFrame(bw, x)
	case nil:
		return errors.New("print: no value to print")
	}
	return fmt.Errorf("print: cannot print a value of type %T", v)
}

// TypeName returns what DaphneDSL's typeOf reports for v: the C++ type name
// of a scalar ("int64_t", "double", "bool", "const char*", "size_t" for the
// size type), "DenseMatrix(3x1, int64_t)" / "CSRMatrix(...)" for matrices and
// "List(<n>, DenseMatrix, <C++ type>)" for lists.
func TypeName(v Value) string { return Style{ShowSparse: true}.TypeName(v) }

// TypeName is TypeName with the style st.
func (st Style) TypeName(v Value) string {
	switch x := v.(type) {
	case *Scalar:
		return x.VT.ScalarCppName()
	case Matrix:
		return st.matrixHeader(x)
	case *List:
		return st.listHeader(x)
	case *Frame:
		return x.Header()
	case nil:
		return "nothing"
	}
	return v.DataType().String()
}

func (st Style) matrixKind(m Matrix) string {
	if st.ShowSparse && m.IsSparse() {
		return "CSRMatrix"
	}
	return "DenseMatrix"
}

func (st Style) matrixHeader(m Matrix) string {
	return st.matrixKind(m) + "(" + strconv.Itoa(m.Rows()) + "x" + strconv.Itoa(m.Cols()) + ", " +
		m.ValueType().CppName() + ")"
}

func (st Style) listHeader(l *List) string {
	kind := "DenseMatrix"
	if len(l.Elems) > 0 {
		kind = st.matrixKind(l.Elems[0])
	}
	return "List(" + strconv.Itoa(len(l.Elems)) + ", " + kind + ", " + l.VT.CppName() + ")"
}

func (st Style) printMatrix(bw *bufio.Writer, m Matrix) error {
	if _, err := bw.WriteString(st.matrixHeader(m) + "\n"); err != nil {
		return err
	}
	switch x := m.(type) {
	case *Dense[float64]:
		return printDense(bw, x)
	case *Dense[float32]:
		return printDense(bw, x)
	case *Dense[int64]:
		return printDense(bw, x)
	case *Dense[int32]:
		return printDense(bw, x)
	case *Dense[int8]:
		return printDense(bw, x)
	case *Dense[uint64]:
		return printDense(bw, x)
	case *Dense[uint32]:
		return printDense(bw, x)
	case *Dense[uint8]:
		return printDense(bw, x)
	case *Dense[bool]:
		return printDense(bw, x)
	case *Dense[string]:
		return printDense(bw, x)
	case *CSR[float64]:
		return printCSR(bw, x)
	case *CSR[float32]:
		return printCSR(bw, x)
	case *CSR[int64]:
		return printCSR(bw, x)
	case *CSR[int32]:
		return printCSR(bw, x)
	case *CSR[int8]:
		return printCSR(bw, x)
	case *CSR[uint64]:
		return printCSR(bw, x)
	case *CSR[uint32]:
		return printCSR(bw, x)
	case *CSR[uint8]:
		return printCSR(bw, x)
	case *CSR[bool]:
		return printCSR(bw, x)
	case *CSR[string]:
		return printCSR(bw, x)
	}
	return fmt.Errorf("print: unsupported matrix type %T", m)
}

func printDense[T Elem](bw *bufio.Writer, m *Dense[T]) error {
	buf := make([]byte, 0, 256)
	for i := 0; i < m.rows; i++ {
		buf = buf[:0]
		for j, v := range m.Row(i) {
			if j > 0 {
				buf = append(buf, ' ')
			}
			buf = appendElem(buf, v)
		}
		buf = append(buf, '\n')
		if _, err := bw.Write(buf); err != nil {
			return err
		}
	}
	return nil
}

func printCSR[T Elem](bw *bufio.Writer, m *CSR[T]) error {
	buf := make([]byte, 0, 256)
	var zero T
	for i := 0; i < m.rows; i++ {
		buf = buf[:0]
		k, hi := m.RowPtr[i], m.RowPtr[i+1]
		for j := 0; j < m.cols; j++ {
			if j > 0 {
				buf = append(buf, ' ')
			}
			v := zero
			if k < hi && m.ColIdx[k] == j {
				v = m.Values[k]
				k++
			}
			buf = appendElem(buf, v)
		}
		buf = append(buf, '\n')
		if _, err := bw.Write(buf); err != nil {
			return err
		}
	}
	return nil
}

func printFrame(bw *bufio.Writer, f *Frame) error {
	if _, err := bw.WriteString(f.Header() + "\n"); err != nil {
		return err
	}
	cells := make([]any, len(f.cols))
	for j, c := range f.cols {
		cs, err := denseCells(c)
		if err != nil {
			return fmt.Errorf("print: column %q: %w", f.labels[j], err)
		}
		cells[j] = cs
	}
	buf := make([]byte, 0, 256)
	for i := 0; i < f.rows; i++ {
		buf = buf[:0]
		for j, cs := range cells {
			if j > 0 {
				buf = append(buf, ' ')
			}
			buf = appendCell(buf, cs, i)
		}
		buf = append(buf, '\n')
		if _, err := bw.Write(buf); err != nil {
			return err
		}
	}
	return nil
}

// appendCell appends cell i of a typed cell slice in DAPHNE's print format.
func appendCell(dst []byte, cells any, i int) []byte {
	switch c := cells.(type) {
	case []float64:
		return appendElem(dst, c[i])
	case []float32:
		return appendElem(dst, c[i])
	case []int64:
		return appendElem(dst, c[i])
	case []int32:
		return appendElem(dst, c[i])
	case []int8:
		return appendElem(dst, c[i])
	case []uint64:
		return appendElem(dst, c[i])
	case []uint32:
		return appendElem(dst, c[i])
	case []uint8:
		return appendElem(dst, c[i])
	case []bool:
		return appendElem(dst, c[i])
	case []string:
		return appendElem(dst, c[i])
	}
	return append(dst, '?')
}
