// Package token defines the lexical tokens of DaphneDSL and source positions.
//
// The token set follows DAPHNE's ANTLR grammar (DaphneDSLGrammar.g4): the
// keywords if else while do for in true false as def return import, the
// data-type keywords matrix scalar frame, the value-type keywords f64 f32
// si64 si32 si8 ui64 ui32 ui8 str bool, and the special floats nan nanf inf
// inff (scanned as FLOAT). Multi-character punctuation is matched longest
// first, so "[[" and "]]" are single tokens.
package token

import "fmt"

// Kind is the kind of a lexical token.
type Kind uint8

// The token kinds.
const (
	ILLEGAL Kind = iota // a malformed token; the scanner has reported why
	EOF                 // end of input

	// Literals and names.
	IDENT     // x, utils
	INT       // 42, 1_000u, 7z
	FLOAT     // 1.5, 2e3f, nan, inff
	STRING    // "text" (Lit holds the raw quoted text)
	DATATYPE  // matrix scalar frame (Lit holds the keyword)
	VALUETYPE // f64 f32 si64 si32 si8 ui64 ui32 ui8 str bool

	// Keywords.
	IF
	ELSE
	WHILE
	DO
	FOR
	IN
	TRUE
	FALSE
	AS
	DEF
	RETURN
	IMPORT

	// Punctuation and operators.
	LPAREN   // (
	RPAREN   // )
	LBRACK   // [
	RBRACK   // ]
	LBRACK2  // [[
	RBRACK2  // ]]
	LBRACE   // {
	RBRACE   // }
	COMMA    // ,
	SEMI     // ;
	COLON    // :
	DCOLON   // ::
	DOT      // .
	ARROW    // ->
	ASSIGN   // =
	QUESTION // ?
	DOLLAR   // $
	MATMUL   // @
	POW      // ^
	MOD      // %
	MUL      // *
	DIV      // /
	ADD      // +
	SUB      // -
	EQ       // ==
	NE       // !=
	LT       // <
	LE       // <=
	GT       // >
	GE       // >=
	AND      // && (also a single &)
	OR       // || (also a single |)

	numKinds
)

var kindNames = [...]string{
	ILLEGAL: "ILLEGAL", EOF: "EOF",
	IDENT: "IDENT", INT: "INT", FLOAT: "FLOAT", STRING: "STRING",
	DATATYPE: "DATATYPE", VALUETYPE: "VALUETYPE",
	IF: "if", ELSE: "else", WHILE: "while", DO: "do", FOR: "for", IN: "in",
	TRUE: "true", FALSE: "false", AS: "as", DEF: "def", RETURN: "return", IMPORT: "import",
	LPAREN: "(", RPAREN: ")", LBRACK: "[", RBRACK: "]", LBRACK2: "[[", RBRACK2: "]]",
	LBRACE: "{", RBRACE: "}", COMMA: ",", SEMI: ";", COLON: ":", DCOLON: "::", DOT: ".",
	ARROW: "->", ASSIGN: "=", QUESTION: "?", DOLLAR: "$", MATMUL: "@", POW: "^", MOD: "%",
	MUL: "*", DIV: "/", ADD: "+", SUB: "-", EQ: "==", NE: "!=", LT: "<", LE: "<=",
	GT: ">", GE: ">=", AND: "&&", OR: "||",
}

// String returns the spelling of a keyword or punctuation kind and the upper
// case class name (IDENT, INT, ...) of the others.
func (k Kind) String() string {
	if k < numKinds {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// IsKeyword reports whether k is a keyword kind (if ... import).
func (k Kind) IsKeyword() bool { return k >= IF && k <= IMPORT }

// IsOperator reports whether k is punctuation or an operator.
func (k Kind) IsOperator() bool { return k >= LPAREN && k < numKinds }

var keywords = map[string]Kind{
	"if": IF, "else": ELSE, "while": WHILE, "do": DO, "for": FOR, "in": IN,
	"true": TRUE, "false": FALSE, "as": AS, "def": DEF, "return": RETURN, "import": IMPORT,
	"matrix": DATATYPE, "scalar": DATATYPE, "frame": DATATYPE,
	"f64": VALUETYPE, "f32": VALUETYPE, "si64": VALUETYPE, "si32": VALUETYPE, "si8": VALUETYPE,
	"ui64": VALUETYPE, "ui32": VALUETYPE, "ui8": VALUETYPE, "str": VALUETYPE, "bool": VALUETYPE,
	"nan": FLOAT, "nanf": FLOAT, "inf": FLOAT, "inff": FLOAT,
}

// Lookup returns the kind of a scanned word: a keyword kind, DATATYPE,
// VALUETYPE, FLOAT for nan/nanf/inf/inff, or IDENT for any other word.
func Lookup(word string) Kind {
	if k, ok := keywords[word]; ok {
		return k
	}
	return IDENT
}

// IsReserved reports whether word cannot be used as an identifier.
func IsReserved(word string) bool { return Lookup(word) != IDENT }

// Token is one scanned token. Lit is the exact source text of the token
// (for STRING including the quotes, for ILLEGAL the offending text).
type Token struct {
	Kind Kind
	Pos  Pos
	Lit  string
}

// String describes the token for error messages: `"("`, `identifier "x"`,
// `number "3.5"`, `string "\"a\""`, `keyword "if"` or `end of file`.
func (t Token) String() string {
	switch t.Kind {
	case EOF:
		return "end of file"
	case IDENT:
		return fmt.Sprintf("identifier %q", t.Lit)
	case INT, FLOAT:
		if t.Lit == "nan" || t.Lit == "nanf" || t.Lit == "inf" || t.Lit == "inff" {
			return fmt.Sprintf("keyword %q", t.Lit)
		}
		return fmt.Sprintf("number %q", t.Lit)
	case STRING:
		lit := t.Lit
		if len(lit) > 40 {
			lit = lit[:37] + "..."
		}
		return "string " + lit
	case DATATYPE, VALUETYPE:
		return fmt.Sprintf("type %q", t.Lit)
	case ILLEGAL:
		return fmt.Sprintf("%q", t.Lit)
	}
	if t.Kind.IsKeyword() {
		return fmt.Sprintf("keyword %q", t.Kind.String())
	}
	return fmt.Sprintf("%q", t.Kind.String())
}
