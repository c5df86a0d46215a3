package pass

import (
	"github.com/daphne-go/daphne/ir"
	"github.com/daphne-go/daphne/types"
)

// selectPhysical is physical operator selection (daphnedsl.md 7.4, 9.6):
//
//	matMul(transpose(X), X) -> syrk(X)     (the same value X on both sides)
//	matMul(transpose(X), y) -> gemv(X, y)  (y known to be an n x 1 column)
//	aggMaxRow(ewMul(G, transpose(c))) -> spRowAggMul(G, c) {agg="max"}
//	                                       (also aggMinRow, sumRow; rowagg.go)
//
// Both kernels are float-only, so the rewrite needs X (and y) to have a
// known f32 or f64 value type, the same on both sides for gemv. A matMul
// carrying a kernel hint or attributes is left alone (the hint names a
// matMul kernel). The rewritten op keeps its result value and type; the
// transpose, if now unused, is removed by the late deadcode pass.
func selectPhysical(s *state) error {
	for _, f := range s.m.Funcs {
		forEachOp(f.Body, rewriteMatMul)
		selectRowAggMul(f)
	}
	return nil
}

func rewriteMatMul(op *ir.Op) {
	if op.Kind != ir.KindCall || op.Name != "matMul" || len(op.Args) != 2 || len(op.Attrs) > 0 || len(op.Results) != 1 {
		return
	}
	x, ok := transposed(op.Args[0])
	if !ok || x.Type.DT != types.Matrix || !x.Type.VT.IsFloat() {
		return
	}
	y := op.Args[1]
	switch {
	case y == x:
		op.Name, op.Args = "syrk", []*ir.Value{x}
	case y.Type.DT == types.Matrix && y.Type.Cols == 1 && y.Type.VT == x.Type.VT:
		op.Name, op.Args = "gemv", []*ir.Value{x, y}
	}
}

// transposed returns X if v is transpose(X) without attributes.
func transposed(v *ir.Value) (*ir.Value, bool) {
	d := v.Def
	if d == nil || d.Kind != ir.KindCall || d.Name != "transpose" || len(d.Args) != 1 || len(d.Attrs) > 0 {
		return nil, false
	}
	return d.Args[0], true
}
