package rel

import (
	"context"

	"github.com/daphne-go/daphne/runtime/data"
)

// Cartesian returns every lhs row paired with every rhs row, lhs-major, with
// lhs's columns followed by rhs's.
func Cartesian(ctx context.Context, lhs, rhs *data.Frame, o Options) (*data.Frame, error) {
	r := o.runner(ctx)
	labels, err := joinLabels("cartesian", lhs, rhs)
	if err != nil {
		return nil, err
	}
	nl, nr := lhs.Rows(), rhs.Rows()
	if nl > 0 && nr > 0 && nl > (1<<31-1)/nr {
		return nil, errorf(ErrTooLarge, "cartesian: the result would have %d x %d rows; at most %d are supported", nl, nr, 1<<31-1)
	}
	n := nl * nr
	lIdx, rIdx := make([]int32, n), make([]int32, n)
	err = r.each(n, r.parts(n), func(_, lo, hi int) {
		for k := lo; k < hi; k++ {
			lIdx[k], rIdx[k] = int32(k/nr), int32(k%nr)
		}
	})
	if err != nil {
		return nil, err
	}
	return assemble(r, lhs, rhs, lIdx, rIdx, labels)
}

// InnerJoin returns the lhs and rhs columns of every pair of rows with equal
// keys (lhs column lhsOn, rhs column rhsOn), in lhs row order and, for one
// lhs row, in rhs row order.
func InnerJoin(ctx context.Context, lhs, rhs *data.Frame, lhsOn, rhsOn string, o Options) (*data.Frame, error) {
	return join(ctx, "innerJoin", lhs, rhs, []string{lhsOn}, []string{rhsOn}, innerKind, o)
}

// InnerJoinKeys is InnerJoin on key tuples: lhs row i and rhs row j match
// when lhsOn[k] of row i equals rhsOn[k] of row j for every k.
func InnerJoinKeys(ctx context.Context, lhs, rhs *data.Frame, lhsOn, rhsOn []string, o Options) (*data.Frame, error) {
	return join(ctx, "innerJoin", lhs, rhs, lhsOn, rhsOn, innerKind, o)
}

// LeftOuterJoin is the inner join on the key tuples lhsOn = rhsOn plus one
// row for every lhs row without a match, its rhs columns set to the null
// stand-ins; all in lhs row order.
func LeftOuterJoin(ctx context.Context, lhs, rhs *data.Frame, lhsOn, rhsOn []string, o Options) (*data.Frame, error) {
	return join(ctx, "leftOuterJoin", lhs, rhs, lhsOn, rhsOn, leftKind, o)
}

// FullOuterJoin is the left outer join followed by the rhs rows without a
// match (rhs row order), their lhs columns set to the null stand-ins.
func FullOuterJoin(ctx context.Context, lhs, rhs *data.Frame, lhsOn, rhsOn []string, o Options) (*data.Frame, error) {
	return join(ctx, "fullOuterJoin", lhs, rhs, lhsOn, rhsOn, fullKind, o)
}

// AntiJoin returns the lhs rows whose key tuple has no match in rhs.
func AntiJoin(ctx context.Context, lhs, rhs *data.Frame, lhsOn, rhsOn []string, o Options) (*data.Frame, error) {
	r := o.runner(ctx)
	lcodes, err := probeOnly(r, "antiJoin", lhs, rhs, lhsOn, rhsOn)
	if err != nil {
		return nil, err
	}
	idx := selectRows(lcodes, false)
	cols, err := gatherFrame(r, lhs, idx)
	if err != nil {
		return nil, err
	}
	return data.NewFrame(cols, lhs.Labels())
}

// SemiJoin returns a one-column frame (label lhsOn) with the key of every lhs
// row that has a match in rhs, in lhs row order, and those rows' positions
// as a size matrix.
func SemiJoin(ctx context.Context, lhs, rhs *data.Frame, lhsOn, rhsOn string, o Options) (*data.Frame, data.Matrix, error) {
	r := o.runner(ctx)
	lcodes, err := probeOnly(r, "semiJoin", lhs, rhs, []string{lhsOn}, []string{rhsOn})
	if err != nil {
		return nil, nil, err
	}
	idx := selectRows(lcodes, true)
	key, _, err := column("semiJoin", "lhs", lhs, lhsOn)
	if err != nil {
		return nil, nil, err
	}
	kc, err := gather(r, key, idx)
	if err != nil {
		return nil, nil, err
	}
	f, err := data.NewFrame([]data.Matrix{kc}, []string{lhsOn})
	if err != nil {
		return nil, nil, err
	}
	return f, positions(idx), nil
}

