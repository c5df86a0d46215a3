package agg

import (
	"fmt"
	"strings"

	"github.com/daphne-go/daphne/runtime/data"
)

// show renders a value for comparisons: "f64 2.5" for scalars and
// "2x1 f64 [1 2]" for matrices (CSR matrices densified, marked csr).
func show(v data.Value) string {
	switch x := v.(type) {
	case *data.Scalar:
		return fmt.Sprintf("%v %v", x.VT, scalarPayload(x))
	case data.Matrix:
		d := densify(x)
		prefix := ""
		if x.IsSparse() {
			prefix = "csr "
		}
		return prefix + fmt.Sprintf("%dx%d %v %s", x.Rows(), x.Cols(), x.ValueType(), cellsOf(d))
	}
	return data.Describe(v)
}

func scalarPayload(s *data.Scalar) any {
	switch {
	case s.VT.IsFloat():
		return s.F
	case s.VT.IsUnsigned():
		return s.U
	case s.VT.String() == "str":
		return s.S
	}
	return s.I
}

func cellsOf(m data.Matrix) string {
	switch d := m.(type) {
	case *data.Dense[float64]:
		return fmt.Sprint(d.Data)
	case *data.Dense[float32]:
		return fmt.Sprint(d.Data)
	case *data.Dense[int64]:
		return fmt.Sprint(d.Data)
	case *data.Dense[int32]:
		return fmt.Sprint(d.Data)
	case *data.Dense[int8]:
		return fmt.Sprint(d.Data)
	case *data.Dense[uint64]:
		return fmt.Sprint(d.Data)
	case *data.Dense[uint32]:
		return fmt.Sprint(d.Data)
	case *data.Dense[uint8]:
		return fmt.Sprint(d.Data)
	case *data.Dense[string]:
		return fmt.Sprintf("%q", d.Data)
	}
	return data.Describe(m)
}

// f64 builds a dense f64 matrix from rows.
func f64(rows ...[]float64) *data.Dense[float64] { return denseOf(rows) }

func denseOf[T data.Elem](rows [][]T) *data.Dense[T] {
	if len(rows) == 0 {
		return data.NewDense[T](0, 0)
	}
	var vals []T
	for _, r := range rows {
		vals = append(vals, r...)
	}
	return data.DenseFrom(len(rows), len(rows[0]), vals)
}

func contains(err error, want string) bool {
	return err != nil && strings.Contains(err.Error(), want)
}
