package interp

import (
	"context"
	"errors"
	"fmt"

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
// aggregates combined in row order after the run (see runtime/vec). If the inputs cannot be split, or any task fails, the
// region runs once more on the whole inputs, which is exactly the unfused
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
	combines, err := vec.ParseModes(op.Attr("combine"), len(op.Results), vec.CombineRows, vec.CombineAdd, vec.CombineMin, vec.CombineMax)
	if err != nil {
		return nil, &RuntimeError{Loc: op.Loc, Op: op.Name, Internal: true, Err: err}
	}
	n, ok := splitRows(args, splits)
	if !ok || n == 0 {
		return in.pipelineWhole(ctx, fr, region, args)
	}
	rows := make([]*vec.Rows, len(op.Results))
	parts := make([]*vec.Partials, len(op.Results))
	for i, r := range op.Results {
		switch {
		case combines[i] != vec.CombineRows:
			parts[i] = &vec.Partials{}
		case r.Type.Rows != n:
			return in.pipelineWhole(ctx, fr, region, args)
		default:
			rows[i] = vec.NewRows(n)
		}
	}
	batch := in.vec.BatchRows(splitCols(args, splits))
	body := func(lo, hi, _ int) error {
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
	if err := in.vec.PoolOrDefault().Run(ctx, n, body, in.vec.Sched); err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		// A task failed (or could not be split): the unsplit run reports
		// the error the unfused ops report.
		return in.pipelineWhole(ctx, fr, region, args)
	}
	res := make([]data.Value, len(op.Results))
	for i := range res {
		if rows[i] != nil {
			res[i] = rows[i].Matrix()
			continue
		}
		stacked, ok := parts[i].Stacked()
		if !ok || (combines[i] != vec.CombineAdd && vec.NaNBelowFirstRow(stacked)) {
			return in.pipelineWhole(ctx, fr, region, args)
		}
		f, found := in.reg.Lookup(vec.CombineOp(combines[i]))
		if !found {
			return nil, fmt.Errorf("operation %q is not implemented yet", vec.CombineOp(combines[i]))
		}
		out, err := f(in.octx, []data.Value{stacked}, nil)
		if err != nil || len(out) != 1 {
			return in.pipelineWhole(ctx, fr, region, args)
		}
		res[i] = out[0]
	}
	return res, nil
}

// pipelineWhole runs the region once on the whole inputs.
func (in *Interp) pipelineWhole(ctx context.Context, fr *frame, region *ir.Block, args []data.Value) ([]data.Value, error) {
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
	return vals, nil
}

// splitCols returns the largest column count of the split inputs.
func splitCols(args []data.Value, splits []string) int {
	c := 1
	for i, a := range args {
		if m, ok := a.(data.Matrix); ok && splits[i] == vec.SplitRows {
			c = max(c, m.Cols())
		}
	}
	return c
}

// splitRows returns the common row count of the split inputs, and false if
// one of them is not a dense matrix or they differ.
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
