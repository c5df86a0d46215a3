package interp

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"slices"

	"github.com/daphne-go/daphne/ir"
	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/vec"
)

// errUnsplittable makes a task give up so that the pipeline runs unsplit
// (an input or output that is not a dense matrix of the expected type).
var errUnsplittable = errors.New("pipeline cannot be split")

// pipeline runs a vectorizedPipeline op (ir.PipelineOp): its region once per
// row range of the split inputs, as tasks on the scheduler's pool, each
// with its own frame, in batches of Options.Vec.BatchRows rows. Row-wise
// outputs are copied into one result allocated by the first batch, column
// aggregates combined in row order after the run, column statistics
// (moments:* outputs, whose yielded value is the statistic's input)
// summarised per batch and merged in row order (see runtime/vec). If the
// inputs cannot be split, or any task fails, or a statistic's summaries hold
// values the one-pass formulas treat unlike the kernels (infinities), the
// region runs once more on the whole inputs and the statistics' kernels on
// what it yields for them, which is exactly the unfused
// computation: it gives the same results, or the same first error, as a
// run without --vec.
func (in *Interp) pipeline(ctx context.Context, fr *frame, op *ir.Op) ([]data.Value, error) {
	region := op.Regions[0]
	args := fr.args(op.Args)
	for i, a := range args {
		if a == nil {
			return nil, &RuntimeError{Loc: op.Loc, Op: op.Name, Internal: true,
				Err: fmt.Errorf("argument %d (%%%d) has no value", i, op.Args[i].ID)}
		}
	}
	splits, err := vec.ParseModes(op.Attr("split"), len(op.Args), vec.SplitRows, vec.SplitBcast)
	if err != nil {
		return nil, &RuntimeError{Loc: op.Loc, Op: op.Name, Internal: true, Err: err}
	}
	combines, err := vec.ParseModes(op.Attr("combine"), len(op.Results), append(vec.CombineModes, vec.CombineSum)...)
	if err != nil {
		return nil, &RuntimeError{Loc: op.Loc, Op: op.Name, Internal: true, Err: err}
	}
	whole := func() ([]data.Value, error) {
		if l := in.vec.Logger; l != nil { // --debug-mt
			l.Log(ctx, slog.LevelDebug, "vectorized pipeline ran unsplit", "pipeline", op.Loc.String())
		}
		return in.pipelineWhole(ctx, fr, op, combines, args)
	}
	n, ok := splitRows(args, splits)
	if !ok || n == 0 || (hasMoments(combines) && anySparse(args, splits)) {
		// Column statistics summarise dense batches: a CSR input (the
		// vectorize pass rarely knows the representation) would be
		// densified batch by batch.
		return whole()
	}
	rows := make([]*vec.Rows, len(op.Results))
	parts := make([]*vec.Partials, len(op.Results))
	sums := make([]*vec.Sums, len(op.Results))
	// Column statistics: moments[i] collects the summaries of output i's
	// yielded matrix; outputs yielding the same value share the first
	// one's (mean and stddev of X: one summary per batch).
	moments := make([]*vec.MomentParts, len(op.Results))
	momSrc := momentSources(region, combines)
	for i, r := range op.Results {
		switch {
		case vec.IsMoments(combines[i]):
			if momSrc[i] == i {
				moments[i] = &vec.MomentParts{}
			}
		case combines[i] == vec.CombineSum:
			sums[i] = &vec.Sums{}
		case combines[i] != vec.CombineRows:
			parts[i] = &vec.Partials{}
		case r.Type.Rows != n:
			return whole()
		default:
			rows[i] = vec.NewRows(n)
		}
	}
	batch := batchRows(in.vec, args, splits)
	so, end := in.vec.Begin(op.Loc.String(), n) // --trace, --debug-mt; else in.vec.Sched
	pool := in.vec.PoolOrDefault()
	var body func(lo, hi, worker int) error
	prog, compiled := vec.Compile(region, splits, args, n, vec.Outputs{Rows: rows, Parts: parts, Moments: moments, Sums: sums})
	if !compiled && slices.ContainsFunc(sums, func(s *vec.Sums) bool { return s != nil }) {
		end(nil)
		return whole() // products accumulate only in compiled pipelines
	}
	if compiled {
		// Compiled: intermediates in per-worker scratch, row-wise results
		// computed in place (see vec.Program).
		ws := vec.DefaultArena().NewWorkers(max(pool.Size(), so.Threads))
		defer ws.Release()
		body = func(lo, hi, worker int) error {
			s := ws.For(worker)
			for blo := lo; blo < hi; blo += min(batch, hi-blo) {
				if err := prog.Run(s, blo, blo+min(batch, hi-blo)); err != nil {
					return err
				}
			}
			return nil
		}
	} else {
		body = in.taskBody(ctx, fr, op, args, splits, combines, batch, rows, parts, moments)
	}
	err = pool.Run(ctx, n, body, so)
	end(err)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		// A task failed (or could not be split): the unsplit run reports
		// the error the unfused ops report.
		return whole()
	}
	res, err := in.pipelineResults(op, combines, momSrc, rows, parts, moments, whole)
	if err != nil || res == nil {
		return res, err
	}
	for i, s := range sums {
		if s == nil {
			continue
		}
		if res[i] = s.Matrix(); res[i] == nil {
			return whole()
		}
	}
	return res, nil
}

