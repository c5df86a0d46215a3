package sql

import (
	"bytes"
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
	"github.com/daphne-go/daphne/types"
)

const sqliteBin = "/usr/bin/sqlite3"

// TestAgainstSQLite runs random queries on random views through the
// executor and through SQLite (the views exported as CSV and imported into
// typed tables) and compares the results as multisets of rows (SQLite
// orders groups and ties differently).
func TestAgainstSQLite(t *testing.T) {
	if _, err := os.Stat(sqliteBin); err != nil {
		t.Skip("no " + sqliteBin)
	}
	t.Parallel()
	dir := t.TempDir()
	r := rand.New(rand.NewPCG(7, 8))
	type tc struct {
		query string
		got   []string
	}
	var cases []tc
	var script strings.Builder
	script.WriteString(".mode csv\n")
	for i := 0; len(cases) < 300; i++ {
		views := randomViews(t, r, r.IntN(30), r.IntN(12))
		q, ok := randomQuery(r)
		if !ok {
			continue
		}
		f, err := Run(views, q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		for _, name := range []string{"a", "b"} {
			path := filepath.Join(dir, fmt.Sprintf("%s%d.csv", name, i))
			writeCSV(t, path, views[name])
			fmt.Fprintf(&script, "DROP TABLE IF EXISTS %s;\nCREATE TABLE %s(%s);\n.import %s %s\n", name, name, sqliteSchema(views[name]), path, name)
		}
		fmt.Fprintf(&script, ".print @@%d\n%s;\n", len(cases), q)
		cases = append(cases, tc{query: q, got: normRows(frameRows(f))})
	}
	cmd := exec.Command(sqliteBin, "-batch", ":memory:")
	cmd.Stdin = strings.NewReader(script.String())
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil || errb.Len() > 0 {
		t.Fatalf("sqlite3: %v\n%s", err, errb.String())
	}
	sections := strings.Split(out.String(), "@@")[1:]
	if len(sections) != len(cases) {
		t.Fatalf("sqlite3 answered %d queries of %d", len(sections), len(cases))
	}
	for i, sec := range sections {
		lines := strings.Split(strings.TrimRight(sec, "\n"), "\n")[1:]
		var want [][]any
		for _, l := range lines {
			var row []any
			for _, cell := range strings.Split(l, ",") {
				row = append(row, parseCell(cell))
			}
			want = append(want, row)
		}
		w := normRows(want)
		if !slices.Equal(cases[i].got, w) {
			t.Errorf("%s:\ngot  %q\nwant %q (SQLite)", cases[i].query, cases[i].got, w)
		}
	}
}

func parseCell(s string) any {
	if i, err := strconv.ParseInt(s, 10, 64); err == nil {
		return i
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		return f
	}
	return strings.Trim(s, `"`)
}

// normRows formats rows with numbers rounded to 10 significant digits and
// sorts them.
func normRows(rows [][]any) []string {
	out := make([]string, 0, len(rows))
	for _, r := range rows {
		var cells []string
		for _, v := range r {
			switch x := v.(type) {
			case float64:
				if x == 0 {
					x = 0
				}
				cells = append(cells, strconv.FormatFloat(x, 'g', 10, 64))
			case int64:
				cells = append(cells, strconv.FormatFloat(float64(x), 'g', 10, 64))
			default:
				cells = append(cells, fmt.Sprint(x))
			}
		}
		out = append(out, strings.Join(cells, ","))
	}
	slices.Sort(out)
	return out
}

func sqliteSchema(f *data.Frame) string {
	var cols []string
	for j := 0; j < f.Cols(); j++ {
		typ := "INTEGER"
		switch f.Column(j).ValueType() {
		case types.F64, types.F32:
			typ = "REAL"
		case types.Str:
			typ = "TEXT"
		}
		cols = append(cols, f.Label(j)+" "+typ)
	}
	return strings.Join(cols, ", ")
}

// writeCSV writes the frame's rows as CSV (no header).
func writeCSV(t *testing.T, path string, f *data.Frame) {
	var b strings.Builder
	for _, row := range frameRows(f) {
		for j, v := range row {
			if j > 0 {
				b.WriteByte(',')
			}
			if x, ok := v.(float64); ok {
				b.WriteString(strconv.FormatFloat(x, 'g', -1, 64))
			} else {
				fmt.Fprint(&b, v)
			}
		}
		b.WriteByte('\n')
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
