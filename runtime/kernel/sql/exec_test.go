package sql

import (
	"errors"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	sqlast "github.com/daphne-go/daphne/sql"
)

// TestDaphneCases runs queries of DAPHNE's test suite (test/api/cli/sql)
// and compares with the outputs recorded there.
func TestDaphneCases(t *testing.T) {
	t.Parallel()
	ints := func(xs ...int64) data.Matrix { return col(xs...) }
	f10 := func(t *testing.T) *data.Frame {
		return frame(t, []string{"a", "b"}, ints(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), ints(10, 34, 15, 42, 10, 11, 153, 27, 19, 9))
	}
	fstr := func(t *testing.T) *data.Frame {
		return frame(t, []string{"a", "b"}, ints(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), col("a", "b", "a", "a", "b", "a", "a", "c", "a", "a"))
	}
	cases := []struct {
		name  string
		views func(t *testing.T) map[string]*data.Frame
		query string
		want  string
	}{
		{"group_1", func(t *testing.T) map[string]*data.Frame {
			return map[string]*data.Frame{"f": frame(t, []string{"a", "b"}, ints(1, 1, 1), ints(1, 2, 3))}
		}, "SELECT f.a, sum(f.b) FROM f GROUP BY f.a;", "Frame(1x2, [f.a:int64_t, sum(f.b):int64_t])\n1 6\n"},
		{"group_2", func(t *testing.T) map[string]*data.Frame {
			return map[string]*data.Frame{"f": frame(t, []string{"a"}, ints(0, 1, 1, 3, 1, 5, 1, 3, 0, 9))}
		}, "SELECT f.a FROM f GROUP BY f.a;", "Frame(5x1, [f.a:int64_t])\n0\n1\n3\n5\n9\n"},
		{"group_5", func(t *testing.T) map[string]*data.Frame {
			return map[string]*data.Frame{"f": frame(t, []string{"a"}, ints(1, 2, 3, 2))}
		}, "SELECT sum(f.a) FROM f GROUP BY f.a;", "Frame(3x1, [sum(f.a):int64_t])\n1\n4\n3\n"},
		{"group_6", func(t *testing.T) map[string]*data.Frame {
			return map[string]*data.Frame{"f": frame(t, []string{"key", "val_si64", "val_f64"}, ints(0, 0, 0, 0, 1, 1),
				ints(1, 2, 10000000000, 4, 5, 6), col(1.1, 2.2, 3.3, 4.4, 5.5, 6.6))}
		}, "SELECT f.key, MIN(f.val_si64), MIN(f.val_f64) FROM f GROUP BY f.key;",
			"Frame(2x3, [f.key:int64_t, MIN(f.val_si64):int64_t, MIN(f.val_f64):double])\n0 1 1.1\n1 5 5.5\n"},
		{"agg_avg_1", func(t *testing.T) map[string]*data.Frame { return map[string]*data.Frame{"f": f10(t)} },
			"SELECT avg(f.a) FROM f;", "Frame(1x1, [avg(f.a):double])\n4.5\n"},
		{"agg_count_1", func(t *testing.T) map[string]*data.Frame { return map[string]*data.Frame{"f": f10(t)} },
			"SELECT count(f.a) FROM f;", "Frame(1x1, [count(f.a):int64_t])\n10\n"},
		{"agg_multiple_2", func(t *testing.T) map[string]*data.Frame { return map[string]*data.Frame{"f": f10(t)} },
			"SELECT sum(f.a), avg(f.b) FROM f;", "Frame(1x2, [sum(f.a):int64_t, avg(f.b):double])\n45 33\n"},
		{"distinct_1", func(t *testing.T) map[string]*data.Frame {
			return map[string]*data.Frame{"f": frame(t, []string{"a", "b"}, ints(0, 1, 2, 2, 3, 3, 6, 3, 8, 2), ints(1, 2, 3, 3, 3, 4, 5, 4, 1, 1))}
		}, "SELECT DISTINCT f.a FROM f;", "Frame(6x1, [f.a:int64_t])\n0\n1\n2\n3\n6\n8\n"},
		{"strings_1", func(t *testing.T) map[string]*data.Frame { return map[string]*data.Frame{"f": fstr(t)} },
			"SELECT f.a FROM f WHERE f.b = 'b';", "Frame(2x1, [f.a:int64_t])\n1\n4\n"},
		{"between_1", func(t *testing.T) map[string]*data.Frame { return map[string]*data.Frame{"f": fstr(t)} },
			"SELECT f.a FROM f WHERE f.b BETWEEN 'b' AND 'd';", "Frame(3x1, [f.a:int64_t])\n1\n4\n7\n"},
		{"arithmetics_1", func(t *testing.T) map[string]*data.Frame {
			return map[string]*data.Frame{"r": frame(t, []string{"a"}, ints(1))}
		}, "SELECT 1 * 2.5 FROM r;", "Frame(1x1, [1*2.5:double])\n2.5\n"},
		{"arithmetics_2", func(t *testing.T) map[string]*data.Frame {
			return map[string]*data.Frame{"s": frame(t, []string{"b"}, col(2.5))}
		}, "SELECT 1 * s.b FROM s;", "Frame(1x1, [1*s.b:double])\n2.5\n"},
		{"select_asterisk_2", func(t *testing.T) map[string]*data.Frame {
			return map[string]*data.Frame{"f": frame(t, []string{"a", "b"}, ints(0, 1), ints(5, 4)), "g": frame(t, []string{"a", "b"}, ints(0, 1), ints(5, 4))}
		}, "SELECT * FROM f, g;", "Frame(4x4, [f.a:int64_t, f.b:int64_t, g.a:int64_t, g.b:int64_t])\n0 5 0 5\n0 5 1 4\n1 4 0 5\n1 4 1 4\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f, err := Run(tc.views(t), tc.query)
			if err != nil {
				t.Fatal(err)
			}
			if got := printed(t, f); got != tc.want {
				t.Fatalf("got\n%swant\n%s", got, tc.want)
			}
		})
	}
}

