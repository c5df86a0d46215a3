package linalg

import (
	"context"
	"fmt"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/kernel/agg"
	"github.com/daphne-go/daphne/runtime/kernel/ew"
	"github.com/daphne-go/daphne/runtime/kernel/reorg"
	"github.com/daphne-go/daphne/runtime/ops"
	"github.com/daphne-go/daphne/sched"
	"github.com/daphne-go/daphne/types"
)

// spRowAggMul: the fused row aggregation of an elementwise product with a
// transposed column vector,
//
//	spRowAggMul(G, c) {agg=max} = aggMaxRow(ewMul(G, transpose(c)))
//	spRowAggMul(G, c) {agg=min} = aggMinRow(ewMul(G, transpose(c)))
//	spRowAggMul(G, c) {agg=sum} = sumRow(ewMul(G, transpose(c)))
//
// computed in one pass over G's rows (agg_j G[i,j] * c[j]) without
// materialising the product. It is emitted by the phyop pass of ir/pass for
// the label-propagation step of connected components, rowMaxs(G * t(c)).
//
// Semantics are exactly those of the unfused ops (package ew, then package
// agg), which the fast paths below reproduce step by step:
//
//   - G and c are promoted to their common value type, the product is
//     computed in it (integers wrap), and the result keeps it;
//   - CSR G (the ew sparse path, taken when 0*c[j] == 0 for every j): the
//     products of G's stored values are computed, zero products are dropped
//     (dropZeros), and the row is reduced as agg's reduceRowCSR does: min
//     and max start from the row's first dense cell (a stored non-zero
//     product in column 0, else 0), fold the non-zero products in stored
//     order with std::min/std::max, then fold a 0 if the row has fewer
//     non-zero products than columns; sums add the products left to right
//     from 0 (dropping zeros cannot change such a sum: it never holds -0);
//   - dense G: products in row order, min/max fold from the row's first
//     product and sums start from it (agg's reduceRowDense).
//
// Every other case — c not a dense n x 1 matrix with n = ncol(G) (so a
// broadcast or a shape error), an empty dimension (empty rows, or the
// error of a min/max over no columns), bool or string value types, CSR G
// with a NaN or infinite c[j] (where ew expands G to dense and 0*c[j] is
// NaN) — runs the unfused composition itself (reorg.Transpose, ew.Binary,
// agg.Aggregate), so results and errors are the unfused ones by
// construction.
//
// Rows are independent and each row is reduced by one body call in a fixed
// order, so the result is identical for any split into row ranges; the row
// ranges are run on the persistent scheduler pool (sched.Default()).

// RowAgg names the aggregation of SpRowAggMul.
type RowAgg uint8

// The aggregations of SpRowAggMul.
const (
	RowSum RowAgg = iota // sumRow
	RowMin               // aggMinRow
	RowMax               // aggMaxRow
)

// String returns the attribute spelling: "sum", "min" or "max".
func (a RowAgg) String() string {
	switch a {
	case RowSum:
		return "sum"
	case RowMin:
		return "min"
	case RowMax:
		return "max"
	}
	return fmt.Sprintf("RowAgg(%d)", uint8(a))
}

// ParseRowAgg parses the agg attribute of spRowAggMul ("sum", "min" or
// "max").
func ParseRowAgg(s string) (RowAgg, error) {
	switch s {
	case "sum":
		return RowSum, nil
	case "min":
		return RowMin, nil
	case "max":
		return RowMax, nil
	}
	return 0, errorf(ErrArgument, "spRowAggMul: unknown aggregation %q (expected sum, min or max)", s)
}

// aggOp is the agg package's operation for a.
func (a RowAgg) aggOp() agg.Op {
	switch a {
	case RowMin:
		return agg.Min
	case RowMax:
		return agg.Max
	}
	return agg.Sum
}

// rowAggMinWork is the amount of work (rows plus stored cells) below which
// SpRowAggMul runs on the calling goroutine alone (a variable so that tests
// can split small inputs).
var rowAggMinWork = 1 << 15

// rowAggPartsPerThread is the number of row ranges per thread: ranges are
// balanced by stored cells, and several per thread, handed out one at a
// time (self-scheduling), let the pool even out the rest (a worker delayed
// by another process on this shared machine does not hold up the run).
const rowAggPartsPerThread = 16

// SpRowAggMul returns the n x 1 matrix of a over each row of g * t(c) (see
// the comment above for the exact semantics), using up to threads workers
// of the default scheduler pool. ctx may be nil.
func SpRowAggMul(ctx context.Context, threads int, a RowAgg, g, c data.Matrix) (data.Matrix, error) {
	return SpRowAggMulSched(ctx, threads, nil, a, g, c)
}

