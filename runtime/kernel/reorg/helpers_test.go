package reorg

import (
	"fmt"
	"strings"

	"github.com/daphne-go/daphne/runtime/data"
)

// show renders a matrix as "csr 2x3 f64 [cells]" (CSR densified for the
// cells) for comparisons.
func show(v data.Value) string {
	m, ok := v.(data.Matrix)
	if !ok {
		return data.Describe(v)
	}
	prefix := ""
	if m.IsSparse() {
		prefix = "csr "
	}
	return prefix + fmt.Sprintf("%dx%d %v %s", m.Rows(), m.Cols(), m.ValueType(), cells(m))
}

func cells(m data.Matrix) string {
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
	case *data.Dense[bool]:
		return fmt.Sprint(d.Data)
	case *data.Dense[string]:
		return fmt.Sprintf("%q", d.Data)
	case *data.CSR[float64]:
		return cells(d.ToDense())
	case *data.CSR[int64]:
		return cells(d.ToDense())
	case *data.CSR[string]:
		return cells(d.ToDense())
	case *data.CSR[bool]:
		return cells(d.ToDense())
	}
	return data.Describe(m)
}

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
