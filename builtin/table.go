package builtin

import "github.com/daphne-go/daphne/types"

// The table of daphnedsl.md section 9 (deep learning 9.7 and frames
// 9.8/9.12 are listed as unsupported so the front end can say so).

const (
	// MsgFrames is the error for frame and SQL builtins.
	MsgFrames = "frames are not supported yet"
	// MsgDL is the error for deep-learning builtins.
	MsgDL = "deep-learning builtins are not supported yet"
	// MsgStorage is the error for the low-level (computational storage)
	// and Python-API I/O builtins.
	MsgStorage = "low-level I/O builtins are not supported"
)

var (
	kwArg    = []string{"arg"}
	kwLhsRhs = []string{"lhs", "rhs"}
)

func fn(name, op string, min, max int, kw []string, results int, infer func([]types.Type) []types.Type) *Sig {
	return &Sig{Name: name, Op: op, Min: min, Max: max, KW: kw, Results: results, Infer: infer}
}

func unary(name, op string, infer func([]types.Type) []types.Type) *Sig {
	return fn(name, op, 1, 1, kwArg, 1, infer)
}

func binary(name, op string, infer func([]types.Type) []types.Type) *Sig {
	return fn(name, op, 2, 2, kwLhsRhs, 1, infer)
}

func unsupported(msg string, names ...string) []*Sig {
	out := make([]*Sig, len(names))
	for i, n := range names {
		out[i] = &Sig{Name: n, Op: n, Min: 0, Max: -1, Results: 1, Unsupported: msg}
	}
	return out
}

func withDefaults(s *Sig, d ...any) *Sig { s.Defaults = d; return s }

func agg(name string, float bool, forms AggForms) *Sig {
	s := fn(name, forms.All, 1, 3, nil, 1, nil)
	s.Agg = &forms
	s.Infer = func(args []types.Type) []types.Type {
		switch len(args) {
		case 1:
			return aggAll(float)(args)
		case 3:
			return aggGrp(float)(args)
		}
		return one(types.MatrixOf(args[0].VT))
	}
	return s
}

func aggForms(stem string) AggForms {
	return AggForms{All: stem + "All", Row: stem + "Row", Col: stem + "Col", Grp: stem + "Grp"}
}

