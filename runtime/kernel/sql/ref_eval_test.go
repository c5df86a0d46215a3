package sql

import (
	"cmp"
	"fmt"

	sqlast "github.com/daphne-go/daphne/sql"
)

// Row-at-a-time expression evaluation of the reference implementation
// (see ref_test.go).

// refGroup is one group: its rows and key values.
type refGroup struct {
	rows []refRow
	keys []any
}

// eval evaluates e on one row, or on a group when g is not nil.
func (db *refDB) eval(e sqlast.Expr, row refRow, g *refGroup, keys []sqlast.Expr) any {
	if g != nil {
		for i, k := range keys {
			if sqlast.ExprString(k) == sqlast.ExprString(e) {
				return g.keys[i]
			}
		}
	}
	switch x := e.(type) {
	case *sqlast.Paren:
		return db.eval(x.X, row, g, keys)
	case *sqlast.IntLit:
		return x.Value
	case *sqlast.FloatLit:
		return x.Value
	case *sqlast.StringLit:
		return x.Value
	case *sqlast.ColumnRef:
		return row[db.column(x)]
	case *sqlast.Call:
		return db.aggregate(x, g)
	case *sqlast.Unary:
		v := db.eval(x.X, row, g, keys)
		if x.Op == "NOT" {
			return !truthy(v)
		}
		if f, ok := v.(float64); ok {
			return -f
		}
		return -asInt(v)
	case *sqlast.Between:
		v := db.eval(x.X, row, g, keys)
		in := cmpAny(v, db.eval(x.Lo, row, g, keys)) >= 0 && cmpAny(v, db.eval(x.Hi, row, g, keys)) <= 0
		return in != x.Not
	case *sqlast.Binary:
		a, b := db.eval(x.X, row, g, keys), db.eval(x.Y, row, g, keys)
		switch x.Op {
		case "AND":
			return truthy(a) && truthy(b)
		case "OR":
			return truthy(a) || truthy(b)
		case "+", "-", "*", "/":
			return arithAny(x.Op, a, b)
		}
		c := cmpAny(a, b)
		switch x.Op {
		case "=":
			return c == 0
		case "<>", "!=":
			return c != 0
		case "<":
			return c < 0
		case "<=":
			return c <= 0
		case ">":
			return c > 0
		}
		return c >= 0
	}
	panic(fmt.Sprintf("reference: %T", e))
}

func (db *refDB) aggregate(c *sqlast.Call, g *refGroup) any {
	if c.Func == "count" {
		return int64(len(g.rows))
	}
	var vals []any
	for _, r := range g.rows {
		vals = append(vals, db.eval(c.Arg, r, nil, nil))
	}
	switch c.Func {
	case "sum", "avg":
		var si int64
		var sf float64
		isF := false
		for _, v := range vals {
			if f, ok := v.(float64); ok {
				isF = true
				sf += f
			} else {
				si += asInt(v)
				sf += float64(asInt(v))
			}
		}
		if c.Func == "avg" {
			return sf / float64(len(vals))
		}
		if isF {
			return sf
		}
		return si
	}
	best := vals[0]
	for _, v := range vals[1:] {
		if c.Func == "min" && cmpAny(v, best) < 0 || c.Func == "max" && cmpAny(v, best) > 0 {
			best = v
		}
	}
	if b, ok := best.(bool); ok {
		return asInt(b)
	}
	return best
}

func truthy(v any) bool {
	switch x := v.(type) {
	case bool:
		return x
	case float64:
		return x != 0
	}
	return asInt(v) != 0
}

func asInt(v any) int64 {
	switch x := v.(type) {
	case bool:
		if x {
			return 1
		}
		return 0
	case int64:
		return x
	}
	panic(fmt.Sprintf("reference: %v is not an int", v))
}

func asF(v any) float64 {
	if f, ok := v.(float64); ok {
		return f
	}
	return float64(asInt(v))
}

func arithAny(op string, a, b any) any {
	_, fa := a.(float64)
	_, fb := b.(float64)
	if fa || fb {
		x, y := asF(a), asF(b)
		switch op {
		case "+":
			return x + y
		case "-":
			return x - y
		case "*":
			return x * y
		}
		return x / y
	}
	x, y := asInt(a), asInt(b)
	switch op {
	case "+":
		return x + y
	case "-":
		return x - y
	case "*":
		return x * y
	}
	return x / y
}

func cmpAny(a, b any) int {
	if s, ok := a.(string); ok {
		return cmp.Compare(s, b.(string))
	}
	_, fa := a.(float64)
	_, fb := b.(float64)
	if fa || fb {
		return cmp.Compare(asF(a), asF(b))
	}
	return cmp.Compare(asInt(a), asInt(b))
}
