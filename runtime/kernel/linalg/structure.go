package linalg

import (
	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// Structural ops: diagMatrix, diagVector, lowerTri and upperTri. They move
// cells without arithmetic, so they work on every value type (strings
// included, except where a cell would have to become 1); the result has
// the argument's value type. diagVector and lowerTri/upperTri read CSR
// arguments directly (see structure_csr.go; the triangle of a CSR matrix is
// CSR); diagMatrix densifies its (vector) argument.

// DiagMatrix returns the n x n matrix with the n x 1 column vector v on its
// diagonal and zeros elsewhere.
func DiagMatrix(v data.Matrix) (data.Matrix, error) {
	if v.Cols() != 1 {
		return nil, errorf(ErrShape, "diagMatrix: the argument must be a column vector (n x 1), got %s", shape(v))
	}
	if err := checkCells("diagMatrix", v.Rows(), v.Rows()); err != nil {
		return nil, err
	}
	switch x := toDense(v).(type) {
	case *data.Dense[float64]:
		return diagMatrix(x), nil
	case *data.Dense[float32]:
		return diagMatrix(x), nil
	case *data.Dense[int64]:
		return diagMatrix(x), nil
	case *data.Dense[int32]:
		return diagMatrix(x), nil
	case *data.Dense[int8]:
		return diagMatrix(x), nil
	case *data.Dense[uint64]:
		return diagMatrix(x), nil
	case *data.Dense[uint32]:
		return diagMatrix(x), nil
	case *data.Dense[uint8]:
		return diagMatrix(x), nil
	case *data.Dense[bool]:
		return diagMatrix(x), nil
	case *data.Dense[string]:
		return diagMatrix(x), nil
	}
	return nil, errorf(ErrValueType, "diagMatrix: unsupported argument %s", data.Describe(v))
}

func diagMatrix[T data.Elem](v *data.Dense[T]) *data.Dense[T] {
	n := v.Rows()
	d := data.NewDenseVT[T](v.ValueType(), n, n)
	for i, x := range v.Data {
		d.Data[i*n+i] = x
	}
	return d
}

// DiagVector returns the diagonal of the square matrix m as an n x 1 vector.
func DiagVector(m data.Matrix) (data.Matrix, error) {
	if m.Rows() != m.Cols() {
		return nil, errorf(ErrShape, "diagVector: the matrix must be square, got %s", shape(m))
	}
	if res, ok := csrDiagVector(m); ok {
		return res, nil
	}
	switch x := toDense(m).(type) {
	case *data.Dense[float64]:
		return diagVector(x), nil
	case *data.Dense[float32]:
		return diagVector(x), nil
	case *data.Dense[int64]:
		return diagVector(x), nil
	case *data.Dense[int32]:
		return diagVector(x), nil
	case *data.Dense[int8]:
		return diagVector(x), nil
	case *data.Dense[uint64]:
		return diagVector(x), nil
	case *data.Dense[uint32]:
		return diagVector(x), nil
	case *data.Dense[uint8]:
		return diagVector(x), nil
	case *data.Dense[bool]:
		return diagVector(x), nil
	case *data.Dense[string]:
		return diagVector(x), nil
	}
	return nil, errorf(ErrValueType, "diagVector: unsupported argument %s", data.Describe(m))
}

func diagVector[T data.Elem](m *data.Dense[T]) *data.Dense[T] {
	n := m.Rows()
	d := data.NewDenseVT[T](m.ValueType(), n, 1)
	for i := range d.Data {
		d.Data[i] = m.Data[i*n+i]
	}
	return d
}

// Tri returns the upper (upper = true) or lower triangle of the square
// matrix m, as DAPHNE's lowerTri/upperTri: cells strictly above (below) the
// diagonal are kept, the diagonal too when diag is true, everything else
// becomes zero; when values is false every kept non-zero cell becomes 1.
func Tri(m data.Matrix, upper, diag, values bool) (data.Matrix, error) {
	name := "lowerTri"
	if upper {
		name = "upperTri"
	}
	if m.Rows() != m.Cols() {
		return nil, errorf(ErrShape, "%s: the matrix must be square, got %s", name, shape(m))
	}
	if m.ValueType() == types.Str && !values {
		return nil, errorf(ErrValueType, "%s: values=false needs a numeric matrix, got %s", name, data.Describe(m))
	}
	if res, ok := csrTri(m, upper, diag, values); ok {
		return res, nil
	}
	var res data.Matrix
	switch x := m.(type) {
	case *data.Dense[float64]:
		res = tri(x, upper, diag, values, 1)
	case *data.Dense[float32]:
		res = tri(x, upper, diag, values, 1)
	case *data.Dense[int64]:
		res = tri(x, upper, diag, values, 1)
	case *data.Dense[int32]:
		res = tri(x, upper, diag, values, 1)
	case *data.Dense[int8]:
		res = tri(x, upper, diag, values, 1)
	case *data.Dense[uint64]:
		res = tri(x, upper, diag, values, 1)
	case *data.Dense[uint32]:
		res = tri(x, upper, diag, values, 1)
	case *data.Dense[uint8]:
		res = tri(x, upper, diag, values, 1)
	case *data.Dense[bool]:
		res = tri(x, upper, diag, values, true)
	case *data.Dense[string]:
		res = tri(x, upper, diag, values, "")
	default:
		return nil, errorf(ErrValueType, "%s: unsupported argument %s", name, data.Describe(m))
	}
	return res, nil
}

func tri[T data.Elem](m *data.Dense[T], upper, diag, values bool, one T) *data.Dense[T] {
	n := m.Rows()
	d := data.NewDenseVT[T](m.ValueType(), n, n)
	var zero T
	for i := 0; i < n; i++ {
		lo, hi := 0, i // strictly lower: columns [0, i)
		if upper {
			lo, hi = i+1, n
		}
		if diag {
			if upper {
				lo = i
			} else {
				hi = i + 1
			}
		}
		src, dst := m.Row(i)[lo:hi], d.Row(i)[lo:hi]
		for j, v := range src {
			if v != zero && !values {
				v = one
			}
			dst[j] = v
		}
	}
	return d
}

func opDiagMatrix(_ *opsCtx, args []data.Value, _ map[string]string) ([]data.Value, error) {
	if err := arity("diagMatrix", args, 1, 1); err != nil {
		return nil, err
	}
	ms, err := matrices("diagMatrix", args, "arg")
	if err != nil {
		return nil, err
	}
	return one(DiagMatrix(ms[0]))
}

func opDiagVector(_ *opsCtx, args []data.Value, _ map[string]string) ([]data.Value, error) {
	if err := arity("diagVector", args, 1, 1); err != nil {
		return nil, err
	}
	ms, err := matrices("diagVector", args, "arg")
	if err != nil {
		return nil, err
	}
	return one(DiagVector(ms[0]))
}

func opTri(upper bool) func(*opsCtx, []data.Value, map[string]string) ([]data.Value, error) {
	name := "lowerTri"
	if upper {
		name = "upperTri"
	}
	return func(_ *opsCtx, args []data.Value, _ map[string]string) ([]data.Value, error) {
		if err := arity(name, args, 3, 3); err != nil {
			return nil, err
		}
		ms, err := matrices(name, args, "arg")
		if err != nil {
			return nil, err
		}
		diag, err := data.BoolArg(args[1], name+": diag")
		if err != nil {
			return nil, err
		}
		values, err := data.BoolArg(args[2], name+": values")
		if err != nil {
			return nil, err
		}
		return one(Tri(ms[0], upper, diag, values))
	}
}
