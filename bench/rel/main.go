// Command rel times daphne-go's relational kernels (package
// runtime/kernel/rel) against SQLite on the same generated data: an inner
// join of a fact table with a dimension table and a group-by sum of the fact
// table (see README.md for the tables and one run's numbers).
//
//	go run ./bench/rel [-fact 10000000] [-dim 100000] [-reps 3] [-threads N] [-sqlite /usr/bin/sqlite3]
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/kernel/rel"
)

func main() {
	fact := flag.Int("fact", 10_000_000, "rows of the fact table f(k, v)")
	dim := flag.Int("dim", 100_000, "rows of the dimension table d(id, a)")
	reps := flag.Int("reps", 3, "repetitions of each daphne-go operator (the median is reported)")
	threads := flag.Int("threads", runtime.GOMAXPROCS(0), "threads of the parallel daphne-go runs")
	sqlite := flag.String("sqlite", "sqlite3", "the sqlite3 binary")
	flag.Parse()
	if err := run(os.Stdout, *fact, *dim, *reps, *threads, *sqlite); err != nil {
		fmt.Fprintln(os.Stderr, "bench/rel:", err)
		os.Exit(1)
	}
}

// tables generates f (k uniform in [0, dim), v in [0, 100) with two
// decimals) and d (id a permutation of 0..dim-1, a its position): the same
// generator and seed as the Go benchmarks in runtime/kernel/rel.
func tables(fact, dim int) (f, d *data.Frame, err error) {
	r := rand.New(rand.NewPCG(1, 2))
	k, v := make([]int64, fact), make([]float64, fact)
	for i := range k {
		k[i], v[i] = r.Int64N(int64(dim)), float64(r.IntN(10000))/100
	}
	id, a := make([]int64, dim), make([]int64, dim)
	for i, p := range r.Perm(dim) {
		id[i], a[i] = int64(p), int64(i)
	}
	if f, err = data.NewFrame([]data.Matrix{data.DenseFrom(fact, 1, k), data.DenseFrom(fact, 1, v)}, []string{"f.k", "f.v"}); err != nil {
		return nil, nil, err
	}
	d, err = data.NewFrame([]data.Matrix{data.DenseFrom(dim, 1, id), data.DenseFrom(dim, 1, a)}, []string{"d.id", "d.a"})
	return f, d, err
}

// timing is one operator's times.
type timing struct {
	op, query      string
	par, seq, lite time.Duration
	rows, liteRows int
}

func run(w io.Writer, fact, dim, reps, threads int, sqlite string) error {
	f, d, err := tables(fact, dim)
	if err != nil {
		return err
	}
	ctx := context.Background()
	ops := []*timing{
		{op: "innerJoin(f, d, \"f.k\", \"d.id\")", query: "CREATE TABLE j AS SELECT f.k, f.v, d.id, d.a FROM f JOIN d ON f.k = d.id;"},
		{op: "groupSum(f, \"f.k\", \"f.v\")", query: "CREATE TABLE g AS SELECT k, SUM(v) FROM f GROUP BY k ORDER BY k;"},
	}
	runs := []func(o rel.Options) (*data.Frame, error){
		func(o rel.Options) (*data.Frame, error) { return rel.InnerJoin(ctx, f, d, "f.k", "d.id", o) },
		func(o rel.Options) (*data.Frame, error) { return rel.GroupSum(ctx, f, []string{"f.k"}, "f.v", o) },
	}
	for i, t := range ops {
		if t.par, t.rows, err = median(reps, func() (*data.Frame, error) { return runs[i](rel.Options{Threads: threads}) }); err != nil {
			return err
		}
		if t.seq, _, err = median(reps, func() (*data.Frame, error) { return runs[i](rel.Options{Threads: 1}) }); err != nil {
			return err
		}
	}
	if err := runSQLite(sqlite, f, d, ops); err != nil {
		return err
	}
	fmt.Fprintf(w, "fact table f: %d rows, dimension table d: %d rows; daphne-go: median of %d runs, sqlite3: one run (in memory, import excluded)\n\n", fact, dim, reps)
	fmt.Fprintf(w, "| operator | result rows | daphne-go %d threads | daphne-go 1 thread | SQLite | SQLite / daphne-go %d threads | SQLite / daphne-go 1 thread |\n", threads, threads)
	fmt.Fprintln(w, "| --- | --- | --- | --- | --- | --- | --- |")
	for _, t := range ops {
		if t.rows != t.liteRows {
			return fmt.Errorf("%s: %d rows, but SQLite's query gave %d", t.op, t.rows, t.liteRows)
		}
		fmt.Fprintf(w, "| `%s` | %d | %.3f s | %.3f s | %.3f s | %.1fx | %.1fx |\n", t.op, t.rows,
			t.par.Seconds(), t.seq.Seconds(), t.lite.Seconds(), t.lite.Seconds()/t.par.Seconds(), t.lite.Seconds()/t.seq.Seconds())
	}
	return nil
}

