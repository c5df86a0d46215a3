package ir

// The text form, as written by the printer and read by Parse:
//
//	func @main(%0#X: matrix<f64>) -> (si64) loc("a.daph":1:1) {
//	  %1 = const 3 : si64
//	  %2#Y = call fill(%1, %1, %1) {kernel="k"} : matrix<si64>[3x3] loc("a.daph":2:5)
//	  %3, %4 = if (%1) : (si64, f64) then {
//	    yield %1, %5
//	  } else {
//	    return %1
//	  }
//	  %6 = while (%1) : (si64) cond(%7: si64) {
//	    yield %7
//	  } body(%8: si64) {
//	    yield %8
//	  }
//	  return %6
//	}
//
// One op per line. Values are written %ID; where a value is defined (op
// results, block and function arguments) a source-name hint may follow as
// #name. Attributes are sorted by key; values are always quoted. Regions
// are introduced by a label (then/else for if, cond/body for while, body
// for for) with the block arguments in parentheses. A constant's literal
// is interpreted by its value type: "const 3 : f64" is the float 3.
//
// Rejected alternative: printing block arguments as MLIR's "^bb0(...):"
// label lines. Putting them on the region label keeps the while and for
// headers readable and leaves one less line kind to parse.

import (
	"bufio"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/daphne-go/daphne/types"
)

// String returns the text form of the module.
func (m *Module) String() string {
	var sb strings.Builder
	_ = Fprint(&sb, m) // a strings.Builder never fails
	return sb.String()
}

// String returns the text form of the function.
func (f *Func) String() string {
	p := &printer{}
	p.fn(f)
	return p.sb.String()
}

// Fprint writes the text form of m to w.
func Fprint(w io.Writer, m *Module) error {
	bw := bufio.NewWriter(w)
	for i, f := range m.Funcs {
		if i > 0 {
			if _, err := bw.WriteString("\n"); err != nil {
				return err
			}
		}
		if _, err := bw.WriteString(f.String()); err != nil {
			return err
		}
	}
	return bw.Flush()
}

type printer struct {
	sb     strings.Builder
	indent int
}

func (p *printer) w(ss ...string) {
	for _, s := range ss {
		p.sb.WriteString(s)
	}
}

func (p *printer) nl() {
	p.sb.WriteByte('\n')
	for i := 0; i < p.indent; i++ {
		p.sb.WriteString("  ")
	}
}

func (p *printer) fn(f *Func) {
	p.w("func @", quoteName(f.Name), "(")
	p.defs(f.Params, true)
	p.w(") -> (")
	for i, t := range f.ResultTypes {
		if i > 0 {
			p.w(", ")
		}
		p.w(t.String())
	}
	p.w(")")
	p.loc(f.Loc)
	if f.Body == nil {
		p.w(" {\n}\n")
		return
	}
	if len(f.Body.Args) > 0 {
		p.w(" args(")
		p.defs(f.Body.Args, true)
		p.w(")")
	}
	p.w(" {")
	p.block(f.Body)
	p.w("\n}\n")
}

// defs writes value definitions, with types when typed is set.
func (p *printer) defs(vs []*Value, typed bool) {
	for i, v := range vs {
		if i > 0 {
			p.w(", ")
		}
		p.def(v)
		if typed && v != nil {
			p.w(": ", v.Type.String())
		}
	}
}

func (p *printer) def(v *Value) {
	if v == nil {
		p.w("%?")
		return
	}
	p.w("%", strconv.Itoa(v.ID))
	if v.Name != "" {
		p.w("#", quoteName(v.Name))
	}
}

func (p *printer) uses(vs []*Value) {
	for i, v := range vs {
		if i > 0 {
			p.w(", ")
		}
		if v == nil {
			p.w("%?")
			continue
		}
		p.w("%", strconv.Itoa(v.ID))
	}
}

func (p *printer) block(b *Block) {
	p.indent++
	for _, op := range b.Ops {
		p.nl()
		p.op(op)
	}
	p.indent--
}

