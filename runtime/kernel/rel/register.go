package rel

import (
	"context"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
)

// Register adds the relational operators to r under their IR op names
// (builtin/frames.go): cartesian, innerJoin, semiJoin, groupJoin, groupSum,
// leftOuterJoin, fullOuterJoin, antiJoin, intersect, merge and except.
func Register(r *ops.Registry) {
	r.Register("cartesian", opCartesian)
	r.Register("innerJoin", opInnerJoin)
	r.Register("semiJoin", opSemiJoin)
	r.Register("groupJoin", opGroupJoin)
	r.Register("groupSum", opGroupSum)
	r.Register("leftOuterJoin", multiKeyJoin("leftOuterJoin", LeftOuterJoin))
	r.Register("fullOuterJoin", multiKeyJoin("fullOuterJoin", FullOuterJoin))
	r.Register("antiJoin", multiKeyJoin("antiJoin", AntiJoin))
	r.Register("intersect", setOpFunc("intersect", Intersect))
	r.Register("except", setOpFunc("except", Except))
	r.Register("merge", setOpFunc("merge", func(_ context.Context, l, r *data.Frame, _ Options) (*data.Frame, error) {
		return Merge(l, r)
	}))
}

// options returns the run's context and thread budget.
func options(c *ops.Ctx) (context.Context, Options) {
	if c == nil {
		return context.Background(), Options{}
	}
	ctx := c.Context
	if ctx == nil {
		ctx = context.Background()
	}
	return ctx, Options{Threads: c.Threads}
}

func arity(op string, args []data.Value, lo, hi int) error {
	if len(args) < lo || len(args) > hi {
		if lo == hi {
			return errorf(ErrArgument, "%s expects %d arguments, got %d", op, lo, len(args))
		}
		return errorf(ErrArgument, "%s expects %d to %d arguments, got %d", op, lo, hi, len(args))
	}
	return nil
}

func frameArg(v data.Value, op, what string) (*data.Frame, error) {
	f, ok := v.(*data.Frame)
	if !ok {
		return nil, errorf(ErrArgument, "%s: %s must be a frame, got %s", op, what, data.Describe(v))
	}
	return f, nil
}

// frames returns the first two arguments as frames.
func frames(op string, args []data.Value) (lhs, rhs *data.Frame, err error) {
	if lhs, err = frameArg(args[0], op, "lhs"); err != nil {
		return nil, nil, err
	}
	if rhs, err = frameArg(args[1], op, "rhs"); err != nil {
		return nil, nil, err
	}
	return lhs, rhs, nil
}

// labelArgs returns string scalar arguments (column labels).
func labelArgs(op, what string, args []data.Value) ([]string, error) {
	ls := make([]string, len(args))
	for i, a := range args {
		s, err := data.StringArg(a, op+": "+what)
		if err != nil {
			return nil, errorf(ErrArgument, "%v", err)
		}
		ls[i] = s
	}
	return ls, nil
}

// numRowRes checks DAPHNE's result-size hint: -1 (unknown) or a count.
func numRowRes(op string, args []data.Value) error {
	if len(args) < 5 {
		return nil
	}
	n, err := data.IntArg(data.SizeValue(args[4]), op+": numRowRes")
	if err != nil {
		return errorf(ErrArgument, "%v", err)
	}
	if n < -1 {
		return errorf(ErrArgument, "%s: numRowRes must be -1 (unknown) or a number of rows, got %d", op, n)
	}
	return nil
}

func opCartesian(c *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
	if err := arity("cartesian", args, 2, 2); err != nil {
		return nil, err
	}
	lhs, rhs, err := frames("cartesian", args)
	if err != nil {
		return nil, err
	}
	ctx, o := options(c)
	f, err := Cartesian(ctx, lhs, rhs, o)
	if err != nil {
		return nil, err
	}
	return ops.Results(f), nil
}