// TestClauses checks each clause on a small frame with hand-computed
// results (value types, labels and row order included).
func TestClauses(t *testing.T) {
	t.Parallel()
	views := func(t *testing.T) map[string]*data.Frame {
		return map[string]*data.Frame{
			"p": frame(t, []string{"id", "cat", "price", "qty"},
				col[int64](1, 2, 3, 4, 5), col("x", "y", "x", "z", "y"), col(2.5, 1.0, 4.0, 3.5, 1.0), col[int32](3, 1, 2, 5, 4)),
			"c": frame(t, []string{"cat", "name"}, col("x", "y", "w"), col("ex", "why", "dub")),
		}
	}
	cases := []struct{ name, query, want string }{
		{"where and or", "SELECT p.id FROM p WHERE p.price > 1.5 AND p.cat <> 'z' OR p.id = 5",
			"Frame(3x1, [p.id:int64_t])\n1\n3\n5\n"},
		{"not", "SELECT p.id FROM p WHERE NOT p.price >= 2", "Frame(2x1, [p.id:int64_t])\n2\n5\n"},
		{"not between", "SELECT p.id FROM p WHERE p.qty NOT BETWEEN 2 AND 4", "Frame(2x1, [p.id:int64_t])\n2\n4\n"},
		{"expressions keep int", "SELECT p.id * 2 - 1 AS odd, p.id / 2, -p.qty, p.price * p.qty FROM p WHERE p.id <= 2",
			"Frame(2x4, [odd:int64_t, p.id/2:int64_t, -p.qty:int64_t, p.price*p.qty:double])\n1 0 -3 7.5\n3 1 -1 1\n"},
		{"column keeps its type", "SELECT p.qty, qty AS q2 FROM p WHERE p.id = 1", "Frame(1x2, [p.qty:int32_t, q2:int32_t])\n3 3\n"},
		{"comparison as column", "SELECT p.price > 2, p.id = 1, p.cat = 'x', p.id < 2 AND p.price > 2 FROM p WHERE p.id < 3",
			"Frame(2x4, [p.price>2:double, p.id=1:int64_t, p.cat='x':int64_t, p.id<2ANDp.price>2:int64_t])\n1 1 1 1\n0 0 0 0\n"},
		{"literal column", "SELECT 'k', p.id FROM p WHERE p.id = 2", "Frame(1x2, ['k':std::string, p.id:int64_t])\n" + "k 2\n"},
		{"join", "SELECT p.id, c.name FROM p JOIN c ON p.cat = c.cat", "Frame(4x2, [p.id:int64_t, c.name:std::string])\n1 ex\n2 why\n3 ex\n5 why\n"},
		{"join reversed condition", "SELECT p.id, c.name FROM p INNER JOIN c ON c.cat = p.cat WHERE p.qty > 2", "Frame(2x2, [p.id:int64_t, c.name:std::string])\n1 ex\n5 why\n"},
		{"theta join", "SELECT p.id, c.cat FROM p JOIN c ON p.cat > c.cat AND p.id > 3", "Frame(5x2, [p.id:int64_t, c.cat:std::string])\n4 x\n4 y\n4 w\n5 x\n5 w\n"},
		{"cartesian where equality", "SELECT p.id, c.name FROM c, p WHERE p.cat = c.cat", "Frame(4x2, [p.id:int64_t, c.name:std::string])\n1 ex\n3 ex\n2 why\n5 why\n"},
		{"alias", "SELECT x.id FROM p AS x, c y WHERE x.cat = y.cat AND y.name = 'why'", "Frame(2x1, [x.id:int64_t])\n2\n5\n"},
		{"view star", "SELECT c.* FROM p JOIN c ON p.cat = c.cat WHERE p.id = 4 OR p.id = 1", "Frame(1x2, [c.cat:std::string, c.name:std::string])\nx ex\n"},
		{"group count sum avg", "SELECT p.cat, count(*), sum(p.qty), avg(p.price), max(p.price), min(p.id) FROM p GROUP BY p.cat",
			"Frame(3x6, [p.cat:std::string, count(*):uint64_t, sum(p.qty):int32_t, avg(p.price):double, max(p.price):double, min(p.id):int64_t])\nx 2 5 3.25 4 1\ny 2 5 1 1 2\nz 1 5 3.5 3.5 4\n"},
		{"having", "SELECT p.cat, sum(p.price) AS s FROM p GROUP BY p.cat HAVING count(*) > 1 ORDER BY s DESC",
			"Frame(2x2, [p.cat:std::string, s:double])\nx 6.5\ny 2\n"},
		{"group expression key", "SELECT p.qty / 2, count(*) FROM p GROUP BY p.qty / 2", "Frame(3x2, [p.qty/2:int64_t, count(*):uint64_t])\n0 1\n1 2\n2 2\n"},
		{"aggregate of expression", "SELECT sum(p.price * p.qty) FROM p", "Frame(1x1, [sum(p.price*p.qty):double])\n38\n"},
		{"aggregate arithmetic", "SELECT max(p.id) - min(p.id) AS range FROM p", "Frame(1x1, [range:int64_t])\n4\n"},
		{"count ungrouped", "SELECT count(*) FROM p WHERE p.id > 10", "Frame(1x1, [count(*):int64_t])\n0\n"},
		{"grouped empty", "SELECT p.cat, count(*) FROM p WHERE p.id > 10 GROUP BY p.cat", "Frame(0x2, [p.cat:std::string, count(*):uint64_t])\n"},
		{"order multi key stable", "SELECT p.id FROM p ORDER BY p.price DESC, p.cat", "Frame(5x1, [p.id:int64_t])\n3\n4\n1\n2\n5\n"},
		{"order position", "SELECT p.cat, p.id FROM p ORDER BY 1 DESC, 2", "Frame(5x2, [p.cat:std::string, p.id:int64_t])\nz 4\ny 2\ny 5\nx 1\nx 3\n"},
		{"order by hidden column", "SELECT p.cat FROM p ORDER BY p.qty", "Frame(5x1, [p.cat:std::string])\ny\nx\nx\ny\nz\n"},
		{"distinct", "SELECT DISTINCT p.cat, p.price FROM p", "Frame(4x2, [p.cat:std::string, p.price:double])\nx 2.5\nx 4\ny 1\nz 3.5\n"},
		{"distinct order", "SELECT DISTINCT p.price FROM p ORDER BY p.price DESC", "Frame(4x1, [p.price:double])\n4\n3.5\n2.5\n1\n"},
		{"limit", "SELECT p.id FROM p ORDER BY p.id DESC LIMIT 2", "Frame(2x1, [p.id:int64_t])\n5\n4\n"},
		{"unqualified", "SELECT id, name FROM p JOIN c ON p.cat = c.cat WHERE qty = 4", "Frame(1x2, [id:int64_t, name:std::string])\n5 why\n"},
		{"keywords any case", "select p.id from p WhErE p.id = 3", "Frame(1x1, [p.id:int64_t])\n3\n"},
		{"group by star", "SELECT * FROM c GROUP BY c.*", "Frame(3x2, [c.cat:std::string, c.name:std::string])\nw dub\nx ex\ny why\n"},
		{"having without group", "SELECT sum(p.qty) FROM p HAVING sum(p.qty) > 100", "Frame(0x1, [sum(p.qty):int32_t])\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f, err := Run(views(t), tc.query)
			if err != nil {
				t.Fatal(err)
			}
			if got := printed(t, f); got != tc.want {
				t.Fatalf("got\n%swant\n%s", got, tc.want)
			}
		})
	}
}