func (p *printer) op(op *Op) {
	if len(op.Results) > 0 {
		p.defs(op.Results, false)
		p.w(" = ")
	}
	p.w(op.Kind.String())
	switch op.Kind {
	case KindConst:
		p.constBody(op)
	case KindCall:
		p.w(" ", quoteName(op.Name), "(")
		p.uses(op.Args)
		p.w(")")
	case KindCallFunc:
		p.w(" @", quoteName(op.Name), "(")
		p.uses(op.Args)
		p.w(")")
	case KindYield, KindReturn:
		if len(op.Args) > 0 {
			p.w(" ")
			p.uses(op.Args)
		}
	default:
		p.w(" (")
		p.uses(op.Args)
		p.w(")")
	}
	p.attrs(op.Attrs)
	if op.Kind != KindConst {
		p.resultTypes(op.Results)
	}
	for i, r := range op.Regions {
		p.w(" ", RegionLabel(op.Kind, i))
		if r != nil && len(r.Args) > 0 {
			p.w("(")
			p.defs(r.Args, true)
			p.w(")")
		}
		p.w(" {")
		if r != nil {
			p.block(r)
		}
		p.nl()
		p.w("}")
	}
	p.loc(op.Loc)
}

// constBody writes " <literal> [as <vt>] : <type>".
func (p *printer) constBody(op *Op) {
	var rt types.Type
	if len(op.Results) > 0 && op.Results[0] != nil {
		rt = op.Results[0].Type
	}
	if op.Const == nil {
		p.w(" ? : ", rt.String())
		return
	}
	c := op.Const
	p.w(" ", FormatConst(*c))
	if rt != types.ScalarOf(c.VT) {
		p.w(" as ", c.VT.String())
	}
	p.w(" : ", rt.String())
}

func (p *printer) attrs(a map[string]string) {
	if len(a) == 0 {
		return
	}
	keys := make([]string, 0, len(a))
	for k := range a {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	p.w(" {")
	for i, k := range keys {
		if i > 0 {
			p.w(", ")
		}
		p.w(quoteName(k), "=", strconv.Quote(a[k]))
	}
	p.w("}")
}

func (p *printer) resultTypes(rs []*Value) {
	switch len(rs) {
	case 0:
		return
	case 1:
		if rs[0] != nil {
			p.w(" : ", rs[0].Type.String())
			return
		}
	}
	p.w(" : (")
	for i, r := range rs {
		if i > 0 {
			p.w(", ")
		}
		if r != nil {
			p.w(r.Type.String())
		}
	}
	p.w(")")
}

func (p *printer) loc(l Loc) {
	if !l.IsValid() {
		return
	}
	p.w(" loc(")
	if l.File != "" {
		p.w(strconv.Quote(l.File), ":")
	}
	p.w(strconv.Itoa(l.Line), ":", strconv.Itoa(l.Col), ")")
}

// RegionLabel is the keyword introducing region i of an op of kind k in the
// text form: then/else for if, cond/body for while, body for for, and
// "region" for anything else.
func RegionLabel(k Kind, i int) string {
	switch {
	case k == KindIf && i == 0:
		return "then"
	case k == KindIf && i == 1:
		return "else"
	case k == KindWhile && i == 0:
		return "cond"
	case k == KindWhile && i == 1, k == KindFor && i == 0:
		return "body"
	}
	return "region"
}

// FormatConst writes a constant's literal as the text form does: integers
// in decimal, bools as true/false, floats in the shortest form that reads
// back exactly (nan, inf, -inf for the special values), strings quoted
// with Go escapes. The value type is not part of the literal.
func FormatConst(c Const) string {
	switch {
	case c.VT == types.Bool:
		if c.I != 0 {
			return "true"
		}
		return "false"
	case c.VT.IsSigned():
		return strconv.FormatInt(c.I, 10)
	case c.VT.IsUnsigned():
		return strconv.FormatUint(c.U, 10)
	case c.VT.IsFloat():
		return formatFloat(c.F, c.VT)
	case c.VT == types.Str:
		return strconv.Quote(c.S)
	}
	return "?"
}

func formatFloat(f float64, vt types.ValueType) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	bits := 64
	if vt == types.F32 && float64(float32(f)) == f {
		bits = 32
	}
	return strconv.FormatFloat(f, 'g', -1, bits)
}

// quoteName writes a name bare when it is an identifier (letters, digits,
// '_' and '.', not starting with a digit or '.') and quoted otherwise.
func quoteName(s string) string {
	if isIdent(s) {
		return s
	}
	return strconv.Quote(s)
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		case i > 0 && (c == '.' || c >= '0' && c <= '9'):
		default:
			return false
		}
	}
	return true
}
