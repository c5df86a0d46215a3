package check

import (
	"fmt"

	"github.com/daphne-go/daphne/builtin"
	"github.com/daphne-go/daphne/dsl/ast"
	"github.com/daphne-go/daphne/types"
)

// MergeIf returns the type of a variable after an if-statement whose
// branches leave it with types a and b. ok is false when the branches
// disagree on a data type or value type that is known in both
// (daphnedsl.md 6.1: "type of variable `x` after if-statement is
// ambiguous"); shapes and representations may differ.
func MergeIf(a, b types.Type) (t types.Type, ok bool) {
	if a.DT != types.AnyData && b.DT != types.AnyData && a.DT != b.DT {
		return builtin.Generalize(a, b), false
	}
	if a.VT != types.Unknown && b.VT != types.Unknown && a.VT != b.VT {
		return builtin.Generalize(a, b), false
	}
	return builtin.Generalize(a, b), true
}

// MergeLoop returns the static type of a loop-carried variable that enters
// the loop with type in and leaves an iteration with type next. ok is false
// when the data type changes (both known), which DaphneDSL rejects (a
// compiler-pass error, exit code 2). A changed value type is accepted as a
// documented superset: the carried value's value type becomes unknown.
func MergeLoop(in, next types.Type) (t types.Type, ok bool) {
	if in.DT != types.AnyData && next.DT != types.AnyData && in.DT != next.DT {
		return builtin.Generalize(in, next), false
	}
	return builtin.Generalize(in, next), true
}

// ParamType checks a UDF parameter or result annotation and returns the
// static type it declares. Allowed are a bare value type (a scalar of it),
// matrix, matrix<vt> and frame; scalar annotations are rejected
// (daphnedsl.md 6.3), and so is frame<vt> (a frame has a value type per
// column). A nil spec (untyped) gives types.Any.
func ParamType(spec *ast.TypeSpec) (types.Type, error) {
	if spec == nil {
		return types.Any, nil
	}
	switch spec.DT {
	case types.AnyData:
		if spec.VT == types.Unknown {
			return types.Any, fmt.Errorf("missing value type in type annotation")
		}
		return types.ScalarOf(spec.VT), nil
	case types.Matrix:
		return types.MatrixOf(spec.VT), nil
	case types.Frame:
		if spec.VT != types.Unknown {
			return types.Any, fmt.Errorf("type annotation `frame<%s>` is not allowed: a frame has a value type per column, write `frame`", spec.VT)
		}
		return FrameType(), nil
	}
	return types.Any, fmt.Errorf("type annotation `%s` is not allowed: use a value type (e.g. si64) for scalars, matrix / matrix<vt>, or frame", spec.DT)
}

// ResultType is like ParamType for declared result types (scalar is
// rejected there too).
func ResultType(spec ast.TypeSpec) (types.Type, error) { return ParamType(&spec) }

// Compatible reports whether an argument of static type arg may be passed
// to a parameter declared as param (from ParamType): equal data and value
// types, where anything unknown on either side is compatible. No implicit
// conversion is done (daphnedsl.md 6.3, issue #661).
func Compatible(param, arg types.Type) bool {
	if param.DT != types.AnyData && arg.DT != types.AnyData && param.DT != arg.DT {
		return false
	}
	if param.VT != types.Unknown && arg.VT != types.Unknown && param.VT != arg.VT {
		return false
	}
	return true
}

// Describe names a static type for messages: "matrix<f64>", "scalar si64",
// "unknown".
func Describe(t types.Type) string {
	switch t.DT {
	case types.Scalar:
		if t.VT == types.Unknown {
			return "scalar"
		}
		return "scalar " + t.VT.String()
	case types.AnyData:
		return "unknown"
	case types.Matrix:
		if t.VT == types.Unknown {
			return "matrix"
		}
		return types.MatrixOf(t.VT).String()
	}
	return t.String()
}

// ConstInt returns the value of an integer literal, possibly with one or
// more unary signs (the constant axis of an aggregation). Float literals
// with an integral value are accepted too.
func ConstInt(e ast.Expr) (int64, bool) {
	switch x := e.(type) {
	case *ast.IntLit:
		return x.Value, true
	case *ast.FloatLit:
		if x.Value == float64(int64(x.Value)) {
			return int64(x.Value), true
		}
	case *ast.Unary:
		v, ok := ConstInt(x.X)
		if !ok {
			return 0, false
		}
		if x.Op == "-" {
			return -v, true
		}
		return v, true
	}
	return 0, false
}
