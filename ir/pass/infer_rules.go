package pass

import (
	"github.com/daphne-go/daphne/ir"
	"github.com/daphne-go/daphne/types"
)

// A rule derives the result types of a call from its arguments. Parts it
// cannot derive are left unknown (types.Any, types.UnknownDim). Rules may
// assume the arity of the builtin table but must check it (ops with the
// wrong arity fail at run time, not here).
type rule func(op *ir.Op) []types.Type

const unk = types.UnknownDim

// rules maps IR op names to their inference rule; init adds the families.
var rules = map[string]rule{
	"transpose": func(op *ir.Op) []types.Type {
		return ifArity(op, 1, func(x types.Type) types.Type { return matrix(x.VT, x.Cols, x.Rows) })
	},
	"matMul":      binaryShape(func(a, b types.Type) types.Type { return matrix(types.Promote(a.VT, b.VT), a.Rows, b.Cols) }),
	"gemv":        binaryShape(func(a, b types.Type) types.Type { return matrix(types.Promote(a.VT, b.VT), a.Cols, b.Cols) }),
	"solve":       binaryShape(func(a, b types.Type) types.Type { return matrix(types.Promote(a.VT, b.VT), a.Cols, b.Cols) }),
	"syrk":        unaryShape(func(x types.Type) types.Type { return matrix(x.VT, x.Cols, x.Cols) }),
	"diagMatrix":  unaryShape(func(x types.Type) types.Type { return matrix(x.VT, x.Rows, x.Rows) }),
	"diagVector":  unaryShape(func(x types.Type) types.Type { return matrix(x.VT, x.Rows, 1) }),
	"nrow":        fixed(types.ScalarOf(types.Size)),
	"ncol":        fixed(types.ScalarOf(types.Size)),
	"ncell":       fixed(types.ScalarOf(types.Size)),
	"typeOf":      fixed(types.ScalarOf(types.Str)),
	"isSymmetric": fixed(types.ScalarOf(types.Bool)),
	"sparsity":    fixed(types.ScalarOf(types.F64)),
	"fill":        ruleFill,
	"rand":        ruleRand,
	"seq":         ruleSeq,
	"sample":      ruleSample,
	"reshape":     ruleReshape,
	"cbind":       ruleBind(false),
	"rbind":       ruleBind(true),
	"matrixLit":   ruleMatrixLit,
}

// Families of ops sharing a rule.
var (
	// sameType ops return a matrix of the argument's type and shape.
	sameType = []string{"reverse", "cumSum", "cumProd", "cumMin", "cumMax", "lowerTri", "upperTri",
		"replace", "ewAbs", "ewSign", "ewMinus", "ewRound", "ewFloor", "ewCeil", "ewIsNan", "ewLower", "ewUpper"}
	// sameShape ops keep the argument's data type and shape; the value type
	// depends on more than the argument (float results of integer input).
	sameShape = []string{"ewExp", "ewLn", "ewSqrt", "ewSin", "ewCos", "ewTan", "ewAsin", "ewAcos",
		"ewAtan", "ewSinh", "ewCosh", "ewTanh"}
	// arithmetic and comparison ops: broadcast shape, promoted value type
	// (unless a string is involved).
	ewPromoting = []string{"ewAdd", "ewSub", "ewMul", "ewDiv", "ewPow", "ewMod", "ewMin", "ewMax",
		"ewEq", "ewNeq", "ewLt", "ewLe", "ewGt", "ewGe"}
	// broadcast shape only.
	ewShapeOnly = []string{"ewAnd", "ewOr", "ewLog", "ewConcat"}
	// aggregations: the prefix and whether the value type is kept.
	aggPrefixes = map[string]bool{"sum": true, "aggMin": true, "aggMax": true, "mean": false, "var": false, "stddev": false}
	outerOps    = []string{"Add", "Sub", "Mul", "Div", "Pow", "Mod", "Log", "Min", "Max", "And", "Or", "Eq", "Neq", "Lt", "Le", "Gt", "Ge"}
)

func init() {
	for _, n := range sameType {
		rules[n] = unaryElementwise(true)
	}
	for _, n := range sameShape {
		rules[n] = unaryElementwise(false)
	}
	for _, n := range ewPromoting {
		rules[n] = binaryElementwise(true)
	}
	for _, n := range ewShapeOnly {
		rules[n] = binaryElementwise(false)
	}
	for p, keepVT := range aggPrefixes {
		rules[p+"All"] = aggRule(keepVT, false, false)
		rules[p+"Row"] = aggRule(keepVT, true, false)
		rules[p+"Col"] = aggRule(keepVT, false, true)
	}
	rules["idxMinRow"], rules["idxMaxRow"] = idxRule(true), idxRule(true)
	rules["idxMinCol"], rules["idxMaxCol"] = idxRule(false), idxRule(false)
	for _, n := range outerOps {
		rules["outer"+n] = binaryShape(func(a, b types.Type) types.Type { return matrix(types.Unknown, a.Rows, b.Cols) })
	}
}

