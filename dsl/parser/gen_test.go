package parser

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/dsl/ast"
	"github.com/daphne-go/daphne/dsl/token"
	"github.com/daphne-go/daphne/types"
)

// gen builds random syntax trees in the normal form the parser produces
// (Raw texts set, nil rather than empty slices, a Then branch that is a
// block whenever there is an else), to check that Fprint output parses
// back to the same tree.
type gen struct{ r *rand.Rand }

var (
	genNames   = []string{"x", "Y", "_t1", "utils.f", "a.b.c"}
	genInts    = []string{"0", "7", "1_000", "1'000u", "42z", "5l", "9223372036854775808", "18446744073709551615ull"}
	genFloats  = []string{"0.5", "1.25e3", "1E-14", "2e+3", "1.5f", "nan", "inff", "1_0.0_1"}
	genStrings = []string{`""`, `"a"`, `"q\"uote\\"`, `"tab\t\n"`, "\"raw\nline\""}
	genBinOps  = []string{"@", "^", "%", "*", "/", "+", "-", "==", "!=", "<", "<=", ">", ">=", "&&", "||"}
)

func (g gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g gen) lit(kind token.Kind, raw string) ast.Expr {
	x, err := literal(token.Token{Kind: kind, Lit: raw})
	if err != nil {
		panic(err)
	}
	return x
}

func (g gen) expr(depth int) ast.Expr {
	if depth <= 0 {
		return g.leaf()
	}
	d := depth - 1
	switch g.r.IntN(12) {
	case 0:
		return &ast.Unary{Op: g.pick([]string{"-", "+"}), X: g.expr(d)}
	case 1, 2:
		op := g.pick(genBinOps)
		hint := ""
		if strings.Contains("+-*/", op) && g.r.IntN(3) == 0 {
			hint = "kern"
		}
		return &ast.Binary{Op: op, Hint: hint, X: g.expr(d), Y: g.expr(d)}
	case 3:
		return &ast.Cond{C: g.expr(d), A: g.expr(d), B: g.expr(d)}
	case 4:
		return &ast.Index{X: g.expr(d), Rows: g.rng(d), Cols: g.rng(d)}
	case 5:
		return &ast.BitIndex{X: g.expr(d), Rows: g.opt(d), Cols: g.opt(d)}
	case 6:
		m := &ast.MatrixLit{Elems: g.exprs(d, 0)}
		if g.r.IntN(2) == 0 {
			m.HasShape, m.Rows, m.Cols = true, g.opt(d), g.opt(d)
		}
		return m
	case 7:
		return g.frame(d)
	case 8:
		c := &ast.Call{Func: g.pick(genNames)}
		if g.r.IntN(3) == 0 {
			c.Hint = "myKernel"
		}
		for i := g.r.IntN(3); i > 0; i-- {
			a := ast.Arg{Value: g.expr(d)}
			if g.r.IntN(2) == 0 {
				a.Name = g.pick([]string{"axis", "arg"})
			}
			c.Args = append(c.Args, a)
		}
		return c
	case 9:
		c := &ast.Cast{DT: types.AnyData, VT: types.Unknown, X: g.expr(d)}
		switch g.r.IntN(3) {
		case 0:
			c.DT = types.Matrix
		case 1:
			c.VT = types.F32
		default:
			c.DT, c.VT = types.Scalar, types.SI64
		}
		return c
	}
	return g.leaf()
}

func (g gen) leaf() ast.Expr {
	switch g.r.IntN(6) {
	case 0:
		return g.lit(token.INT, g.pick(genInts))
	case 1:
		return g.lit(token.FLOAT, g.pick(genFloats))
	case 2:
		return g.lit(token.STRING, g.pick(genStrings))
	case 3:
		return &ast.BoolLit{Value: g.r.IntN(2) == 0}
	case 4:
		return &ast.ArgRef{Name: "arg"}
	}
	return &ast.Ident{Name: g.pick(genNames)}
}

func (g gen) opt(depth int) ast.Expr {
	if g.r.IntN(3) == 0 {
		return nil
	}
	return g.expr(depth)
}

func (g gen) exprs(depth, min int) []ast.Expr {
	var list []ast.Expr
	for i := min + g.r.IntN(3); i > 0; i-- {
		list = append(list, g.expr(depth))
	}
	return list
}

