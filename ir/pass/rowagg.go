package pass

import (
	"github.com/daphne-go/daphne/ir"
	"github.com/daphne-go/daphne/types"
)

// rowAggOfMul names the attribute agg of spRowAggMul per row aggregation.
var rowAggOfMul = map[string]string{"sumRow": "sum", "aggMinRow": "min", "aggMaxRow": "max"}

// selectRowAggMul is the part of physical operator selection that fuses
// the label-propagation step of connected components:
//
//	aggMaxRow(ewMul(G, transpose(c))) -> spRowAggMul(G, c) {agg="max"}
//	aggMinRow(ewMul(G, transpose(c))) -> spRowAggMul(G, c) {agg="min"}
//	sumRow(ewMul(G, transpose(c)))    -> spRowAggMul(G, c) {agg="sum"}
//
// (also with the factors of ewMul swapped: multiplication commutes
// exactly). The kernel (runtime/kernel/linalg, rowagg.go) reads G's rows
// once and never builds the product; its results and errors are those of
// the unfused ops for every input (it runs them itself in the cases it
// does not handle), so the conditions here only keep the rewrite to the
// cases it is meant for:
//
//   - c is statically a matrix with one column (t(c) a row vector); with an
//     unknown or other width t(c) could be a whole matrix and the product
//     no row-vector product;
//   - G is statically a matrix whose representation is CSR or unknown (a
//     statically dense G is left to the dense ops) and, if both are known,
//     ncol(G) equals nrow(c) (otherwise the unfused ops report the
//     mismatch or broadcast, and so they are kept); a product known to
//     have no columns is kept too (its row min/max is an error, reported
//     at the aggregation's position);
//   - neither value type is known to be bool or a string (no numeric
//     kernel);
//   - the product has no other use (it must not be computed twice), and no
//     op of the pattern carries attributes (kernel hints).
//
// The rewritten op keeps the aggregation's result value and type, and
// takes the ewMul's source location: run-time errors carry the location of
// the op that reports them, and the fused op's likely errors are the
// product's (a shape mismatch between G and t(c)); the rarer errors of the
// aggregation itself (rowMaxs of an n x 0 product, a bool matrix at run
// time) are then reported at the product's position instead of the
// aggregation's, with the same message. The ewMul, and the transpose if
// unused, are left for late-deadcode.
func selectRowAggMul(f *ir.Func) {
	uses := useCounts(f)
	forEachOp(f.Body, func(op *ir.Op) { rewriteRowAggMul(op, uses) })
}

func rewriteRowAggMul(op *ir.Op, uses map[*ir.Value]int) {
	agg, ok := rowAggOfMul[op.Name]
	if !ok || op.Kind != ir.KindCall || len(op.Args) != 1 || len(op.Attrs) > 0 || len(op.Results) != 1 {
		return
	}
	prod := op.Args[0]
	mul := prod.Def
	if mul == nil || mul.Kind != ir.KindCall || mul.Name != "ewMul" || len(mul.Args) != 2 || len(mul.Attrs) > 0 ||
		len(mul.Results) != 1 || uses[prod] != 1 {
		return
	}
	g, c, ok := matTimesRow(mul.Args[0], mul.Args[1])
	if !ok {
		g, c, ok = matTimesRow(mul.Args[1], mul.Args[0])
	}
	if !ok {
		return
	}
	op.Name, op.Args = "spRowAggMul", []*ir.Value{g, c}
	op.SetAttr("agg", agg)
	if mul.Loc.IsValid() {
		op.Loc = mul.Loc
	}
}

// matTimesRow returns (G, c) if a is such a G and b is transpose(c) for
// such a c (see selectRowAggMul).
func matTimesRow(a, b *ir.Value) (g, c *ir.Value, ok bool) {
	c, ok = transposed(b)
	if !ok {
		return nil, nil, false
	}
	gt, ct := a.Type, c.Type
	switch {
	case gt.DT != types.Matrix || ct.DT != types.Matrix || ct.Cols != 1:
		return nil, nil, false
	case gt.Repr == types.DenseRepr:
		return nil, nil, false
	case gt.Cols != types.UnknownDim && ct.Rows != types.UnknownDim && gt.Cols != ct.Rows:
		return nil, nil, false
	case gt.Cols == 0 || ct.Rows == 0: // no columns: the aggregation's error (or an empty result)
		return nil, nil, false
	case !numericOrUnknown(gt.VT) || !numericOrUnknown(ct.VT):
		return nil, nil, false
	}
	return a, c, true
}

// numericOrUnknown reports whether vt is unknown or a numeric value type.
func numericOrUnknown(vt types.ValueType) bool {
	return vt == types.Unknown || vt != types.Bool && vt != types.Str
}
