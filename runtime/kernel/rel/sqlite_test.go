package rel

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
)

// An independent check: the operators' results against SQLite's answers to
// the same queries on the same random tables (skipped without sqlite3).
// Values are integers and strings, so that both print them alike; SQLite's
// NULLs of the outer joins are mapped to the null stand-ins with COALESCE.

// sqliteTables returns l(lid, k, s, v) and r(rid, k, s, w) with duplicate
// and missing keys.
func sqliteTables(seed uint64, nl, nr int) (l, r *data.Frame) {
	g := rand.New(rand.NewPCG(seed, 11))
	side := func(p string, n int) *data.Frame {
		id, k, v := make([]int64, n), make([]int64, n), make([]int64, n)
		s := make([]string, n)
		for i := range id {
			id[i], k[i], v[i] = int64(i), g.Int64N(40), g.Int64N(1000)-500
			s[i] = "s" + strconv.Itoa(g.IntN(3))
		}
		f, err := data.NewFrame([]data.Matrix{data.DenseFrom(n, 1, id), data.DenseFrom(n, 1, k), data.DenseFrom(n, 1, s), data.DenseFrom(n, 1, v)},
			[]string{p + "id", p + "k", p + "s", p + "v"})
		if err != nil {
			panic(err)
		}
		return f
	}
	return side("l", nl), side("r", nr)
}

// csvRows returns the rows of f as comma-separated cells.
func csvRows(t *testing.T, f *data.Frame) []string {
	rows := make([]string, f.Rows())
	for i := range rows {
		cells := make([]string, f.Cols())
		for j := range cells {
			cells[j] = cellText(t, f.Column(j), i)
		}
		rows[i] = strings.Join(cells, ",")
	}
	return rows
}

