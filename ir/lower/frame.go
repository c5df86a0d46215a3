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

// Frames in the front end (daphnedsl.md sections 5, 7.1 and 8). A frame's
// static type is always check.FrameType(): value types and shapes are per
// column and not tracked, and the IR text form writes a frame as "frame".
//
// Frame literals lower to createFrame(c1, ..., cn, l1, ..., ln), the op of
// the builtin: by columns {"a": X, "b": Y} directly; by rows {["a", "b"],
// [1, 1.5], [2, 2.5]} column-wise, column j being the matrix literal of the
// j-th elements of the rows (so each column gets the most general value
// type of its own elements, as DAPHNE's visitor does). The values are
// evaluated in source order.

// frameLit lowers a frame literal.
func (c *fnCtx) frameLit(x *ast.FrameLit) *ir.Value {
	if x.ByRows {
		return c.frameLitRows(x)
	}
	if len(x.Labels) == 0 {
		c.errorf(x.P, "empty frame literals are not supported: give at least one column (`{\"a\": [1, 2]}`)")
		return c.bad()
	}
	labels := newLabelSet()
	cols := make([]*ir.Value, len(x.Cols))
	ls := make([]*ir.Value, len(x.Labels))
	for i := range x.Labels {
		ls[i] = c.frameLabel(x.Labels[i], labels)
		cols[i] = c.expr(x.Cols[i])
		if t := cols[i].Type; t.DT != types.Matrix && t.DT != types.AnyData {
			c.errorf(x.Cols[i].Pos(), "the columns of a frame literal must be matrices, but column %q is a %s",
				labels.name(i), check.Describe(t))
		}
	}
	return c.createFrame(x.P, cols, ls)
}

// frameLitRows lowers a frame literal by rows; Rows[0] holds the labels.
func (c *fnCtx) frameLitRows(x *ast.FrameLit) *ir.Value {
	if len(x.Rows) == 0 || len(x.Rows[0]) == 0 {
		c.errorf(x.P, "empty frame literals are not supported: the first row must hold the column labels")
		return c.bad()
	}
	labels := newLabelSet()
	ls := make([]*ir.Value, len(x.Rows[0]))
	for j, e := range x.Rows[0] {
		ls[j] = c.frameLabel(e, labels)
	}
	data := x.Rows[1:]
	if len(data) == 0 {
		c.errorf(x.P, "a frame literal by rows needs at least one row of values after the labels")
		return c.bad()
	}
	n := len(ls)
	vals := make([][]*ir.Value, n) // per column
	for i, row := range data {
		if len(row) != n {
			p := x.P
			if len(row) > 0 {
				p = row[0].Pos()
			}
			c.errorf(p, "row %d of the frame literal has %d values, but there are %d column labels", i, len(row), n)
			return c.bad()
		}
		for j, e := range row {
			v := c.expr(e)
			if v.Type.DT != types.Scalar && v.Type.DT != types.AnyData {
				c.errorf(e.Pos(), "the values of a frame literal by rows must be scalars, but the value of column %q in row %d is a %s",
					labels.name(j), i, check.Describe(v.Type))
			}
			vals[j] = append(vals[j], v)
		}
	}
	cols := make([]*ir.Value, n)
	for j := range cols {
		cols[j] = c.columnLit(x.P, vals[j])
	}
	return c.createFrame(x.P, cols, ls)
}

// columnLit emits the matrix literal [v1, ..., vn] (an n x 1 column of the
// most general value type of the values).
func (c *fnCtx) columnLit(p token.Pos, vals []*ir.Value) *ir.Value {
	vts := make([]types.ValueType, len(vals))
	for i, v := range vals {
		vts[i] = v.Type.VT
	}
	c.at(p)
	t := types.MatrixOf(types.Promote(vts...)).WithShape(len(vals), 1)
	op := c.b.Op(ir.KindCall, builtin.OpMatrixLit, vals, t)
	op.SetAttr("n", strconv.Itoa(len(vals)))
	op.SetAttr("shape", "")
	return op.Results[0]
}

