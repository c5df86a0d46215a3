package ast

// stmt prints one statement at the current indentation (the caller has
// written the indentation of the first line).
func (pr *printer) stmt(s Stmt) {
	switch s := s.(type) {
	case *ExprStmt:
		if _, ok := s.X.(*FrameLit); ok { // "{" would start a block
			pr.operand(s.X)
		} else {
			pr.expr(s.X)
		}
		pr.str(";")
	case *Assign:
		for i, t := range s.Targets {
			if i > 0 {
				pr.str(", ")
			}
			pr.target(t)
		}
		pr.str(" = ")
		pr.expr(s.Value)
		pr.str(";")
	case *Block:
		pr.block(s)
	case *If:
		pr.ifStmt(s)
	case *While:
		pr.while(s)
	case *For:
		kw := "for"
		if s.Parallel {
			kw = "parfor"
		}
		pr.str(kw + " (" + s.Var + " in ")
		pr.operand(s.From)
		pr.str(":")
		pr.operand(s.To)
		if s.Step != nil {
			pr.str(":")
			pr.operand(s.Step)
		}
		pr.str(")")
		pr.body(s.Body)
	case *FuncDef:
		pr.funcDef(s)
	case *Return:
		pr.str("return")
		for i, v := range s.Values {
			if i > 0 {
				pr.str(",")
			}
			pr.str(" ")
			pr.expr(v)
		}
		pr.str(";")
	case *Import:
		pr.str("import " + Quote(s.Path))
		if s.Alias != "" {
			pr.str(" as " + Quote(s.Alias))
		}
		pr.str(";")
	case *BadStmt:
		pr.str("/*bad statement*/;")
	default:
		pr.bad(s)
	}
}

func (pr *printer) target(t Target) {
	pr.str(t.Name)
	if t.Indexed {
		pr.str("[")
		pr.rangeExpr(t.Rows)
		pr.str(", ")
		pr.rangeExpr(t.Cols)
		pr.str("]")
	}
}

func (pr *printer) block(b *Block) {
	pr.str("{")
	pr.indent++
	for _, s := range b.Stmts {
		pr.newline()
		pr.stmt(s)
	}
	pr.indent--
	pr.newline()
	pr.str("}")
}

// body prints the body of if, while or for: a block on the same line, any
// other statement indented on the next line.
func (pr *printer) body(s Stmt) {
	if b, ok := s.(*Block); ok {
		pr.str(" ")
		pr.block(b)
		return
	}
	pr.indent++
	pr.newline()
	pr.stmt(s)
	pr.indent--
}

// afterBody starts the line that follows a body printed by body.
func (pr *printer) afterBody(s Stmt) {
	if _, ok := s.(*Block); ok {
		pr.str(" ")
		return
	}
	pr.newline()
}

func (pr *printer) ifStmt(s *If) {
	pr.str("if (")
	pr.expr(s.Cond)
	pr.str(")")
	pr.body(s.Then)
	if s.Else == nil {
		return
	}
	pr.afterBody(s.Then)
	pr.str("else")
	if elif, ok := s.Else.(*If); ok {
		pr.str(" ")
		pr.ifStmt(elif)
		return
	}
	pr.body(s.Else)
}

func (pr *printer) while(s *While) {
	if !s.DoWhile {
		pr.str("while (")
		pr.expr(s.Cond)
		pr.str(")")
		pr.body(s.Body)
		return
	}
	pr.str("do")
	pr.body(s.Body)
	pr.afterBody(s.Body)
	pr.str("while (")
	pr.expr(s.Cond)
	pr.str(");")
}

func (pr *printer) funcDef(f *FuncDef) {
	pr.str("def " + f.Name + "(")
	for i, p := range f.Params {
		if i > 0 {
			pr.str(", ")
		}
		pr.str(p.Name)
		if p.Type != nil {
			pr.str(": " + typeText(*p.Type))
		}
	}
	pr.str(")")
	for i, t := range f.Results {
		if i == 0 {
			pr.str(" -> ")
		} else {
			pr.str(", ")
		}
		pr.str(typeText(t))
	}
	pr.str(" ")
	if f.Body == nil {
		pr.str("{}")
		return
	}
	pr.block(f.Body)
}

// typeText spells a type annotation: si64, matrix or matrix<f64>.
func typeText(t TypeSpec) string { return castType(t.DT, t.VT) }
