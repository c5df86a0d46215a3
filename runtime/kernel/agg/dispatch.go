package agg

import (
	"fmt"

	"github.com/daphne-go/daphne/runtime/data"
)

// Aggregate computes op over m along ax: All gives a *data.Scalar, Row an
// n x 1 and Col a 1 x m dense matrix. Dense matrices of every numeric value
// type are supported, CSR matrices natively for Sum, Min, Max and Mean (Var
// and Stddev go through a dense copy), and string matrices for Min and Max.
func Aggregate(op Op, ax Axis, m data.Matrix) (data.Value, error) {
	switch x := m.(type) {
	case *data.Dense[float64]:
		return aggDense(op, ax, x)
	case *data.Dense[float32]:
		return aggDense(op, ax, x)
	case *data.Dense[int64]:
		return aggDense(op, ax, x)
	case *data.Dense[int32]:
		return aggDense(op, ax, x)
	case *data.Dense[int8]:
		return aggDense(op, ax, x)
	case *data.Dense[uint64]:
		return aggDense(op, ax, x)
	case *data.Dense[uint32]:
		return aggDense(op, ax, x)
	case *data.Dense[uint8]:
		return aggDense(op, ax, x)
	case *data.Dense[string]:
		if op == Min || op == Max {
			return reduceDense(op, ax, x)
		}
	case *data.CSR[float64]:
		return aggCSR(op, ax, x)
	case *data.CSR[float32]:
		return aggCSR(op, ax, x)
	case *data.CSR[int64]:
		return aggCSR(op, ax, x)
	case *data.CSR[int32]:
		return aggCSR(op, ax, x)
	case *data.CSR[int8]:
		return aggCSR(op, ax, x)
	case *data.CSR[uint64]:
		return aggCSR(op, ax, x)
	case *data.CSR[uint32]:
		return aggCSR(op, ax, x)
	case *data.CSR[uint8]:
		return aggCSR(op, ax, x)
	}
	return nil, unsupported(opName(op, ax), m)
}

func unsupported(name string, m data.Matrix) error {
	return fmt.Errorf("%s: unsupported argument %s (expected a numeric matrix)", name, data.Describe(m))
}

// emptyReduction reports whether some min/max reduction of m along ax would
// have no values.
func emptyReduction(ax Axis, m data.Matrix) bool {
	rows, cols := m.Rows(), m.Cols()
	switch ax {
	case All:
		return rows == 0 || cols == 0
	case Row:
		return rows > 0 && cols == 0
	}
	return cols > 0 && rows == 0
}

func aggDense[T data.Number](op Op, ax Axis, m *data.Dense[T]) (data.Value, error) {
	if !op.isStat() {
		return reduceDense(op, ax, m)
	}
	if isF32[T]() {
		return statDense[T, float32](op, ax, m), nil
	}
	return statDense[T, float64](op, ax, m), nil
}

func reduceDense[T ordered](op Op, ax Axis, m *data.Dense[T]) (data.Value, error) {
	if op != Sum && emptyReduction(ax, m) {
		return nil, emptyError(opName(op, ax), m)
	}
	switch ax {
	case All:
		if len(m.Data) == 0 {
			var zero T
			return data.ScalarOf(m.ValueType(), zero), nil
		}
		return data.ScalarOf(m.ValueType(), reduceAllDense(op, m.Data)), nil
	case Row:
		return reduceRowDense(op, m), nil
	}
	return reduceColDense(op, m), nil
}

func statDense[T data.Number, R float](op Op, ax Axis, m *data.Dense[T]) data.Value {
	switch ax {
	case All:
		return data.ScalarOf(data.DefaultVT[R](), statSlice[T, R](op, m.Data))
	case Row:
		return statRowDense[T, R](op, m)
	}
	return statColDense[T, R](op, m)
}

func aggCSR[T data.Number](op Op, ax Axis, m *data.CSR[T]) (data.Value, error) {
	switch op {
	case Var, Stddev:
		return aggDense(op, ax, m.ToDense())
	case Mean:
		if isF32[T]() {
			return meanCSRValue[T, float32](ax, m), nil
		}
		return meanCSRValue[T, float64](ax, m), nil
	}
	if op != Sum && emptyReduction(ax, m) {
		return nil, emptyError(opName(op, ax), m)
	}
	switch ax {
	case All:
		return data.ScalarOf(m.ValueType(), reduceAllCSR(op, m)), nil
	case Row:
		return reduceRowCSR(op, m), nil
	}
	return reduceColCSR(op, m), nil
}

func meanCSRValue[T data.Number, R float](ax Axis, m *data.CSR[T]) data.Value {
	s, d := meanCSR[T, R](ax, m)
	if ax == All {
		return data.ScalarOf(data.DefaultVT[R](), s)
	}
	return d
}

