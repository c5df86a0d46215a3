package builtin

import "github.com/daphne-go/daphne/types"

// Result-type rules of daphnedsl.md section 5.2. Every rule is
// conservative: what cannot be derived from the argument types stays
// unknown (types.Unknown value type, types.UnknownDim extents).

// elemDT is the data type of an elementwise result: matrix if any operand
// is a matrix, frame if a frame is involved, scalar if all are scalars,
// unknown otherwise.
func elemDT(args []types.Type) types.DataType {
	dt := types.Scalar
	for _, a := range args {
		switch a.DT {
		case types.Frame:
			return types.Frame
		case types.Matrix:
			dt = types.Matrix
		case types.Scalar:
		default:
			if dt == types.Scalar {
				dt = types.AnyData
			}
		}
	}
	return dt
}

// vts returns the value types of args.
func vts(args []types.Type) []types.ValueType {
	out := make([]types.ValueType, len(args))
	for i, a := range args {
		out[i] = a.VT
	}
	return out
}

// ewShape derives the shape of an elementwise result: scalars take no
// part; per dimension, equal extents stay, an extent of 1 broadcasts to the
// other operand's, and anything unknown gives unknown (broadcasting errors
// are reported at run time).
func ewShape(t types.Type, args []types.Type) types.Type {
	t.Rows, t.Cols = types.UnknownDim, types.UnknownDim
	switch t.DT {
	case types.Scalar:
		t.Rows, t.Cols = 1, 1
		return t
	case types.Matrix:
	default:
		return t
	}
	first := true
	for _, a := range args {
		switch a.DT {
		case types.Scalar:
			continue
		case types.Matrix:
		default:
			return t.WithShape(types.UnknownDim, types.UnknownDim)
		}
		if first {
			t.Rows, t.Cols = a.Rows, a.Cols
			first = false
			continue
		}
		t.Rows, t.Cols = broadcast(t.Rows, a.Rows), broadcast(t.Cols, a.Cols)
	}
	return t
}

// broadcast combines two extents of elementwise operands.
func broadcast(a, b int) int {
	switch {
	case a == types.UnknownDim || b == types.UnknownDim:
		return types.UnknownDim
	case a == b || b == 1:
		return a
	case a == 1:
		return b
	}
	return types.UnknownDim // a mismatch: the kernel reports it
}

func ewType(vt types.ValueType, args []types.Type) types.Type {
	t := types.Type{DT: elemDT(args), VT: vt}
	if t.DT == types.Frame {
		t.VT = types.Unknown
	}
	return ewShape(t, args)
}

func one(t types.Type) []types.Type { return []types.Type{t} }

// inferArith: most general of the operands.
func inferArith(args []types.Type) []types.Type {
	return one(ewType(types.Promote(vts(args)...), args))
}

// inferCompare: most general of the operands, str replaced by si64.
func inferCompare(args []types.Type) []types.Type {
	vt := types.Promote(vts(args)...)
	if vt == types.Str {
		vt = types.SI64
	}
	return one(ewType(vt, args))
}

// logicalVT is the value type of && and ||: bool for bool operands, the
// most general integer type for integers, ui64 when a float is involved.
func logicalVT(v []types.ValueType) types.ValueType {
	vt := types.Promote(v...)
	switch {
	case vt == types.Unknown || vt == types.Bool || vt.IsInt():
		return vt
	case vt.IsFloat():
		return types.UI64
	}
	return types.Unknown
}

func inferLogical(args []types.Type) []types.Type {
	return one(ewType(logicalVT(vts(args)), args))
}

// inferFloat: most general, non-float becomes f64 (f32 stays f32).
func inferFloat(args []types.Type) []types.Type {
	return one(ewType(types.FloatOf(types.Promote(vts(args)...)), args))
}

// inferSame: the type of the first argument.
func inferSame(args []types.Type) []types.Type {
	if len(args) == 0 {
		return one(types.Any)
	}
	return one(ewType(args[0].VT, args[:1]))
}

