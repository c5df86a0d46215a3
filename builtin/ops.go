package builtin

import "github.com/daphne-go/daphne/types"

// Operators, outer ops, legacy aliases and the internal ops of syntax.

// binaryOps maps each binary operator of the DSL to its IR op.
var binaryOps = map[string]string{
	"@": "matMul", "^": "ewPow", "%": "ewMod", "*": "ewMul", "/": "ewDiv",
	"+": "ewAdd", "-": "ewSub", "==": "ewEq", "!=": "ewNeq", "<": "ewLt",
	"<=": "ewLe", ">": "ewGt", ">=": "ewGe", "&&": "ewAnd", "||": "ewOr",
}

var operatorSigs = map[string]*Sig{}

func init() {
	for sym, op := range binaryOps {
		infer := inferArith
		switch sym {
		case "@":
			infer = inferMatMul
		case "==", "!=", "<", "<=", ">", ">=":
			infer = inferCompare
		case "&&", "||":
			infer = inferLogical
		}
		operatorSigs[sym] = binary(sym, op, infer)
	}
}

// Operator returns the signature of a binary operator ("+", "@", "&&", ...).
func Operator(sym string) (*Sig, bool) {
	s, ok := operatorSigs[sym]
	return s, ok
}

var outerOps = []struct {
	name  string
	infer func([]types.Type) []types.Type
}{
	{"Add", inferArith}, {"Sub", inferArith}, {"Mul", inferArith}, {"Div", inferArith},
	{"Pow", inferArith}, {"Mod", inferArith}, {"Log", inferFloat}, {"Min", inferArith},
	{"Max", inferArith}, {"And", inferLogical}, {"Or", inferLogical}, {"Eq", inferCompare},
	{"Neq", inferCompare}, {"Lt", inferCompare}, {"Le", inferCompare}, {"Gt", inferCompare},
	{"Ge", inferCompare},
}

// outerInfer gives an m x n matrix (m = rows of the column vector lhs, n =
// columns of the row vector rhs) with the value type of rule.
func outerInfer(rule func([]types.Type) []types.Type) func([]types.Type) []types.Type {
	return func(args []types.Type) []types.Type {
		t := rule(args)[0]
		return one(types.MatrixOf(t.VT).WithShape(args[0].Rows, args[1].Cols))
	}
}

// legacy lists the aliases of older DAPHNE scripts: DSL name → IR op.
var legacy = []struct {
	name, op string
	float    bool
	row      bool
}{
	{"rowSums", "sumRow", false, true}, {"colSums", "sumCol", false, false},
	{"rowMins", "aggMinRow", false, true}, {"colMins", "aggMinCol", false, false},
	{"rowMaxs", "aggMaxRow", false, true}, {"colMaxs", "aggMaxCol", false, false},
	{"rowMeans", "meanRow", true, true}, {"colMeans", "meanCol", true, false},
	{"rowVars", "varRow", true, true}, {"colVars", "varCol", true, false},
	{"rowStddevs", "stddevRow", true, true}, {"colStddevs", "stddevCol", true, false},
	{"rowIdxMins", "idxMinRow", false, true}, {"colIdxMins", "idxMinCol", false, false},
	{"rowIdxMaxs", "idxMaxRow", false, true}, {"colIdxMaxs", "idxMaxCol", false, false},
}

func registerLegacy() {
	for _, l := range legacy {
		infer := aggRowCol(l.float, l.row)
		if l.op[:3] == "idx" {
			infer = idxRowCol(l.row)
		}
		register(unary(l.name, l.op, infer))
	}
}

// Internal op names emitted for syntax.
const (
	OpExtract   = "extract"
	OpFilter    = "filter"
	OpInsert    = "insert"
	OpCast      = "cast"
	OpMatrixLit = "matrixLit"
	OpCond      = "cond"
	OpMinus     = "ewMinus"
)

// OpSpRowAggMul is the fused row aggregation spRowAggMul(G, c) {agg=sum|min|max}
// = sumRow/aggMinRow/aggMaxRow(ewMul(G, transpose(c))) that physical operator
// selection (ir/pass, phyop) emits; it has no DSL name.
const OpSpRowAggMul = "spRowAggMul"

func registerInternal() {
	register(
		&Sig{Name: OpExtract, Op: OpExtract, Min: 1, Max: 5, Results: 1, Internal: true},
		&Sig{Name: OpFilter, Op: OpFilter, Min: 1, Max: 3, Results: 1, Internal: true},
		&Sig{Name: OpInsert, Op: OpInsert, Min: 2, Max: 6, Results: 1, Internal: true},
		&Sig{Name: OpCast, Op: OpCast, Min: 1, Max: 1, Results: 1, Internal: true},
		&Sig{Name: OpMatrixLit, Op: OpMatrixLit, Min: 0, Max: -1, Results: 1, Internal: true},
		&Sig{Name: OpCond, Op: OpCond, Min: 3, Max: 3, Results: 1, Internal: true, Infer: inferCond},
		&Sig{Name: OpSpRowAggMul, Op: OpSpRowAggMul, Min: 2, Max: 2, Results: 1, Internal: true, Infer: inferSpRowAggMul},
	)
}

// inferSpRowAggMul: an n x 1 matrix (n = rows of G) of the promoted value
// type of G and c, as the row aggregation of ewMul(G, transpose(c)).
func inferSpRowAggMul(args []types.Type) []types.Type {
	return one(types.MatrixOf(types.Promote(args[0].VT, args[1].VT)).WithShape(args[0].Rows, 1))
}
