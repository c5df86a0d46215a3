package sql

import (
	"strings"

	sqlast "github.com/daphne-go/daphne/sql"
)

// bexpr is a bound expression: names resolved, kinds checked. eval
// computes it for all rows of an env at once.
type bexpr interface {
	kind() kind
	eval(e *env) (vec, error)
}

// env is what expressions are evaluated over: either the rows of a
// relation (col) or the groups of a grouped query (keys, aggs).
type env struct {
	n    int
	col  func(tab, col int) (vec, error)
	keys []vec
	aggs []vec
}

// colExpr is a column of one of the FROM views.
type colExpr struct {
	tab, col int
	k        kind
}

func (x *colExpr) kind() kind               { return x.k }
func (x *colExpr) eval(e *env) (vec, error) { return e.col(x.tab, x.col) }

// litExpr is a literal.
type litExpr struct{ v vec }

func (x *litExpr) kind() kind             { return x.v.k }
func (x *litExpr) eval(*env) (vec, error) { return x.v, nil }

// keyExpr is group key i of a grouped query.
type keyExpr struct {
	i int
	k kind
}

func (x *keyExpr) kind() kind               { return x.k }
func (x *keyExpr) eval(e *env) (vec, error) { return e.keys[x.i], nil }

// aggExpr is aggregate i of a grouped query.
type aggExpr struct {
	i int
	k kind
}

func (x *aggExpr) kind() kind               { return x.k }
func (x *aggExpr) eval(e *env) (vec, error) { return e.aggs[x.i], nil }

// negExpr is unary minus.
type negExpr struct{ x bexpr }

func (x *negExpr) kind() kind {
	if x.x.kind() == kFloat {
		return kFloat
	}
	return kInt
}

func (x *negExpr) eval(e *env) (vec, error) {
	v, err := x.x.eval(e)
	if err != nil {
		return vec{}, err
	}
	if v.k == kFloat {
		out := make([]float64, len(v.f))
		for j, a := range v.f {
			out[j] = -a
		}
		return vec{k: kFloat, f: out, konst: v.konst}, nil
	}
	v = v.asInt()
	out := make([]int64, len(v.i))
	for j, a := range v.i {
		out[j] = -a
	}
	return vec{k: kInt, i: out, konst: v.konst}, nil
}

// notExpr is logical NOT.
type notExpr struct{ x bexpr }

func (x *notExpr) kind() kind { return kBool }

func (x *notExpr) eval(e *env) (vec, error) {
	v, err := x.x.eval(e)
	if err != nil {
		return vec{}, err
	}
	v = v.asBool()
	out := make([]bool, len(v.b))
	for j, a := range v.b {
		out[j] = !a
	}
	return vec{k: kBool, b: out, konst: v.konst}, nil
}

// logicExpr is AND or OR.
type logicExpr struct {
	and  bool
	x, y bexpr
}

func (x *logicExpr) kind() kind { return kBool }

func (x *logicExpr) eval(e *env) (vec, error) {
	a, b, err := evalBoth(e, x.x, x.y)
	if err != nil {
		return vec{}, err
	}
	a, b = a.asBool(), b.asBool()
	n, konst := outLen(a, b, e.n)
	out := make([]bool, n)
	as, bs := a.stride(), b.stride()
	if x.and {
		for j := range out {
			out[j] = a.b[j*as] && b.b[j*bs]
		}
	} else {
		for j := range out {
			out[j] = a.b[j*as] || b.b[j*bs]
		}
	}
	return vec{k: kBool, b: out, konst: konst}, nil
}

func evalBoth(e *env, x, y bexpr) (vec, vec, error) {
	a, err := x.eval(e)
	if err != nil {
		return vec{}, vec{}, err
	}
	b, err := y.eval(e)
	return a, b, err
}

// outLen is the length of the result of a binary operation: 1 (and konst)
// if both operands are konst, else the env's rows.
func outLen(a, b vec, n int) (int, bool) {
	if a.konst && b.konst {
		return 1, true
	}
	return n, false
}

// arithExpr is + - * /.
type arithExpr struct {
	op   byte
	pos  sqlast.Pos
	x, y bexpr
	k    kind // kInt or kFloat
}

func (x *arithExpr) kind() kind { return x.k }