// sqliteQuery runs query on the tables l and r (imported from CSV files in
// dir) and returns its rows.
func sqliteQuery(t *testing.T, bin, dir, query string) []string {
	script := fmt.Sprintf("CREATE TABLE l(lid INTEGER, lk INTEGER, ls TEXT, lv INTEGER);\n"+
		"CREATE TABLE r(rid INTEGER, rk INTEGER, rs TEXT, rv INTEGER);\n"+
		".import --csv %s l\n.import --csv %s r\n.mode list\n.separator ,\n%s\n",
		filepath.Join(dir, "l.csv"), filepath.Join(dir, "r.csv"), query)
	cmd := exec.Command(bin, ":memory:")
	cmd.Stdin = strings.NewReader(script)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("sqlite3: %v\n%s", err, out)
	}
	s := strings.TrimSuffix(string(out), "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

func TestAgainstSQLite(t *testing.T) {
	bin, err := exec.LookPath("sqlite3")
	if err != nil {
		t.Skip("sqlite3 is not installed")
	}
	t.Parallel()
	ctx := context.Background()
	const rcols = "COALESCE(rid, 0), COALESCE(rk, 0), COALESCE(rs, ''), COALESCE(rv, 0)"
	const lcols = "COALESCE(lid, 0), COALESCE(lk, 0), COALESCE(ls, ''), COALESCE(lv, 0)"
	for seed := uint64(0); seed < 2; seed++ {
		l, r := sqliteTables(seed, 300+int(seed)*50, 120)
		dir := t.TempDir()
		for name, f := range map[string]*data.Frame{"l.csv": l, "r.csv": r} {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(strings.Join(csvRows(t, f), "\n")+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		lkeys := mkFrame(t, []string{"k", "s"}, l.Column(1), l.Column(2))
		rkeys := mkFrame(t, []string{"k", "s"}, r.Column(1), r.Column(2))
		tests := []struct {
			name, query string
			run         func(o Options) (*data.Frame, error)
			unordered   bool
		}{
			{"innerJoin", "SELECT * FROM l JOIN r ON lk = rk ORDER BY lid, rid;",
				func(o Options) (*data.Frame, error) { return InnerJoin(ctx, l, r, "lk", "rk", o) }, false},
			{"two-key inner join", "SELECT * FROM l JOIN r ON lk = rk AND ls = rs ORDER BY lid, rid;",
				func(o Options) (*data.Frame, error) {
					return InnerJoinKeys(ctx, l, r, []string{"lk", "ls"}, []string{"rk", "rs"}, o)
				}, false},
			{"leftOuterJoin", "SELECT lid, lk, ls, lv, " + rcols + " FROM l LEFT JOIN r ON lk = rk AND ls = rs ORDER BY lid, rid;",
				func(o Options) (*data.Frame, error) {
					return LeftOuterJoin(ctx, l, r, []string{"lk", "ls"}, []string{"rk", "rs"}, o)
				}, false},
			{"fullOuterJoin", "SELECT " + lcols + ", " + rcols + " FROM l FULL JOIN r ON lk = rk ORDER BY lid IS NULL, lid, rid;",
				func(o Options) (*data.Frame, error) {
					return FullOuterJoin(ctx, l, r, []string{"lk"}, []string{"rk"}, o)
				}, false},
			{"antiJoin", "SELECT * FROM l WHERE NOT EXISTS (SELECT 1 FROM r WHERE rk = lk AND rs = ls) ORDER BY lid;",
				func(o Options) (*data.Frame, error) {
					return AntiJoin(ctx, l, r, []string{"lk", "ls"}, []string{"rk", "rs"}, o)
				}, false},
			{"semiJoin", "SELECT lk FROM l WHERE EXISTS (SELECT 1 FROM r WHERE rk = lk) ORDER BY lid;",
				func(o Options) (*data.Frame, error) {
					f, _, err := SemiJoin(ctx, l, r, "lk", "rk", o)
					return f, err
				}, false},
			{"groupJoin", "SELECT f.lk, SUM(rv) FROM (SELECT lk, MIN(lid) AS first FROM l GROUP BY lk) f JOIN r ON rk = f.lk GROUP BY f.lk ORDER BY MIN(f.first);",
				func(o Options) (*data.Frame, error) {
					f, _, err := GroupJoin(ctx, l, r, "lk", "rk", "rv", o)
					return f, err
				}, false},
			{"groupSum", "SELECT lk, ls, SUM(lv) FROM l GROUP BY lk, ls ORDER BY lk, ls;",
				func(o Options) (*data.Frame, error) { return GroupSum(ctx, l, []string{"lk", "ls"}, "lv", o) }, false},
			{"groupSum by string", "SELECT ls, SUM(lv) FROM l GROUP BY ls ORDER BY ls;",
				func(o Options) (*data.Frame, error) { return GroupSum(ctx, l, []string{"ls"}, "lv", o) }, false},
			{"intersect", "SELECT lk, ls FROM l INTERSECT SELECT rk, rs FROM r;",
				func(o Options) (*data.Frame, error) { return Intersect(ctx, lkeys, rkeys, o) }, true},
			{"except", "SELECT lk, ls FROM l EXCEPT SELECT rk, rs FROM r;",
				func(o Options) (*data.Frame, error) { return Except(ctx, lkeys, rkeys, o) }, true},
			{"cartesian", "SELECT * FROM l, r ORDER BY lid, rid;",
				func(o Options) (*data.Frame, error) { return Cartesian(ctx, l, r, o) }, false},
		}
		for _, tc := range tests {
			want := sqliteQuery(t, bin, dir, tc.query)
			for oname, o := range propOptions {
				f, err := tc.run(o)
				if err != nil {
					t.Fatal(err)
				}
				got := csvRows(t, f)
				if tc.unordered {
					slices.Sort(got)
					slices.Sort(want)
				}
				if !slices.Equal(got, want) {
					t.Errorf("seed %d %s %s: %d rows differ from SQLite's %d rows (first: %q vs %q)",
						seed, tc.name, oname, len(got), len(want), first(got), first(want))
				}
			}
		}
	}
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}