func (g gen) rng(depth int) *ast.Range {
	switch g.r.IntN(3) {
	case 0:
		return nil
	case 1:
		return &ast.Range{Lo: g.expr(depth)}
	}
	return &ast.Range{IsRange: true, Lo: g.opt(depth), Hi: g.opt(depth)}
}

func (g gen) frame(depth int) ast.Expr {
	f := &ast.FrameLit{}
	if g.r.IntN(2) == 0 {
		f.ByRows = true
		for i := 1 + g.r.IntN(3); i > 0; i-- {
			row := g.exprs(depth, 0)
			if row == nil {
				row = []ast.Expr{}
			}
			f.Rows = append(f.Rows, row)
		}
		return f
	}
	for i := g.r.IntN(3); i > 0; i-- {
		f.Labels = append(f.Labels, g.expr(depth))
		f.Cols = append(f.Cols, g.expr(depth))
	}
	return f
}

func (g gen) stmt(depth int) ast.Stmt {
	d := depth - 1
	if depth <= 0 {
		return &ast.ExprStmt{X: g.expr(2)}
	}
	switch g.r.IntN(9) {
	case 0:
		return &ast.ExprStmt{X: g.expr(d)}
	case 1:
		a := &ast.Assign{Value: g.expr(d)}
		for i := 1 + g.r.IntN(2); i > 0; i-- {
			t := ast.Target{Name: g.pick(genNames)}
			if g.r.IntN(2) == 0 {
				t.Indexed, t.Rows, t.Cols = true, g.rng(d), g.rng(d)
			}
			a.Targets = append(a.Targets, t)
		}
		return a
	case 2:
		return g.block(d)
	case 3:
		s := &ast.If{Cond: g.expr(d), Then: g.stmt(d)}
		if g.r.IntN(2) == 0 {
			s.Then, s.Else = g.block(d), g.stmt(d)
		}
		return s
	case 4:
		return &ast.While{Cond: g.expr(d), Body: g.stmt(d), DoWhile: g.r.IntN(2) == 0}
	case 5:
		return &ast.For{Var: "i", From: g.expr(d), To: g.expr(d), Step: g.opt(d), Body: g.stmt(d)}
	case 6:
		return &ast.Return{Values: g.exprs(d, 0)}
	case 7:
		return &ast.Import{Path: "p.daph", Alias: g.pick([]string{"", "u"})}
	}
	f := &ast.FuncDef{Name: "f", Body: g.block(d)}
	for i := g.r.IntN(3); i > 0; i-- {
		p := ast.Param{Name: "p"}
		if g.r.IntN(2) == 0 {
			p.Type = &ast.TypeSpec{DT: types.Matrix, VT: types.F64}
		}
		f.Params = append(f.Params, p)
	}
	if g.r.IntN(2) == 0 {
		f.Results = []ast.TypeSpec{{DT: types.AnyData, VT: types.SI64}, {DT: types.Frame}}
	}
	return f
}

func (g gen) block(depth int) *ast.Block {
	b := &ast.Block{}
	for i := g.r.IntN(3); i > 0; i-- {
		b.Stmts = append(b.Stmts, g.stmt(depth))
	}
	return b
}

// randomScript returns a random script of a few statements.
func randomScript(seed uint64) *ast.Script {
	g := gen{r: rand.New(rand.NewPCG(seed, 7))}
	s := &ast.Script{File: "gen.daph"}
	for i := 1 + g.r.IntN(4); i > 0; i-- {
		s.Stmts = append(s.Stmts, g.stmt(4))
	}
	return s
}

// TestRandomTreesRoundTrip prints random trees and parses them back.
func TestRandomTreesRoundTrip(t *testing.T) {
	t.Parallel()
	for seed := range uint64(300) {
		s := randomScript(seed)
		src := fprint(t, s)
		back, err := ParseFile("gen.daph", []byte(src))
		if err != nil {
			t.Fatalf("seed %d: printed tree does not parse: %v\n%s", seed, err, src)
		}
		if want, got := shape(s), shape(back); want != got {
			t.Fatalf("seed %d: tree changed\nsource:\n%s\n%s", seed, src, firstDiff(want, got))
		}
	}
}

func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range min(len(w), len(g)) {
		if w[i] != g[i] {
			return fmt.Sprintf("line %d:\n want %s\n got  %s", i+1, w[i], g[i])
		}
	}
	return fmt.Sprintf("lengths differ: %d vs %d lines", len(w), len(g))
}