// createFrame emits createFrame(cols..., labels...).
func (c *fnCtx) createFrame(p token.Pos, cols, labels []*ir.Value) *ir.Value {
	c.at(p)
	return c.b.Call("createFrame", check.FrameType(), append(append([]*ir.Value(nil), cols...), labels...)...)
}

// labelSet remembers the constant labels of one frame literal.
type labelSet struct {
	names []string // per label in order; "" when not a constant
	seen  map[string]bool
}

func newLabelSet() *labelSet { return &labelSet{seen: map[string]bool{}} }

// name returns the i-th label for messages (its position if not constant).
func (s *labelSet) name(i int) string {
	if i < len(s.names) && s.names[i] != "" {
		return s.names[i]
	}
	return "#" + strconv.Itoa(i)
}

// frameLabel lowers a label of a frame literal: it must be a string, and
// constant labels must be unique.
func (c *fnCtx) frameLabel(e ast.Expr, set *labelSet) *ir.Value {
	v := c.expr(e)
	name := ""
	switch t := v.Type; {
	case t.DT == types.AnyData && t.VT == types.Unknown:
	case t.DT != types.Scalar || t.VT != types.Str:
		c.errorf(e.Pos(), "the labels of a frame literal must be strings, got %s", check.Describe(t))
	default:
		if k, ok := constString(v); ok {
			if set.seen[k] {
				c.errorf(e.Pos(), "column label %q is used twice in the frame literal (labels must be unique)", k)
			}
			set.seen[k] = true
			name = k
		}
	}
	set.names = append(set.names, name)
	return v
}

// constString returns the value of a string constant.
func constString(v *ir.Value) (string, bool) {
	d := v.Def
	if d == nil || d.Kind != ir.KindConst || d.Const == nil || d.Const.VT != types.Str {
		return "", false
	}
	return d.Const.S, true
}

// checkFrameArgs reports the statically known misuses of createFrame's
// arguments (a front-end error, as in DAPHNE's parser).
func (c *fnCtx) checkFrameArgs(x *ast.Call, sig *builtin.Sig, argTypes []types.Type) bool {
	if sig.Name != "createFrame" {
		return true
	}
	bad, msg, ok := check.CreateFrameArgs(argTypes)
	if ok {
		return true
	}
	p := x.P
	if bad >= 0 && bad < len(x.Args) {
		p = x.Args[bad].P
	}
	c.errorf(p, "%s", msg)
	return false
}

// frameResults corrects the result types of builtins that return a frame
// when given one: order(F, ..., returnIndexes) is a frame for a constant
// false, a size column for a constant true and unknown otherwise (as
// DAPHNE's parser types OrderOp); order of a value of unknown data type is
// unknown unless it returns indexes.
func frameResults(sig *builtin.Sig, args []*ir.Value, ts []types.Type) []types.Type {
	if sig.Name != "order" || len(args) < 2 || len(ts) != 1 {
		return ts
	}
	x := args[0].Type
	if x.DT != types.Frame && x.DT != types.AnyData {
		return ts
	}
	idx, known := constBool(args[len(args)-1])
	switch {
	case known && idx:
		return []types.Type{types.MatrixOf(types.Size).WithShape(types.UnknownDim, 1)}
	case known && x.DT == types.Frame:
		return []types.Type{check.FrameType()}
	}
	return []types.Type{types.Any}
}

// constBool returns the truth of a numeric or boolean constant.
func constBool(v *ir.Value) (truth, ok bool) {
	d := v.Def
	if d == nil || d.Kind != ir.KindConst || d.Const == nil || d.Const.VT == types.Str {
		return false, false
	}
	k := d.Const
	switch {
	case k.VT.IsFloat():
		return k.F != 0, true
	case k.VT.IsUnsigned():
		return k.U != 0, true
	}
	return k.I != 0, true
}
