package meta

import (
	"fmt"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
	"github.com/daphne-go/daphne/types"
)

// Register adds the IR ops nrow, ncol, ncell, sparsity, isSymmetric, now,
// stop, startProfiling and stopProfiling.
func Register(r *ops.Registry) {
	r.Register("nrow", shapeOp("nrow", func(m data.Matrix) int { return m.Rows() }))
	r.Register("ncol", shapeOp("ncol", func(m data.Matrix) int { return m.Cols() }))
	r.Register("ncell", shapeOp("ncell", func(m data.Matrix) int { return m.Rows() * m.Cols() }))
	r.Register("sparsity", sparsityOp)
	r.Register("isSymmetric", isSymmetricOp)
	r.Register("now", nowOp)
	r.Register("stop", stopOp)
	r.Register("startProfiling", profilingOp("startProfiling"))
	r.Register("stopProfiling", profilingOp("stopProfiling"))
}

// oneMatrix checks that op got exactly one argument, a matrix.
func oneMatrix(op string, args []data.Value) (data.Matrix, error) {
	if len(args) != 1 {
		return nil, fmt.Errorf("%s takes 1 argument, got %d", op, len(args))
	}
	m, ok := args[0].(data.Matrix)
	if !ok {
		return nil, fmt.Errorf("%s needs a matrix, got %s", op, data.Describe(args[0]))
	}
	return m, nil
}

// shapeOp returns a size-typed dimension query (of a matrix or a frame).
func shapeOp(name string, dim func(data.Matrix) int) ops.Func {
	return func(_ *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
		if v, ok := frameShape(name, args); ok {
			return ops.Results(v), nil
		}
		m, err := oneMatrix(name, args)
		if err != nil {
			return nil, err
		}
		return ops.Results(data.SizeScalar(uint64(dim(m)))), nil
	}
}

// Sparsity returns the fraction of non-zero cells of m (0 for no cells).
func Sparsity(m data.Matrix) (float64, error) {
	k, err := kernelFor(m.ValueType())
	if err != nil {
		return 0, err
	}
	cells := m.Rows() * m.Cols()
	if cells == 0 {
		return 0, nil
	}
	return float64(k.nonZeros(m)) / float64(cells), nil
}

func sparsityOp(_ *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
	m, err := oneMatrix("sparsity", args)
	if err != nil {
		return nil, err
	}
	s, err := Sparsity(m)
	if err != nil {
		return nil, err
	}
	return ops.Results(data.F64(s)), nil
}

// IsSymmetric reports whether the square matrix m equals its transpose
// (NaN cells are never equal). Matrices with at most one row are
// symmetric; a non-square matrix is an error naming its shape.
func IsSymmetric(m data.Matrix) (bool, error) {
	if m.Rows() != m.Cols() {
		return false, fmt.Errorf("isSymmetric needs a square matrix, got %s", data.Describe(m))
	}
	k, err := kernelFor(m.ValueType())
	if err != nil {
		return false, err
	}
	return k.symmetric(m), nil
}

func isSymmetricOp(_ *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
	m, err := oneMatrix("isSymmetric", args)
	if err != nil {
		return nil, err
	}
	s, err := IsSymmetric(m)
	if err != nil {
		return nil, err
	}
	return ops.Results(data.Bool(s)), nil
}

// kernel holds the element-type specific parts of this package.
type kernel interface {
	nonZeros(m data.Matrix) int
	symmetric(m data.Matrix) bool
}

type impl[T data.Elem] struct{}

// kernelFor selects the instantiation for vt (the package's one type switch).
func kernelFor(vt types.ValueType) (kernel, error) {
	switch vt {
	case types.F64:
		return impl[float64]{}, nil
	case types.F32:
		return impl[float32]{}, nil
	case types.SI64:
		return impl[int64]{}, nil
	case types.SI32:
		return impl[int32]{}, nil
	case types.SI8:
		return impl[int8]{}, nil
	case types.UI64, types.Size:
		return impl[uint64]{}, nil
	case types.UI32:
		return impl[uint32]{}, nil
	case types.UI8:
		return impl[uint8]{}, nil
	case types.Bool:
		return impl[bool]{}, nil
	case types.Str:
		return impl[string]{}, nil
	}
	return nil, fmt.Errorf("unsupported value type %v", vt)
}

func (impl[T]) nonZeros(m data.Matrix) int {
	var vals []T
	switch x := m.(type) {
	case *data.Dense[T]:
		vals = x.Data
	case *data.CSR[T]:
		vals = x.Values
	default:
		panic(fmt.Sprintf("meta: unexpected matrix %T", m))
	}
	var zero T
	n := 0
	for _, v := range vals {
		if v != zero {
			n++
		}
	}
	return n
}

func (impl[T]) symmetric(m data.Matrix) bool {
	switch x := m.(type) {
	case *data.Dense[T]:
		n := x.Rows()
		for i := 0; i < n; i++ {
			row := x.Row(i)
			for j := i + 1; j < n; j++ {
				if row[j] != x.Data[j*n+i] {
					return false
				}
			}
		}
		return true
	case *data.CSR[T]:
		// Every stored (i, j, v) must be mirrored by an equal (j, i); cells
		// stored on only one side compare against the implicit zero.
		for i := 0; i < x.Rows(); i++ {
			for p := x.RowPtr[i]; p < x.RowPtr[i+1]; p++ {
				if j := x.ColIdx[p]; j != i && x.At(j, i) != x.Values[p] {
					return false
				}
			}
		}
		return true
	}
	panic(fmt.Sprintf("meta: unexpected matrix %T", m))
}