func (x *arithExpr) eval(e *env) (vec, error) {
	a, b, err := evalBoth(e, x.x, x.y)
	if err != nil {
		return vec{}, err
	}
	n, konst := outLen(a, b, e.n)
	if x.k == kFloat {
		a, b = a.asFloat(), b.asFloat()
		return vec{k: kFloat, f: arithFloat(x.op, a.f, b.f, a.stride(), b.stride(), n), konst: konst}, nil
	}
	a, b = a.asInt(), b.asInt()
	out, ok := arithInt(x.op, a.i, b.i, a.stride(), b.stride(), n)
	if !ok {
		return vec{}, &RunError{Pos: x.pos, Msg: "integer division by zero"}
	}
	return vec{k: kInt, i: out, konst: konst}, nil
}

func arithFloat(op byte, a, b []float64, as, bs, n int) []float64 {
	out := make([]float64, n)
	switch op {
	case '+':
		for j := range out {
			out[j] = a[j*as] + b[j*bs]
		}
	case '-':
		for j := range out {
			out[j] = a[j*as] - b[j*bs]
		}
	case '*':
		for j := range out {
			out[j] = a[j*as] * b[j*bs]
		}
	default:
		for j := range out {
			out[j] = a[j*as] / b[j*bs]
		}
	}
	return out
}

// arithInt computes integer arithmetic (division truncates toward zero);
// ok is false on a division by zero.
func arithInt(op byte, a, b []int64, as, bs, n int) (out []int64, ok bool) {
	out = make([]int64, n)
	switch op {
	case '+':
		for j := range out {
			out[j] = a[j*as] + b[j*bs]
		}
	case '-':
		for j := range out {
			out[j] = a[j*as] - b[j*bs]
		}
	case '*':
		for j := range out {
			out[j] = a[j*as] * b[j*bs]
		}
	default:
		for j := range out {
			d := b[j*bs]
			if d == 0 {
				return nil, false
			}
			out[j] = a[j*as] / d
		}
	}
	return out, true
}

// cmpExpr is = <> != < <= > >=; operands are compared as ck.
type cmpExpr struct {
	op   string
	x, y bexpr
	ck   kind
}

func (x *cmpExpr) kind() kind { return kBool }

func (x *cmpExpr) eval(e *env) (vec, error) {
	a, b, err := evalBoth(e, x.x, x.y)
	if err != nil {
		return vec{}, err
	}
	n, konst := outLen(a, b, e.n)
	var out []bool
	switch x.ck {
	case kFloat:
		a, b = a.asFloat(), b.asFloat()
		out = compare(x.op, a.f, b.f, a.stride(), b.stride(), n)
	case kStr:
		out = compare(x.op, a.s, b.s, a.stride(), b.stride(), n)
	default:
		a, b = a.asInt(), b.asInt()
		out = compare(x.op, a.i, b.i, a.stride(), b.stride(), n)
	}
	return vec{k: kBool, b: out, konst: konst}, nil
}

func compare[T int64 | float64 | string](op string, a, b []T, as, bs, n int) []bool {
	out := make([]bool, n)
	switch op {
	case "=":
		for j := range out {
			out[j] = a[j*as] == b[j*bs]
		}
	case "<>", "!=":
		for j := range out {
			out[j] = a[j*as] != b[j*bs]
		}
	case "<":
		for j := range out {
			out[j] = a[j*as] < b[j*bs]
		}
	case "<=":
		for j := range out {
			out[j] = a[j*as] <= b[j*bs]
		}
	case ">":
		for j := range out {
			out[j] = a[j*as] > b[j*bs]
		}
	default:
		for j := range out {
			out[j] = a[j*as] >= b[j*bs]
		}
	}
	return out
}

// RunError is a failure while running a query that is not a mistake in
// the query itself (an integer division by zero, min over no rows).
type RunError struct {
	Pos sqlast.Pos
	Msg string
}

// Error formats the error as "sql: line:col: message".
func (e *RunError) Error() string { return "sql: " + e.Pos.String() + ": " + e.Msg }

// joinNames lists names for an error message.
func joinNames(ns []string) string {
	if len(ns) == 0 {
		return "none"
	}
	return strings.Join(ns, ", ")
}
