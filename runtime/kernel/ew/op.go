package ew

import (
	"errors"
	"fmt"

	"github.com/daphne-go/daphne/types"
)

// Sentinel errors. Every error this package returns wraps one of them, with
// the operator and the offending shapes or values added as context. The
// messages are written for users (the interpreter prefixes a position).
var (
	// ErrShape reports operands whose shapes cannot be combined.
	ErrShape = errors.New("incompatible shapes")
	// ErrDivByZero reports an integer division or modulo by zero.
	ErrDivByZero = errors.New("division by zero")
	// ErrDomain reports an argument outside a function's domain (sqrt(-1)).
	ErrDomain = errors.New("argument outside the domain")
	// ErrType reports an operation that does not exist for a value or data type.
	ErrType = errors.New("unsupported operand type")
	// ErrTooLarge reports a dense result too large to allocate (G + 1 with
	// G a huge sparse matrix), which would otherwise kill the process.
	ErrTooLarge = errors.New("result too large")
)

// MaxDenseCells is the largest number of cells of a dense matrix the
// kernels allocate (16 GiB of f64). Larger results are ErrTooLarge errors.
const MaxDenseCells = 1 << 31

// denseOK checks that a dense rows x cols result may be allocated.
func denseOK(what string, rows, cols int) error {
	if rows > 0 && cols > MaxDenseCells/rows {
		return fmt.Errorf("%w: %s would give a dense %dx%d matrix (more than %d cells)",
			ErrTooLarge, what, rows, cols, MaxDenseCells)
	}
	return nil
}

// BinOp is an elementwise binary operation.
type BinOp uint8

// The binary operations, in the order of the IR op names.
const (
	Add BinOp = iota
	Sub
	Mul
	Div
	Pow
	Mod
	Log
	Min
	Max
	Concat
	Eq
	Neq
	Lt
	Le
	Gt
	Ge
	And
	Or
	numBinOps
)

var binNames = [numBinOps]string{
	Add: "Add", Sub: "Sub", Mul: "Mul", Div: "Div", Pow: "Pow", Mod: "Mod", Log: "Log",
	Min: "Min", Max: "Max", Concat: "Concat", Eq: "Eq", Neq: "Neq", Lt: "Lt", Le: "Le",
	Gt: "Gt", Ge: "Ge", And: "And", Or: "Or",
}

var binSymbols = [numBinOps]string{
	Add: "+", Sub: "-", Mul: "*", Div: "/", Pow: "^", Mod: "%", Log: "log",
	Min: "min", Max: "max", Concat: "concat", Eq: "==", Neq: "!=", Lt: "<", Le: "<=",
	Gt: ">", Ge: ">=", And: "&&", Or: "||",
}

// String returns the DSL spelling of the operation ("+", "min", "&&", ...).
func (op BinOp) String() string {
	if op < numBinOps {
		return binSymbols[op]
	}
	return fmt.Sprintf("BinOp(%d)", uint8(op))
}

// IROp returns the IR op name of the elementwise form ("ewAdd").
func (op BinOp) IROp() string { return "ew" + binNames[op] }

// OuterIROp returns the IR op name of the outer form ("outerAdd"); Concat has none.
func (op BinOp) OuterIROp() string { return "outer" + binNames[op] }

// isCompare reports whether op is one of == != < <= > >=.
func (op BinOp) isCompare() bool { return op >= Eq && op <= Ge }

// ResultType returns the value type of op applied to operands of value types
// a and b (daphnedsl.md section 5.2), or an error if op does not exist for
// them. It is exported so the type checker can agree with the kernels.
func ResultType(op BinOp, a, b types.ValueType) (types.ValueType, error) {
	p := types.Promote(a, b)
	if p == types.Unknown {
		return types.Unknown, nil
	}
	switch {
	case op == Concat:
		return types.Str, nil
	case op.isCompare():
		if p == types.Str {
			return types.SI64, nil
		}
		return p, nil
	case p == types.Str:
		if op == Add {
			return types.Str, nil
		}
		return types.Unknown, fmt.Errorf("%w: %s is not defined for strings (operands %s and %s)", ErrType, op, a, b)
	case op == Log:
		return types.FloatOf(p), nil
	case op == And || op == Or:
		if p.IsFloat() {
			return types.UI64, nil
		}
		return p, nil
	}
	return p, nil
}

// computeType is the value type in which op is evaluated on operands whose
// promoted type is p: bool is computed as ui8 (C++ promotes bool to int),
// log in floating point, everything else in p.
func computeType(op BinOp, p types.ValueType) types.ValueType {
	switch {
	case op == Concat:
		return types.Str
	case op == Log:
		return types.FloatOf(p)
	case p == types.Bool:
		return types.UI8
	}
	return p
}

// UnOp is an elementwise unary operation.
type UnOp uint8

// The unary operations.
const (
	Abs UnOp = iota
	Sign
	Exp
	Ln
	Sqrt
	Sin
	Cos
	Tan
	Asin
	Acos
	Atan
	Sinh
	Cosh
	Tanh
	Round
	Floor
	Ceil
	IsNan
	Lower
	Upper
	Minus
	numUnOps
)

var unNames = [numUnOps]string{
	Abs: "abs", Sign: "sign", Exp: "exp", Ln: "ln", Sqrt: "sqrt", Sin: "sin", Cos: "cos",
	Tan: "tan", Asin: "asin", Acos: "acos", Atan: "atan", Sinh: "sinh", Cosh: "cosh",
	Tanh: "tanh", Round: "round", Floor: "floor", Ceil: "ceil", IsNan: "isNan",
	Lower: "lower", Upper: "upper", Minus: "minus",
}

// String returns the DSL name of the function ("sqrt").
func (op UnOp) String() string {
	if op < numUnOps {
		return unNames[op]
	}
	return fmt.Sprintf("UnOp(%d)", uint8(op))
}

// IROp returns the IR op name ("ewSqrt").
func (op UnOp) IROp() string {
	n := unNames[op]
	return "ew" + string(n[0]-'a'+'A') + n[1:]
}

// isFloatFunc reports whether op computes in floating point (exp, ln, ...).
func (op UnOp) isFloatFunc() bool { return op >= Exp && op <= Tanh }

// UnaryResultType returns the value type of op applied to a value of type
// vt: float functions give FloatOf(vt), lower/upper need strings, the rest
// keep the type.
func UnaryResultType(op UnOp, vt types.ValueType) (types.ValueType, error) {
	switch {
	case vt == types.Unknown:
		return vt, nil
	case op == Lower || op == Upper:
		if vt != types.Str {
			return types.Unknown, fmt.Errorf("%w: %s expects strings, got %s", ErrType, op, vt)
		}
		return vt, nil
	case vt == types.Str:
		return types.Unknown, fmt.Errorf("%w: %s is not defined for strings", ErrType, op)
	case op.isFloatFunc():
		return types.FloatOf(vt), nil
	}
	return vt, nil
}