// median runs op reps times and returns its median time and result rows.
func median(reps int, op func() (*data.Frame, error)) (time.Duration, int, error) {
	var ts []time.Duration
	rows := 0
	for i := 0; i < max(reps, 1); i++ {
		runtime.GC()
		start := time.Now()
		res, err := op()
		if err != nil {
			return 0, 0, err
		}
		ts = append(ts, time.Since(start))
		rows = res.Rows()
	}
	slices.Sort(ts)
	return ts[len(ts)/2], rows, nil
}

var runTime = regexp.MustCompile(`Run Time: real ([0-9.]+)`)

// runSQLite writes f and d as CSV, imports them into an in-memory SQLite
// database and times each operator's query with .timer; it records the
// times and the row counts of the created tables.
func runSQLite(bin string, f, d *data.Frame, ops []*timing) error {
	dir, err := os.MkdirTemp("", "bench-rel")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	fcsv, dcsv := filepath.Join(dir, "f.csv"), filepath.Join(dir, "d.csv")
	if err := writeCSV(fcsv, f); err != nil {
		return err
	}
	if err := writeCSV(dcsv, d); err != nil {
		return err
	}
	var s strings.Builder
	fmt.Fprintf(&s, "CREATE TABLE f(k INTEGER, v REAL);\nCREATE TABLE d(id INTEGER, a INTEGER);\n")
	fmt.Fprintf(&s, ".import --csv %s f\n.import --csv %s d\n.timer on\n", fcsv, dcsv)
	for _, t := range ops {
		s.WriteString(t.query + "\n")
	}
	s.WriteString(".timer off\nSELECT count(*) FROM j;\nSELECT count(*) FROM g;\n")
	cmd := exec.Command(bin, ":memory:")
	cmd.Stdin = strings.NewReader(s.String())
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s: %w\n%s", bin, err, out)
	}
	times := runTime.FindAllStringSubmatch(string(out), -1)
	lines := strings.Fields(runTime.ReplaceAllString(string(out), ""))
	var counts []int
	for _, l := range lines {
		if n, err := strconv.Atoi(l); err == nil {
			counts = append(counts, n)
		}
	}
	if len(times) != len(ops) || len(counts) != len(ops) {
		return errors.New("unexpected sqlite3 output:\n" + string(out))
	}
	for i, t := range ops {
		sec, _ := strconv.ParseFloat(times[i][1], 64)
		t.lite, t.liteRows = time.Duration(sec*float64(time.Second)), counts[i]
	}
	return nil
}

// writeCSV writes the columns of an all-number frame as CSV.
func writeCSV(path string, f *data.Frame) error {
	file, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(file, 1<<20)
	var buf []byte
	for i := 0; i < f.Rows(); i++ {
		buf = buf[:0]
		for j := 0; j < f.Cols(); j++ {
			if j > 0 {
				buf = append(buf, ',')
			}
			c, err := data.MatrixCell(f.Column(j), i, 0)
			if err != nil {
				return err
			}
			buf = append(buf, data.FormatScalar(c)...)
		}
		buf = append(buf, '\n')
		if _, err := bw.Write(buf); err != nil {
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return file.Close()
}
