package opset

import (
	"fmt"
	"strconv"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// The matrix families of the shape property test: each builds the calls of
// its ops for one environment, with the expected result shape where it is
// determined (want) and whether the call is valid and must succeed (must)
// or invalid and must fail (fail).

func isNum(vt types.ValueType) bool { return vt != types.Bool && vt != types.Str }

func at(name string, want *shape, must bool, vs ...data.Value) call {
	return call{name: name, args: vs, want: want, must: must}
}

func failing(name string, vs ...data.Value) call {
	return call{name: name, args: vs, fail: true}
}

// when returns want if ok, else nil (shape not determined).
func when(ok bool, want *shape) *shape {
	if ok {
		return want
	}
	return nil
}

var (
	ewMathOps = []string{"ewExp", "ewLn", "ewSqrt", "ewSin", "ewCos", "ewTan", "ewAsin", "ewAcos", "ewAtan",
		"ewSinh", "ewCosh", "ewTanh", "ewAbs", "ewSign", "ewRound", "ewFloor", "ewCeil", "ewIsNan", "ewMinus"}
	ewArithOps   = []string{"ewAdd", "ewSub", "ewMul", "ewDiv", "ewPow", "ewMod", "ewMin", "ewMax", "ewLog"}
	ewCompareOps = []string{"ewEq", "ewNeq", "ewLt", "ewLe", "ewGt", "ewGe"}
	outerOps     = []string{"outerAdd", "outerSub", "outerMul", "outerDiv", "outerPow", "outerMod", "outerLog",
		"outerMin", "outerMax", "outerAnd", "outerOr", "outerEq", "outerNeq", "outerLt", "outerLe", "outerGt", "outerGe"}
)

// ewValid says which value types a binary elementwise op must accept.
func ewValid(op string, vt types.ValueType) bool {
	switch op {
	case "ewConcat":
		return vt == types.Str
	case "ewAnd", "ewOr", "outerAnd", "outerOr":
		return isNum(vt) || vt == types.Bool
	}
	return isNum(vt)
}

func matrixFamilies() []family {
	return []family{
		{name: "ewUnary", ops: append(append([]string{}, ewMathOps...), "ewLower", "ewUpper"), vts: allVTs, calls: ewUnaryCalls},
		{name: "ewBinary", ops: append(append(append([]string{}, ewArithOps...), ewCompareOps...), "ewAnd", "ewOr", "ewConcat"),
			vts: allVTs, calls: ewBinaryCalls},
		{name: "outer", ops: outerOps, vts: allVTs, calls: outerCalls},
		{name: "cond", ops: []string{"cond"}, vts: allVTs, calls: condCalls},
		{name: "aggregation", ops: aggOps(), vts: allVTs, calls: aggCalls},
		{name: "reorganisation", ops: []string{"transpose", "reverse", "reshape", "cbind", "rbind", "order"}, vts: allVTs, calls: withFrames(reorgCalls)},
		{name: "linalg", ops: []string{"matMul", "syrk", "gemv", "solve", "eigen", "diagMatrix", "diagVector",
			"lowerTri", "upperTri", "replace", "ctable", "spRowAggMul"}, vts: allVTs, calls: linalgCalls},
		{name: "index", ops: []string{"extract", "filter", "insert", "matrixLit"}, vts: allVTs, calls: withFrames(indexCalls)},
		{name: "meta", ops: []string{"nrow", "ncol", "ncell", "sparsity", "isSymmetric", "typeOf", "cast", "print"}, vts: allVTs, calls: metaCalls},
		{name: "generation", ops: []string{"fill", "rand", "seq", "sample"}, vts: allVTs, calls: genCalls},
		{name: "preprocessing", ops: []string{"oneHot", "recode", "bin", "quantize"}, vts: allVTs, calls: prepCalls},
	}
}

func ewUnaryCalls(op string, e env) []call {
	must := isNum(e.vt)
	switch op {
	case "ewLower", "ewUpper":
		must = e.vt == types.Str
	case "ewAsin", "ewAcos":
		must = must && e.r*e.c <= 1 // larger inputs hold 2, outside the domain
	}
	return []call{at("x", sh(e.r, e.c), must, e.x())}
}

func ewBinaryCalls(op string, e env) []call {
	x, ok, want := e.x(), ewValid(op, e.vt), sh(e.r, e.c)
	return []call{
		at("same", want, ok, x, e.rhs(e.r, e.c)),
		at("cell", want, ok, x, e.rhs(1, 1)),
		at("rowVector", want, ok, x, e.rhs(1, e.c)),
		at("colVector", want, ok, x, e.rhs(e.r, 1)),
		at("scalar", want, ok, x, scalar(e.vt, 2)),
		at("scalarLhs", want, ok, scalar(e.vt, 2), e.rhs(e.r, e.c)),
		at("vectors", want, ok, e.mat(e.r, 1), e.rhs(1, e.c)),
		broadcast("wider", ok, x, e.rhs(e.r+2, e.c+2)),
		at("otherRepr", want, ok, x, e.flipped(e.r, e.c)),
		at("otherReprRow", want, ok, x, e.flipped(1, e.c)),
		at("otherVT", want, ok && op != "ewConcat", x, patterned(otherVT(e.vt), e.r, e.c, e.sparse, func(k int) float64 { return float64(k%2 + 1) })),
	}
}

// broadcast is the call of a binary elementwise op on a and b: it must give
// numpy's broadcast shape or fail where there is none (see ew's doc).
func broadcast(name string, ok bool, a, b data.Matrix) call {
	r, okR := bdim(a.Rows(), b.Rows())
	c, okC := bdim(a.Cols(), b.Cols())
	if !okR || !okC {
		return failing(name, a, b)
	}
	return at(name, sh(r, c), ok, a, b)
}

func bdim(x, y int) (int, bool) {
	switch {
	case x == y, y == 1:
		return x, true
	case x == 1:
		return y, true
	}
	return 0, false
}

func outerCalls(op string, e env) []call {
	ok := ewValid(op, e.vt)
	return []call{
		at("vectors", sh(e.r, e.c), ok, e.mat(e.r, 1), e.rhs(1, e.c)),
		at("matrices", nil, false, e.x(), e.x()),
	}
}

func condCalls(_ string, e env) []call {
	x, want := e.x(), sh(e.r, e.c)
	ok := isNum(e.vt) || e.vt == types.Bool
	f64 := func(r, c int) data.Matrix { return e.matVT(types.F64, r, c) }
	return []call{
		at("matrices", want, ok, x, f64(e.r, e.c), f64(e.r, e.c)),
		at("scalars", want, ok, x, data.F64(1), data.F64(2)),
		at("otherRepr", want, ok, x, e.flipped(e.r, e.c), e.flipped(e.r, e.c)),
		failing("mismatch", x, f64(e.r+1, e.c), f64(e.r+1, e.c)),
	}
}

// aggStems are the aggregations with All, Row, Col and Grp forms.
var aggStems = []string{"sum", "aggMin", "aggMax", "mean", "var", "stddev"}

func aggOps() []string {
	var out []string
	for _, s := range aggStems {
		out = append(out, s+"All", s+"Row", s+"Col", s+"Grp")
	}
	return append(out, "idxMinRow", "idxMinCol", "idxMaxRow", "idxMaxCol", "countGrp", "cumSum", "cumProd", "cumMin", "cumMax")
}

func aggCalls(op string, e env) []call {
	x, num := e.x(), isNum(e.vt)
	// min, max and the index of either have no value over no cells.
	needsCells := op[:3] == "agg" || op[:3] == "idx"
	switch form := op[len(op)-3:]; {
	case form == "All":
		return []call{at("x", scalarShape(), num && (!needsCells || e.r*e.c > 0), x)}
	case form == "Row":
		ok := num && (!needsCells || e.c > 0)
		return []call{at("x", sh(e.r, 1), ok, x), at("axis", sh(e.r, 1), ok, x, si64(0)), failing("wrongAxis", x, si64(1))}
	case form == "Col":
		ok := num && (!needsCells || e.r > 0)
		return []call{at("x", sh(1, e.c), ok, x), at("axis", sh(1, e.c), ok, x, si64(1)), failing("wrongAxis", x, si64(0))}
	case form == "Grp":
		g := patterned(types.SI64, e.r, 1, false, func(k int) float64 { return float64(k % 3) })
		want := sh(3, e.c)
		if op == "countGrp" {
			want = nil
		}
		ok := num && op != "aggMinGrp" && op != "aggMaxGrp"
		calls := []call{
			at("groups", want, ok, x, g, si64(3)),
			failing("shortGroups", x, patterned(types.SI64, e.r+1, 1, false, func(int) float64 { return 0 }), si64(3)),
		}
		if e.r > 1 {
			return append(calls, failing("groupPastEnd", x, g, si64(1))) // ids 0, 1, ... with 1 group
		}
		if e.r == 1 {
			return calls
		}
		if op == "countGrp" {
			return append(calls, at("noGroups", nil, ok, x, g, si64(0)))
		}
		return append(calls, at("noGroups", sh(0, e.c), ok, x, g, si64(0)))
	}
	return []call{at("x", sh(e.r, e.c), num, x)} // cumulative
}

func reorgCalls(op string, e env) []call {
	x := e.x()
	switch op {
	case "transpose":
		return []call{at("x", sh(e.c, e.r), true, x)}
	case "reverse":
		return []call{at("x", sh(e.r, e.c), true, x)}
	case "reshape":
		return []call{
			at("swapped", sh(e.c, e.r), true, x, si64(int64(e.c)), si64(int64(e.r))),
			at("column", sh(e.r*e.c, 1), true, x, si64(int64(e.r*e.c)), si64(1)),
			failing("cellCount", x, si64(int64(e.r*e.c+1)), si64(1)),
		}
	case "cbind":
		return []call{
			at("twoCols", sh(e.r, e.c+2), true, x, e.mat(e.r, 2)),
			at("self", sh(e.r, 2*e.c), true, x, x),
			at("otherRepr", sh(e.r, e.c+1), true, x, e.flipped(e.r, 1)),
			at("noCols", sh(e.r, e.c), true, x, e.mat(e.r, 0)),
			failing("rows", x, e.mat(e.r+1, 2)),
		}
	case "rbind":
		return []call{
			at("twoRows", sh(e.r+2, e.c), true, x, e.mat(2, e.c)),
			at("self", sh(2*e.r, e.c), true, x, x),
			at("otherRepr", sh(e.r+1, e.c), true, x, e.flipped(1, e.c)),
			at("noRows", sh(e.r, e.c), true, x, e.mat(0, e.c)),
			failing("cols", x, e.mat(2, e.c+1)),
		}
	}
	// order(X, col, asc, returnIndexes)
	if e.c == 0 {
		return []call{failing("noColumn", x, si64(0), data.Bool(true), data.Bool(false))}
	}
	return []call{
		at("values", sh(e.r, e.c), isNum(e.vt), x, si64(0), data.Bool(true), data.Bool(false)),
		at("indexes", sh(e.r, 1), isNum(e.vt), x, si64(int64(e.c-1)), data.Bool(false), data.Bool(true)),
		failing("column", x, si64(int64(e.c)), data.Bool(true), data.Bool(false)),
	}
}

func linalgCalls(op string, e env) []call {
	x, num, sq := e.x(), isNum(e.vt), e.r == e.c
	// syrk, gemv, solve and eigen are for f32 and f64 only.
	float := e.vt.IsFloat()
	switch op {
	case "matMul":
		return []call{
			at("twoCols", sh(e.r, 2), num, x, e.mat(e.c, 2)),
			at("noCols", sh(e.r, 0), num, x, e.mat(e.c, 0)),
			at("transposed", sh(e.r, e.r), num, x, e.mat(e.c, e.r)),
			at("otherRepr", sh(e.r, 3), num, x, e.flipped(e.c, 3)),
			at("otherReprLhs", sh(e.c, e.c), num, e.flipped(e.c, e.r), x),
			failing("inner", x, e.mat(e.c+1, 2)),
		}
	case "syrk":
		return []call{at("x", sh(e.c, e.c), float, x)}
	case "gemv":
		return []call{at("x", sh(e.c, 1), float, x, e.mat(e.r, 1)), at("otherRepr", sh(e.c, 1), float, x, e.flipped(e.r, 1)),
			failing("rows", x, e.mat(e.r+1, 1))}
	case "solve":
		return []call{at("x", when(sq, sh(e.r, 1)), float && sq && e.r <= 1, x, e.mat(e.r, 1)),
			failing("rhsRows", x, e.mat(e.r+1, 1))}
	case "eigen":
		if !sq {
			return []call{failing("nonSquare", x)}
		}
		return []call{at("x", sh(e.r, 1), float, x)}
	case "diagMatrix":
		c := []call{at("column", sh(e.r, e.r), true, e.mat(e.r, 1))}
		if e.c != 1 {
			c = append(c, failing("notColumn", x))
		}
		return c
	case "diagVector":
		if !sq {
			return []call{failing("nonSquare", x)}
		}
		return []call{at("x", sh(e.r, 1), true, x)}
	case "lowerTri", "upperTri":
		return []call{at("x", when(sq, sh(e.r, e.c)), sq, x, data.Bool(true), data.Bool(true)),
			at("strict", when(sq, sh(e.r, e.c)), sq && e.vt != types.Str, x, data.Bool(false), data.Bool(false))}
	case "replace":
		return []call{at("x", sh(e.r, e.c), num, x, scalar(e.vt, 1), scalar(e.vt, 5))}
	case "ctable":
		col := e.mat(e.r, 1)
		return []call{
			at("pairs", nil, num, col, col),
			at("sized", sh(3, 3), num, col, col, data.F64(1), si64(3), si64(3)),
			failing("lengths", col, e.mat(e.r+1, 1)),
		}
	}
	// spRowAggMul(G, c) {agg}
	var out []call
	for _, a := range []string{"sum", "min", "max"} {
		cl := at(a, sh(e.r, 1), num && (a == "sum" || e.c > 0), x, e.mat(e.c, 1))
		cl.attrs = map[string]string{"agg": a}
		out = append(out, cl)
	}
	if e.c <= 1 {
		return out // G broadcasts with t(c) as in ewMul when either has one column
	}
	bad := failing("rows", x, e.mat(e.c+1, 1))
	bad.attrs = map[string]string{"agg": "sum"}
	return append(out, bad)
}

func withAttrs(cl call, kv ...string) call {
	cl.attrs = map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		cl.attrs[kv[i]] = kv[i+1]
	}
	return cl
}

