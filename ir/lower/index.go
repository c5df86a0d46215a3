package lower

import (
	"strconv"

	"github.com/daphne-go/daphne/builtin"
	"github.com/daphne-go/daphne/dsl/ast"
	"github.com/daphne-go/daphne/dsl/check"
	"github.com/daphne-go/daphne/dsl/token"
	"github.com/daphne-go/daphne/ir"
	"github.com/daphne-go/daphne/types"
)

// bounds lowers one indexing dimension to its form attribute ("all", "at",
// "lo:hi", "lo:", ":hi", ":") and bound arguments, and returns the extent
// of the result in that dimension when known (dim is the input's extent).
func (c *fnCtx) bounds(r *ast.Range, dim int) (string, []*ir.Value, int) {
	switch {
	case r == nil:
		return "all", nil, dim
	case !r.IsRange:
		v := c.expr(r.Lo)
		ext := types.UnknownDim
		if v.Type.DT == types.Scalar {
			ext = 1
		}
		return "at", []*ir.Value{v}, ext
	case r.Lo != nil && r.Hi != nil:
		lo, hi := c.expr(r.Lo), c.expr(r.Hi)
		ext := types.UnknownDim
		if l, ok := constIndex(lo); ok {
			if h, ok := constIndex(hi); ok && h >= l {
				ext = h - l
			}
		}
		return "lo:hi", []*ir.Value{lo, hi}, ext
	case r.Lo != nil:
		return "lo:", []*ir.Value{c.expr(r.Lo)}, types.UnknownDim
	case r.Hi != nil:
		return ":hi", []*ir.Value{c.expr(r.Hi)}, types.UnknownDim
	}
	return ":", nil, dim
}

// indexable reports (as a front-end error) indexing that the static types
// already rule out, as DAPHNE's parser does: indexing a scalar, and
// positions given as strings (column labels) on a matrix, which only
// frames have. rows and cols are the lowered bounds; what is not known
// statically is left to the kernels.
func (c *fnCtx) indexable(p token.Pos, t types.Type, what string, rows, cols []*ir.Value) bool {
	if t.DT == types.Scalar {
		c.errorf(p, "%s needs a matrix, but the indexed value is a %s", what, check.Describe(t))
		return false
	}
	switch t.DT {
	case types.Frame:
		for _, b := range rows {
			if b.Type.VT == types.Str {
				c.errorf(p, "%s by label: labels index the columns of a frame, not its rows", what)
				return false
			}
		}
		return true
	case types.Matrix:
	default:
		return true
	}
	for _, b := range append(append([]*ir.Value(nil), rows...), cols...) {
		if b.Type.VT == types.Str {
			c.errorf(p, "%s by label: labels index the columns of a frame, but the indexed value is a %s", what, check.Describe(t))
			return false
		}
	}
	return true
}

// indexedType is the type of the result of right indexing X.
func indexedType(x types.Type, rows, cols int) types.Type {
	if x.DT == types.Frame {
		return check.FrameType()
	}
	return types.MatrixOf(x.VT).WithShape(rows, cols)
}

// extract lowers X[rows, cols].
func (c *fnCtx) extract(x *ast.Index) *ir.Value {
	m := c.expr(x.X)
	rf, rv, rows := c.bounds(x.Rows, m.Type.Rows)
	cf, cv, cols := c.bounds(x.Cols, m.Type.Cols)
	if !c.indexable(x.P, m.Type, "right indexing", rv, cv) {
		return m
	}
	c.at(x.P)
	op := c.b.Op(ir.KindCall, builtin.OpExtract, append(append([]*ir.Value{m}, rv...), cv...), indexedType(m.Type, rows, cols))
	op.SetAttr("rows", rf)
	op.SetAttr("cols", cf)
	return op.Results[0]
}

// filter lowers X[[rows, cols]].
func (c *fnCtx) filter(x *ast.BitIndex) *ir.Value {
	m := c.expr(x.X)
	if !c.indexable(x.P, m.Type, "bit-vector indexing", nil, nil) {
		return m
	}
	if m.Type.DT == types.Frame && x.Cols != nil {
		c.errorf(x.P, "bit-vector indexing of a frame selects rows only (`F[[bits, ]]`): the columns of a frame cannot be filtered")
		return m
	}
	args := []*ir.Value{m}
	rows, cols := types.UnknownDim, types.UnknownDim
	rf, cf := "all", "all"
	if x.Rows != nil {
		rf = "at"
		args = append(args, c.expr(x.Rows))
	} else {
		rows = m.Type.Rows
	}
	if x.Cols != nil {
		cf = "at"
		args = append(args, c.expr(x.Cols))
	} else {
		cols = m.Type.Cols
	}
	c.at(x.P)
	op := c.b.Op(ir.KindCall, builtin.OpFilter, args, indexedType(m.Type, rows, cols))
	op.SetAttr("rows", rf)
	op.SetAttr("cols", cf)
	return op.Results[0]
}