// taskBody returns the task of a pipeline whose region is not compiled
// (vec.Compile): it runs the region's ops through the kernels, batch by
// batch, and hands the results to the outputs.
func (in *Interp) taskBody(ctx context.Context, fr *frame, op *ir.Op, args []data.Value, splits, combines []string,
	batch int, rows []*vec.Rows, parts []*vec.Partials, moments []*vec.MomentParts) func(lo, hi, worker int) error {
	region := op.Regions[0]
	return func(lo, hi, _ int) error {
		tfr := &frame{vals: make([]data.Value, len(fr.vals)), plan: fr.plan}
		for blo := lo; blo < hi; blo += min(batch, hi-blo) {
			bhi := blo + min(batch, hi-blo)
			for i, a := range region.Args {
				if splits[i] == vec.SplitRows {
					v, _ := vec.RowView(args[i], blo, bhi) // splitRows checked every split input
					tfr.vals[a.ID] = v
				} else {
					tfr.vals[a.ID] = args[i]
				}
			}
			exit, vals, err := in.block(ctx, tfr, region)
			switch {
			case err != nil:
				return err
			case exit != exitYield || len(vals) != len(op.Results):
				return errUnsplittable
			}
			for i, v := range vals {
				if vec.IsMoments(combines[i]) {
					if moments[i] != nil && moments[i].Add(blo, v) != nil {
						return errUnsplittable
					}
					continue
				}
				if rows[i] != nil {
					if !rows[i].Put(blo, v) {
						return errUnsplittable
					}
				} else {
					parts[i].Add(blo, v)
				}
			}
		}
		return nil
	}
}

// pipelineResults combines the tasks' results into the pipeline's.
func (in *Interp) pipelineResults(op *ir.Op, combines []string, momSrc []int, rows []*vec.Rows, parts []*vec.Partials,
	moments []*vec.MomentParts, whole func() ([]data.Value, error)) ([]data.Value, error) {
	res := make([]data.Value, len(op.Results))
	for i := range res {
		if combines[i] == vec.CombineSum {
			continue // the caller's (vec.Sums)
		}
		if rows[i] != nil {
			if res[i] = rows[i].Matrix(); res[i] == nil {
				return whole()
			}
			continue
		}
		if vec.IsMoments(combines[i]) {
			v, ok, err := moments[momSrc[i]].Finish(combines[i])
			if err != nil || !ok {
				return whole()
			}
			res[i] = v
			continue
		}
		stacked, ok := parts[i].Stacked()
		if !ok || (combines[i] != vec.CombineAdd && vec.NaNBelowFirstRow(stacked)) {
			return whole()
		}
		f, found := in.reg.Lookup(vec.CombineOp(combines[i]))
		if !found {
			return nil, fmt.Errorf("operation %q is not implemented yet", vec.CombineOp(combines[i]))
		}
		out, err := f(in.octx, []data.Value{stacked}, nil)
		if err != nil || len(out) != 1 {
			return whole()
		}
		res[i] = out[0]
	}
	return res, nil
}

// momentSources maps every column-statistics output to the first
// column-statistics output that yields the same region value (itself if
// none before it does), and every other output to -1.
func momentSources(region *ir.Block, combines []string) []int {
	src := make([]int, len(combines))
	var yield []*ir.Value
	if k := len(region.Ops); k > 0 && region.Ops[k-1].Kind == ir.KindYield {
		yield = region.Ops[k-1].Args
	}
	for i, c := range combines {
		src[i] = -1
		if !vec.IsMoments(c) {
			continue
		}
		src[i] = i
		for j := range i {
			if vec.IsMoments(combines[j]) && j < len(yield) && i < len(yield) && yield[j] == yield[i] {
				src[i] = j
				break
			}
		}
	}
	return src
}