func inferStr(args []types.Type) []types.Type { return one(ewType(types.Str, args)) }

// fixed returns a rule giving always the same types.
func fixed(ts ...types.Type) func([]types.Type) []types.Type {
	return func([]types.Type) []types.Type { return append([]types.Type(nil), ts...) }
}

// scalarOf is a rule giving a scalar of vt.
func scalarOf(vt types.ValueType) func([]types.Type) []types.Type {
	return fixed(types.ScalarOf(vt))
}

// matrixOfArg is a rule giving a matrix with the value type of argument i
// (unknown shape).
func matrixOfArg(i int) func([]types.Type) []types.Type {
	return func(args []types.Type) []types.Type {
		if i < 0 || i >= len(args) {
			return one(types.MatrixOf(types.Unknown))
		}
		return one(types.MatrixOf(args[i].VT))
	}
}

// oneHotType: the input's value type, except that string matrices are
// recoded to si64 codes first (as DAPHNE's oneHot test shows).
func oneHotType(args []types.Type) []types.Type {
	vt := args[0].VT
	if vt == types.Str {
		vt = types.SI64
	}
	return one(types.MatrixOf(vt))
}

// aggAll: a scalar of the input value type (or its float type).
func aggAll(float bool) func([]types.Type) []types.Type {
	return func(args []types.Type) []types.Type {
		vt := args[0].VT
		if float {
			vt = types.FloatOf(vt)
		}
		return one(types.ScalarOf(vt))
	}
}

// aggRow: one value per row (n x 1); aggCol: one per column (1 x m).
func aggRowCol(float, row bool) func([]types.Type) []types.Type {
	return func(args []types.Type) []types.Type {
		vt := args[0].VT
		if float {
			vt = types.FloatOf(vt)
		}
		if row {
			return one(types.MatrixOf(vt).WithShape(args[0].Rows, 1))
		}
		return one(types.MatrixOf(vt).WithShape(1, args[0].Cols))
	}
}

func idxRowCol(row bool) func([]types.Type) []types.Type {
	return func(args []types.Type) []types.Type {
		if row {
			return one(types.MatrixOf(types.Size).WithShape(args[0].Rows, 1))
		}
		return one(types.MatrixOf(types.Size).WithShape(1, args[0].Cols))
	}
}

func aggGrp(float bool) func([]types.Type) []types.Type {
	return func(args []types.Type) []types.Type {
		vt := args[0].VT
		if float {
			vt = types.FloatOf(vt)
		}
		return one(types.MatrixOf(vt))
	}
}

// inferSameShape: the first argument's type with its shape (cum*, reverse,
// lowerTri, replace, ...), as a matrix.
func inferSameShape(args []types.Type) []types.Type {
	t := args[0]
	if t.DT != types.Matrix {
		return one(types.MatrixOf(t.VT))
	}
	t.Repr = types.AnyRepr
	return one(t)
}

func inferTranspose(args []types.Type) []types.Type {
	return one(types.MatrixOf(args[0].VT).WithShape(args[0].Cols, args[0].Rows))
}

func inferMatMul(args []types.Type) []types.Type {
	return one(types.MatrixOf(types.Promote(args[0].VT, args[1].VT)).WithShape(args[0].Rows, args[1].Cols))
}

func inferSyrk(args []types.Type) []types.Type {
	return one(types.MatrixOf(args[0].VT).WithShape(args[0].Cols, args[0].Cols))
}

func inferGemv(args []types.Type) []types.Type {
	return one(types.MatrixOf(types.Promote(args[0].VT, args[1].VT)).WithShape(args[0].Cols, 1))
}

