package pass

import (
	"github.com/daphne-go/daphne/ir"
	"github.com/daphne-go/daphne/types"
)

// SparsityThreshold is DAPHNE's default sparsity_threshold: under
// --select-matrix-repr a matrix whose compile-time known fraction of
// non-zeros is below it is represented as CSR.
const SparsityThreshold = 0.25

// selectRepr is matrix representation selection (--select-matrix-repr,
// daphnedsl.md 10): a rand call whose sparsity argument is a constant
// below SparsityThreshold gets the attribute repr=csr, so that the runtime
// generates it with DAPHNE's CSR algorithm (which draws different values
// than the dense one for the same seed) and print/typeOf show CSRMatrix.
// Without the option the pass does not run and everything stays dense.
func selectRepr(s *state) error {
	for _, f := range s.m.Funcs {
		forEachOp(f.Body, markSparseRand)
	}
	return nil
}

func markSparseRand(op *ir.Op) {
	if op.Kind != ir.KindCall || op.Name != "rand" || len(op.Args) != 6 || op.Attr("repr") != "" {
		return
	}
	if sp, ok := constFloat(op.Args[4]); ok && sp >= 0 && sp < SparsityThreshold {
		op.SetAttr("repr", "csr")
	}
}

// constFloat returns the value of a numeric constant as a float64.
func constFloat(v *ir.Value) (float64, bool) {
	c := constOf(v)
	switch {
	case c == nil:
		return 0, false
	case c.VT.IsFloat():
		return c.F, true
	case c.VT == types.Bool || c.VT.IsSigned():
		return float64(c.I), true
	case c.VT.IsUnsigned():
		return float64(c.U), true
	}
	return 0, false
}
