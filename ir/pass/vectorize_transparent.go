package pass

import (
	"github.com/daphne-go/daphne/ir"
	"github.com/daphne-go/daphne/types"
)

// Transparent ops: pure ops that cannot fail and read no value of the open
// group may stand between its members without closing it. They stay in the
// enclosing block, so they now run before the pipeline (which is placed
// after its last member), that is before members that preceded them; as
// they have no effects and cannot fail, no error or output moves. They
// are
//
//   - nrow(x) and ncol(x) of a value that is not a member's;
//   - nrow(m) of a member m with the group's n rows: rewritten to nrow of
//     a split input of the group (the same n rows), so it no longer reads
//     the member;
//   - fill(c, r, 1) of a constant scalar c, a row count r made by nrow or
//     ncol, and the constant 1 columns: an r x 1 column, which cannot be
//     too large as r is the extent of an existing matrix.
//
// This lets the standardisation of linear regression (Listing 2 of the
// paper), X = (X - mean) / stddev; X = cbind(X, fill(1.0, nrow(X), 1)),
// fuse with the cbind into one pass that writes the n x (m+1) result and
// never materialises the n x m intermediate.

// transparent reports whether op may stay before g's pipeline without
// closing g, rewriting nrow of a member as described above.
func (v *vectorizer) transparent(g *group, op *ir.Op) bool {
	if op.Kind != ir.KindCall || len(op.Attrs) > 0 || len(op.Regions) > 0 || len(op.Results) != 1 {
		return false
	}
	switch op.Name {
	case "nrow", "ncol":
		if len(op.Args) != 1 || op.Args[0].Type.DT != types.Matrix {
			return false
		}
		a := op.Args[0]
		if !g.defines(a) {
			return true
		}
		if op.Name != "nrow" || a.Type.Rows != g.n || g.firstSplit == nil {
			return false
		}
		op.Args[0] = g.firstSplit
		v.uses[a] = removeOp(v.uses[a], op)
		v.uses[g.firstSplit] = append(v.uses[g.firstSplit], op)
		return true
	case "fill":
		if len(op.Args) != 3 {
			return false
		}
		val, rows, cols := op.Args[0], op.Args[1], op.Args[2]
		c := constOf(cols)
		dim := rows.Def != nil && rows.Def.Kind == ir.KindCall && (rows.Def.Name == "nrow" || rows.Def.Name == "ncol")
		one := c != nil && ((c.VT.IsSigned() && c.I == 1) || (c.VT.IsUnsigned() && c.U == 1))
		return constOf(val) != nil && val.Type.DT == types.Scalar && val.Type.VT != types.Str && dim && one
	}
	return false
}

// removeOp returns ops without op.
func removeOp(ops []*ir.Op, op *ir.Op) []*ir.Op {
	out := ops[:0:0]
	for _, o := range ops {
		if o != op {
			out = append(out, o)
		}
	}
	return out
}

// products are the matrix products over the rows that fuse as pipeline
// outputs combined "sum".
var products = map[string]bool{"syrk": true, "gemv": true}

// productRows returns the row count n of syrk(X) or gemv(X, y) for an
// n-row f32 or f64 X (y: n x 1 of the same value type), n >= 2.
func productRows(op *ir.Op) (int, bool) {
	if !products[op.Name] {
		return 0, false
	}
	x := op.Args[0].Type
	if x.DT != types.Matrix || x.Rows < 2 || !x.VT.IsFloat() || x.Repr == types.SparseRepr {
		return 0, false
	}
	switch {
	case op.Name == "syrk" && len(op.Args) == 1:
		return x.Rows, true
	case op.Name == "gemv" && len(op.Args) == 2:
		y := op.Args[1].Type
		return x.Rows, y.DT == types.Matrix && y.Rows == x.Rows && y.Cols == 1 && y.VT == x.VT && y.Repr != types.SparseRepr
	}
	return 0, false
}