// pipelineWhole runs the region once on the whole inputs and applies the
// column statistic of every moments output to the matrix the region yields
// for it: exactly the unfused computation.
func (in *Interp) pipelineWhole(ctx context.Context, fr *frame, op *ir.Op, combines []string, args []data.Value) ([]data.Value, error) {
	region := op.Regions[0]
	tfr := &frame{vals: make([]data.Value, len(fr.vals)), plan: fr.plan}
	for i, a := range region.Args {
		tfr.vals[a.ID] = args[i]
	}
	exit, vals, err := in.block(ctx, tfr, region)
	if err != nil {
		return nil, err // positioned at the failing op of the region
	}
	if exit != exitYield {
		return nil, fmt.Errorf("pipeline region ended without yield")
	}
	for i, c := range combines {
		if !vec.IsMoments(c) || i >= len(vals) {
			continue
		}
		name := vec.MomentsKernel(c)
		out, err := in.kernel(op, name, vals[i])
		if err != nil {
			return nil, err
		}
		vals[i] = out
	}
	return vals, nil
}

// kernel applies the one-argument, one-result op name of the registry to
// v for the pipeline op p, reporting errors (and recovered panics) as the
// op would.
func (in *Interp) kernel(p *ir.Op, name string, v data.Value) (res data.Value, err error) {
	f, ok := in.reg.Lookup(name)
	if !ok {
		return nil, fmt.Errorf("operation %q is not implemented yet", name)
	}
	defer func() {
		if r := recover(); r != nil {
			err = &RuntimeError{Loc: p.Loc, Op: name, Internal: true, Err: fmt.Errorf("%v\n%s", r, debug.Stack())}
		}
	}()
	out, err := f(in.octx, []data.Value{v}, nil)
	if err != nil {
		return nil, &RuntimeError{Loc: p.Loc, Op: name, Err: err}
	}
	if len(out) != 1 {
		return nil, &RuntimeError{Loc: p.Loc, Op: name, Internal: true, Err: fmt.Errorf("produced %d results, want 1", len(out))}
	}
	return out[0], nil
}

// batchRows returns the rows per batch: --phy-batch-size over the widest
// split input; with a CSR split input, at least as many rows as make the
// batch's stored values outnumber the cells of the broadcast matrices, as
// the sparse kernels look at a whole broadcast operand once per call (to
// decide whether the result stays sparse).
func batchRows(o vec.Options, args []data.Value, splits []string) int {
	w := splitCols(args, splits)
	batch := o.BatchRows(w)
	if !anySparse(args, splits) {
		return batch
	}
	for i, a := range args {
		if m, ok := a.(data.Matrix); ok && splits[i] == vec.SplitBcast {
			batch = max(batch, m.Rows()*m.Cols()/w)
		}
	}
	return batch
}

// splitCols returns the largest width (vec.Width: columns, or stored
// values per row of a CSR matrix) of the split inputs.
func splitCols(args []data.Value, splits []string) int {
	c := 1
	for i, a := range args {
		if m, ok := a.(data.Matrix); ok && splits[i] == vec.SplitRows {
			c = max(c, vec.Width(m))
		}
	}
	return c
}

// splitRows returns the common row count of the split inputs, and false if
// one of them is neither a dense nor a CSR matrix or they differ.
func splitRows(args []data.Value, splits []string) (int, bool) {
	n := -1
	for i, a := range args {
		if splits[i] != vec.SplitRows {
			continue
		}
		m, ok := a.(data.Matrix)
		if !ok {
			return 0, false
		}
		if _, dense := vec.RowView(a, 0, 0); !dense {
			return 0, false
		}
		if n >= 0 && m.Rows() != n {
			return 0, false
		}
		n = m.Rows()
	}
	return n, n >= 0
}

// hasMoments reports whether an output is a column statistic.
func hasMoments(combines []string) bool {
	for _, c := range combines {
		if vec.IsMoments(c) {
			return true
		}
	}
	return false
}

// anySparse reports whether a split input is a CSR matrix.
func anySparse(args []data.Value, splits []string) bool {
	for i, a := range args {
		if m, ok := a.(data.Matrix); ok && splits[i] == vec.SplitRows && m.IsSparse() {
			return true
		}
	}
	return false
}
