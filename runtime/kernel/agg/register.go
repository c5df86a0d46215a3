package agg

import (
	"fmt"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
)

// Register adds the aggregation ops to r: {sum,aggMin,aggMax,mean,var,
// stddev}{All,Row,Col,Grp}, idxMinRow, idxMinCol, idxMaxRow, idxMaxCol,
// countGrp and cumSum, cumProd, cumMin, cumMax.
//
// All forms take (X); Row and Col forms take (X) or (X, axis) with the axis
// that selects them (0 for Row, 1 for Col); grouped forms take
// (X, groupIds, numGroups).
func Register(r *ops.Registry) {
	for _, op := range []Op{Sum, Min, Max, Mean, Var, Stddev} {
		for _, ax := range []Axis{All, Row, Col} {
			r.Register(opName(op, ax), aggFunc(op, ax))
		}
		r.Register(op.String()+"Grp", grpFunc(op))
	}
	for _, min := range []bool{true, false} {
		for _, ax := range []Axis{Row, Col} {
			name := "idxMax" + ax.String()
			if min {
				name = "idxMin" + ax.String()
			}
			r.Register(name, idxFunc(name, min, ax))
		}
	}
	r.Register("countGrp", countGrp)
	for _, op := range []CumOp{CumSum, CumProd, CumMin, CumMax} {
		r.Register(op.String(), cumFunc(op))
	}
}

// matrixAndAxis checks the arguments of an All, Row or Col form.
func matrixAndAxis(name string, ax Axis, args []data.Value) (data.Matrix, error) {
	maxArgs := 2
	if ax == All {
		maxArgs = 1
	}
	if len(args) < 1 || len(args) > maxArgs {
		return nil, fmt.Errorf("%s expects %d argument(s), got %d", name, maxArgs, len(args))
	}
	m, err := data.MatrixArg(args[0], name+": argument")
	if err != nil {
		return nil, err
	}
	if len(args) == 2 {
		a, err := data.IntArg(args[1], name+": axis")
		if err != nil {
			return nil, err
		}
		want := int64(0)
		if ax == Col {
			want = 1
		}
		if a != want {
			return nil, fmt.Errorf("%s: axis must be %d, got %d", name, want, a)
		}
	}
	return m, nil
}

func aggFunc(op Op, ax Axis) ops.Func {
	name := opName(op, ax)
	return func(_ *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
		m, err := matrixAndAxis(name, ax, args)
		if err != nil {
			return nil, err
		}
		v, err := Aggregate(op, ax, m)
		if err != nil {
			return nil, err
		}
		return ops.Results(v), nil
	}
}

func idxFunc(name string, min bool, ax Axis) ops.Func {
	return func(_ *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
		m, err := matrixAndAxis(name, ax, args)
		if err != nil {
			return nil, err
		}
		v, err := Index(min, ax, m)
		if err != nil {
			return nil, err
		}
		return ops.Results(v), nil
	}
}

// groupArgs checks (X, groupIds, numGroups).
func groupArgs(name string, args []data.Value) (m, g data.Matrix, k int, err error) {
	if len(args) != 3 {
		return nil, nil, 0, fmt.Errorf("%s expects 3 arguments (X, groupIds, numGroups), got %d", name, len(args))
	}
	if m, err = data.MatrixArg(args[0], name+": argument"); err != nil {
		return nil, nil, 0, err
	}
	if g, err = data.MatrixArg(args[1], name+": groupIds"); err != nil {
		return nil, nil, 0, err
	}
	if k, err = data.DimArg(args[2], name+": numGroups"); err != nil {
		return nil, nil, 0, err
	}
	if m.Cols() > 0 && int64(k) > (1<<34)/int64(m.Cols()) {
		return nil, nil, 0, fmt.Errorf("%s: numGroups %d is too large", name, k)
	}
	return m, g, k, nil
}

func grpFunc(op Op) ops.Func {
	name := op.String() + "Grp"
	return func(_ *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
		m, g, k, err := groupArgs(name, args)
		if err != nil {
			return nil, err
		}
		v, err := Grouped(op, m, g, k)
		if err != nil {
			return nil, err
		}
		return ops.Results(v), nil
	}
}

func countGrp(_ *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
	m, g, k, err := groupArgs("countGrp", args)
	if err != nil {
		return nil, err
	}
	v, err := Count(m, g, k)
	if err != nil {
		return nil, err
	}
	return ops.Results(v), nil
}

func cumFunc(op CumOp) ops.Func {
	name := op.String()
	return func(_ *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
		if len(args) != 1 {
			return nil, fmt.Errorf("%s expects 1 argument, got %d", name, len(args))
		}
		m, err := data.MatrixArg(args[0], name+": argument")
		if err != nil {
			return nil, err
		}
		v, err := Cumulative(op, m)
		if err != nil {
			return nil, err
		}
		return ops.Results(v), nil
	}
}
