package rel

import (
	"strconv"
	"strings"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// Resolving key labels to key columns.

// column returns the column of f labelled label, or an error that names the
// operator, the side, the label and the labels f has.
func column(op, side string, f *data.Frame, label string) (data.Matrix, int, error) {
	j, ok := f.ColumnIndex(label)
	if !ok {
		return nil, 0, errorf(ErrLabel, "%s: the %s frame has no column labelled %q (its labels are %s)",
			op, side, label, quoteAll(f.Labels()))
	}
	return f.Column(j), j, nil
}

func quoteAll(ls []string) string {
	q := make([]string, len(ls))
	for i, l := range ls {
		q[i] = strconv.Quote(l)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// joinKeys returns the key columns of both sides as keys, converting each
// pair whose value types differ to the more general type, so that equal
// values compare equal (an si64 3 matches an f64 3.0).
func joinKeys(op string, lhs, rhs *data.Frame, lhsOn, rhsOn []string, nanEqual bool) (lk, rk []keyVec, err error) {
	if len(lhsOn) != len(rhsOn) || len(lhsOn) == 0 {
		return nil, nil, errorf(ErrArgument, "%s: expects as many lhs key labels as rhs key labels (at least one), got %d and %d",
			op, len(lhsOn), len(rhsOn))
	}
	for i := range lhsOn {
		lc, _, err := column(op, "lhs", lhs, lhsOn[i])
		if err != nil {
			return nil, nil, err
		}
		rc, _, err := column(op, "rhs", rhs, rhsOn[i])
		if err != nil {
			return nil, nil, err
		}
		if lt, rt := lc.ValueType(), rc.ValueType(); lt != rt {
			p := types.Promote(lt, rt)
			if lc, err = data.ConvertMatrix(lc, p); err != nil {
				return nil, nil, errorf(ErrValueType, "%s: key %q: %v", op, lhsOn[i], err)
			}
			if rc, err = data.ConvertMatrix(rc, p); err != nil {
				return nil, nil, errorf(ErrValueType, "%s: key %q: %v", op, rhsOn[i], err)
			}
		}
		l, err := newKeyVec(lc, nanEqual)
		if err != nil {
			return nil, nil, err
		}
		r, err := newKeyVec(rc, nanEqual)
		if err != nil {
			return nil, nil, err
		}
		lk, rk = append(lk, l), append(rk, r)
	}
	return lk, rk, nil
}

// frameKeys returns every column of f as keys (the set operations).
func frameKeys(f *data.Frame) ([]keyVec, error) {
	ks := make([]keyVec, f.Cols())
	for j := range ks {
		k, err := newKeyVec(f.Column(j), true)
		if err != nil {
			return nil, err
		}
		ks[j] = k
	}
	return ks, nil
}