func indexCalls(op string, e env) []call {
	x := e.x()
	r, c := int64(e.r), int64(e.c)
	switch op {
	case "extract":
		out := []call{
			withAttrs(at("all", sh(e.r, e.c), true, x), "rows", "all", "cols", "all"),
			// DAPHNE's ranges need 0 <= lower < count, so a 0-row matrix
			// has no row range, not even 0:0.
			withAttrs(at("rowRange", when(r > 0, sh(e.r, e.c)), r > 0, x, si64(0), si64(r)), "rows", "lo:hi", "cols", "all"),
			withAttrs(at("colFrom", when(c > 0, sh(e.r, 1)), c > 0, x, si64(c-1)), "rows", "all", "cols", "lo:"),
			withAttrs(at("emptyRows", when(r > 0, sh(0, e.c)), r > 0, x, si64(r-1), si64(r-1)), "rows", "lo:hi", "cols", "all"),
			withAttrs(at("firstCol", when(c > 0, sh(e.r, 1)), c > 0, x, si64(0)), "rows", "all", "cols", "at"),
			withAttrs(at("lastRow", when(r > 0, sh(1, e.c)), r > 0, x, si64(-1)), "rows", "at", "cols", "all"),
			withAttrs(failing("rowPastEnd", x, si64(r)), "rows", "at", "cols", "all"),
		}
		return append(out, boundsSweep(x, nil)...)
	case "filter":
		rows := e.ones(types.SI64, e.r, 1)
		cols := e.ones(types.Bool, e.c, 1)
		return []call{
			withAttrs(at("rows", sh(e.r, e.c), true, x, rows), "rows", "at", "cols", "all"),
			withAttrs(at("cols", sh(e.r, e.c), true, x, cols), "rows", "all", "cols", "at"),
			withAttrs(failing("length", x, e.ones(types.SI64, e.r+1, 1)), "rows", "at", "cols", "all"),
		}
	case "insert":
		out := []call{
			withAttrs(at("all", sh(e.r, e.c), true, x, e.mat(e.r, e.c)), "rows", "all", "cols", "all"),
			withAttrs(at("otherRepr", sh(e.r, e.c), true, x, e.flipped(e.r, e.c)), "rows", "all", "cols", "all"),
			// A scalar fills exactly one cell, as in DAPHNE.
			withAttrs(scalarInsert(e, x), "rows", "all", "cols", "all"),
			withAttrs(at("firstCol", when(c > 0, sh(e.r, e.c)), c > 0, x, e.mat(e.r, 1), si64(0)), "rows", "all", "cols", "at"),
			withAttrs(failing("shape", x, e.mat(e.r+1, e.c)), "rows", "all", "cols", "all"),
		}
		for k := range 3 {
			out = append(out, boundsSweep(x, e.mat(k, e.c))...)
		}
		return out
	}
	// matrixLit of r*c scalars with the shape given.
	n := e.r * e.c
	cells := make([]data.Value, 0, n+2)
	for k := range n {
		cells = append(cells, scalar(e.vt, float64((k+1)%3)))
	}
	rc := append(append([]data.Value{}, cells...), si64(r), si64(c))
	return []call{
		withAttrs(at("rc", sh(e.r, e.c), true, rc...), "n", strconv.Itoa(n), "shape", "r,c"),
		withAttrs(at("column", sh(n, 1), true, cells...), "n", strconv.Itoa(n), "shape", ""),
		withAttrs(failing("count", append(append([]data.Value{}, cells...), si64(r+1), si64(c+1))...), "n", strconv.Itoa(n), "shape", "r,c"),
	}
}

