package prep

import (
	"fmt"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
)

// Register adds oneHot, recode, bin and quantize to r.
func Register(r *ops.Registry) {
	r.Register("oneHot", opOneHot)
	r.Register("recode", opRecode)
	r.Register("bin", opBin)
	r.Register("quantize", opQuantize)
}

// arity checks the number of arguments of op.
func arity(op string, args []data.Value, allowed ...int) error {
	for _, n := range allowed {
		if len(args) == n {
			return nil
		}
	}
	want := fmt.Sprint(allowed[0])
	if len(allowed) == 2 {
		want = fmt.Sprintf("%d or %d", allowed[0], allowed[1])
	}
	return errorf(ErrArgument, "%s expects %s arguments, got %d", op, want, len(args))
}

func opOneHot(_ *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
	if err := arity("oneHot", args, 2); err != nil {
		return nil, err
	}
	x, err := data.MatrixArg(args[0], "oneHot: arg")
	if err != nil {
		return nil, err
	}
	info, err := data.MatrixArg(args[1], "oneHot: info")
	if err != nil {
		return nil, err
	}
	res, err := OneHot(x, info)
	if err != nil {
		return nil, err
	}
	return ops.Results(res), nil
}

func opRecode(_ *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
	if err := arity("recode", args, 2); err != nil {
		return nil, err
	}
	x, err := data.MatrixArg(args[0], "recode: arg")
	if err != nil {
		return nil, err
	}
	order, err := data.BoolArg(args[1], "recode: orderPreserving")
	if err != nil {
		return nil, err
	}
	codes, dict, err := Recode(x, order)
	if err != nil {
		return nil, err
	}
	return []data.Value{codes, dict}, nil
}

func opBin(_ *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
	if err := arity("bin", args, 2, 4); err != nil {
		return nil, err
	}
	x, err := data.MatrixArg(args[0], "bin: arg")
	if err != nil {
		return nil, err
	}
	numBins, err := data.IntArg(args[1], "bin: numBins")
	if err != nil {
		return nil, err
	}
	var lo, hi *data.Scalar
	if len(args) == 4 {
		if lo, err = data.ScalarArg(args[2], "bin: min"); err != nil {
			return nil, err
		}
		if hi, err = data.ScalarArg(args[3], "bin: max"); err != nil {
			return nil, err
		}
	}
	res, err := Bin(x, numBins, lo, hi)
	if err != nil {
		return nil, err
	}
	return ops.Results(res), nil
}

func opQuantize(_ *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
	if err := arity("quantize", args, 3); err != nil {
		return nil, err
	}
	x, err := data.MatrixArg(args[0], "quantize: arg")
	if err != nil {
		return nil, err
	}
	lo, err := data.FloatArg(args[1], "quantize: min")
	if err != nil {
		return nil, err
	}
	hi, err := data.FloatArg(args[2], "quantize: max")
	if err != nil {
		return nil, err
	}
	res, err := Quantize(x, lo, hi)
	if err != nil {
		return nil, err
	}
	return ops.Results(res), nil
}
