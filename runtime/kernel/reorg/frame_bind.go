package reorg

import (
	"fmt"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
)

// CbindFrames places the columns of b to the right of those of a, as
// DAPHNE's ColBind of frames: both must have the same number of rows, and
// the labels of the result must be unique. The columns are shared, not
// copied.
func CbindFrames(a, b *data.Frame) (*data.Frame, error) {
	if a.Rows() != b.Rows() {
		return nil, fmt.Errorf("cbind: both frames must have the same number of rows, got %s and %s", a.Header(), b.Header())
	}
	for j := 0; j < b.Cols(); j++ {
		if k, dup := a.ColumnIndex(b.Label(j)); dup {
			return nil, fmt.Errorf("cbind: column label %q is in both frames (column %d of the first and %d of the second), but the labels of a frame must be unique; rename columns with setColLabels or setColLabelsPrefix",
				b.Label(j), k, j)
		}
	}
	f, err := data.NewFrameRows(a.Rows(), append(a.Columns(), b.Columns()...), append(a.Labels(), b.Labels()...))
	if err != nil {
		return nil, fmt.Errorf("cbind: %w", err)
	}
	return f, nil
}

// RbindFrames places the rows of b below those of a, as DAPHNE's RowBind of
// frames: both must have the same number of columns and, column by column,
// the same value type and label; the first difference is reported.
func RbindFrames(a, b *data.Frame) (*data.Frame, error) {
	if a.Cols() != b.Cols() {
		return nil, fmt.Errorf("rbind: both frames must have the same number of columns, got %s and %s", a.Header(), b.Header())
	}
	cols := make([]data.Matrix, a.Cols())
	for j := range cols {
		ca, cb := a.Column(j), b.Column(j)
		if ca.ValueType() != cb.ValueType() {
			return nil, fmt.Errorf("rbind: both frames must have the same schema, but column %d (%q) is %s in the first and %s in the second",
				j, a.Label(j), ca.ValueType().CppName(), cb.ValueType().CppName())
		}
		if a.Label(j) != b.Label(j) {
			return nil, fmt.Errorf("rbind: both frames must have the same column labels, but column %d is %q in the first and %q in the second",
				j, a.Label(j), b.Label(j))
		}
		k, ok := kits[ca.ValueType()]
		if !ok {
			return nil, fmt.Errorf("rbind: unsupported column %q of %s", a.Label(j), a.Header())
		}
		cols[j] = k.bind(ca, cb, false)
	}
	f, err := data.NewFrameRows(a.Rows()+b.Rows(), cols, a.Labels())
	if err != nil {
		return nil, fmt.Errorf("rbind: %w", err)
	}
	return f, nil
}

// bindFrames wraps the matrix op of cbind or rbind (name) with the frame
// case: two frames go to frames, a frame with anything else is an error,
// and everything else goes to matrixOp.
func bindFrames(name string, frames func(a, b *data.Frame) (*data.Frame, error), matrixOp ops.Func) ops.Func {
	return func(c *ops.Ctx, args []data.Value, attrs map[string]string) ([]data.Value, error) {
		if len(args) != 2 {
			return matrixOp(c, args, attrs)
		}
		fa, aIsFrame := args[0].(*data.Frame)
		fb, bIsFrame := args[1].(*data.Frame)
		switch {
		case aIsFrame && bIsFrame:
			f, err := frames(fa, fb)
			if err != nil {
				return nil, err
			}
			return ops.Results(f), nil
		case aIsFrame || bIsFrame:
			return nil, fmt.Errorf("%s: cannot bind %s and %s: both arguments must be frames or both matrices (convert with as.frame or as.matrix)",
				name, data.Describe(args[0]), data.Describe(args[1]))
		}
		return matrixOp(c, args, attrs)
	}
}