func scalarInsert(e env, x data.Matrix) call {
	if e.r*e.c != 1 {
		return failing("scalar", x, scalar(e.vt, 2))
	}
	return at("scalar", sh(1, 1), true, x, scalar(e.vt, 2))
}

// boundsSweep calls extract (value nil) or insert (of value) with every row
// position and row range of bounds -4..4 in each form, checking only (a)
// and (b): out-of-range bounds must give a clean error.
func boundsSweep(x, value data.Matrix) []call {
	lead := []data.Value{x}
	if value != nil {
		lead = append(lead, value)
	}
	with := func(form string, name string, bounds ...data.Value) call {
		return withAttrs(call{name: name, args: append(append([]data.Value{}, lead...), bounds...)}, "rows", form, "cols", "all")
	}
	var out []call
	for lo := int64(-4); lo <= 4; lo++ {
		out = append(out, with("at", fmt.Sprintf("at%d", lo), si64(lo)), with("lo:", fmt.Sprintf("from%d", lo), si64(lo)),
			with(":hi", fmt.Sprintf("to%d", lo), si64(lo)))
		for hi := int64(-4); hi <= 4; hi++ {
			out = append(out, with("lo:hi", fmt.Sprintf("range%d:%d", lo, hi), si64(lo), si64(hi)))
		}
	}
	return out
}
