package sql

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func TestParsePrint(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, in, want string }{
		{"minimal", "select f.a from f", "SELECT f.a FROM f"},
		{"semicolon", "SELECT * FROM f;", "SELECT * FROM f"},
		{"keywords any case", "SeLeCt DiStInCt f.a As b FrOm f", "SELECT DISTINCT f.a AS b FROM f"},
		{"precedence mul over add", "SELECT 1 + 2 * 3 FROM f", "SELECT 1 + 2 * 3 FROM f"},
		{"parens kept", "SELECT (1 + 2) * 3 FROM f", "SELECT (1 + 2) * 3 FROM f"},
		{"left assoc sub", "SELECT 1 - 2 - 3 FROM f", "SELECT 1 - 2 - 3 FROM f"},
		{"and over or", "SELECT a FROM f WHERE a = 1 OR b = 2 AND c = 3", "SELECT a FROM f WHERE a = 1 OR b = 2 AND c = 3"},
		{"not", "SELECT a FROM f WHERE NOT a < 1 AND NOT NOT b", "SELECT a FROM f WHERE NOT a < 1 AND NOT NOT b"},
		{"between", "SELECT a FROM f WHERE a BETWEEN 1 AND 2 AND b NOT BETWEEN -1 AND 1+1", "SELECT a FROM f WHERE a BETWEEN 1 AND 2 AND b NOT BETWEEN -1 AND 1 + 1"},
		{"comparisons", "SELECT a=b, a<>b, a!=b, a<b, a<=b, a>b, a>=b FROM f", "SELECT a = b, a <> b, a != b, a < b, a <= b, a > b, a >= b FROM f"},
		{"strings", `SELECT 'it''s', "say ""hi""" FROM f`, "SELECT 'it''s', 'say \"hi\"' FROM f"},
		{"numbers", "SELECT 1, 2.5, .5, 1e3, 1.5E-2 FROM f", "SELECT 1, 2.5, .5, 1e3, 1.5E-2 FROM f"},
		{"table aliases", "SELECT x.a FROM f x, g AS y", "SELECT x.a FROM f AS x, g AS y"},
		{"joins", "SELECT * FROM f JOIN g ON f.a = g.a INNER JOIN h ON h.b = g.b AND h.c < f.c", "SELECT * FROM f JOIN g ON f.a = g.a JOIN h ON h.b = g.b AND h.c < f.c"},
		{"group having order limit", "SELECT f.a FROM f GROUP BY f.a, f.b HAVING count(*) > 1 ORDER BY f.a DESC, f.b ASC LIMIT 3", "SELECT f.a FROM f GROUP BY f.a, f.b HAVING count(*) > 1 ORDER BY f.a DESC, f.b LIMIT 3"},
		{"group by star", "SELECT * FROM f GROUP BY f.*", "SELECT * FROM f GROUP BY f.*"},
		{"aggregate names any case", "SELECT SUM(a), Count(*), avg(-a) FROM f", "SELECT sum(a), count(*), avg(-a) FROM f"},
		{"unary minus", "SELECT -a * -2, - -a FROM f", "SELECT -a * -2, --a FROM f"},
		{"newlines", "SELECT\n a\nFROM\n\tf\r\n", "SELECT a FROM f"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			q, err := Parse(tc.in)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tc.in, err)
			}
			if got := q.String(); got != tc.want {
				t.Fatalf("Parse(%q).String() = %q, want %q", tc.in, got, tc.want)
			}
			q2, err := Parse(q.String())
			if err != nil || q2.String() != tc.want {
				t.Fatalf("reparse of %q: %v, %v", tc.want, q2, err)
			}
		})
	}
}