// TestErrors checks that mistakes in queries are *sqlast.Error with the
// position and a clear message, and failures at run time *RunError.
func TestErrors(t *testing.T) {
	t.Parallel()
	views := map[string]*data.Frame{
		"f": frame(t, []string{"a", "b"}, col[int64](1, 2), col("u", "v")),
		"g": frame(t, []string{"a", "c"}, col[int64](1, 0), col(0.5, 1.5)),
	}
	cases := []struct {
		name, query, msg string
		run              bool // a *RunError, not a mistake in the query
	}{
		{"unknown view", "SELECT h.a FROM h", `sql: 1:17: unknown view "h" (registered views: f, g)`, false},
		{"unknown column", "SELECT f.a, f.z FROM f", `sql: 1:13: unknown column "f.z" (view f has a, b)`, false},
		{"unknown qualifier", "SELECT x.a FROM f", `sql: 1:8: unknown view or alias "x" in x.a (the query reads f)`, false},
		{"unknown unqualified", "SELECT z FROM f, g", `sql: 1:8: unknown column "z" (the views have f.a, f.b, g.a, g.c)`, false},
		{"ambiguous", "SELECT a FROM f, g", `sql: 1:8: ambiguous column "a" (could be f.a or g.a); qualify it with its view`, false},
		{"view twice", "SELECT f.a FROM f, f", `sql: 1:20: view or alias "f" is used twice in FROM`, false},
		{"not grouped", "SELECT f.a, f.b FROM f GROUP BY f.a", "sql: 1:13: column f.b must appear in GROUP BY or be used in an aggregate", false},
		{"mixed without group", "SELECT f.a, count(*) FROM f", "sql: 1:8: column f.a must appear in GROUP BY or be used in an aggregate", false},
		{"aggregate in where", "SELECT f.a FROM f WHERE sum(f.a) > 1", "sql: 1:25: aggregate sum is not allowed in WHERE", false},
		{"nested aggregate", "SELECT sum(max(f.a)) FROM f", "sql: 1:12: aggregate max cannot be nested in another aggregate", false},
		{"string plus number", "SELECT f.b + 1 FROM f", "sql: 1:12: + needs numbers, got a string and an integer", false},
		{"compare string number", "SELECT f.a FROM f WHERE f.b < 3", "sql: 1:29: cannot compare a string with an integer", false},
		{"sum of strings", "SELECT sum(f.b) FROM f", "sql: 1:8: sum needs numbers, got a string", false},
		{"avg of strings", "SELECT avg(f.b) FROM f", "sql: 1:8: avg needs numbers, got a string", false},
		{"avg of strings, grouped", "SELECT f.a, Avg(f.b) FROM f GROUP BY f.a", "sql: 1:13: avg needs numbers, got a string", false},
		{"string where", "SELECT f.a FROM f WHERE f.b", "sql: 1:25: the WHERE condition must be a comparison, a truth value or a number, got a string", false},
		{"star not grouped", "SELECT * FROM f GROUP BY f.a", "sql: 1:8: column f.b must appear in GROUP BY", false},
		{"duplicate label", "SELECT f.a, f.a FROM f", `sql: 1:13: the result column label "f.a" is used twice (also at 1:8)`, true},
		{"order position", "SELECT f.a FROM f ORDER BY 2", "sql: 1:28: ORDER BY position 2 is not in the select list (1 to 1)", false},
		{"distinct order", "SELECT DISTINCT f.a FROM f ORDER BY f.b", "sql: 1:37: with DISTINCT, ORDER BY f.b must be one of the selected columns", false},
		{"syntax", "SELECT f.a FROM f WHERE", "sql: 1:24: expected an expression", false},
		{"division by zero", "SELECT f.a / (f.a - 1) FROM f", "sql: 1:12: integer division by zero", true},
		{"min of no rows", "SELECT min(f.a) FROM f WHERE f.a > 5", "sql: 1:8: min of no rows", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := Run(views, tc.query)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.HasPrefix(err.Error(), tc.msg) {
				t.Fatalf("got  %q\nwant %q", err.Error(), tc.msg)
			}
			var qe *sqlast.Error
			var re *RunError
			if tc.run && !errors.As(err, &re) || !tc.run && !errors.As(err, &qe) {
				t.Fatalf("error %T, want run error %t", err, tc.run)
			}
		})
	}
}

// TestPrefixedLabels: a view whose labels already have a prefix (the
// result of another query) is referenced and labelled with the prefix
// replaced, as DAPHNE's setColLabelsPrefix does.
func TestPrefixedLabels(t *testing.T) {
	t.Parallel()
	views := map[string]*data.Frame{"f": frame(t, []string{"a", "b"}, col[int64](1, 2, 3), col(0.5, 1.5, 2.5))}
	res, err := Run(views, "SELECT f.a, f.b * 2 AS b2 FROM f WHERE f.a > 1")
	if err != nil {
		t.Fatal(err)
	}
	views["g"] = res // labels f.a, b2
	res, err = Run(views, "SELECT * FROM g JOIN f ON g.a = f.a")
	if err != nil {
		t.Fatal(err)
	}
	want := "Frame(2x4, [g.a:int64_t, g.b2:double, f.a:int64_t, f.b:double])\n2 3 2 1.5\n3 5 3 2.5\n"
	if got := printed(t, res); got != want {
		t.Fatalf("got\n%swant\n%s", got, want)
	}
}
