package interp

import (
	"context"
	"io"
	"log/slog"

	"github.com/daphne-go/daphne/ir"
	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
)

// Evaluator evaluates builtin ops on constant scalars for the constant-
// folding pass, with the same implementations the interpreter uses, so
// folding can never change a result. It satisfies pass.Evaluator.
type Evaluator struct {
	Reg *ops.Registry
}

// Eval runs op on constant arguments. ok is false when the op is unknown,
// fails (the error is left to surface at run time, with its position) or
// does not produce scalars.
func (e Evaluator) Eval(op string, args []ir.Const, attrs map[string]string) (res []ir.Const, ok bool) {
	f, found := e.Reg.Lookup(op)
	if !found {
		return nil, false
	}
	in := make([]data.Value, len(args))
	for i := range args {
		in[i] = constValue(&args[i])
	}
	defer func() {
		if recover() != nil {
			res, ok = nil, false
		}
	}()
	c := &ops.Ctx{Context: context.Background(), Stdout: io.Discard, Stderr: io.Discard,
		Logger: slog.New(slog.DiscardHandler), Threads: 1}
	out, err := f(c, in, attrs)
	if err != nil {
		return nil, false
	}
	for _, v := range out {
		s, isScalar := v.(*data.Scalar)
		if !isScalar {
			return nil, false
		}
		res = append(res, ir.Const{VT: s.VT, I: s.I, U: s.U, F: s.F, S: s.S})
	}
	return res, true
}
