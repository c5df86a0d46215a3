package interp

import (
	"context"
	"fmt"
	"math"

	"github.com/daphne-go/daphne/ir"
	"github.com/daphne-go/daphne/runtime/data"
)

// returnSignal carries the values of a return nested inside a region up to
// the enclosing function's body.
type returnSignal struct {
	vals []data.Value
}

func (r *returnSignal) Error() string { return "return outside of a function body" }

// region runs a nested block whose arguments are args. It returns the
// yielded values, or a *returnSignal for an early return.
func (in *Interp) region(ctx context.Context, fr *frame, b *ir.Block, args []data.Value) ([]data.Value, error) {
	if len(args) != len(b.Args) {
		return nil, fmt.Errorf("region takes %d arguments, got %d", len(b.Args), len(args))
	}
	for i, a := range b.Args {
		fr.vals[a.ID] = args[i]
	}
	exit, vals, err := in.block(ctx, fr, b)
	switch {
	case err != nil:
		return nil, err
	case exit == exitReturn:
		return nil, &returnSignal{vals: vals}
	case exit == exitNormal && len(vals) == 0:
		return nil, nil
	}
	return vals, nil
}

// truth converts a condition to bool: a scalar, or a 1x1 matrix.
func truth(v data.Value) (bool, error) {
	switch x := v.(type) {
	case *data.Scalar:
		return x.Truth(), nil
	case data.Matrix:
		if x.Rows() == 1 && x.Cols() == 1 {
			s, err := cellScalar(x)
			if err != nil {
				return false, err
			}
			return s.Truth(), nil
		}
	}
	return false, fmt.Errorf("a condition must be a scalar or a 1x1 matrix, got %s", data.Describe(v))
}

func (in *Interp) ifOp(ctx context.Context, fr *frame, op *ir.Op) ([]data.Value, error) {
	if len(op.Args) != 1 || len(op.Regions) != 2 {
		return nil, fmt.Errorf("malformed if")
	}
	c, err := truth(fr.get(op.Args[0]))
	if err != nil {
		return nil, err
	}
	r := op.Regions[1]
	if c {
		r = op.Regions[0]
	}
	return in.region(ctx, fr, r, nil)
}

func (in *Interp) whileOp(ctx context.Context, fr *frame, op *ir.Op) ([]data.Value, error) {
	if len(op.Regions) != 2 {
		return nil, fmt.Errorf("malformed while")
	}
	carried := fr.args(op.Args)
	cond, body := op.Regions[0], op.Regions[1]
	doWhile := op.Attr("do") == "true"
	for first := true; ; first = false {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if !(doWhile && first) {
			cv, err := in.region(ctx, fr, cond, carried)
			if err != nil {
				return nil, err
			}
			if len(cv) != 1 {
				return nil, fmt.Errorf("while condition yields %d values, want 1", len(cv))
			}
			ok, err := truth(cv[0])
			if err != nil {
				return nil, err
			}
			if !ok {
				return carried, nil
			}
		}
		next, err := in.region(ctx, fr, body, carried)
		if err != nil {
			return nil, err
		}
		carried = next
	}
}

func (in *Interp) forOp(ctx context.Context, fr *frame, op *ir.Op) ([]data.Value, error) {
	nb := 3
	if op.Attr("step") == "auto" {
		nb = 2
	}
	if len(op.Args) < nb || len(op.Regions) != 1 {
		return nil, fmt.Errorf("malformed for")
	}
	bounds := make([]int64, nb)
	names := []string{"for-loop start", "for-loop end", "for-loop step"}
	for i := range bounds {
		v, err := loopBound(fr.get(op.Args[i]), names[i])
		if err != nil {
			return nil, err
		}
		bounds[i] = v
	}
	from, to := bounds[0], bounds[1]
	step := int64(1)
	if nb == 3 {
		step = bounds[2]
	} else if to < from {
		step = -1
	}
	if step == 0 {
		return nil, fmt.Errorf("for-loop step must not be zero")
	}
	carried := fr.args(op.Args[nb:])
	body := op.Regions[0]
	for i := from; (step > 0 && i <= to) || (step < 0 && i >= to); i += step {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		next, err := in.region(ctx, fr, body, append([]data.Value{data.SI64(i)}, carried...))
		if err != nil {
			return nil, err
		}
		carried = next
		// Stop before i += step overflows.
		if (step > 0 && i > math.MaxInt64-step) || (step < 0 && i < math.MinInt64-step) {
			break
		}
	}
	return carried, nil
}

// loopBound converts a for-loop bound to si64 as DAPHNE does (floats truncate).
func loopBound(v data.Value, what string) (int64, error) {
	if m, ok := v.(data.Matrix); ok && m.Rows() == 1 && m.Cols() == 1 {
		s, err := cellScalar(m)
		if err != nil {
			return 0, err
		}
		v = s
	}
	return data.IntArg(v, what)
}

// constValue turns an IR constant into a runtime scalar.
func constValue(c *ir.Const) *data.Scalar {
	return &data.Scalar{VT: c.VT, I: c.I, U: c.U, F: c.F, S: c.S}
}

// cellScalar returns the single cell of a 1x1 matrix as a scalar.
func cellScalar(m data.Matrix) (*data.Scalar, error) { return data.MatrixCell(m, 0, 0) }
