package reorg

import (
	"fmt"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
)

// Register adds the reorganisation ops reshape, transpose, cbind, rbind,
// reverse and order to r (cbind, rbind and order also of frames).
func Register(r *ops.Registry) {
	r.Register("reshape", opReshape)
	r.Register("transpose", unary("transpose", Transpose))
	r.Register("reverse", unary("reverse", Reverse))
	r.Register("cbind", bindFrames("cbind", CbindFrames, binary("cbind", Cbind)))
	r.Register("rbind", bindFrames("rbind", RbindFrames, binary("rbind", Rbind)))
	r.Register("order", opOrder)
}

func unary(name string, f func(data.Matrix) (data.Matrix, error)) ops.Func {
	return func(_ *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
		if len(args) != 1 {
			return nil, fmt.Errorf("%s expects 1 argument, got %d", name, len(args))
		}
		m, err := data.MatrixArg(args[0], name+": argument")
		if err != nil {
			return nil, err
		}
		res, err := f(m)
		if err != nil {
			return nil, err
		}
		return ops.Results(res), nil
	}
}

func binary(name string, f func(a, b data.Matrix) (data.Matrix, error)) ops.Func {
	return func(_ *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
		if len(args) != 2 {
			return nil, fmt.Errorf("%s expects 2 arguments, got %d", name, len(args))
		}
		a, err := data.MatrixArg(args[0], name+": lhs")
		if err != nil {
			return nil, err
		}
		b, err := data.MatrixArg(args[1], name+": rhs")
		if err != nil {
			return nil, err
		}
		res, err := f(a, b)
		if err != nil {
			return nil, err
		}
		return ops.Results(res), nil
	}
}

func opReshape(_ *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
	if len(args) != 3 {
		return nil, fmt.Errorf("reshape expects 3 arguments, got %d", len(args))
	}
	m, err := data.MatrixArg(args[0], "reshape: argument")
	if err != nil {
		return nil, err
	}
	rows, err := data.DimArg(args[1], "reshape: numRows")
	if err != nil {
		return nil, err
	}
	cols, err := data.DimArg(args[2], "reshape: numCols")
	if err != nil {
		return nil, err
	}
	res, err := Reshape(m, rows, cols)
	if err != nil {
		return nil, err
	}
	return ops.Results(res), nil
}

// opOrder reads order(X, colIdx..., asc..., returnIndexes): 2k+2 arguments
// for k >= 1 sort columns.
func opOrder(_ *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
	n := len(args)
	if n < 4 || n%2 != 0 {
		return nil, fmt.Errorf("order expects an even number of at least 4 arguments (X, colIdxs..., ascs..., returnIndexes), got %d", n)
	}
	if f, ok := args[0].(*data.Frame); ok {
		return opOrderFrame(f, args)
	}
	m, err := data.MatrixArg(args[0], "order: argument")
	if err != nil {
		return nil, err
	}
	k := (n - 2) / 2
	cols := make([]int, k)
	ascs := make([]bool, k)
	for i := range k {
		c, err := data.IntArg(args[1+i], fmt.Sprintf("order: column index %d", i))
		if err != nil {
			return nil, err
		}
		if c < 0 || c >= int64(m.Cols()) {
			return nil, fmt.Errorf("order: column index %d is out of range for %s", c, data.Describe(m))
		}
		cols[i] = int(c)
		if ascs[i], err = data.BoolArg(args[1+k+i], fmt.Sprintf("order: sort direction %d", i)); err != nil {
			return nil, err
		}
	}
	idx, err := data.BoolArg(args[n-1], "order: returnIndexes")
	if err != nil {
		return nil, err
	}
	res, err := Order(m, cols, ascs, idx)
	if err != nil {
		return nil, err
	}
	return ops.Results(res), nil
}
