package ast

import (
	"fmt"
	"strings"
)

func (d *dumper) stmt(label string, s Stmt) {
	switch s := s.(type) {
	case *ExprStmt:
		d.line(label, "ExprStmt"+at(s))
		d.children(func() { d.node("", s.X) })
	case *Assign:
		d.line(label, "Assign"+at(s))
		d.children(func() {
			for _, t := range s.Targets {
				d.target(t)
			}
			d.node("Value: ", s.Value)
		})
	case *Block:
		d.line(label, "Block"+at(s))
		d.children(func() { d.stmts(s.Stmts) })
	case *If:
		d.line(label, "If"+at(s))
		d.children(func() {
			d.node("Cond: ", s.Cond)
			d.node("Then: ", s.Then)
			if s.Else != nil {
				d.node("Else: ", s.Else)
			}
		})
	case *While:
		kind := "While"
		if s.DoWhile {
			kind = "DoWhile"
		}
		d.line(label, kind+at(s))
		d.children(func() {
			d.node("Cond: ", s.Cond)
			d.node("Body: ", s.Body)
		})
	case *For:
		kw := "For"
		if s.Parallel {
			kw = "ParFor"
		}
		d.line(label, fmt.Sprintf("%s %s @%s%s", kw, s.Var, s.VarPos, at(s)))
		d.children(func() {
			d.node("From: ", s.From)
			d.node("To: ", s.To)
			if s.Step != nil {
				d.node("Step: ", s.Step)
			}
			d.node("Body: ", s.Body)
		})
	case *FuncDef:
		d.funcDef(label, s)
	case *Return:
		d.line(label, "Return"+at(s))
		d.children(func() { d.exprs("", s.Values) })
	case *Import:
		d.line(label, fmt.Sprintf("Import %q as %q%s", s.Path, s.Alias, at(s)))
	case *BadStmt:
		d.line(label, "BadStmt"+at(s))
	default:
		d.line(label, fmt.Sprintf("<unknown %T>", s))
	}
}

func (d *dumper) target(t Target) {
	if !t.Indexed {
		d.line("", "Target "+t.Name+" @"+t.P.String())
		return
	}
	d.line("", "Target "+t.Name+" indexed @"+t.P.String())
	d.children(func() {
		d.rng("Rows: ", t.Rows)
		d.rng("Cols: ", t.Cols)
	})
}

func (d *dumper) funcDef(label string, f *FuncDef) {
	var params []string
	for _, p := range f.Params {
		s := p.Name
		if p.Type != nil {
			s += ":" + typeText(*p.Type) + "@" + p.Type.P.String()
		}
		params = append(params, s+" @"+p.P.String())
	}
	res := "(none)"
	if f.Results != nil {
		var rs []string
		for _, t := range f.Results {
			rs = append(rs, typeText(t)+" @"+t.P.String())
		}
		res = strings.Join(rs, ", ")
	}
	d.line(label, "FuncDef "+f.Name+at(f))
	d.children(func() {
		if len(params) == 0 {
			params = []string{"(none)"}
		}
		d.line("", "Params: "+strings.Join(params, ", "))
		d.line("", "Results: "+res)
		if f.Body == nil {
			d.line("Body: ", "<nil>")
			return
		}
		d.node("Body: ", f.Body)
	})
}
