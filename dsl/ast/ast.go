// Package ast declares the syntax tree of DaphneDSL scripts, as produced by
// package parser. Nodes carry the position of their first token. Parentheses
// leave no node: the tree is the parse, and Print writes a fully
// parenthesised form that parses back to an equal tree.
package ast

import (
	"github.com/daphne-go/daphne/dsl/token"
	"github.com/daphne-go/daphne/types"
)

// Node is any syntax tree node.
type Node interface {
	Pos() token.Pos
}

// Expr is an expression node.
type Expr interface {
	Node
	exprNode()
}

// Stmt is a statement node.
type Stmt interface {
	Node
	stmtNode()
}

// Script is a parsed source file.
type Script struct {
	File  string // path as given to the parser
	Stmts []Stmt
}

// ---- expressions ----

// IntLit is an integer literal. Value holds the bits; VT is SI64 (no suffix
// or l), UI64 (u, ull) or Size (z). 9223372036854775808 is stored as
// math.MinInt64 so that unary minus gives INT64_MIN.
type IntLit struct {
	P     token.Pos
	Raw   string
	Value int64
	VT    types.ValueType
}

// FloatLit is a float literal (including nan, inf, nanf, inff). VT is F64 or F32.
type FloatLit struct {
	P     token.Pos
	Raw   string
	Value float64
	VT    types.ValueType
}

// StrLit is a string literal with escapes already resolved.
type StrLit struct {
	P     token.Pos
	Value string
}

// BoolLit is true or false.
type BoolLit struct {
	P     token.Pos
	Value bool
}

// ArgRef is a script argument reference $name.
type ArgRef struct {
	P    token.Pos
	Name string
}

// Ident is a variable reference, possibly import-qualified ("utils.x"): Name
// holds the whole dotted name.
type Ident struct {
	P    token.Pos
	Name string
}

// Arg is one call argument; Name is the keyword or "" for a positional one.
type Arg struct {
	P     token.Pos
	Name  string
	Value Expr
}

// Call is a call of a builtin or user-defined function. Func is the dotted
// name; Hint is the kernel hint after "::" or "".
type Call struct {
	P    token.Pos
	Func string
	Hint string
	Args []Arg
}

// Cast is as.DT(x), as.VT(x) or as.DT<VT>(x). DT is types.AnyData and VT
// types.Unknown when not given.
type Cast struct {
	P  token.Pos
	DT types.DataType
	VT types.ValueType
	X  Expr
}

// Range is one dimension of an indexing expression. With IsRange false it is
// the single expression Lo (a position, a position list, or a label). With
// IsRange true it is Lo:Hi where either bound may be nil.
type Range struct {
	P       token.Pos
	IsRange bool
	Lo, Hi  Expr
}

// Index is right indexing X[rows, cols]; a nil Range selects everything.
type Index struct {
	P          token.Pos
	X          Expr
	Rows, Cols *Range
}

// BitIndex is bit-vector filtering X[[rows, cols]]; nil means all.
type BitIndex struct {
	P          token.Pos
	X          Expr
	Rows, Cols Expr
}

// Unary is +X or -X.
type Unary struct {
	P  token.Pos
	Op string
	X  Expr
}

// Binary is X op Y for op in @ ^ % * / + - == != < <= > >= && ||. Hint is the
// kernel hint of "X +::k Y" or "".
type Binary struct {
	P    token.Pos
	Op   string
	Hint string
	X, Y Expr
}

// Cond is C ? A : B.
type Cond struct {
	P       token.Pos
	C, A, B Expr
}

// MatrixLit is [e, ...] optionally followed by (rows, cols); a nil Rows or
// Cols inside the parentheses means "derive". HasShape tells whether the
// parenthesised part was present.
type MatrixLit struct {
	P          token.Pos
	Elems      []Expr
	HasShape   bool
	Rows, Cols Expr
}

// FrameLit is a frame literal by columns {"a": [..], "b": [..]} (Labels and
// Cols of equal length) or, with ByRows set, by rows {["a","b"], [1, 2.5]}
// (Rows[0] holds the labels).
type FrameLit struct {
	P      token.Pos
	ByRows bool
	Labels []Expr
	Cols   []Expr
	Rows   [][]Expr
}

// BadExpr stands where an expression failed to parse.
type BadExpr struct {
	P token.Pos
}

// ---- statements ----

// ExprStmt is an expression evaluated for its effect (print(x);).
type ExprStmt struct {
	X Expr
}

// Target is one left-hand side of an assignment: a (dotted) name with an
// optional left-indexing part.
type Target struct {
	P          token.Pos
	Name       string
	Indexed    bool
	Rows, Cols *Range
}

