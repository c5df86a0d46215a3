package parser

import (
	"strings"
	"testing"

	"github.com/daphne-go/daphne/dsl/token"
)

// kinds scans src and returns "kind:lit" strings (lit only for names,
// numbers and strings), failing the test on scan errors.
func kinds(t *testing.T, src string) string {
	t.Helper()
	toks, err := Tokenize("", []byte(src))
	if err != nil {
		t.Fatalf("Tokenize(%q): %v", src, err)
	}
	var parts []string
	for _, tk := range toks {
		switch tk.Kind {
		case token.IDENT, token.INT, token.FLOAT, token.STRING, token.DATATYPE, token.VALUETYPE:
			parts = append(parts, tk.Kind.String()+":"+tk.Lit)
		default:
			parts = append(parts, tk.Kind.String())
		}
	}
	return strings.Join(parts, " ")
}

func TestScanTokens(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src, want string
	}{
		{"empty", "", "EOF"},
		{"longest match", "[[ ]] :: -> == != <= >= && ||", "[[ ]] :: -> == != <= >= && || EOF"},
		{"single chars", "( ) [ ] { } , ; : . = ? $ @ ^ % * / + - < >", "( ) [ ] { } , ; : . = ? $ @ ^ % * / + - < > EOF"},
		{"bit index glued", "X[[1,2],]", "IDENT:X [[ INT:1 , INT:2 ] , ] EOF"},
		{"closing glued", "X[[, [1,0,1]]]", "IDENT:X [[ , [ INT:1 , INT:0 , INT:1 ]] ] EOF"},
		{"single & and |", "a & b | c", "IDENT:a && IDENT:b || IDENT:c EOF"},
		{"keywords", "if else while do for in true false as def return import",
			"if else while do for in true false as def return import EOF"},
		{"types", "matrix scalar frame f64 si8 bool str", "DATATYPE:matrix DATATYPE:scalar DATATYPE:frame VALUETYPE:f64 VALUETYPE:si8 VALUETYPE:bool VALUETYPE:str EOF"},
		{"special floats", "nan nanf inf inff", "FLOAT:nan FLOAT:nanf FLOAT:inf FLOAT:inff EOF"},
		{"identifiers", "_x x1 list utils.f", "IDENT:_x IDENT:x1 IDENT:list IDENT:utils . IDENT:f EOF"},
		{"hash comment", "a # b c\nd", "IDENT:a IDENT:d EOF"},
		{"slash comment", "a // b\nd", "IDENT:a IDENT:d EOF"},
		{"block comment", "a /* b\n * c */ d", "IDENT:a IDENT:d EOF"},
		{"no nested comment", "a /* /* */ d", "IDENT:a IDENT:d EOF"},
		{"division not comment", "a / b", "IDENT:a / IDENT:b EOF"},
		{"numbers", "0 12 1_000 1'000 7u 7ull 7l 7z", "INT:0 INT:12 INT:1_000 INT:1'000 INT:7u INT:7ull INT:7l INT:7z EOF"},
		{"floats", "0.5 1.25e3 1e-14 2E+3 3.0f 1e5f 1_0.0_1", "FLOAT:0.5 FLOAT:1.25e3 FLOAT:1e-14 FLOAT:2E+3 FLOAT:3.0f FLOAT:1e5f FLOAT:1_0.0_1 EOF"},
		{"no sign in literal", "-5", "- INT:5 EOF"},
		{"range", "1:3", "INT:1 : INT:3 EOF"},
		{"pow minus", "10.0^-3", "FLOAT:10.0 ^ - INT:3 EOF"},
		{"strings", `"a" "b\"c" "x\\"`, `STRING:"a" STRING:"b\"c" STRING:"x\\" EOF`},
		{"raw newline in string", "\"a\nb\" c", "STRING:\"a\nb\" IDENT:c EOF"},
		{"dollar", "$x", "$ IDENT:x EOF"},
		{"hint", "sum::k(X) +::k", "IDENT:sum :: IDENT:k ( IDENT:X ) + :: IDENT:k EOF"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := kinds(t, tc.src); got != tc.want {
				t.Errorf("scan %q:\n got  %s\n want %s", tc.src, got, tc.want)
			}
		})
	}
}

func TestScanPositions(t *testing.T) {
	t.Parallel()
	src := "x = 1;\n\t\"a\nb\" /* c\n*/ y"
	toks, err := Tokenize("", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []token.Pos{pos(1, 1), pos(1, 3), pos(1, 5), pos(1, 6), pos(2, 2), pos(4, 4), pos(4, 5)}
	if len(toks) != len(want) {
		t.Fatalf("got %d tokens, want %d", len(toks), len(want))
	}
	for i, tk := range toks {
		if tk.Pos != want[i] {
			t.Errorf("token %d (%s): pos %s, want %s", i, tk, tk.Pos, want[i])
		}
	}
}

func TestScanErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src, want string
	}{
		{"leading zero", "x = 007;", `1:5: invalid number literal "007"`},
		{"glued letters", "10xyz23", `1:1: invalid number literal "10xyz23"`},
		{"dot without digits", "1.", `1:1: invalid number literal "1."`},
		{"leading dot", " .5", `1:2: invalid number literal ".5"`},
		{"zero then float zero", "01.0", `1:1: invalid number literal "01.0"`},
		{"double separator", "1__0", `1:1: invalid number literal "1__0"`},
		{"trailing separator", "1_", `1:1: invalid number literal "1_"`},
		{"separator after dot", "1._5", `1:1: invalid number literal "1._5"`},
		{"f on int", "1f", `1:1: invalid number literal "1f"`},
		{"bad suffix", "1ul", `1:1: invalid number literal "1ul"`},
		{"empty exponent", "1e", `1:1: invalid number literal "1e"`},
		{"exponent leading zero", "1e05", `1:1: invalid number literal "1e05"`},
		{"u on float", "1.5u", `1:1: invalid number literal "1.5u"`},
		{"unterminated string", `x = "abc`, `1:5: unterminated string literal`},
		{"bad escape", `"a\qb"`, `1:3: invalid escape sequence "\q" in string literal (allowed: \b \f \n \r \t \" \\)`},
		{"unterminated comment", "a /* b", "1:3: unterminated block comment"},
		{"bang", "!x", `1:1: invalid character "!": DaphneDSL has no logical not (compare with false instead)`},
		{"tilde", "a ~ b", `1:3: invalid character "~"`},
		{"unicode", "a ä", `1:3: invalid character "ä"`},
		{"bad byte", "a \xff", "1:3: invalid byte 0xff in source"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			toks, err := Tokenize("", []byte(tc.src))
			if err == nil {
				t.Fatalf("Tokenize(%q): no error, tokens %v", tc.src, toks)
			}
			if got := err.Error(); got != tc.want {
				t.Errorf("error:\n got  %s\n want %s", got, tc.want)
			}
			illegal := false
			for _, tk := range toks {
				illegal = illegal || tk.Kind == token.ILLEGAL
			}
			if !illegal && tc.name != "unterminated comment" {
				t.Errorf("no ILLEGAL token in %v", toks)
			}
		})
	}
}

func pos(line, col int) token.Pos { return token.Pos{Line: line, Col: col} }