// joinKind selects what join produces beyond the matching pairs.
type joinKind int

const (
	innerKind joinKind = iota // matching pairs only
	leftKind                  // plus unmatched lhs rows
	fullKind                  // plus unmatched lhs and rhs rows
)

// join is the hash join of lhs and rhs on the key tuples lhsOn = rhsOn:
// build on rhs, probe with lhs, output as kind says.
func join(ctx context.Context, op string, lhs, rhs *data.Frame, lhsOn, rhsOn []string, kind joinKind, o Options) (*data.Frame, error) {
	r := o.runner(ctx)
	if err := checkSizes(op, lhs, rhs); err != nil {
		return nil, err
	}
	labels, err := joinLabels(op, lhs, rhs)
	if err != nil {
		return nil, err
	}
	lk, rk, err := joinKeys(op, lhs, rhs, lhsOn, rhsOn, false)
	if err != nil {
		return nil, err
	}
	ix, err := buildIndex(r, rk)
	if err != nil {
		return nil, err
	}
	lcodes, lIdx, rIdx, err := ix.pairs(r, lk, kind != innerKind)
	if err != nil {
		return nil, err
	}
	if kind == fullKind {
		lIdx, rIdx, err = ix.appendUnmatched(lcodes, lIdx, rIdx)
		if err != nil {
			return nil, err
		}
	}
	return assemble(r, lhs, rhs, lIdx, rIdx, labels)
}

// probeOnly returns the code of every lhs row's key tuple in the dictionary
// of the rhs key tuples (noCode: no match).
func probeOnly(r runner, op string, lhs, rhs *data.Frame, lhsOn, rhsOn []string) ([]int32, error) {
	if err := checkSizes(op, lhs, rhs); err != nil {
		return nil, err
	}
	lk, rk, err := joinKeys(op, lhs, rhs, lhsOn, rhsOn, false)
	if err != nil {
		return nil, err
	}
	d, _, err := buildKeys(r, rk)
	if err != nil {
		return nil, err
	}
	return d.probe(r, lk)
}

// selectRows returns the rows whose code is (matched) or is not (!matched)
// a match.
func selectRows(codes []int32, matched bool) []int32 {
	var idx []int32
	for i, c := range codes {
		if (c >= 0) == matched {
			idx = append(idx, int32(i))
		}
	}
	return idx
}

// positions returns row positions as an n x 1 size matrix.
func positions(idx []int32) data.Matrix {
	m := data.NewDenseVT[uint64](sizeVT, len(idx), 1)
	for i, j := range idx {
		m.Data[i] = uint64(j)
	}
	return m
}

// assemble gathers the lhs columns at lIdx and the rhs columns at rIdx into
// the result frame (lhs columns first). A nil lIdx stands for all lhs rows
// in order: the result shares lhs's columns.
func assemble(r runner, lhs, rhs *data.Frame, lIdx, rIdx []int32, labels []string) (*data.Frame, error) {
	var cols []data.Matrix
	var idx [][]int32
	for j := 0; j < lhs.Cols(); j++ {
		cols, idx = append(cols, lhs.Column(j)), append(idx, lIdx)
	}
	for j := 0; j < rhs.Cols(); j++ {
		cols, idx = append(cols, rhs.Column(j)), append(idx, rIdx)
	}
	out, err := gatherColumns(r, cols, idx)
	if err != nil {
		return nil, err
	}
	// The row count is given: frames without columns still have rows (a
	// nil index list stands for the identity, so take the longer one).
	return data.NewFrameRows(max(len(lIdx), len(rIdx)), out, labels)
}

func checkSizes(op string, lhs, rhs *data.Frame) error {
	if err := checkRows(op+": the lhs frame", lhs.Rows()); err != nil {
		return err
	}
	return checkRows(op+": the rhs frame", rhs.Rows())
}
