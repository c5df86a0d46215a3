package rel

import (
	"context"
	"fmt"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// GroupSum returns one row per distinct combination of the columns labelled
// groupBy, sorted ascending by them, with those columns and the sum of the
// column sumCol over the group's rows (label "SUM(sumCol)", sumCol's value
// type; integer sums wrap around as the type's arithmetic does).
func GroupSum(ctx context.Context, f *data.Frame, groupBy []string, sumCol string, o Options) (*data.Frame, error) {
	const op = "groupSum"
	r := o.runner(ctx)
	if len(groupBy) == 0 {
		return nil, errorf(ErrArgument, "%s: expects at least one column to group by", op)
	}
	if err := checkRows(op+": the frame", f.Rows()); err != nil {
		return nil, err
	}
	labels := append(append([]string(nil), groupBy...), "SUM("+sumCol+")")
	if err := uniqueLabels(op, labels); err != nil {
		return nil, err
	}
	vals, _, err := column(op, "input", f, sumCol)
	if err != nil {
		return nil, err
	}
	if err := summable(op, sumCol, vals.ValueType()); err != nil {
		return nil, err
	}
	grp := make([]data.Matrix, len(groupBy))
	keys := make([]keyVec, len(groupBy))
	for i, l := range groupBy {
		if grp[i], _, err = column(op, "input", f, l); err != nil {
			return nil, err
		}
		if keys[i], err = newKeyVec(grp[i], true); err != nil {
			return nil, err
		}
	}
	if f.Rows() == 0 {
		return emptyLike(append(grp, vals), labels)
	}
	d, codes, err := buildKeys(r, keys)
	if err != nil {
		return nil, err
	}
	g := d.size()
	sums, err := sumBy(vals, codes, g, nil)
	if err != nil {
		return nil, err
	}
	first := firstRows(codes, g)
	perm := sortGroups(grp, first)
	rows := make([]int32, g)
	for i, c := range perm {
		rows[i] = first[c]
	}
	cols := make([]data.Matrix, 0, len(labels))
	for _, c := range grp {
		gc, err := gather(r, c, rows)
		if err != nil {
			return nil, err
		}
		cols = append(cols, gc)
	}
	sc, err := gather(r, sums, perm)
	if err != nil {
		return nil, err
	}
	return data.NewFrame(append(cols, sc), labels)
}

// GroupJoin returns, for every distinct key of the lhs column lhsOn that
// matches at least one row of the rhs column rhsOn, the key and the sum of
// the rhs column rhsAgg over the matching rhs rows (labels lhsOn and
// "SUM(rhsAgg)"), in the order of the key's first lhs row; and, as a size
// matrix, the position of that first lhs row.
func GroupJoin(ctx context.Context, lhs, rhs *data.Frame, lhsOn, rhsOn, rhsAgg string, o Options) (*data.Frame, data.Matrix, error) {
	const op = "groupJoin"
	r := o.runner(ctx)
	if err := checkSizes(op, lhs, rhs); err != nil {
		return nil, nil, err
	}
	labels := []string{lhsOn, "SUM(" + rhsAgg + ")"}
	if err := uniqueLabels(op, labels); err != nil {
		return nil, nil, err
	}
	agg, _, err := column(op, "rhs", rhs, rhsAgg)
	if err != nil {
		return nil, nil, err
	}
	if err := summable(op, rhsAgg, agg.ValueType()); err != nil {
		return nil, nil, err
	}
	key, _, err := column(op, "lhs", lhs, lhsOn)
	if err != nil {
		return nil, nil, err
	}
	lk, rk, err := joinKeys(op, lhs, rhs, []string{lhsOn}, []string{rhsOn}, false)
	if err != nil {
		return nil, nil, err
	}
	d, lcodes, err := buildKeys(r, lk)
	if err != nil {
		return nil, nil, err
	}
	g := d.size()
	rcodes, err := d.probe(r, rk)
	if err != nil {
		return nil, nil, err
	}
	matched := make([]bool, g)
	sums, err := sumBy(agg, rcodes, g, matched)
	if err != nil {
		return nil, nil, err
	}
	first := firstRows(lcodes, g)
	var groups, rows []int32
	for c, m := range matched {
		if m {
			groups, rows = append(groups, int32(c)), append(rows, first[c])
		}
	}
	kc, err := gather(r, key, rows)
	if err != nil {
		return nil, nil, err
	}
	sc, err := gather(r, sums, groups)
	if err != nil {
		return nil, nil, err
	}
	f, err := data.NewFrame([]data.Matrix{kc, sc}, labels)
	if err != nil {
		return nil, nil, err
	}
	return f, positions(rows), nil
}

// summable rejects sums over strings and booleans.
func summable(op, label string, vt types.ValueType) error {
	if vt == types.Str || vt == types.Bool {
		return errorf(ErrValueType, "%s: cannot sum column %q of value type %s (expected a numeric column)", op, label, vt)
	}
	return nil
}

func uniqueLabels(op string, labels []string) error {
	seen := make(map[string]bool, len(labels))
	for _, l := range labels {
		if seen[l] {
			return errorf(ErrDuplicateLabel, "%s: the result would have two columns labelled %q", op, l)
		}
		seen[l] = true
	}
	return nil
}

// emptyLike returns a frame with no rows and the value types of cols.
func emptyLike(cols []data.Matrix, labels []string) (*data.Frame, error) {
	schema := make([]types.ValueType, len(cols))
	for i, c := range cols {
		schema[i] = c.ValueType()
	}
	return data.EmptyFrame(schema, labels)
}

// firstRows returns the first row of every code 0 .. g-1. Codes are given in
// first-occurrence order, so code c first appears after code c-1 did.
func firstRows(codes []int32, g int) []int32 {
	first := make([]int32, g)
	next := int32(0)
	for i, c := range codes {
		if c == next {
			first[next] = int32(i)
			next++
			if int(next) == g {
				break
			}
		}
	}
	return first
}

// sumBy returns the sums of col's rows per code (rows with noCode skipped),
// each accumulated in row order; matched, if not nil, records the codes that
// occurred.
func sumBy(col data.Matrix, codes []int32, g int, matched []bool) (data.Matrix, error) {
	vt := col.ValueType()
	switch d := col.(type) {
	case *data.Dense[float64]:
		return sumByT(vt, d.Data, codes, g, matched), nil
	case *data.Dense[float32]:
		return sumByT(vt, d.Data, codes, g, matched), nil
	case *data.Dense[int64]:
		return sumByT(vt, d.Data, codes, g, matched), nil
	case *data.Dense[int32]:
		return sumByT(vt, d.Data, codes, g, matched), nil
	case *data.Dense[int8]:
		return sumByT(vt, d.Data, codes, g, matched), nil
	case *data.Dense[uint64]:
		return sumByT(vt, d.Data, codes, g, matched), nil
	case *data.Dense[uint32]:
		return sumByT(vt, d.Data, codes, g, matched), nil
	case *data.Dense[uint8]:
		return sumByT(vt, d.Data, codes, g, matched), nil
	}
	return nil, fmt.Errorf("rel: internal error: summing %s", data.Describe(col))
}

func sumByT[T data.Number](vt types.ValueType, v []T, codes []int32, g int, matched []bool) data.Matrix {
	s := make([]T, g)
	v = v[:len(codes)]
	if matched == nil {
		for i, c := range codes {
			if c >= 0 {
				s[c] += v[i]
			}
		}
	} else {
		for i, c := range codes {
			if c >= 0 {
				s[c] += v[i]
				matched[c] = true
			}
		}
	}
	return data.DenseFromVT(vt, g, 1, s)
}