// insert lowers the left-indexing target t (X[rows, cols] = v) to
// insert(X, v, bounds...), whose result is the new value of X.
func (c *fnCtx) insert(t ast.Target, old, v *ir.Value) *ir.Value {
	if old.Type.DT != types.Matrix && old.Type.DT != types.AnyData {
		c.errorf(t.P, "left indexing needs a matrix, but `%s` is a %s", t.Name, check.Describe(old.Type))
		return old
	}
	rf, rv, _ := c.bounds(t.Rows, old.Type.Rows)
	cf, cv, _ := c.bounds(t.Cols, old.Type.Cols)
	if !c.indexable(t.P, old.Type, "left indexing", rv, cv) {
		return old
	}
	c.at(t.P)
	res := old.Type
	res.Repr = types.AnyRepr
	op := c.b.Op(ir.KindCall, builtin.OpInsert, append(append([]*ir.Value{old, v}, rv...), cv...), res)
	op.SetAttr("rows", rf)
	op.SetAttr("cols", cf)
	return op.Results[0]
}

// cast lowers as.DT<VT>(x).
func (c *fnCtx) cast(x *ast.Cast) *ir.Value {
	v := c.expr(x.X)
	t := castType(x, v.Type)
	c.at(x.P)
	op := c.b.Op(ir.KindCall, builtin.OpCast, []*ir.Value{v}, t)
	dt, vt := "", ""
	if x.DT != types.AnyData {
		dt = x.DT.String()
	}
	if x.VT != types.Unknown {
		vt = x.VT.String()
	}
	op.SetAttr("dt", dt)
	op.SetAttr("vt", vt)
	return op.Results[0]
}

// castType is the static type of as.DT<VT>(x) for x of type in; frame
// results have check.FrameType() (as.frame<vt>, as.vt(F)).
func castType(x *ast.Cast, in types.Type) types.Type {
	t := in
	if x.DT != types.AnyData {
		t.DT = x.DT
	}
	if x.VT != types.Unknown {
		t.VT = x.VT
	}
	t.Repr = types.AnyRepr
	switch {
	case t.DT == types.Scalar:
		t.Rows, t.Cols = 1, 1
	case t.DT == types.Matrix && in.DT == types.Scalar:
		t.Rows, t.Cols = 1, 1
	case t.DT == types.Matrix && in.DT != types.Matrix:
		t.Rows, t.Cols = types.UnknownDim, types.UnknownDim
	case t.DT == types.Frame:
		return check.FrameType()
	}
	return t
}

// matrixLit lowers [e1, ..., en](rows, cols).
func (c *fnCtx) matrixLit(x *ast.MatrixLit) *ir.Value {
	if len(x.Elems) == 0 {
		c.errorf(x.P, "empty matrix literal `[]`")
		return c.bad()
	}
	args := make([]*ir.Value, 0, len(x.Elems)+2)
	vts := make([]types.ValueType, 0, len(x.Elems))
	for _, e := range x.Elems {
		v := c.expr(e)
		if v.Type.DT != types.Scalar && v.Type.DT != types.AnyData {
			c.errorf(e.Pos(), "elements of a matrix literal must be scalars, got %s", check.Describe(v.Type))
		}
		args = append(args, v)
		vts = append(vts, v.Type.VT)
	}
	n := len(x.Elems)
	shape, rows, cols := "", n, 1
	if x.HasShape {
		rows, cols = types.UnknownDim, types.UnknownDim
		r, rok := constDim(x.Rows)
		k, kok := constDim(x.Cols)
		switch {
		case x.Rows != nil && x.Cols != nil:
			shape = "r,c"
			if rok && kok && r*k == n {
				rows, cols = r, k
			}
		case x.Rows != nil:
			shape = "r,"
			if rok && r > 0 && n%r == 0 {
				rows, cols = r, n/r
			}
		case x.Cols != nil:
			shape = ",c"
			if kok && k > 0 && n%k == 0 {
				rows, cols = n/k, k
			}
		default:
			shape, rows, cols = ",", n, 1
		}
		if x.Rows != nil {
			args = append(args, c.expr(x.Rows))
		}
		if x.Cols != nil {
			args = append(args, c.expr(x.Cols))
		}
	}
	c.at(x.P)
	op := c.b.Op(ir.KindCall, builtin.OpMatrixLit, args, types.MatrixOf(types.Promote(vts...)).WithShape(rows, cols))
	op.SetAttr("n", strconv.Itoa(n))
	op.SetAttr("shape", shape)
	return op.Results[0]
}

func constDim(e ast.Expr) (int, bool) {
	if e == nil {
		return 0, false
	}
	v, ok := check.ConstInt(e)
	return int(v), ok && v >= 0
}

// constIndex returns the value of a constant non-negative integer position
// (negative positions count from the end, so their extent is not derived).
func constIndex(v *ir.Value) (int, bool) {
	d := v.Def
	if d == nil || d.Kind != ir.KindConst || d.Const == nil {
		return 0, false
	}
	k := d.Const
	switch {
	case k.VT.IsSigned() && k.I >= 0 && k.I < 1<<31:
		return int(k.I), true
	case k.VT.IsUnsigned() && k.U < 1<<31:
		return int(k.U), true
	}
	return 0, false
}
