package ir

import (
	"fmt"

	"github.com/daphne-go/daphne/types"
)

// Loc is a source location (file:line:col) carried by ops for error messages.
type Loc struct {
	File      string
	Line, Col int
}

// String formats the location as file:line:col.
func (l Loc) String() string {
	if l.File == "" {
		return fmt.Sprintf("%d:%d", l.Line, l.Col)
	}
	return fmt.Sprintf("%s:%d:%d", l.File, l.Line, l.Col)
}

// IsValid reports whether the location is known.
func (l Loc) IsValid() bool { return l.Line > 0 }

// Kind is the kind of an operation.
type Kind uint8

// Operation kinds.
const (
	KindConst    Kind = iota // a constant; Const holds the value
	KindCall                 // a builtin / operator; Name is the IR op name
	KindCallFunc             // a call of a user-defined function; Name is its symbol
	KindIf
	KindWhile
	KindFor
	KindYield  // terminator of a region
	KindReturn // return from the enclosing function
)

var kindNames = [...]string{
	KindConst: "const", KindCall: "call", KindCallFunc: "callfunc", KindIf: "if",
	KindWhile: "while", KindFor: "for", KindYield: "yield", KindReturn: "return",
}

// String returns the kind's keyword in the text form.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// Const is a constant scalar. Exactly one payload field is meaningful, chosen
// by VT as in runtime/data.Scalar: I for signed integers and bool, U for
// unsigned and size, F for floats, S for strings.
type Const struct {
	VT types.ValueType
	I  int64
	U  uint64
	F  float64
	S  string
}

// Value is an SSA value: the result of an op or a block argument.
type Value struct {
	ID   int        // unique within its Func; printed as %ID
	Type types.Type // static type; parts may be unknown
	Def  *Op        // defining op; nil for block arguments
	Name string     // source variable name, if any (for --explain only)
}

// Op is one operation.
type Op struct {
	Kind    Kind
	Name    string            // op name (KindCall) or function symbol (KindCallFunc)
	Args    []*Value          // operands
	Results []*Value          // values defined by this op
	Attrs   map[string]string // small named attributes (cast target, kernel hint, index forms, ...)
	Const   *Const            // the value of a KindConst op
	Regions []*Block          // nested blocks of if / while / for
	Loc     Loc               // source position for error messages
}

// Attr returns the attribute named k, or "".
func (o *Op) Attr(k string) string { return o.Attrs[k] }

// SetAttr sets an attribute.
func (o *Op) SetAttr(k, v string) {
	if o.Attrs == nil {
		o.Attrs = map[string]string{}
	}
	o.Attrs[k] = v
}

// Block is a straight-line sequence of ops with block arguments. Nested
// blocks end in a yield (or, for early returns, a return).
type Block struct {
	Args []*Value
	Ops  []*Op
}

// Func is a function: main or a specialisation of a user-defined function.
type Func struct {
	Name        string // symbol, unique in the module ("main", "f", "f.1", "utils.g", ...)
	Params      []*Value
	ResultTypes []types.Type
	Body        *Block
	Loc         Loc
	nextID      int
}

// Module is a whole lowered script.
type Module struct {
	Funcs []*Func // main first, then the others in definition order
}

// Main returns the function named "main", or nil.
func (m *Module) Main() *Func { return m.Func("main") }

// Func returns the function with the given symbol, or nil.
func (m *Module) Func(name string) *Func {
	for _, f := range m.Funcs {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// NewFunc creates a function with parameters of the given types.
func NewFunc(name string, params []types.Type, results []types.Type) *Func {
	f := &Func{Name: name, ResultTypes: results, Body: &Block{}}
	for _, t := range params {
		f.Params = append(f.Params, f.NewValue(t, nil))
	}
	return f
}

// NewValue allocates a fresh value of type t defined by def (nil for block
// arguments and parameters).
func (f *Func) NewValue(t types.Type, def *Op) *Value {
	v := &Value{ID: f.nextID, Type: t, Def: def}
	f.nextID++
	return v
}

// Renumber gives every value of f a fresh ID in definition order (params,
// then ops in pre-order). Passes call it after rewriting; the printer does
// not need it but the output is tidier.
func (f *Func) Renumber() {
	id := 0
	for _, p := range f.Params {
		p.ID = id
		id++
	}
	var walk func(b *Block)
	walk = func(b *Block) {
		for _, a := range b.Args {
			a.ID = id
			id++
		}
		for _, op := range b.Ops {
			for _, r := range op.Results {
				r.ID = id
				id++
			}
			for _, rg := range op.Regions {
				walk(rg)
			}
		}
	}
	walk(f.Body)
	f.nextID = id
}

// SetNextID sets the next ID NewValue hands out (used by the text parser).
func (f *Func) SetNextID(id int) { f.nextID = id }

// Builder appends ops to a block of a function.
type Builder struct {
	F     *Func
	Block *Block
	Loc   Loc // location given to the ops it creates
}

// NewBuilder returns a builder appending to b in f.
func NewBuilder(f *Func, b *Block) *Builder { return &Builder{F: f, Block: b} }

// Op appends an op of the given kind and name with results of the given
// types, and returns it.
func (b *Builder) Op(kind Kind, name string, args []*Value, results ...types.Type) *Op {
	op := &Op{Kind: kind, Name: name, Args: args, Loc: b.Loc}
	for _, t := range results {
		op.Results = append(op.Results, b.F.NewValue(t, op))
	}
	b.Block.Ops = append(b.Block.Ops, op)
	return op
}

// Call appends a builtin call with one result and returns the result.
func (b *Builder) Call(name string, t types.Type, args ...*Value) *Value {
	return b.Op(KindCall, name, args, t).Results[0]
}

// Const appends a constant and returns its value.
func (b *Builder) Const(c Const) *Value {
	op := b.Op(KindConst, "", nil, types.ScalarOf(c.VT))
	op.Const = &c
	return op.Results[0]
}

// Yield appends a yield terminator.
func (b *Builder) Yield(vals ...*Value) *Op { return b.Op(KindYield, "", vals) }

// Return appends a return terminator.
func (b *Builder) Return(vals ...*Value) *Op { return b.Op(KindReturn, "", vals) }