func init() {
	// 9.1 data generation
	register(
		fn("fill", "fill", 3, 3, []string{"value", "numRows", "numCols"}, 1, matrixOfArg(0)),
		fn("rand", "rand", 6, 6, []string{"numRows", "numCols", "min", "max", "sparsity", "seed"}, 1, matrixOfArg(2)),
		fn("sample", "sample", 4, 4, []string{"range", "size", "withReplacement", "seed"}, 1, inferColOfArg(0)),
		withDefaults(fn("seq", "seq", 3, 3, []string{"from", "to", "inc"}, 1, inferSeq), nil, nil, int8(1)),
		unary("diagMatrix", "diagMatrix", inferDiagMatrix),
	)
	// 9.2 meta data
	register(
		unary("typeOf", "typeOf", scalarOf(types.Str)),
		unary("nrow", "nrow", scalarOf(types.Size)),
		unary("ncol", "ncol", scalarOf(types.Size)),
		unary("ncell", "ncell", scalarOf(types.Size)),
		unary("sparsity", "sparsity", scalarOf(types.F64)),
		unary("isSymmetric", "isSymmetric", scalarOf(types.Bool)),
	)
	// 9.3 elementwise unary and binary
	for _, n := range []string{"exp", "ln", "sqrt", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh"} {
		register(unary(n, "ew"+capitalise(n), inferFloat))
	}
	for _, n := range []string{"abs", "sign", "round", "floor", "ceil", "isNan", "minus"} {
		register(unary(n, "ew"+capitalise(n), inferSame))
	}
	register(
		unary("lower", "ewLower", inferStr), unary("upper", "ewUpper", inferStr),
		binary("pow", "ewPow", inferArith), binary("mod", "ewMod", inferArith),
		binary("log", "ewLog", inferFloat), binary("min", "ewMin", inferArith),
		binary("max", "ewMax", inferArith), binary("concat", "ewConcat", inferStr),
	)
	for _, o := range outerOps {
		register(binary("outer"+o.name, "outer"+o.name, outerInfer(o.infer)))
	}
	// 9.4 aggregation
	register(
		agg("sum", false, aggForms("sum")), agg("aggMin", false, aggForms("aggMin")),
		agg("aggMax", false, aggForms("aggMax")), agg("mean", true, aggForms("mean")),
		agg("var", true, aggForms("var")), agg("stddev", true, aggForms("stddev")),
		idxAgg("idxMin"), idxAgg("idxMax"),
		countAgg(),
	)
	for _, n := range []string{"cumSum", "cumProd", "cumMin", "cumMax"} {
		register(unary(n, n, inferSameShape))
	}
	registerLegacy()
	// 9.5 reorganisation
	register(
		fn("reshape", "reshape", 3, 3, []string{"arg", "numRows", "numCols"}, 1, matrixOfArg(0)),
		unary("t", "transpose", inferTranspose), unary("transpose", "transpose", inferTranspose),
		binary("cbind", "cbind", inferBind(true)), binary("rbind", "rbind", inferBind(false)),
		unary("reverse", "reverse", inferSameShape),
		fn("order", "order", 4, -1, nil, 1, matrixOfArg(-1)),
	)
	// 9.6 linear algebra and other matrix ops
	register(
		fn("eigen", "eigen", 1, 1, kwArg, 2, inferEigen),
		binary("solve", "solve", inferMatMul),
		unary("syrk", "syrk", inferSyrk),
		fn("gemv", "gemv", 2, 2, []string{"mat", "vec"}, 1, inferGemv),
		unary("diagVector", "diagVector", inferColOfArg(0)),
		fn("lowerTri", "lowerTri", 3, 3, []string{"arg", "diag", "values"}, 1, inferSameShape),
		fn("upperTri", "upperTri", 3, 3, []string{"arg", "diag", "values"}, 1, inferSameShape),
		fn("replace", "replace", 3, 3, []string{"arg", "pattern", "replacement"}, 1, inferSameShape),
		fn("ctable", "ctable", 2, 5, []string{"lhs", "rhs", "weight", "resNumRows", "resNumCols"}, 1, inferCtable),
	)
	// 9.9 conversions, 9.10 I/O, 9.11 preprocessing, lists, higher-order
	register(
		fn("quantize", "quantize", 3, 3, []string{"arg", "min", "max"}, 1, fixed(types.MatrixOf(types.UI8))),
		withDefaults(fn("print", "print", 3, 3, []string{"arg", "newline", "err"}, 0, nil), nil, true, false),
		fn("readMatrix", "readMatrix", 1, 1, []string{"filename"}, 1, fixed(types.MatrixOf(types.Unknown))),
		fn("write", "write", 2, 2, []string{"arg", "filename"}, 0, nil),
		fn("writeMatrix", "writeMatrix", 2, 2, []string{"arg", "filename"}, 0, nil),
		fn("stop", "stop", 0, 1, []string{"message"}, 0, nil),
		fn("now", "now", 0, 0, nil, 1, scalarOf(types.SI64)),
		fn("startProfiling", "startProfiling", 1, 1, []string{"region"}, 0, nil),
		fn("stopProfiling", "stopProfiling", 1, 1, []string{"region"}, 0, nil),
		fn("oneHot", "oneHot", 2, 2, []string{"arg", "info"}, 1, oneHotType),
		fn("recode", "recode", 2, 2, []string{"arg", "orderPreserving"}, 2, inferRecode),
		&Sig{Name: "bin", Op: "bin", Min: 2, Max: 4, Arities: []int{2, 4}, KW: []string{"arg", "numBins", "min", "max"}, Results: 1, Infer: inferSameShape},
		fn("createList", "createList", 1, -1, nil, 1, inferCreateList),
		unary("length", "length", scalarOf(types.Size)),
		fn("append", "append", 2, 2, []string{"arg", "elem"}, 1, inferAppend),
		fn("remove", "remove", 2, 2, []string{"arg", "idx"}, 2, inferRemove),
		fn("map", "map", 2, 2, []string{"arg", "func"}, 1, matrixOfArg(-1)),
	)
	register(frameSigs()...)
	register(unsupported(MsgDL, "affine", "conv2d", "avg_pool2d", "max_pool2d", "batch_norm2d", "biasAdd",
		"relu", "softmax", "batch_norm2d_backward", "conv2d_backward_filter", "conv2d_backward_data",
		"avg_pool2d_backward", "max_pool2d_backward")...)
	register(unsupported(MsgStorage, "openFile", "openDevice", "openFileOnTarget", "close", "readCsv",
		"receiveFromNumpy", "saveDaphneLibResult")...)
	registerInternal()
}

func idxAgg(name string) *Sig {
	s := fn(name, "", 2, 2, []string{"arg", "axis"}, 1, nil)
	s.Agg = &AggForms{Row: name + "Row", Col: name + "Col"}
	s.Infer = func(args []types.Type) []types.Type { return one(types.MatrixOf(types.Size)) }
	return s
}

func countAgg() *Sig {
	s := fn("count", "countGrp", 3, 3, []string{"arg", "groupIds", "numGroups"}, 1, fixed(types.MatrixOf(types.Unknown)))
	s.Agg = &AggForms{Grp: "countGrp"}
	return s
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	b := []byte(s)
	if b[0] >= 'a' && b[0] <= 'z' {
		b[0] -= 'a' - 'A'
	}
	return string(b)
}
