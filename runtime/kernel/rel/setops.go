package rel

import (
	"context"
	"slices"

	"github.com/daphne-go/daphne/runtime/data"
)

// Intersect returns the distinct rows of lhs that also occur in rhs (whole
// rows compared, NaN equal to NaN), in the order of their first occurrence
// in lhs, with lhs's labels. Both frames must have the same value types.
func Intersect(ctx context.Context, lhs, rhs *data.Frame, o Options) (*data.Frame, error) {
	return setOp(ctx, "intersect", lhs, rhs, true, o)
}

// Except returns the distinct rows of lhs that do not occur in rhs, in the
// order of their first occurrence in lhs, with lhs's labels.
func Except(ctx context.Context, lhs, rhs *data.Frame, o Options) (*data.Frame, error) {
	return setOp(ctx, "except", lhs, rhs, false, o)
}

// Merge returns the rows of lhs followed by the rows of rhs (SQL's UNION
// ALL), with lhs's labels. Both frames must have the same value types.
func Merge(lhs, rhs *data.Frame) (*data.Frame, error) {
	if err := sameSchema("merge", lhs, rhs); err != nil {
		return nil, err
	}
	if err := checkRows("merge: the result", lhs.Rows()+rhs.Rows()); err != nil {
		return nil, err
	}
	cols := make([]data.Matrix, lhs.Cols())
	for j := range cols {
		c, err := concatColumns(lhs.Column(j), rhs.Column(j))
		if err != nil {
			return nil, err
		}
		cols[j] = c
	}
	return data.NewFrameRows(lhs.Rows()+rhs.Rows(), cols, lhs.Labels())
}

func setOp(ctx context.Context, op string, lhs, rhs *data.Frame, keep bool, o Options) (*data.Frame, error) {
	r := o.runner(ctx)
	if err := sameSchema(op, lhs, rhs); err != nil {
		return nil, err
	}
	if err := checkSizes(op, lhs, rhs); err != nil {
		return nil, err
	}
	if lhs.Rows() == 0 {
		return lhs, nil
	}
	if lhs.Cols() == 0 {
		// Every row is the empty tuple: one distinct row, which rhs holds
		// when it has any row.
		n := 0
		if (rhs.Rows() > 0) == keep {
			n = 1
		}
		return data.NewFrameRows(n, nil, nil)
	}
	lk, err := frameKeys(lhs)
	if err != nil {
		return nil, err
	}
	rk, err := frameKeys(rhs)
	if err != nil {
		return nil, err
	}
	ld, lcodes, err := buildKeys(r, lk)
	if err != nil {
		return nil, err
	}
	first := firstRows(lcodes, ld.size())
	found := make([]int32, lhs.Rows())
	for i := range found {
		found[i] = noCode
	}
	if rhs.Rows() > 0 {
		rd, _, err := buildKeys(r, rk)
		if err != nil {
			return nil, err
		}
		if found, err = rd.probe(r, lk); err != nil {
			return nil, err
		}
	}
	var idx []int32
	for _, row := range first {
		if (found[row] >= 0) == keep {
			idx = append(idx, row)
		}
	}
	cols, err := gatherFrame(r, lhs, idx)
	if err != nil {
		return nil, err
	}
	return data.NewFrame(cols, lhs.Labels())
}

// sameSchema requires equally many columns with equal value types.
func sameSchema(op string, lhs, rhs *data.Frame) error {
	if !slices.Equal(lhs.Schema(), rhs.Schema()) {
		return errorf(ErrSchema, "%s: the frames must have the same number of columns with the same value types, got %s and %s",
			op, lhs.Header(), rhs.Header())
	}
	return nil
}
