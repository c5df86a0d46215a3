package sql

import (
	"fmt"
	"strconv"
	"strings"
)

// String prints the query back as SQL with upper-case keywords and single
// spaces. Parsing the result gives an equal query (positions aside).
func (q *Query) String() string {
	var b strings.Builder
	b.WriteString("SELECT ")
	if q.Distinct {
		b.WriteString("DISTINCT ")
	}
	for i, it := range q.Items {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(ExprString(it.Expr))
		if it.Alias != "" {
			b.WriteString(" AS " + it.Alias)
		}
	}
	b.WriteString(" FROM ")
	for i, t := range q.From {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(t.String())
	}
	for _, j := range q.Joins {
		b.WriteString(" JOIN " + j.Table.String() + " ON " + ExprString(j.On))
	}
	if q.Where != nil {
		b.WriteString(" WHERE " + ExprString(q.Where))
	}
	for i, g := range q.GroupBy {
		if i == 0 {
			b.WriteString(" GROUP BY ")
		} else {
			b.WriteString(", ")
		}
		b.WriteString(ExprString(g))
	}
	if q.Having != nil {
		b.WriteString(" HAVING " + ExprString(q.Having))
	}
	for i, o := range q.OrderBy {
		if i == 0 {
			b.WriteString(" ORDER BY ")
		} else {
			b.WriteString(", ")
		}
		b.WriteString(ExprString(o.Expr))
		if o.Desc {
			b.WriteString(" DESC")
		}
	}
	if q.Limit != nil {
		b.WriteString(" LIMIT " + q.Limit.Text)
	}
	return b.String()
}

// String prints the reference as "name" or "name AS alias".
func (t *TableRef) String() string {
	if t.Alias != "" {
		return t.Name + " AS " + t.Alias
	}
	return t.Name
}

// ExprString prints an expression as SQL. Parentheses are printed where the
// tree has a Paren node and where precedence needs them.
func ExprString(e Expr) string {
	var b strings.Builder
	writeExpr(&b, e, 0)
	return b.String()
}

// prec returns the binding strength of an operator (higher binds tighter).
func prec(e Expr) int {
	switch x := e.(type) {
	case *Binary:
		switch x.Op {
		case "OR":
			return 1
		case "AND":
			return 2
		case "+", "-":
			return 5
		case "*", "/":
			return 6
		}
		return 4 // comparisons
	case *Between:
		return 4
	case *Unary:
		if x.Op == "NOT" {
			return 3
		}
		return 7
	}
	return 8
}

func writeExpr(b *strings.Builder, e Expr, min int) {
	if prec(e) < min {
		b.WriteByte('(')
		defer b.WriteByte(')')
	}
	switch x := e.(type) {
	case *ColumnRef:
		if x.Table != "" {
			b.WriteString(x.Table + ".")
		}
		b.WriteString(x.Column)
	case *Star:
		if x.Table != "" {
			b.WriteString(x.Table + ".")
		}
		b.WriteString("*")
	case *IntLit:
		b.WriteString(x.Text)
	case *FloatLit:
		b.WriteString(x.Text)
	case *StringLit:
		b.WriteString("'" + strings.ReplaceAll(x.Value, "'", "''") + "'")
	case *Unary:
		if x.Op == "NOT" {
			b.WriteString("NOT ")
			writeExpr(b, x.X, 3)
		} else {
			b.WriteString("-")
			writeExpr(b, x.X, 7)
		}
	case *Binary:
		p := prec(x)
		writeExpr(b, x.X, p)
		b.WriteString(" " + x.Op + " ")
		// Left-associative: the right operand must bind tighter.
		writeExpr(b, x.Y, p+1)
	case *Between:
		writeExpr(b, x.X, 5)
		if x.Not {
			b.WriteString(" NOT")
		}
		b.WriteString(" BETWEEN ")
		writeExpr(b, x.Lo, 5)
		b.WriteString(" AND ")
		writeExpr(b, x.Hi, 5)
	case *Call:
		b.WriteString(x.Func + "(")
		writeExpr(b, x.Arg, 0)
		b.WriteString(")")
	case *Paren:
		b.WriteString("(")
		writeExpr(b, x.X, 0)
		b.WriteString(")")
	default:
		fmt.Fprintf(b, "<%T>", e)
	}
}

// Dump returns an indented tree of the query with the position of every
// node, for golden tests and debugging.
func Dump(q *Query) string {
	d := &dumper{}
	d.line(0, "Query %s distinct=%t", q.Select, q.Distinct)
	for _, it := range q.Items {
		d.line(1, "Item text=%s alias=%s %s", strconv.Quote(it.Text), strconv.Quote(it.Alias), it.AliasPos)
		d.expr(2, it.Expr)
	}
	for _, t := range q.From {
		d.line(1, "From %s %s alias=%s %s", t.Name, t.NamePos, strconv.Quote(t.Alias), t.AliasPos)
	}
	for _, j := range q.Joins {
		d.line(1, "Join %s %s %s alias=%s %s", j.JoinPos, j.Table.Name, j.Table.NamePos, strconv.Quote(j.Table.Alias), j.Table.AliasPos)
		d.expr(2, j.On)
	}
	if q.Where != nil {
		d.line(1, "Where")
		d.expr(2, q.Where)
	}
	for _, g := range q.GroupBy {
		d.line(1, "GroupBy")
		d.expr(2, g)
	}
	if q.Having != nil {
		d.line(1, "Having")
		d.expr(2, q.Having)
	}
	for _, o := range q.OrderBy {
		d.line(1, "OrderBy desc=%t", o.Desc)
		d.expr(2, o.Expr)
	}
	if q.Limit != nil {
		d.line(1, "Limit %d %s", q.Limit.Value, q.Limit.ValuePos)
	}
	return d.b.String()
}

type dumper struct{ b strings.Builder }

func (d *dumper) line(depth int, format string, args ...any) {
	d.b.WriteString(strings.Repeat("  ", depth))
	fmt.Fprintf(&d.b, format, args...)
	d.b.WriteByte('\n')
}

func (d *dumper) expr(depth int, e Expr) {
	switch x := e.(type) {
	case *ColumnRef:
		d.line(depth, "Column %s %s %s %s", strconv.Quote(x.Table), x.TablePos, x.Column, x.ColPos)
	case *Star:
		d.line(depth, "Star %s %s", strconv.Quote(x.Table), x.StarPos)
	case *IntLit:
		d.line(depth, "Int %d %s", x.Value, x.ValuePos)
	case *FloatLit:
		d.line(depth, "Float %g %s", x.Value, x.ValuePos)
	case *StringLit:
		d.line(depth, "String %s %s", strconv.Quote(x.Value), x.ValuePos)
	case *Unary:
		d.line(depth, "Unary %s %s", x.Op, x.OpPos)
		d.expr(depth+1, x.X)
	case *Binary:
		d.line(depth, "Binary %s %s", x.Op, x.OpPos)
		d.expr(depth+1, x.X)
		d.expr(depth+1, x.Y)
	case *Between:
		d.line(depth, "Between not=%t %s", x.Not, x.OpPos)
		d.expr(depth+1, x.X)
		d.expr(depth+1, x.Lo)
		d.expr(depth+1, x.Hi)
	case *Call:
		d.line(depth, "Call %s %s", x.Func, x.FuncPos)
		d.expr(depth+1, x.Arg)
	case *Paren:
		d.line(depth, "Paren %s", x.Lparen)
		d.expr(depth+1, x.X)
	}
}
