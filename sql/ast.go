package sql

// Query is one SELECT statement.
type Query struct {
	Select   Pos // of the SELECT keyword
	Distinct bool
	Items    []*SelectItem
	From     []*TableRef // the comma-separated views after FROM, in order
	Joins    []*Join
	Where    Expr // nil if absent
	GroupBy  []Expr
	Having   Expr // nil if absent
	OrderBy  []*OrderItem
	Limit    *IntLit // nil if absent
}

// SelectItem is one entry of the select list. Expr is a *Star for "*" and
// "v.*". Text is the label DAPHNE gives an unaliased result column (see the
// package doc).
type SelectItem struct {
	Expr     Expr
	Alias    string // "" if none
	AliasPos Pos
	Text     string
}

// Label returns the result column label of a non-star item: its alias, or
// else Text.
func (s *SelectItem) Label() string {
	if s.Alias != "" {
		return s.Alias
	}
	return s.Text
}

// TableRef names a registered view, with an optional alias. The columns of
// the view are referenced through Prefix.
type TableRef struct {
	Name     string
	NamePos  Pos
	Alias    string // "" if none
	AliasPos Pos
}

// Prefix returns the name that qualifies the view's columns: the alias if
// given, else the view name.
func (t *TableRef) Prefix() string {
	if t.Alias != "" {
		return t.Alias
	}
	return t.Name
}

// Join is [INNER] JOIN table ON condition.
type Join struct {
	JoinPos Pos // of INNER or JOIN
	Table   *TableRef
	On      Expr
}

// OrderItem is one ORDER BY key.
type OrderItem struct {
	Expr Expr
	Desc bool
}

// Expr is an expression node.
type Expr interface {
	Pos() Pos
	exprNode()
}

// ColumnRef is c or v.c (Table is "" when unqualified).
type ColumnRef struct {
	Table    string
	TablePos Pos
	Column   string
	ColPos   Pos
}

// Star is * or v.* (Table is "" for *).
type Star struct {
	Table   string
	StarPos Pos // of the view name, or of * when unqualified
}

// IntLit is an integer literal.
type IntLit struct {
	ValuePos Pos
	Value    int64
	Text     string
}

// FloatLit is a floating-point literal.
type FloatLit struct {
	ValuePos Pos
	Value    float64
	Text     string
}

// StringLit is a quoted string literal; Value has the quotes removed.
type StringLit struct {
	ValuePos Pos
	Value    string
	Text     string
}

// Unary is -X or NOT X (Op is "-" or "NOT").
type Unary struct {
	OpPos Pos
	Op    string
	X     Expr
}

// Binary is X Op Y for Op in + - * / = <> != < <= > >= AND OR (keywords
// upper-case).
type Binary struct {
	OpPos Pos
	Op    string
	X, Y  Expr
}

// Between is X [NOT] BETWEEN Lo AND Hi.
type Between struct {
	OpPos     Pos // of BETWEEN (or NOT)
	Not       bool
	X, Lo, Hi Expr
}

// Call is an aggregate call; Func is lower-case (sum, count, avg, min,
// max), Arg a *Star for count(*).
type Call struct {
	FuncPos Pos
	Func    string
	Arg     Expr
}

// Paren is a parenthesised expression.
type Paren struct {
	Lparen Pos
	X      Expr
}

// Pos returns the position of the reference's first token.
func (x *ColumnRef) Pos() Pos {
	if x.Table != "" {
		return x.TablePos
	}
	return x.ColPos
}

// Pos returns the position of the star or its view name.
func (x *Star) Pos() Pos { return x.StarPos }

// Pos returns the position of the literal.
func (x *IntLit) Pos() Pos { return x.ValuePos }

// Pos returns the position of the literal.
func (x *FloatLit) Pos() Pos { return x.ValuePos }

// Pos returns the position of the literal.
func (x *StringLit) Pos() Pos { return x.ValuePos }

// Pos returns the position of the operator.
func (x *Unary) Pos() Pos { return x.OpPos }

// Pos returns the position of the left operand.
func (x *Binary) Pos() Pos { return x.X.Pos() }

// Pos returns the position of the tested expression.
func (x *Between) Pos() Pos { return x.X.Pos() }

// Pos returns the position of the function name.
func (x *Call) Pos() Pos { return x.FuncPos }

// Pos returns the position of the opening parenthesis.
func (x *Paren) Pos() Pos { return x.Lparen }

func (*ColumnRef) exprNode() {}
func (*Star) exprNode()      {}
func (*IntLit) exprNode()    {}
func (*FloatLit) exprNode()  {}
func (*StringLit) exprNode() {}
func (*Unary) exprNode()     {}
func (*Binary) exprNode()    {}
func (*Between) exprNode()   {}
func (*Call) exprNode()      {}
func (*Paren) exprNode()     {}

// Aggregates lists the aggregate functions, lower-case.
var Aggregates = []string{"sum", "count", "avg", "min", "max"}

// IsAggregate reports whether e contains an aggregate call.
func IsAggregate(e Expr) bool {
	found := false
	Walk(e, func(x Expr) {
		if _, ok := x.(*Call); ok {
			found = true
		}
	})
	return found
}

// Walk calls fn on e and its subexpressions, in pre-order.
func Walk(e Expr, fn func(Expr)) {
	if e == nil {
		return
	}
	fn(e)
	switch x := e.(type) {
	case *Unary:
		Walk(x.X, fn)
	case *Binary:
		Walk(x.X, fn)
		Walk(x.Y, fn)
	case *Between:
		Walk(x.X, fn)
		Walk(x.Lo, fn)
		Walk(x.Hi, fn)
	case *Call:
		Walk(x.Arg, fn)
	case *Paren:
		Walk(x.X, fn)
	}
}

// Views returns the table references of q: FROM, then JOIN, in order.
func (q *Query) Views() []*TableRef {
	ts := append([]*TableRef(nil), q.From...)
	for _, j := range q.Joins {
		ts = append(ts, j.Table)
	}
	return ts
}