// inferBind derives the type of cbind (cbind=true: rows kept, columns
// added) or rbind (columns kept, rows added). Binding frames gives a frame;
// an argument of unknown data type may be either, so the result is unknown.
func inferBind(cbind bool) func([]types.Type) []types.Type {
	return func(args []types.Type) []types.Type {
		a, b := args[0], args[1]
		switch {
		case a.DT == types.Frame || b.DT == types.Frame:
			return one(frameT())
		case a.DT == types.AnyData || b.DT == types.AnyData:
			return one(types.Any) // a frame or a matrix: known at run time
		}
		t := types.MatrixOf(types.Promote(a.VT, b.VT))
		if a.DT != types.Matrix || b.DT != types.Matrix {
			return one(t)
		}
		if cbind {
			return one(t.WithShape(keep(a.Rows, b.Rows), add(a.Cols, b.Cols)))
		}
		return one(t.WithShape(add(a.Rows, b.Rows), keep(a.Cols, b.Cols)))
	}
}

// keep is the extent both operands share (the known one).
func keep(a, b int) int {
	if a == types.UnknownDim {
		return b
	}
	return a
}

// add is the sum of two extents, unknown when either is.
func add(a, b int) int {
	if a == types.UnknownDim || b == types.UnknownDim {
		return types.UnknownDim
	}
	return a + b
}

func inferSeq(args []types.Type) []types.Type {
	return one(types.MatrixOf(types.Promote(vts(args)...)).WithShape(types.UnknownDim, 1))
}

func inferColOfArg(i int) func([]types.Type) []types.Type {
	return func(args []types.Type) []types.Type {
		return one(types.MatrixOf(args[i].VT).WithShape(types.UnknownDim, 1))
	}
}

// inferCtable: the weight's value type when a weight is given (3 or 5
// arguments), f64 otherwise.
func inferCtable(args []types.Type) []types.Type {
	if len(args) == 3 || len(args) == 5 {
		return one(types.MatrixOf(args[2].VT))
	}
	return one(types.MatrixOf(types.F64))
}

func inferEigen(args []types.Type) []types.Type {
	vt := args[0].VT
	n := args[0].Rows
	return []types.Type{types.MatrixOf(vt).WithShape(n, 1), types.MatrixOf(vt).WithShape(n, n)}
}

func inferRecode(args []types.Type) []types.Type {
	return []types.Type{types.MatrixOf(types.SI64).WithShape(args[0].Rows, args[0].Cols), types.MatrixOf(args[0].VT)}
}

func listOf(vt types.ValueType) types.Type {
	return types.Type{DT: types.List, VT: vt, Rows: types.UnknownDim, Cols: types.UnknownDim}
}

func inferCreateList(args []types.Type) []types.Type {
	return one(listOf(types.Promote(vts(args)...)))
}

func inferAppend(args []types.Type) []types.Type {
	vt := args[0].VT
	if vt != args[1].VT {
		vt = types.Unknown
	}
	return one(listOf(vt))
}

func inferRemove(args []types.Type) []types.Type {
	return []types.Type{listOf(args[0].VT), types.MatrixOf(args[0].VT)}
}

// inferCond: c ? a : b. A scalar condition selects a or b whole (their
// common type); a matrix condition selects elementwise (a matrix of the
// promoted value type with c's shape).
func inferCond(args []types.Type) []types.Type {
	c, a, b := args[0], args[1], args[2]
	switch c.DT {
	case types.Matrix:
		return one(types.MatrixOf(types.Promote(a.VT, b.VT)).WithShape(c.Rows, c.Cols))
	case types.Scalar:
		return one(Generalize(a, b))
	}
	return one(types.Any)
}

// Generalize returns the most specific type that describes both a and b:
// each part that differs becomes unknown.
func Generalize(a, b types.Type) types.Type {
	if a.DT != b.DT {
		a.DT = types.AnyData
	}
	if a.VT != b.VT {
		a.VT = types.Unknown
	}
	if a.Rows != b.Rows {
		a.Rows = types.UnknownDim
	}
	if a.Cols != b.Cols {
		a.Cols = types.UnknownDim
	}
	if a.Repr != b.Repr {
		a.Repr = types.AnyRepr
	}
	return a
}

// inferDiagMatrix: an n x n matrix for an n x 1 column.
func inferDiagMatrix(args []types.Type) []types.Type {
	return one(types.MatrixOf(args[0].VT).WithShape(args[0].Rows, args[0].Rows))
}
