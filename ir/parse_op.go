package ir

import (
	"math"
	"strconv"

	"github.com/daphne-go/daphne/types"
)

var kindByName = map[string]Kind{
	"const": KindConst, "call": KindCall, "callfunc": KindCallFunc, "if": KindIf,
	"while": KindWhile, "for": KindFor, "yield": KindYield, "return": KindReturn,
}

type pendingDef struct {
	v   *Value
	off int
}

// op parses one op line (regions included).
func (p *parser) op() *Op {
	var results []pendingDef
	if p.tok.kind == tValue {
		for {
			v, off := p.def()
			results = append(results, pendingDef{v, off})
			if !p.is(",") {
				break
			}
			p.next()
		}
		p.expect("=")
	}
	kindOff := p.tok.off
	kind, ok := kindByName[p.tok.text]
	if p.tok.kind != tIdent || !ok {
		p.fail("expected an op keyword (const, call, callfunc, if, while, for, yield, return), found %s", p.tok.describe())
	}
	p.next()
	op := &Op{Kind: kind}
	if kind == KindConst {
		p.constBody(op, results, kindOff)
	} else {
		p.opBody(op, results, kindOff)
	}
	op.Loc = p.optLoc()
	p.endLine()
	for _, d := range results {
		p.define(d.v, d.off)
	}
	return op
}

func (p *parser) opBody(op *Op, results []pendingDef, kindOff int) {
	switch op.Kind {
	case KindCall:
		op.Name = p.name("op name")
		op.Args = p.parenUses()
	case KindCallFunc:
		p.expect("@")
		op.Name = p.name("function name")
		op.Args = p.parenUses()
	case KindYield, KindReturn:
		op.Args = p.uses()
	default:
		op.Args = p.parenUses()
	}
	if p.is("{") {
		op.Attrs = p.attrs()
	}
	var rtypes []types.Type
	if p.is(":") {
		p.next()
		rtypes = p.typeList()
	}
	if len(rtypes) != len(results) {
		p.failAt(kindOff, "%s defines %d values but lists %d result types", op.Kind, len(results), len(rtypes))
	}
	for i, d := range results {
		d.v.Type, d.v.Def = rtypes[i], op
		op.Results = append(op.Results, d.v)
	}
	for p.tok.kind == tIdent && p.tok.text != "loc" {
		want := RegionLabel(op.Kind, len(op.Regions))
		if p.tok.text != want {
			p.fail("expected region %q of %s, found %s", want, op.Kind, p.tok.describe())
		}
		p.next()
		b := &Block{}
		if p.is("(") {
			p.next()
			b.Args = p.typedDefs(")")
			p.expect(")")
		}
		b.Ops = p.block()
		op.Regions = append(op.Regions, b)
	}
}

// typeList parses "t" or "(t, ...)".
func (p *parser) typeList() []types.Type {
	if !p.is("(") {
		return []types.Type{p.typ()}
	}
	p.next()
	var ts []types.Type
	for !p.is(")") {
		if len(ts) > 0 {
			p.expect(",")
		}
		ts = append(ts, p.typ())
	}
	p.next()
	return ts
}

func (p *parser) attrs() map[string]string {
	p.expect("{")
	a := map[string]string{}
	for !p.is("}") {
		if len(a) > 0 {
			p.expect(",")
		}
		off := p.tok.off
		k := p.name("attribute name")
		if _, dup := a[k]; dup {
			p.failAt(off, "attribute %q given twice", k)
		}
		p.expect("=")
		if p.tok.kind != tString {
			p.fail("expected a quoted attribute value, found %s", p.tok.describe())
		}
		a[k] = p.str()
	}
	p.next()
	return a
}

// constBody parses "<literal> [as <vt>] : <type>".
func (p *parser) constBody(op *Op, results []pendingDef, kindOff int) {
	if len(results) != 1 {
		p.failAt(kindOff, "const defines %d values, want 1", len(results))
	}
	lit := p.tok
	p.next()
	var vt types.ValueType
	asGiven := false
	if p.is("as") {
		p.next()
		vt = p.typ().VT
		asGiven = true
	}
	p.expect(":")
	rt := p.typ()
	if !asGiven {
		vt = rt.VT
	}
	if p.is("{") {
		op.Attrs = p.attrs()
	}
	c := p.literal(lit, vt)
	op.Const = &c
	v := results[0].v
	v.Type, v.Def = rt, op
	op.Results = []*Value{v}
}

// literal converts a literal token to a constant of value type vt.
func (p *parser) literal(t token, vt types.ValueType) Const {
	c := Const{VT: vt}
	bad := func() {
		p.failAt(t.off, "bad %s literal %s", vt, t.describe())
	}
	var err error
	switch {
	case vt == types.Bool:
		switch {
		case t.kind == tIdent && t.text == "true":
			c.I = 1
		case t.kind == tIdent && t.text == "false":
		default:
			bad()
		}
	case vt.IsSigned():
		if t.kind != tInt {
			bad()
		}
		c.I, err = strconv.ParseInt(t.text, 10, 64)
	case vt.IsUnsigned():
		if t.kind != tInt {
			bad()
		}
		c.U, err = strconv.ParseUint(t.text, 10, 64)
	case vt.IsFloat():
		c.F = p.floatLit(t, vt, bad)
	case vt == types.Str:
		if t.kind != tString {
			bad()
		}
		c.S, err = strconv.Unquote(t.text)
	default:
		p.failAt(t.off, "constant needs a concrete value type, found %q", vt)
	}
	if err != nil {
		bad()
	}
	return c
}

func (p *parser) floatLit(t token, vt types.ValueType, bad func()) float64 {
	switch {
	case t.kind == tIdent && t.text == "nan":
		return math.NaN()
	case t.kind == tIdent && t.text == "inf":
		return math.Inf(1)
	case t.kind == tIdent && t.text == "-inf":
		return math.Inf(-1)
	case t.kind != tInt && t.kind != tFloat:
		bad()
	}
	bits := 64
	if vt == types.F32 {
		bits = 32
	}
	f, err := strconv.ParseFloat(t.text, bits)
	if err != nil {
		bad()
	}
	return f
}
