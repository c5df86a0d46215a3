package lower

import (
	"github.com/daphne-go/daphne/ir"
	"github.com/daphne-go/daphne/types"
)

// constShapes lists, for builtins whose result shape depends on argument
// values, which arguments hold the rows and columns (-1: that extent is 1;
// -2: not derivable).
var constShapes = map[string][2]int{
	"fill":    {1, 2},
	"rand":    {0, 1},
	"reshape": {1, 2},
	"sample":  {1, -1},
}

// refineShape sets the result shape of op from constant arguments
// (fill(v, 3, 4) is 3 x 4) and from nrow/ncol of matrices of known shape.
// Negative or non-integer constants leave the extent unknown; the kernel
// reports them.
func refineShape(op *ir.Op) {
	if op.Name == "seq" {
		refineSeq(op)
		return
	}
	idx, ok := constShapes[op.Name]
	if !ok || len(op.Results) != 1 || op.Results[0].Type.DT != types.Matrix {
		return
	}
	t := &op.Results[0].Type
	t.Rows = constExtent(op, idx[0], t.Rows)
	t.Cols = constExtent(op, idx[1], t.Cols)
}

func constExtent(op *ir.Op, i, old int) int {
	switch {
	case i == -1:
		return 1
	case i < 0 || i >= len(op.Args):
		return old
	}
	d := op.Args[i].Def
	if d != nil && d.Kind == ir.KindCall && len(d.Args) == 1 {
		switch d.Name {
		case "nrow":
			return d.Args[0].Type.Rows
		case "ncol":
			return d.Args[0].Type.Cols
		}
	}
	if d == nil || d.Kind != ir.KindConst || d.Const == nil {
		return old
	}
	k := d.Const
	switch {
	case k.VT.IsSigned() && k.I >= 0:
		return int(k.I)
	case k.VT.IsUnsigned() && k.U < 1<<31:
		return int(k.U)
	}
	return old
}

// refineSeq derives the length of seq(from, to, inc) with integer constant
// arguments: inc > 0 counts up to to, inc < 0 down to it, and a step of
// the wrong sign gives an empty column (daphnedsl.md 9.1).
func refineSeq(op *ir.Op) {
	if len(op.Args) != 3 || len(op.Results) != 1 {
		return
	}
	var v [3]int64
	for i, a := range op.Args {
		d := a.Def
		if d == nil || d.Kind != ir.KindConst || d.Const == nil || !d.Const.VT.IsSigned() {
			return
		}
		v[i] = d.Const.I
	}
	from, to, inc := v[0], v[1], v[2]
	n := int64(0)
	switch {
	case inc > 0 && to >= from:
		n = (to-from)/inc + 1
	case inc < 0 && to <= from:
		n = (from-to)/(-inc) + 1
	case inc == 0:
		return // a run-time error
	}
	if n < 1<<31 {
		op.Results[0].Type.Rows = int(n)
	}
}
