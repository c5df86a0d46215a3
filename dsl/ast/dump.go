package ast

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/daphne-go/daphne/types"
)

// Dump writes n as an indented tree, one node per line with its fields and
// position (@line:col), children indented by two spaces and labelled with
// their role (Cond:, Then:, Lo:, ...). The format is meant for golden tests
// and debugging; a nil child prints as <nil>.
func Dump(w io.Writer, n Node) error {
	d := &dumper{}
	d.node("", n)
	_, err := io.WriteString(w, d.b.String())
	return err
}

type dumper struct {
	b     strings.Builder
	depth int
}

// line writes one line: indentation, label, text.
func (d *dumper) line(label, text string) {
	d.b.WriteString(strings.Repeat("  ", d.depth))
	d.b.WriteString(label)
	d.b.WriteString(text)
	d.b.WriteByte('\n')
}

// children runs f one level deeper.
func (d *dumper) children(f func()) {
	d.depth++
	f()
	d.depth--
}

func at(n Node) string { return " @" + n.Pos().String() }

func (d *dumper) node(label string, n Node) {
	if n == nil || isNilNode(n) {
		d.line(label, "<nil>")
		return
	}
	switch n := n.(type) {
	case *Script:
		d.line(label, fmt.Sprintf("Script %q", n.File))
		d.children(func() { d.stmts(n.Stmts) })
	case Expr:
		d.expr(label, n)
	case Stmt:
		d.stmt(label, n)
	default:
		d.line(label, fmt.Sprintf("<unknown %T>", n))
	}
}

// isNilNode reports a typed nil pointer stored in a Node.
func isNilNode(n Node) bool {
	switch n := n.(type) {
	case *Script:
		return n == nil
	case *Block:
		return n == nil
	}
	return false
}

func (d *dumper) stmts(list []Stmt) {
	for _, s := range list {
		d.node("", s)
	}
}

func (d *dumper) exprs(label string, list []Expr) {
	for _, e := range list {
		d.node(label, e)
	}
}

func (d *dumper) expr(label string, e Expr) {
	switch e := e.(type) {
	case *IntLit:
		v := strconv.FormatInt(e.Value, 10)
		if e.VT == types.UI64 || e.VT == types.Size {
			v = strconv.FormatUint(uint64(e.Value), 10)
		}
		d.line(label, fmt.Sprintf("IntLit %s %s raw=%q%s", v, e.VT, e.Raw, at(e)))
	case *FloatLit:
		d.line(label, fmt.Sprintf("FloatLit %s %s raw=%q%s", strconv.FormatFloat(e.Value, 'g', -1, 64), e.VT, e.Raw, at(e)))
	case *StrLit:
		d.line(label, fmt.Sprintf("StrLit %q%s", e.Value, at(e)))
	case *BoolLit:
		d.line(label, fmt.Sprintf("BoolLit %t%s", e.Value, at(e)))
	case *ArgRef:
		d.line(label, "ArgRef $"+e.Name+at(e))
	case *Ident:
		d.line(label, "Ident "+e.Name+at(e))
	case *Call:
		d.call(label, e)
	case *Cast:
		d.line(label, "Cast as."+castType(e.DT, e.VT)+at(e))
		d.children(func() { d.node("X: ", e.X) })
	case *Index:
		d.line(label, "Index"+at(e))
		d.children(func() {
			d.node("X: ", e.X)
			d.rng("Rows: ", e.Rows)
			d.rng("Cols: ", e.Cols)
		})
	case *BitIndex:
		d.line(label, "BitIndex"+at(e))
		d.children(func() {
			d.node("X: ", e.X)
			d.node("Rows: ", e.Rows)
			d.node("Cols: ", e.Cols)
		})
	case *Unary:
		d.line(label, "Unary "+e.Op+at(e))
		d.children(func() { d.node("X: ", e.X) })
	case *Binary:
		d.line(label, "Binary "+e.Op+hintText(e.Hint)+at(e))
		d.children(func() {
			d.node("X: ", e.X)
			d.node("Y: ", e.Y)
		})
	case *Cond:
		d.line(label, "Cond"+at(e))
		d.children(func() {
			d.node("C: ", e.C)
			d.node("A: ", e.A)
			d.node("B: ", e.B)
		})
	case *MatrixLit:
		d.matrixLit(label, e)
	case *FrameLit:
		d.frameLit(label, e)
	case *BadExpr:
		d.line(label, "BadExpr"+at(e))
	default:
		d.line(label, fmt.Sprintf("<unknown %T>", e))
	}
}

func hintText(h string) string {
	if h == "" {
		return ""
	}
	return " hint=" + h
}

func (d *dumper) call(label string, c *Call) {
	d.line(label, "Call "+c.Func+hintText(c.Hint)+at(c))
	d.children(func() {
		for _, a := range c.Args {
			name := ""
			if a.Name != "" {
				name = " " + a.Name + "="
			}
			d.line("", "Arg"+name+" @"+a.P.String())
			d.children(func() { d.node("", a.Value) })
		}
	})
}

func (d *dumper) rng(label string, r *Range) {
	if r == nil {
		d.line(label, "<all>")
		return
	}
	if !r.IsRange {
		d.line(label, "Pos @"+r.P.String())
		d.children(func() { d.node("", r.Lo) })
		return
	}
	d.line(label, "Range @"+r.P.String())
	d.children(func() {
		d.node("Lo: ", r.Lo)
		d.node("Hi: ", r.Hi)
	})
}

func (d *dumper) matrixLit(label string, m *MatrixLit) {
	d.line(label, fmt.Sprintf("MatrixLit n=%d%s", len(m.Elems), at(m)))
	d.children(func() {
		d.exprs("", m.Elems)
		if m.HasShape {
			d.node("Rows: ", m.Rows)
			d.node("Cols: ", m.Cols)
		}
	})
}

func (d *dumper) frameLit(label string, f *FrameLit) {
	if f.ByRows {
		d.line(label, "FrameLit byRows"+at(f))
		d.children(func() {
			for i, row := range f.Rows {
				d.line("", fmt.Sprintf("Row %d", i))
				d.children(func() { d.exprs("", row) })
			}
		})
		return
	}
	d.line(label, "FrameLit byCols"+at(f))
	d.children(func() {
		for i, l := range f.Labels {
			d.node("Label: ", l)
			if i < len(f.Cols) {
				d.node("Col: ", f.Cols[i])
			}
		}
	})
}