// SpRowAggMulSched is SpRowAggMul with the run's scheduling options: with
// so set, the rows of g are partitioned by so's scheme, queue layout and
// victim selection (so the scheduling techniques of DaphneSched apply to the
// label-propagation step); with so nil, by ranges balanced by stored cells.
// Results are the same for any split: each row is reduced on its own.
func SpRowAggMulSched(ctx context.Context, threads int, so *sched.Options, a RowAgg, g, c data.Matrix) (data.Matrix, error) {
	if a > RowMax {
		return nil, errorf(ErrArgument, "spRowAggMul: unknown aggregation %s", a)
	}
	if ctx == nil {
		ctx = context.Background()
	}
	if m, ok, err := fusedRowAgg(ctx, max(threads, 1), so, a, g, c); ok || err != nil {
		return m, err
	}
	return unfusedRowAgg(a, g, c)
}

// unfusedRowAgg is the composition the fused op replaces.
func unfusedRowAgg(a RowAgg, g, c data.Matrix) (data.Matrix, error) {
	tc, err := reorg.Transpose(c)
	if err != nil {
		return nil, err
	}
	prod, err := ew.Binary(ew.Mul, g, tc)
	if err != nil {
		return nil, err
	}
	pm, ok := prod.(data.Matrix)
	if !ok {
		return nil, fmt.Errorf("spRowAggMul: internal: the product is %s", data.Describe(prod))
	}
	r, err := agg.Aggregate(a.aggOp(), agg.Row, pm)
	if err != nil {
		return nil, err
	}
	rm, ok := r.(data.Matrix)
	if !ok {
		return nil, fmt.Errorf("spRowAggMul: internal: the row aggregate is %s", data.Describe(r))
	}
	return rm, nil
}

// fusedRowAgg runs the fast path; ok is false when the case is left to the
// unfused composition.
func fusedRowAgg(ctx context.Context, threads int, so *sched.Options, a RowAgg, g, c data.Matrix) (data.Matrix, bool, error) {
	if c.IsSparse() || c.Cols() != 1 || c.Rows() != g.Cols() || g.Rows() == 0 || g.Cols() == 0 {
		return nil, false, nil
	}
	ct := types.Promote(g.ValueType(), c.ValueType())
	switch ct {
	case types.F64:
		return fusedAs[float64](ctx, threads, so, a, ct, g, c)
	case types.F32:
		return fusedAs[float32](ctx, threads, so, a, ct, g, c)
	case types.SI64:
		return fusedAs[int64](ctx, threads, so, a, ct, g, c)
	case types.SI32:
		return fusedAs[int32](ctx, threads, so, a, ct, g, c)
	case types.SI8:
		return fusedAs[int8](ctx, threads, so, a, ct, g, c)
	case types.UI64, types.Size:
		return fusedAs[uint64](ctx, threads, so, a, ct, g, c)
	case types.UI32:
		return fusedAs[uint32](ctx, threads, so, a, ct, g, c)
	case types.UI8:
		return fusedAs[uint8](ctx, threads, so, a, ct, g, c)
	}
	return nil, false, nil // bool, string: the unfused ops decide
}

// fusedAs converts g and c to value type ct (element type T), as ew does
// before multiplying, and reduces the rows.
func fusedAs[T num](ctx context.Context, threads int, so *sched.Options, a RowAgg, ct types.ValueType, g, c data.Matrix) (data.Matrix, bool, error) {
	cc, err := data.ConvertMatrix(c, ct)
	if err != nil {
		return nil, false, nil
	}
	cd, ok := cc.(*data.Dense[T])
	if !ok {
		return nil, false, nil
	}
	x := cd.Data
	gc, err := data.ConvertMatrix(g, ct)
	if err != nil {
		return nil, false, nil
	}
	rows := g.Rows()
	out := data.NewDenseVT[T](ct, rows, 1)
	switch gm := gc.(type) {
	case *data.CSR[T]:
		// ew keeps CSR * row vector sparse only if 0 * c[j] == 0 for all j.
		var z T
		for _, v := range x {
			if v*z != 0 || v != v {
				return nil, false, nil
			}
		}
		body := func(lo, hi int) { rowAggCSR(a, gm, x, out.Data, lo, hi) }
		if so != nil {
			err = runRows(ctx, threads, rows, *so, body)
		} else {
			err = runParts(ctx, threads, nnzBounds(gm.RowPtr, rowAggParts(rows, len(gm.Values), threads)), body)
		}
	case *data.Dense[T]:
		cols := gm.Cols()
		if so != nil {
			err = runRows(ctx, threads, rows, *so, func(lo, hi int) { rowAggDense(a, gm.Data, cols, x, out.Data, lo, hi) })
			break
		}
		p := rowAggParts(rows, rows*cols, threads)
		bounds := make([]int, p+1)
		for i := range p {
			bounds[i+1] = bounds[i] + rows/p
			if i < rows%p {
				bounds[i+1]++
			}
		}
		err = runParts(ctx, threads, bounds, func(lo, hi int) { rowAggDense(a, gm.Data, cols, x, out.Data, lo, hi) })
	default:
		return nil, false, nil
	}
	if err != nil {
		return nil, true, err
	}
	return out, true, nil
}

