package pass

import (
	"strconv"
	"strings"

	"github.com/daphne-go/daphne/ir"
	"github.com/daphne-go/daphne/types"
)

// Inference rules of data generation, reorganisation, literals, casts and
// cond, whose shapes come from constant arguments or attributes.

func init() {
	rules["cast"] = ruleCast
	rules["cond"] = ruleCond
}

// dimArg returns a constant, non-negative dimension argument, or unknown.
func dimArg(v *ir.Value) int {
	if n, ok := constInt(v); ok && n >= 0 && n <= 1<<40 {
		return int(n)
	}
	return unk
}

// fill(value, rows, cols)
func ruleFill(op *ir.Op) []types.Type {
	if len(op.Args) != 3 {
		return nil
	}
	return one(matrix(op.Args[0].Type.VT, dimArg(op.Args[1]), dimArg(op.Args[2])))
}

// rand(rows, cols, min, max, sparsity, seed): value type of min.
func ruleRand(op *ir.Op) []types.Type {
	if len(op.Args) != 6 {
		return nil
	}
	return one(matrix(op.Args[2].Type.VT, dimArg(op.Args[0]), dimArg(op.Args[1])))
}

// sample(range, size, withReplacement, seed): size x 1 of range's type.
func ruleSample(op *ir.Op) []types.Type {
	if len(op.Args) != 4 {
		return nil
	}
	return one(matrix(op.Args[0].Type.VT, dimArg(op.Args[1]), 1))
}

// reshape(X, rows, cols)
func ruleReshape(op *ir.Op) []types.Type {
	if len(op.Args) != 3 {
		return nil
	}
	return one(matrix(op.Args[0].Type.VT, dimArg(op.Args[1]), dimArg(op.Args[2])))
}

// seq(from, to[, inc]): a column; the row count is derived only for
// integer constants (for floats DAPHNE's rounding rule decides).
func ruleSeq(op *ir.Op) []types.Type {
	if len(op.Args) != 2 && len(op.Args) != 3 {
		return nil
	}
	vts := []types.ValueType{op.Args[0].Type.VT, op.Args[1].Type.VT}
	if len(op.Args) == 3 {
		vts = append(vts, op.Args[2].Type.VT)
	}
	vt := types.Promote(vts...)
	rows := unk
	from, ok1 := intConst(op.Args[0])
	to, ok2 := intConst(op.Args[1])
	inc, ok3 := int64(1), true
	if len(op.Args) == 3 {
		inc, ok3 = intConst(op.Args[2])
	}
	small := func(x int64) bool { return x >= -(1<<40) && x <= 1<<40 }
	if ok1 && ok2 && ok3 && inc != 0 && small(from) && small(to) {
		switch {
		case (to-from > 0) != (inc > 0) && to != from:
			rows = 0
		default:
			if n := (to-from)/inc + 1; n >= 0 && n <= 1<<40 {
				rows = int(n)
			}
		}
	}
	return one(matrix(vt, rows, 1))
}

// intConst is constInt restricted to integer-typed constants.
func intConst(v *ir.Value) (int64, bool) {
	if c := constOf(v); c == nil || !c.VT.IsInt() {
		return 0, false
	}
	return constInt(v)
}

// cbind(A, B) adds columns, rbind(A, B) adds rows.
func ruleBind(rows bool) rule {
	return binaryShape(func(a, b types.Type) types.Type {
		vt := types.Unknown
		if a.VT == b.VT {
			vt = a.VT
		}
		same, sum := a.Rows, addDims(a.Cols, b.Cols)
		if same == unk {
			same = b.Rows
		}
		if rows {
			same, sum = a.Cols, addDims(a.Rows, b.Rows)
			if same == unk {
				same = b.Cols
			}
			return matrix(vt, sum, same)
		}
		return matrix(vt, same, sum)
	})
}

func addDims(a, b int) int {
	if a == unk || b == unk {
		return unk
	}
	return a + b
}

// matrixLit(e1, ..., en, [rows], [cols]) with attributes "n" and "shape"
// ("", "r,c", "r,", ",c", ","): the value type is the most general element
// type.
func ruleMatrixLit(op *ir.Op) []types.Type {
	n, err := strconv.Atoi(op.Attr("n"))
	if err != nil || n <= 0 || n > len(op.Args) {
		return nil
	}
	vts := make([]types.ValueType, n)
	for i := range vts {
		vts[i] = op.Args[i].Type.VT
	}
	rest := op.Args[n:]
	rows, cols := n, 1
	switch op.Attr("shape") {
	case "", ",":
	case "r,c":
		if len(rest) != 2 {
			return nil
		}
		rows, cols = dimArg(rest[0]), dimArg(rest[1])
	case "r,":
		if len(rest) != 1 {
			return nil
		}
		rows, cols = dimArg(rest[0]), unk
		if rows > 0 && n%rows == 0 {
			cols = n / rows
		}
	case ",c":
		if len(rest) != 1 {
			return nil
		}
		rows, cols = unk, dimArg(rest[0])
		if cols > 0 && n%cols == 0 {
			rows = n / cols
		}
	default:
		return nil
	}
	return one(matrix(types.Promote(vts...), rows, cols))
}

// cast(x) with attributes "dt" and "vt" (each possibly ""): a matrix keeps
// its shape.
func ruleCast(op *ir.Op) []types.Type {
	if len(op.Args) != 1 {
		return nil
	}
	x := op.Args[0].Type
	t := types.Any
	dt := x.DT
	if d := op.Attr("dt"); d != "" {
		var ok bool
		if dt, ok = types.ParseDataType(strings.TrimSpace(d)); !ok {
			return nil
		}
	}
	switch {
	case dt == types.Scalar:
		t = types.ScalarOf(types.Unknown)
	case dt == types.Matrix && x.DT == types.Matrix:
		t = matrix(x.VT, x.Rows, x.Cols)
	case dt == types.Matrix:
		t = matrix(types.Unknown, unk, unk)
	default:
		return nil
	}
	if v := op.Attr("vt"); v != "" {
		vt, err := types.ParseType(v)
		if err != nil || vt.DT != types.Scalar {
			return nil
		}
		t.VT = vt.VT
	} else if dt == x.DT || dt == types.Scalar && x.DT == types.Matrix {
		t.VT = x.VT
	}
	return one(t)
}

// cond(c, a, b): with a matrix condition the result has c's shape; with a
// scalar one it is a or b, so it has what they have alike.
func ruleCond(op *ir.Op) []types.Type {
	if len(op.Args) != 3 {
		return nil
	}
	c, a, b := op.Args[0].Type, op.Args[1].Type, op.Args[2].Type
	switch c.DT {
	case types.Scalar:
		return one(meet(a, b))
	case types.Matrix:
		vt := types.Unknown
		if a.VT == b.VT {
			vt = a.VT
		}
		return one(matrix(vt, c.Rows, c.Cols))
	}
	return nil
}