// keyJoinArgs parses (lhs, rhs, lhsOn, rhsOn[, numRowRes]).
func keyJoinArgs(op string, args []data.Value) (lhs, rhs *data.Frame, on []string, err error) {
	if err = arity(op, args, 4, 5); err != nil {
		return nil, nil, nil, err
	}
	if lhs, rhs, err = frames(op, args); err != nil {
		return nil, nil, nil, err
	}
	if on, err = labelArgs(op, "lhsOn and rhsOn", args[2:4]); err != nil {
		return nil, nil, nil, err
	}
	return lhs, rhs, on, numRowRes(op, args)
}

func opInnerJoin(c *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
	lhs, rhs, on, err := keyJoinArgs("innerJoin", args)
	if err != nil {
		return nil, err
	}
	ctx, o := options(c)
	f, err := InnerJoin(ctx, lhs, rhs, on[0], on[1], o)
	if err != nil {
		return nil, err
	}
	return ops.Results(f), nil
}

func opSemiJoin(c *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
	lhs, rhs, on, err := keyJoinArgs("semiJoin", args)
	if err != nil {
		return nil, err
	}
	ctx, o := options(c)
	f, pos, err := SemiJoin(ctx, lhs, rhs, on[0], on[1], o)
	if err != nil {
		return nil, err
	}
	return []data.Value{f, pos}, nil
}

func opGroupJoin(c *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
	if err := arity("groupJoin", args, 5, 5); err != nil {
		return nil, err
	}
	lhs, rhs, err := frames("groupJoin", args)
	if err != nil {
		return nil, err
	}
	ls, err := labelArgs("groupJoin", "lhsOn, rhsOn and rhsAgg", args[2:5])
	if err != nil {
		return nil, err
	}
	ctx, o := options(c)
	f, pos, err := GroupJoin(ctx, lhs, rhs, ls[0], ls[1], ls[2], o)
	if err != nil {
		return nil, err
	}
	return []data.Value{f, pos}, nil
}

func opGroupSum(c *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
	if len(args) < 3 {
		return nil, errorf(ErrArgument, "groupSum expects a frame, at least one column to group by and the column to sum, got %d arguments", len(args))
	}
	f, err := frameArg(args[0], "groupSum", "the first argument")
	if err != nil {
		return nil, err
	}
	ls, err := labelArgs("groupSum", "column labels", args[1:])
	if err != nil {
		return nil, err
	}
	ctx, o := options(c)
	res, err := GroupSum(ctx, f, ls[:len(ls)-1], ls[len(ls)-1], o)
	if err != nil {
		return nil, err
	}
	return ops.Results(res), nil
}

// multiKeyJoin parses (lhs, rhs, lhsOn1, ..., lhsOnk, rhsOn1, ..., rhsOnk),
// DAPHNE's argument order for its join ops with several keys.
func multiKeyJoin(op string, join func(context.Context, *data.Frame, *data.Frame, []string, []string, Options) (*data.Frame, error)) ops.Func {
	return func(c *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
		if len(args) < 4 || len(args)%2 != 0 {
			return nil, errorf(ErrArgument, "%s expects an even number of at least 4 arguments (lhs, rhs, the lhs key labels, then as many rhs key labels), got %d", op, len(args))
		}
		lhs, rhs, err := frames(op, args)
		if err != nil {
			return nil, err
		}
		on, err := labelArgs(op, "key labels", args[2:])
		if err != nil {
			return nil, err
		}
		k := len(on) / 2
		ctx, o := options(c)
		f, err := join(ctx, lhs, rhs, on[:k], on[k:], o)
		if err != nil {
			return nil, err
		}
		return ops.Results(f), nil
	}
}

func setOpFunc(op string, set func(context.Context, *data.Frame, *data.Frame, Options) (*data.Frame, error)) ops.Func {
	return func(c *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
		if err := arity(op, args, 2, 2); err != nil {
			return nil, err
		}
		lhs, rhs, err := frames(op, args)
		if err != nil {
			return nil, err
		}
		ctx, o := options(c)
		f, err := set(ctx, lhs, rhs, o)
		if err != nil {
			return nil, err
		}
		return ops.Results(f), nil
	}
}