// Assign is t1, t2, ... = value;
type Assign struct {
	P       token.Pos
	Targets []Target
	Value   Expr
}

// Block is { stmts }.
type Block struct {
	P     token.Pos
	Stmts []Stmt
}

// If is if (Cond) Then [else Else]; Else may be nil.
type If struct {
	P          token.Pos
	Cond       Expr
	Then, Else Stmt
}

// While is while (Cond) Body, or do Body while (Cond) when DoWhile is set.
type While struct {
	P       token.Pos
	Cond    Expr
	Body    Stmt
	DoWhile bool
}

// For is for (Var in From:To[:Step]) Body; Step may be nil.
type For struct {
	P              token.Pos
	Var            string
	VarPos         token.Pos
	From, To, Step Expr
	Body           Stmt
	// Parallel marks DAPHNE's parfor: the script promises that iterations
	// are independent. daphne-go runs them in order, which gives the same
	// result for every loop that keeps that promise.
	Parallel bool
}

// TypeSpec is a type annotation: a data type with optional value type
// (matrix, matrix<f64>, scalar, frame) or a bare value type (DT AnyData).
type TypeSpec struct {
	P  token.Pos
	DT types.DataType
	VT types.ValueType
}

// Param is one function parameter; Type is nil when untyped.
type Param struct {
	P    token.Pos
	Name string
	Type *TypeSpec
}

// FuncDef is def name(params) [-> results] { body }. Results is nil when no
// "->" was written.
type FuncDef struct {
	P       token.Pos
	Name    string
	Params  []Param
	Results []TypeSpec
	Body    *Block
}

// Return is return [e1, e2, ...];
type Return struct {
	P      token.Pos
	Values []Expr
}

// Import is import "path" [as "alias"];
type Import struct {
	P     token.Pos
	Path  string
	Alias string
}

// BadStmt stands where a statement failed to parse.
type BadStmt struct {
	P token.Pos
}

// Pos implementations.

func (n *IntLit) Pos() token.Pos    { return n.P }
func (n *FloatLit) Pos() token.Pos  { return n.P }
func (n *StrLit) Pos() token.Pos    { return n.P }
func (n *BoolLit) Pos() token.Pos   { return n.P }
func (n *ArgRef) Pos() token.Pos    { return n.P }
func (n *Ident) Pos() token.Pos     { return n.P }
func (n *Call) Pos() token.Pos      { return n.P }
func (n *Cast) Pos() token.Pos      { return n.P }
func (n *Index) Pos() token.Pos     { return n.P }
func (n *BitIndex) Pos() token.Pos  { return n.P }
func (n *Unary) Pos() token.Pos     { return n.P }
func (n *Binary) Pos() token.Pos    { return n.P }
func (n *Cond) Pos() token.Pos      { return n.P }
func (n *MatrixLit) Pos() token.Pos { return n.P }
func (n *FrameLit) Pos() token.Pos  { return n.P }
func (n *BadExpr) Pos() token.Pos   { return n.P }
func (n *ExprStmt) Pos() token.Pos  { return n.X.Pos() }
func (n *Assign) Pos() token.Pos    { return n.P }
func (n *Block) Pos() token.Pos     { return n.P }
func (n *If) Pos() token.Pos        { return n.P }
func (n *While) Pos() token.Pos     { return n.P }
func (n *For) Pos() token.Pos       { return n.P }
func (n *FuncDef) Pos() token.Pos   { return n.P }
func (n *Return) Pos() token.Pos    { return n.P }
func (n *Import) Pos() token.Pos    { return n.P }
func (n *BadStmt) Pos() token.Pos   { return n.P }

func (*IntLit) exprNode()    {}
func (*FloatLit) exprNode()  {}
func (*StrLit) exprNode()    {}
func (*BoolLit) exprNode()   {}
func (*ArgRef) exprNode()    {}
func (*Ident) exprNode()     {}
func (*Call) exprNode()      {}
func (*Cast) exprNode()      {}
func (*Index) exprNode()     {}
func (*BitIndex) exprNode()  {}
func (*Unary) exprNode()     {}
func (*Binary) exprNode()    {}
func (*Cond) exprNode()      {}
func (*MatrixLit) exprNode() {}
func (*FrameLit) exprNode()  {}
func (*BadExpr) exprNode()   {}

func (*ExprStmt) stmtNode() {}
func (*Assign) stmtNode()   {}
func (*Block) stmtNode()    {}
func (*If) stmtNode()       {}
func (*While) stmtNode()    {}
func (*For) stmtNode()      {}
func (*FuncDef) stmtNode()  {}
func (*Return) stmtNode()   {}
func (*Import) stmtNode()   {}
func (*BadStmt) stmtNode()  {}
