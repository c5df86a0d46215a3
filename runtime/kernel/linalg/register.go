package linalg

import (
	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
)

// Register adds the linear-algebra ops to r under their IR op names:
// matMul, syrk, gemv, solve, eigen, diagMatrix, diagVector, lowerTri,
// upperTri, replace and ctable, and spRowAggMul (the fused row aggregation
// of G * t(c) that the phyop pass emits, see rowagg.go).
func Register(r *ops.Registry) {
	r.Register("matMul", opMatMul)
	r.Register("syrk", opSyrk)
	r.Register("gemv", opGemv)
	r.Register("solve", opSolve)
	r.Register("eigen", opEigen)
	r.Register("diagMatrix", opDiagMatrix)
	r.Register("diagVector", opDiagVector)
	r.Register("lowerTri", opTri(false))
	r.Register("upperTri", opTri(true))
	r.Register("replace", opReplace)
	r.Register("ctable", opCTable)
	r.Register("spRowAggMul", opSpRowAggMul)
}

// arity checks the number of arguments of op.
func arity(op string, args []data.Value, lo, hi int) error {
	if len(args) < lo || len(args) > hi {
		if lo == hi {
			return errorf(ErrArgument, "%s expects %d arguments, got %d", op, lo, len(args))
		}
		return errorf(ErrArgument, "%s expects %d to %d arguments, got %d", op, lo, hi, len(args))
	}
	return nil
}

// matrices returns the first n arguments as matrices.
func matrices(op string, args []data.Value, names ...string) ([]data.Matrix, error) {
	ms := make([]data.Matrix, len(names))
	for i, name := range names {
		m, err := data.MatrixArg(args[i], op+": "+name)
		if err != nil {
			return nil, err
		}
		ms[i] = m
	}
	return ms, nil
}

func one(m data.Matrix, err error) ([]data.Value, error) {
	if err != nil {
		return nil, err
	}
	return ops.Results(m), nil
}

func opMatMul(c *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
	if err := arity("matMul", args, 2, 2); err != nil {
		return nil, err
	}
	ms, err := matrices("matMul", args, "lhs", "rhs")
	if err != nil {
		return nil, err
	}
	return one(MatMul(threads(c), ms[0], ms[1]))
}

func opSyrk(c *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
	if err := arity("syrk", args, 1, 1); err != nil {
		return nil, err
	}
	ms, err := matrices("syrk", args, "arg")
	if err != nil {
		return nil, err
	}
	return one(Syrk(threads(c), ms[0]))
}

func opGemv(c *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
	if err := arity("gemv", args, 2, 2); err != nil {
		return nil, err
	}
	ms, err := matrices("gemv", args, "mat", "vec")
	if err != nil {
		return nil, err
	}
	return one(Gemv(threads(c), ms[0], ms[1]))
}

// opsCtx is a local name for the op context, to keep signatures short.
type opsCtx = ops.Ctx
