package token

import (
	"fmt"
	"testing"
)

func TestKindString(t *testing.T) {
	t.Parallel()
	tests := []struct {
		k    Kind
		want string
	}{
		{ILLEGAL, "ILLEGAL"}, {EOF, "EOF"}, {IDENT, "IDENT"}, {VALUETYPE, "VALUETYPE"},
		{IF, "if"}, {IMPORT, "import"}, {LBRACK2, "[["}, {RBRACK2, "]]"}, {DCOLON, "::"},
		{ARROW, "->"}, {AND, "&&"}, {OR, "||"}, {MATMUL, "@"},
		{numKinds, fmt.Sprintf("Kind(%d)", int(numKinds))},
	}
	for _, tc := range tests {
		t.Run(tc.want, func(t *testing.T) {
			if got := tc.k.String(); got != tc.want {
				t.Errorf("String() = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestEveryKindHasAName(t *testing.T) {
	t.Parallel()
	seen := map[string]Kind{}
	for k := Kind(0); k < numKinds; k++ {
		name := k.String()
		if name == "" {
			t.Errorf("kind %d has no name", k)
		}
		if prev, dup := seen[name]; dup {
			t.Errorf("kinds %d and %d share the name %q", prev, k, name)
		}
		seen[name] = k
	}
}

func TestLookup(t *testing.T) {
	t.Parallel()
	tests := []struct {
		word string
		want Kind
	}{
		{"if", IF}, {"else", ELSE}, {"while", WHILE}, {"do", DO}, {"for", FOR}, {"in", IN},
		{"true", TRUE}, {"false", FALSE}, {"as", AS}, {"def", DEF}, {"return", RETURN},
		{"import", IMPORT}, {"matrix", DATATYPE}, {"scalar", DATATYPE}, {"frame", DATATYPE},
		{"f64", VALUETYPE}, {"si32", VALUETYPE}, {"ui8", VALUETYPE}, {"str", VALUETYPE},
		{"bool", VALUETYPE}, {"nan", FLOAT}, {"nanf", FLOAT}, {"inf", FLOAT}, {"inff", FLOAT},
		{"list", IDENT}, {"x", IDENT}, {"If", IDENT}, {"size", IDENT}, {"si16", IDENT},
	}
	for _, tc := range tests {
		t.Run(tc.word, func(t *testing.T) {
			if got := Lookup(tc.word); got != tc.want {
				t.Errorf("Lookup(%q) = %v, want %v", tc.word, got, tc.want)
			}
			if got := IsReserved(tc.word); got != (tc.want != IDENT) {
				t.Errorf("IsReserved(%q) = %v", tc.word, got)
			}
		})
	}
}

func TestKindClasses(t *testing.T) {
	t.Parallel()
	if !IF.IsKeyword() || !IMPORT.IsKeyword() || IDENT.IsKeyword() || LPAREN.IsKeyword() {
		t.Error("IsKeyword misclassifies")
	}
	if !LPAREN.IsOperator() || !OR.IsOperator() || IMPORT.IsOperator() || numKinds.IsOperator() {
		t.Error("IsOperator misclassifies")
	}
}

func TestTokenString(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		tok  Token
		want string
	}{
		{"eof", Token{Kind: EOF}, "end of file"},
		{"ident", Token{Kind: IDENT, Lit: "x"}, `identifier "x"`},
		{"int", Token{Kind: INT, Lit: "42"}, `number "42"`},
		{"nan", Token{Kind: FLOAT, Lit: "nan"}, `keyword "nan"`},
		{"string", Token{Kind: STRING, Lit: `"ab"`}, `string "ab"`},
		{"long string", Token{Kind: STRING, Lit: `"0123456789012345678901234567890123456789"`}, `string "012345678901234567890123456789012345...`},
		{"type", Token{Kind: VALUETYPE, Lit: "f64"}, `type "f64"`},
		{"keyword", Token{Kind: WHILE, Lit: "while"}, `keyword "while"`},
		{"punct", Token{Kind: RPAREN, Lit: ")"}, `")"`},
		{"illegal", Token{Kind: ILLEGAL, Lit: "!"}, `"!"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.tok.String(); got != tc.want {
				t.Errorf("String() = %s, want %s", got, tc.want)
			}
		})
	}
}

func TestPosition(t *testing.T) {
	t.Parallel()
	p := Position{File: "a.daph", Pos: Pos{Line: 3, Col: 7}}
	if got := p.String(); got != "a.daph:3:7" {
		t.Errorf("got %q", got)
	}
	if got := (Position{Pos: Pos{Line: 1, Col: 2}}).String(); got != "1:2" {
		t.Errorf("got %q", got)
	}
}
