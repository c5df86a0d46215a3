package rel

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// col returns a frame column holding v.
func col[T data.Elem](v ...T) data.Matrix {
	return data.DenseFrom(len(v), 1, append([]T(nil), v...))
}

// mkFrame builds a frame from "label" and column pairs.
func mkFrame(t testing.TB, labels []string, cols ...data.Matrix) *data.Frame {
	t.Helper()
	f, err := data.NewFrame(cols, labels)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// printed returns f as DAPHNE prints it.
func printed(t testing.TB, v data.Value) string {
	t.Helper()
	var b bytes.Buffer
	if err := data.Print(&b, v, true); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// lines joins lines with a final newline (expected print output).
func lines(ls ...string) string { return strings.Join(ls, "\n") + "\n" }

// cell returns row i of a frame column as a scalar.
func cell(t testing.TB, m data.Matrix, i int) *data.Scalar {
	t.Helper()
	s, err := data.MatrixCell(m, i, 0)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// cellText formats a cell as print does, or the null stand-in of its column
// for i < 0.
func cellText(t testing.TB, m data.Matrix, i int) string {
	t.Helper()
	if i >= 0 {
		return data.FormatScalar(cell(t, m, i))
	}
	switch vt := m.ValueType(); {
	case vt.IsFloat():
		return "nan"
	case vt == types.Str:
		return ""
	}
	return "0"
}

// naiveEqual compares two cells the way the operators define key equality:
// promoted to the more general value type; NaN equal to NaN only if nanEqual.
func naiveEqual(t testing.TB, a, b *data.Scalar, nanEqual bool) bool {
	t.Helper()
	if a.VT != b.VT {
		p := types.Promote(a.VT, b.VT)
		var err error
		if a, err = data.ConvertScalar(a, p); err != nil {
			t.Fatal(err)
		}
		if b, err = data.ConvertScalar(b, p); err != nil {
			t.Fatal(err)
		}
	}
	switch {
	case a.VT == types.Str:
		return a.S == b.S
	case a.VT.IsFloat():
		if a.F != a.F && b.F != b.F {
			return nanEqual
		}
		return a.F == b.F
	case a.VT.IsUnsigned():
		return a.U == b.U
	}
	return a.I == b.I
}

// rowsMatch reports whether row i of the lhs key columns equals row j of the
// rhs key columns.
func rowsMatch(t testing.TB, lk, rk []data.Matrix, i, j int, nanEqual bool) bool {
	t.Helper()
	for c := range lk {
		if !naiveEqual(t, cell(t, lk[c], i), cell(t, rk[c], j), nanEqual) {
			return false
		}
	}
	return true
}

// keyColumns returns the columns of f with the given labels.
func keyColumns(t testing.TB, f *data.Frame, labels []string) []data.Matrix {
	t.Helper()
	cs := make([]data.Matrix, len(labels))
	for i, l := range labels {
		j, err := f.ColumnByLabel(l)
		if err != nil {
			t.Fatal(err)
		}
		cs[i] = f.Column(j)
	}
	return cs
}

// pairText prints the frame made of lhs rows li and rhs rows ri (-1: null
// stand-ins) with the given header, as data.Print would.
func pairText(t testing.TB, header string, lhs, rhs *data.Frame, li, ri []int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString(header + "\n")
	for k := range li {
		var cells []string
		for j := 0; j < lhs.Cols(); j++ {
			cells = append(cells, cellText(t, lhs.Column(j), li[k]))
		}
		if rhs != nil {
			for j := 0; j < rhs.Cols(); j++ {
				cells = append(cells, cellText(t, rhs.Column(j), ri[k]))
			}
		}
		b.WriteString(strings.Join(cells, " ") + "\n")
	}
	return b.String()
}

// header returns the print header of a frame with these columns.
func header(rows int, labels []string, schema []types.ValueType) string {
	f, err := data.EmptyFrame(schema, labels)
	if err != nil {
		panic(err)
	}
	h := f.Header()
	return strings.Replace(h, "Frame(0x", "Frame("+strconv.Itoa(rows)+"x", 1)
}