// rowAggParts is the number of row ranges for rows rows and cells stored
// cells on threads threads.
func rowAggParts(rows, cells, threads int) int {
	if threads <= 1 || rows+cells < rowAggMinWork {
		return 1
	}
	return max(1, min(rows, threads*rowAggPartsPerThread))
}

// runRows runs body over the rows [0, rows) partitioned by the run's
// scheduling options so (its thread count defaulting to threads).
func runRows(ctx context.Context, threads, rows int, so sched.Options, body func(lo, hi int)) error {
	if rows == 0 {
		return nil
	}
	if so.Threads <= 0 {
		so.Threads = threads
	}
	return sched.Default().Run(ctx, rows, func(lo, hi, _ int) error {
		body(lo, hi)
		return nil
	}, so)
}

// runParts runs body over the row ranges [bounds[k], bounds[k+1]) on the
// default scheduler pool (one range on the calling goroutine).
func runParts(ctx context.Context, threads int, bounds []int, body func(lo, hi int)) error {
	p := len(bounds) - 1
	if p <= 1 {
		return runGuarded(func() { body(bounds[0], bounds[p]) })
	}
	return sched.Default().Run(ctx, p, func(lo, hi, _ int) error {
		for k := lo; k < hi; k++ {
			body(bounds[k], bounds[k+1])
		}
		return nil
	}, sched.Options{Scheme: "SS", Threads: min(threads, p)})
}

// rowAggCSR reduces rows [lo, hi) of g * t(x) into out (see the comment at
// the top of the file for the order of operations).
func rowAggCSR[T num](a RowAgg, g *data.CSR[T], x, out []T, lo, hi int) {
	cols := g.Cols()
	var z T
	for i := lo; i < hi; i++ {
		start, end := g.RowPtr[i], g.RowPtr[i+1]
		idx := g.ColIdx[start:end]
		vals := g.Values[start:end]
		vals = vals[:len(idx)]
		switch a {
		case RowSum:
			var acc T
			for k, j := range idx {
				acc += T(vals[k] * x[j]) // the conversion forbids a fused multiply-add
			}
			out[i] = acc
		case RowMax:
			acc := z
			if len(idx) > 0 && idx[0] == 0 {
				if p := T(vals[0] * x[0]); p != 0 {
					acc = p
				}
			}
			n := 0
			for k, j := range idx {
				if p := T(vals[k] * x[j]); p != 0 {
					if acc < p {
						acc = p
					}
					n++
				}
			}
			if n < cols && acc < z {
				acc = z
			}
			out[i] = acc
		case RowMin:
			acc := z
			if len(idx) > 0 && idx[0] == 0 {
				if p := T(vals[0] * x[0]); p != 0 {
					acc = p
				}
			}
			n := 0
			for k, j := range idx {
				if p := T(vals[k] * x[j]); p != 0 {
					if p < acc {
						acc = p
					}
					n++
				}
			}
			if n < cols && z < acc {
				acc = z
			}
			out[i] = acc
		}
	}
}

// rowAggDense reduces rows [lo, hi) of the row-major rows x cols matrix g
// times t(x) into out; cols > 0.
func rowAggDense[T num](a RowAgg, g []T, cols int, x, out []T, lo, hi int) {
	x = x[:cols]
	for i := lo; i < hi; i++ {
		row := g[i*cols : (i+1)*cols]
		acc := T(row[0] * x[0])
		switch a {
		case RowSum:
			for j := 1; j < cols; j++ {
				acc += T(row[j] * x[j])
			}
		case RowMax:
			for j := 1; j < cols; j++ {
				if p := T(row[j] * x[j]); acc < p {
					acc = p
				}
			}
		case RowMin:
			for j := 1; j < cols; j++ {
				if p := T(row[j] * x[j]); p < acc {
					acc = p
				}
			}
		}
		out[i] = acc
	}
}

// opSpRowAggMul is the registry entry: spRowAggMul(G, c) with attribute
// agg = sum, min or max.
func opSpRowAggMul(c *ops.Ctx, args []data.Value, attrs map[string]string) ([]data.Value, error) {
	if err := arity("spRowAggMul", args, 2, 2); err != nil {
		return nil, err
	}
	a, err := ParseRowAgg(attrs["agg"])
	if err != nil {
		return nil, err
	}
	ms, err := matrices("spRowAggMul", args, "mat", "vec")
	if err != nil {
		return nil, err
	}
	var ctx context.Context
	if c != nil {
		ctx = c.Context
	}
	var so *sched.Options
	if c != nil {
		so = c.Sched
	}
	return one(SpRowAggMulSched(ctx, threads(c), so, a, ms[0], ms[1]))
}