// densify returns the dense equivalent of a CSR matrix and any other value
// unchanged.
func densify(m data.Matrix) data.Matrix {
	if d, err := data.ToDenseMatrix(m); err == nil {
		return d
	}
	return m
}

// Index returns the position of the minimum (min) or maximum of each row
// (ax Row: n x 1, column indexes) or column (ax Col: 1 x m, row indexes) as
// a size-typed matrix. CSR arguments go through a dense copy.
func Index(min bool, ax Axis, m data.Matrix) (data.Matrix, error) {
	name := "idxMax" + ax.String()
	if min {
		name = "idxMin" + ax.String()
	}
	if ax == All {
		return nil, fmt.Errorf("%s: idxMin and idxMax need an axis (0 for rows, 1 for columns)", name)
	}
	if emptyReduction(ax, m) {
		return nil, emptyError(name, m)
	}
	switch x := densify(m).(type) {
	case *data.Dense[float64]:
		return idxDense(min, ax, x), nil
	case *data.Dense[float32]:
		return idxDense(min, ax, x), nil
	case *data.Dense[int64]:
		return idxDense(min, ax, x), nil
	case *data.Dense[int32]:
		return idxDense(min, ax, x), nil
	case *data.Dense[int8]:
		return idxDense(min, ax, x), nil
	case *data.Dense[uint64]:
		return idxDense(min, ax, x), nil
	case *data.Dense[uint32]:
		return idxDense(min, ax, x), nil
	case *data.Dense[uint8]:
		return idxDense(min, ax, x), nil
	case *data.Dense[string]:
		return idxDense(min, ax, x), nil
	}
	return nil, unsupported(name, m)
}

func idxDense[T ordered](min bool, ax Axis, m *data.Dense[T]) *data.Dense[uint64] {
	if ax == Row {
		return idxRowDense(min, m)
	}
	return idxColDense(min, m)
}

// Cumulative computes op down each column of m (same shape and value
// type). CSR arguments go through a dense copy and give a dense result.
func Cumulative(op CumOp, m data.Matrix) (data.Matrix, error) {
	switch x := densify(m).(type) {
	case *data.Dense[float64]:
		return cumDense(op, x), nil
	case *data.Dense[float32]:
		return cumDense(op, x), nil
	case *data.Dense[int64]:
		return cumDense(op, x), nil
	case *data.Dense[int32]:
		return cumDense(op, x), nil
	case *data.Dense[int8]:
		return cumDense(op, x), nil
	case *data.Dense[uint64]:
		return cumDense(op, x), nil
	case *data.Dense[uint32]:
		return cumDense(op, x), nil
	case *data.Dense[uint8]:
		return cumDense(op, x), nil
	}
	return nil, unsupported(op.String(), m)
}

// Grouped computes op per group: row q of the k x m result aggregates the
// rows i of m with groups[i] == q (see grp.go for empty groups). groups is
// an n x 1 matrix of integral ids in [0, k).
func Grouped(op Op, m, groups data.Matrix, k int) (data.Matrix, error) {
	name := op.String() + "Grp"
	ids, err := groupIDs(name, groups, m.Rows(), k)
	if err != nil {
		return nil, err
	}
	switch x := densify(m).(type) {
	case *data.Dense[float64]:
		return grpDense(name, op, x, ids, k)
	case *data.Dense[float32]:
		return grpDense(name, op, x, ids, k)
	case *data.Dense[int64]:
		return grpDense(name, op, x, ids, k)
	case *data.Dense[int32]:
		return grpDense(name, op, x, ids, k)
	case *data.Dense[int8]:
		return grpDense(name, op, x, ids, k)
	case *data.Dense[uint64]:
		return grpDense(name, op, x, ids, k)
	case *data.Dense[uint32]:
		return grpDense(name, op, x, ids, k)
	case *data.Dense[uint8]:
		return grpDense(name, op, x, ids, k)
	}
	return nil, unsupported(name, m)
}

func grpDense[T data.Number](name string, op Op, m *data.Dense[T], ids []int, k int) (data.Matrix, error) {
	switch {
	case !op.isStat():
		r, err := grpReduce(name, op, m, ids, k)
		if err != nil {
			return nil, err
		}
		return r, nil
	case isF32[T]():
		return grpStat[T, float32](op, m, ids, k), nil
	}
	return grpStat[T, float64](op, m, ids, k), nil
}

// Count returns the number of rows of m in each of the k groups, repeated in
// every column (k x m, size-typed).
func Count(m, groups data.Matrix, k int) (data.Matrix, error) {
	ids, err := groupIDs("countGrp", groups, m.Rows(), k)
	if err != nil {
		return nil, err
	}
	return grpCount(ids, k, m.Cols()), nil
}
