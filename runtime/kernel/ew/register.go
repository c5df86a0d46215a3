package ew

import (
	"fmt"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
)

// Register adds the elementwise ops to r: ewAdd ... ewOr (Binary), outerAdd
// ... outerGe (Outer; no outerConcat), ewAbs ... ewMinus (Unary) and cond.
func Register(r *ops.Registry) {
	for op := BinOp(0); op < numBinOps; op++ {
		r.Register(op.IROp(), binFunc(op.IROp(), op, Binary))
		if op != Concat {
			r.Register(op.OuterIROp(), binFunc(op.OuterIROp(), op, Outer))
		}
	}
	for op := UnOp(0); op < numUnOps; op++ {
		r.Register(op.IROp(), unFunc(op))
	}
	r.Register("cond", func(_ *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
		if err := arity("cond", args, 3); err != nil {
			return nil, err
		}
		v, err := Cond(args[0], args[1], args[2])
		if err != nil {
			return nil, err
		}
		return ops.Results(v), nil
	})
}

func binFunc(name string, op BinOp, f func(BinOp, data.Value, data.Value) (data.Value, error)) ops.Func {
	return func(_ *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
		if err := arity(name, args, 2); err != nil {
			return nil, err
		}
		v, err := f(op, args[0], args[1])
		if err != nil {
			return nil, err
		}
		return ops.Results(v), nil
	}
}

func unFunc(op UnOp) ops.Func {
	return func(_ *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
		if err := arity(op.IROp(), args, 1); err != nil {
			return nil, err
		}
		v, err := Unary(op, args[0])
		if err != nil {
			return nil, err
		}
		return ops.Results(v), nil
	}
}

func arity(name string, args []data.Value, n int) error {
	if len(args) != n {
		return fmt.Errorf("%s expects %d arguments, got %d", name, n, len(args))
	}
	for i, a := range args {
		if a == nil {
			return fmt.Errorf("%s: argument %d has no value", name, i+1)
		}
	}
	return nil
}