func matrix(vt types.ValueType, rows, cols int) types.Type {
	return types.Type{DT: types.Matrix, VT: vt, Rows: rows, Cols: cols}
}

func one(t types.Type) []types.Type { return []types.Type{t} }

func fixed(t types.Type) rule { return func(*ir.Op) []types.Type { return one(t) } }

func ifArity(op *ir.Op, n int, f func(types.Type) types.Type) []types.Type {
	if len(op.Args) != n || op.Args[0].Type.DT != types.Matrix {
		return nil
	}
	return one(f(op.Args[0].Type))
}

// unaryShape applies f to a matrix argument (first of one or more args).
func unaryShape(f func(x types.Type) types.Type) rule {
	return func(op *ir.Op) []types.Type {
		if len(op.Args) == 0 || op.Args[0].Type.DT != types.Matrix {
			return nil
		}
		return one(f(op.Args[0].Type))
	}
}

// binaryShape applies f to two matrix arguments.
func binaryShape(f func(a, b types.Type) types.Type) rule {
	return func(op *ir.Op) []types.Type {
		if len(op.Args) != 2 || op.Args[0].Type.DT != types.Matrix || op.Args[1].Type.DT != types.Matrix {
			return nil
		}
		return one(f(op.Args[0].Type, op.Args[1].Type))
	}
}

func unaryElementwise(keepVT bool) rule {
	return func(op *ir.Op) []types.Type {
		if len(op.Args) != 1 {
			return nil
		}
		x := op.Args[0].Type
		t := types.Any
		switch x.DT {
		case types.Scalar:
			t = types.ScalarOf(types.Unknown)
		case types.Matrix:
			t = matrix(types.Unknown, x.Rows, x.Cols)
		default:
			return nil
		}
		if keepVT {
			t.VT = x.VT
		}
		return one(t)
	}
}

// binaryElementwise derives scalar op scalar = scalar, and otherwise a
// matrix whose dimensions broadcast (see bcast).
func binaryElementwise(promote bool) rule {
	return func(op *ir.Op) []types.Type {
		if len(op.Args) != 2 {
			return nil
		}
		a, b := op.Args[0].Type, op.Args[1].Type
		t := types.Any
		switch {
		case a.DT == types.Scalar && b.DT == types.Scalar:
			t = types.ScalarOf(types.Unknown)
		case a.DT == types.Matrix && b.DT == types.Scalar:
			t = matrix(types.Unknown, a.Rows, a.Cols)
		case a.DT == types.Scalar && b.DT == types.Matrix:
			t = matrix(types.Unknown, b.Rows, b.Cols)
		case a.DT == types.Matrix || b.DT == types.Matrix:
			t = matrix(types.Unknown, bcast(a, b, true), bcast(a, b, false))
		default:
			return nil
		}
		if vt := types.Promote(a.VT, b.VT); promote && vt != types.Str {
			t.VT = vt
		}
		return one(t)
	}
}

// bcast is the result extent of an elementwise op along rows (or columns)
// when at least one side is a matrix: equal extents stay, an extent of 1
// broadcasts to the other, and an unknown or scalar side is either 1 or
// equal, so a known extent above 1 decides. Anything else stays unknown.
func bcast(a, b types.Type, rows bool) int {
	x, y := a.Cols, b.Cols
	if rows {
		x, y = a.Rows, b.Rows
	}
	if a.DT != types.Matrix {
		x = unk
	}
	if b.DT != types.Matrix {
		y = unk
	}
	switch {
	case x == y:
		return x
	case x == 1 && y != unk:
		return y
	case y == 1 && x != unk:
		return x
	case x == unk && y > 1:
		return y
	case y == unk && x > 1:
		return x
	}
	return unk
}

func aggRule(keepVT, row, col bool) rule {
	return func(op *ir.Op) []types.Type {
		if len(op.Args) == 0 || op.Args[0].Type.DT != types.Matrix {
			return nil
		}
		x := op.Args[0].Type
		vt := types.Unknown
		if keepVT {
			vt = x.VT
		}
		switch {
		case row:
			return one(matrix(vt, x.Rows, 1))
		case col:
			return one(matrix(vt, 1, x.Cols))
		}
		return one(types.ScalarOf(vt))
	}
}

func idxRule(row bool) rule {
	return unaryShape(func(x types.Type) types.Type {
		if row {
			return matrix(types.Size, x.Rows, 1)
		}
		return matrix(types.Size, 1, x.Cols)
	})
}