func TestItemText(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, in, text, label string }{
		{"column", "SELECT f.a FROM f", "f.a", "f.a"},
		{"aggregate keeps case", "SELECT SUM( f.b ) FROM f", "SUM(f.b)", "SUM(f.b)"},
		{"spaces dropped", "SELECT 1 * 2.5 FROM f", "1*2.5", "1*2.5"},
		{"string keeps quotes", "SELECT f.a = 'x' FROM f", "f.a='x'", "f.a='x'"},
		{"alias", "SELECT f.a + 1 AS y FROM f", "f.a+1", "y"},
		{"star", "SELECT f.* FROM f", "f.*", "f.*"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			q, err := Parse(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			it := q.Items[0]
			if it.Text != tc.text || it.Label() != tc.label {
				t.Fatalf("text %q label %q, want %q %q", it.Text, it.Label(), tc.text, tc.label)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, in, pos, msg string }{
		{"empty", "", "1:1", "expected SELECT at the start of the query, found end of query"},
		{"no from", "SELECT a", "1:9", "expected FROM or \",\" after the select list, found end of query"},
		{"missing item", "SELECT FROM f", "1:8", "expected an expression"},
		{"keyword as view", "SELECT a FROM where", "1:15", "expected a view name, found keyword WHERE"},
		{"missing on", "SELECT a FROM f JOIN g", "1:23", "expected ON after the joined view"},
		{"unknown function", "SELECT median(a) FROM f", "1:8", "unknown function median (expected one of the aggregates sum, count, avg, min, max)"},
		{"sum star", "SELECT sum(*) FROM f", "1:12", "only count takes * as its argument"},
		{"unclosed paren", "SELECT (a FROM f", "1:11", "expected \")\" to close the parenthesis, found keyword FROM"},
		{"unterminated string", "SELECT a FROM f WHERE b = 'x", "1:27", "string literal not terminated"},
		{"bad character", "SELECT a FROM f WHERE b = #", "1:27", "unexpected character '#'"},
		{"trailing", "SELECT a FROM f ORDER BY a b", "1:28", "expected end of query, found name b"},
		{"trailing after from", "SELECT a FROM f g h", "1:19", "expected JOIN, WHERE, GROUP BY, HAVING, ORDER BY, LIMIT or end of query"},
		{"group without by", "SELECT a FROM f GROUP a", "1:23", "expected BY after GROUP"},
		{"between without and", "SELECT a FROM f WHERE a BETWEEN 1 OR 2", "1:35", "expected AND between the bounds of BETWEEN"},
		{"star in expression", "SELECT 1 + * FROM f", "1:12", "a star (*) may only stand alone"},
		{"qualified star in expression", "SELECT 1 + f.* FROM f", "1:14", "f.* may only stand alone"},
		{"star alias", "SELECT * AS x FROM f", "1:10", "a star (*) cannot have an alias"},
		{"big int", "SELECT 99999999999999999999 FROM f", "1:8", "integer literal 99999999999999999999 is out of range"},
		{"second line", "SELECT a\nFROM f\nWHERE a >", "3:10", "expected an expression"},
		{"column after number", "SELECT 1a FROM f", "1:9", "unexpected 'a' after the number 1"},
		{"limit needs int", "SELECT a FROM f LIMIT x", "1:23", "expected an integer after LIMIT"},
		{"runes count as columns", "SELECT 'äö', ü FROM f", "1:14", "unexpected character 'ü'"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := Parse(tc.in)
			e, ok := err.(*Error)
			if !ok {
				t.Fatalf("Parse(%q) = %v, want an *Error", tc.in, err)
			}
			if e.Pos.String() != tc.pos || !strings.Contains(e.Msg, tc.msg) {
				t.Fatalf("Parse(%q) = %q at %s, want %q at %s", tc.in, e.Msg, e.Pos, tc.msg, tc.pos)
			}
			if !strings.HasPrefix(err.Error(), "sql: "+tc.pos+": ") {
				t.Fatalf("Error() = %q", err.Error())
			}
		})
	}
}

func TestDeepNesting(t *testing.T) {
	t.Parallel()
	q := "SELECT " + strings.Repeat("(", 5000) + "a" + strings.Repeat(")", 5000) + " FROM f"
	if _, err := Parse(q); err == nil || !strings.Contains(err.Error(), "nested too deeply") {
		t.Fatalf("got %v", err)
	}
	q = "SELECT " + strings.Repeat("-", 5000) + "a FROM f"
	if _, err := Parse(q); err == nil || !strings.Contains(err.Error(), "nested too deeply") {
		t.Fatalf("got %v", err)
	}
}

func TestGolden(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("testdata/*.sql")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			q, err := Parse(string(src))
			if err != nil {
				t.Fatal(err)
			}
			got := Dump(q) + "----\n" + q.String() + "\n"
			golden := strings.TrimSuffix(f, ".sql") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Fatalf("dump differs from %s:\n%s", golden, got)
			}
		})
	}
}
