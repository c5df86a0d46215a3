package pass

import (
	"strconv"

	"github.com/daphne-go/daphne/ir"
	"github.com/daphne-go/daphne/types"
)

// SparsityThreshold is DAPHNE's default sparsity_threshold: under
// --select-matrix-repr a matrix whose compile-time known fraction of
// non-zeros is below it is represented as CSR.
const SparsityThreshold = 0.25

// selectRepr is matrix representation selection (--select-matrix-repr,
// daphnedsl.md 10): ops whose result's fraction of non-zeros is known at
// compile time to be below SparsityThreshold get the attribute repr=csr,
// so that the runtime builds them as CSR matrices and print/typeOf show
// CSRMatrix. These are rand with a constant sparsity argument (generated
// with DAPHNE's CSR algorithm, which draws other values than the dense one
// for the same seed) and matrix literals of numeric constants (e.g. all
// zeros). Without the option the pass does not run and everything stays
// dense.
func selectRepr(s *state) error {
	for _, f := range s.m.Funcs {
		forEachOp(f.Body, markSparse)
	}
	return nil
}

func markSparse(op *ir.Op) {
	if op.Kind != ir.KindCall || op.Attr("repr") != "" {
		return
	}
	switch {
	case op.Name == "rand" && len(op.Args) == 6:
		if sp, ok := constFloat(op.Args[4]); ok && sp >= 0 && sp < SparsityThreshold {
			op.SetAttr("repr", "csr")
		}
	case op.Name == "matrixLit":
		if sp, ok := literalSparsity(op); ok && sp < SparsityThreshold {
			op.SetAttr("repr", "csr")
		}
	}
}

// literalSparsity returns the fraction of non-zero elements of a matrix
// literal whose elements are all numeric constants.
func literalSparsity(op *ir.Op) (float64, bool) {
	n, err := strconv.Atoi(op.Attr("n"))
	if err != nil || n <= 0 || n > len(op.Args) {
		return 0, false
	}
	nnz := 0
	for _, a := range op.Args[:n] {
		v, ok := constFloat(a)
		if !ok {
			return 0, false
		}
		if v != 0 {
			nnz++
		}
	}
	return float64(nnz) / float64(n), true
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
