package ast

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/daphne-go/daphne/types"
)

// Fprint writes n (a *Script, a statement or an expression) as DaphneDSL
// source. Every operand that is not a name, literal, call or cast is put in
// parentheses, so parsing the output gives back a tree equal to n (up to
// positions). Statements are indented by four spaces per level.
func Fprint(w io.Writer, n Node) error {
	pr := &printer{}
	switch n := n.(type) {
	case *Script:
		for _, s := range n.Stmts {
			pr.stmt(s)
			pr.b.WriteByte('\n')
		}
	case Stmt:
		pr.stmt(n)
		pr.b.WriteByte('\n')
	case Expr:
		pr.expr(n)
	default:
		return fmt.Errorf("ast: cannot print node of type %T", n)
	}
	if pr.err != nil {
		return pr.err
	}
	_, err := io.WriteString(w, pr.b.String())
	return err
}

type printer struct {
	b      strings.Builder
	indent int
	err    error // first node that could not be printed
}

func (pr *printer) bad(n any) {
	if pr.err == nil {
		pr.err = fmt.Errorf("ast: cannot print node of type %T", n)
	}
	pr.b.WriteString("<?>")
}

func (pr *printer) str(s string) { pr.b.WriteString(s) }

func (pr *printer) newline() {
	pr.b.WriteByte('\n')
	pr.str(strings.Repeat("    ", pr.indent))
}

// ---- expressions ----

// atomic reports whether e prints as one unit that never needs parentheses.
func atomic(e Expr) bool {
	switch e := e.(type) {
	case *Ident, *ArgRef, *Call, *Cast, *StrLit, *BoolLit, *BadExpr:
		return true
	case *IntLit:
		return !strings.HasPrefix(intText(e), "-")
	case *FloatLit:
		return !strings.HasPrefix(floatText(e), "-")
	}
	return false
}

// operand prints e, in parentheses unless it is atomic.
func (pr *printer) operand(e Expr) {
	if atomic(e) {
		pr.expr(e)
		return
	}
	pr.str("(")
	pr.expr(e)
	pr.str(")")
}

func (pr *printer) expr(e Expr) {
	switch e := e.(type) {
	case *IntLit:
		pr.str(intText(e))
	case *FloatLit:
		pr.str(floatText(e))
	case *StrLit:
		pr.str(Quote(e.Value))
	case *BoolLit:
		pr.str(strconv.FormatBool(e.Value))
	case *ArgRef:
		pr.str("$" + e.Name)
	case *Ident:
		pr.str(e.Name)
	case *Call:
		pr.call(e)
	case *Cast:
		pr.str("as." + castType(e.DT, e.VT) + "(")
		pr.expr(e.X)
		pr.str(")")
	case *Index:
		pr.operand(e.X)
		pr.str("[")
		pr.rangeExpr(e.Rows)
		pr.str(", ")
		pr.rangeExpr(e.Cols)
		pr.str("]")
	case *BitIndex:
		pr.operand(e.X)
		pr.str("[[")
		pr.optOperand(e.Rows)
		pr.str(", ")
		pr.optOperand(e.Cols)
		pr.str("]]")
	case *Unary:
		pr.str(e.Op)
		pr.operand(e.X)
	case *Binary:
		pr.operand(e.X)
		pr.str(" " + e.Op)
		if e.Hint != "" {
			pr.str("::" + e.Hint)
		}
		pr.str(" ")
		pr.operand(e.Y)
	case *Cond:
		pr.operand(e.C)
		pr.str(" ? ")
		pr.operand(e.A)
		pr.str(" : ")
		pr.operand(e.B)
	case *MatrixLit:
		pr.matrixLit(e)
	case *FrameLit:
		pr.frameLit(e)
	case *BadExpr:
		pr.str("/*bad expression*/")
	default:
		pr.bad(e)
	}
}

func (pr *printer) optOperand(e Expr) {
	if e != nil {
		pr.operand(e)
	}
}

func (pr *printer) call(c *Call) {
	pr.str(c.Func)
	if c.Hint != "" {
		pr.str("::" + c.Hint)
	}
	pr.str("(")
	for i, a := range c.Args {
		if i > 0 {
			pr.str(", ")
		}
		if a.Name != "" {
			pr.str(a.Name + " = ")
		}
		pr.expr(a.Value)
	}
	pr.str(")")
}

// rangeExpr prints one dimension of an indexing; nil prints nothing.
func (pr *printer) rangeExpr(r *Range) {
	if r == nil {
		return
	}
	pr.optOperand(r.Lo)
	if r.IsRange {
		pr.str(":")
		pr.optOperand(r.Hi)
	}
}

func (pr *printer) list(es []Expr) {
	for i, e := range es {
		if i > 0 {
			pr.str(", ")
		}
		pr.operand(e)
	}
}

func (pr *printer) matrixLit(m *MatrixLit) {
	pr.str("[")
	pr.list(m.Elems)
	pr.str("]")
	if m.HasShape {
		pr.str("(")
		pr.optOperand(m.Rows)
		pr.str(", ")
		pr.optOperand(m.Cols)
		pr.str(")")
	}
}

func (pr *printer) frameLit(f *FrameLit) {
	pr.str("{")
	if f.ByRows {
		for i, row := range f.Rows {
			if i > 0 {
				pr.str(", ")
			}
			pr.str("[")
			pr.list(row)
			pr.str("]")
		}
	} else {
		for i := range f.Labels {
			if i > 0 {
				pr.str(", ")
			}
			pr.operand(f.Labels[i])
			pr.str(": ")
			if i < len(f.Cols) {
				pr.operand(f.Cols[i])
			}
		}
	}
	pr.str("}")
}

// castType spells the type part of a cast: matrix, f64 or matrix<f64>.
func castType(dt types.DataType, vt types.ValueType) string {
	switch {
	case dt == types.AnyData:
		return vt.String()
	case vt == types.Unknown:
		return dt.String()
	}
	return dt.String() + "<" + vt.String() + ">"
}

// intText is the source text of an integer literal: Raw, or the value with
// the suffix of its value type.
func intText(l *IntLit) string {
	if l.Raw != "" {
		return l.Raw
	}
	switch l.VT {
	case types.UI64:
		return strconv.FormatUint(uint64(l.Value), 10) + "u"
	case types.Size:
		return strconv.FormatUint(uint64(l.Value), 10) + "z"
	}
	if l.Value == -1<<63 {
		return "9223372036854775808"
	}
	return strconv.FormatInt(l.Value, 10)
}

// floatText is the source text of a float literal: Raw, or the value in a
// form the scanner accepts (always with a "." or an exponent).
func floatText(l *FloatLit) string {
	if l.Raw != "" {
		return l.Raw
	}
	bits, suffix := 64, ""
	if l.VT == types.F32 {
		bits, suffix = 32, "f"
	}
	s := strconv.FormatFloat(l.Value, 'g', -1, bits)
	switch s {
	case "NaN":
		return "nan"
	case "+Inf":
		return "inf"
	case "-Inf":
		return "-inf"
	}
	if !strings.ContainsAny(s, ".e") {
		s += ".0"
	}
	s = strings.Replace(s, "e+", "e", 1)
	s = strings.Replace(s, "e-0", "e-", 1)
	if i := strings.Index(s, "e0"); i >= 0 && i+2 < len(s) {
		s = s[:i+1] + s[i+2:]
	}
	return s + suffix
}

// Quote returns s as a DaphneDSL string literal, escaping ", \ and the
// control characters that have escapes (\b \f \n \r \t).
func Quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}
