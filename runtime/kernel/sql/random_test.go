package sql

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	sqlast "github.com/daphne-go/daphne/sql"
)

// randomViews returns two random views: a(k si64, x si64, y f64, s str)
// and b(k si64, z si32, t str), with small value ranges so that joins and
// groups have several rows each. Floats are multiples of 1/4, so sums are
// exact whatever the order.
func randomViews(t testing.TB, r *rand.Rand, na, nb int) map[string]*data.Frame {
	strs := []string{"p", "q", "r", "pq"}
	ak, ax, ay, as := make([]int64, na), make([]int64, na), make([]float64, na), make([]string, na)
	for i := range ak {
		ak[i], ax[i] = r.Int64N(5), r.Int64N(11)-5
		ay[i] = float64(r.IntN(17)-8) / 4
		as[i] = strs[r.IntN(len(strs))]
	}
	bk, bz, bt := make([]int64, nb), make([]int32, nb), make([]string, nb)
	for i := range bk {
		bk[i], bz[i], bt[i] = r.Int64N(6), int32(r.IntN(7)-3), strs[r.IntN(len(strs))]
	}
	return map[string]*data.Frame{
		"a": frame(t, []string{"k", "x", "y", "s"}, col(ak...), col(ax...), col(ay...), col(as...)),
		"b": frame(t, []string{"k", "z", "t"}, col(bk...), col(bz...), col(bt...)),
	}
}

// randomQuery builds a random well-formed query. sqliteOK is false when the
// result depends on choices SQLite makes differently (LIMIT after ORDER BY
// with ties, DAPHNE's ascending order of groups is compared as a multiset
// anyway).
func randomQuery(r *rand.Rand) (q string, sqliteOK bool) {
	pick := func(xs ...string) string { return xs[r.IntN(len(xs))] }
	withB := r.IntN(3) > 0
	from := "a"
	var conds []string
	if withB {
		switch r.IntN(4) {
		case 0:
			from = "a, b"
		case 1:
			from = "a JOIN b ON a.k = b.k"
		case 2:
			from = "a INNER JOIN b ON b.k = a.k AND a.x <= b.z"
		default:
			from = "b, a"
			conds = append(conds, "a.k = b.k")
		}
	}
	aPreds := []string{"a.x > 0", "a.y BETWEEN -1 AND 1.5", "a.s = 'p' OR a.x < -2", "NOT a.x = 1", "a.x * 2 + 1 >= a.k", "a.s <> 'q' AND a.y < 1", "a.x NOT BETWEEN -2 AND 2", "(a.x - a.k) / 2 = 0"}
	bPreds := []string{"b.t <> 'q'", "b.z >= 0", "b.z * a.y < 1", "a.s = b.t OR b.z = 2"}
	if r.IntN(3) > 0 {
		conds = append(conds, pick(aPreds...))
	}
	if withB && r.IntN(2) == 0 {
		conds = append(conds, pick(bPreds...))
	}
	where := ""
	if len(conds) > 0 {
		where = " WHERE " + strings.Join(conds, " AND ")
	}
	if r.IntN(2) == 0 { // grouped
		keys := []string{pick("a.k", "a.s", "a.x / 3")}
		if r.IntN(2) == 0 {
			keys = append(keys, pick("a.y", "a.x > 0"))
		}
		if withB && r.IntN(3) == 0 {
			keys = append(keys, "b.t")
		}
		aggs := []string{"count(*)", "sum(a.x)", "avg(a.y)", "min(a.s)", "max(a.x * 2)", "sum(a.y)", "min(a.y) + max(a.x)", "count(a.x) * 2"}
		if withB {
			aggs = append(aggs, "sum(b.z)", "max(b.t)", "avg(a.x + b.z)")
		}
		var items []string
		for _, k := range keys {
			if r.IntN(4) > 0 {
				items = append(items, k)
			}
		}
		seen := map[string]bool{}
		for n := 1 + r.IntN(3); n > 0; n-- {
			a := pick(aggs...)
			if !seen[a] {
				seen[a] = true
				items = append(items, a)
			}
		}
		q = "SELECT " + strings.Join(items, ", ") + " FROM " + from + where + " GROUP BY " + strings.Join(keys, ", ")
		if r.IntN(2) == 0 {
			q += " HAVING " + pick("count(*) > 1", "sum(a.x) >= 0", "min(a.y) < 0 OR count(*) = 1")
		}
		if r.IntN(2) == 0 {
			q += " ORDER BY " + pick(items...) + pick("", " DESC")
		}
		return q, true
	}
	exprs := []string{"a.k", "a.x + 1", "a.y * a.x", "a.s", "a.x / 2", "-a.y", "a.x > a.k", "a.y - 0.5"}
	if withB {
		exprs = append(exprs, "b.t", "b.z", "a.x * b.z", "b.k = a.k")
	}
	var items []string
	seen := map[string]bool{}
	for n := 1 + r.IntN(3); n > 0; n-- {
		e := pick(exprs...)
		if !seen[e] {
			seen[e] = true
			items = append(items, e)
		}
	}
	distinct := r.IntN(3) == 0
	if !distinct && r.IntN(5) == 0 {
		items = []string{pick("*", "a.*")} // alone: a star's labels may repeat another item's
		if withB && r.IntN(2) == 0 {
			items = []string{"a.*", "b.t"}
		}
	}
	q = "SELECT "
	if distinct {
		q += "DISTINCT "
	}
	q += strings.Join(items, ", ") + " FROM " + from + where
	sqliteOK = true
	if r.IntN(2) == 0 {
		key := pick(items[0], fmt.Sprint(1+r.IntN(len(items))))
		if strings.HasSuffix(key, "*") {
			key = fmt.Sprint(1 + r.IntN(3))
		}
		q += " ORDER BY " + key + pick("", " DESC", " ASC")
		if r.IntN(3) == 0 {
			q += " LIMIT " + fmt.Sprint(r.IntN(6))
			sqliteOK = false
		}
	}
	return q, sqliteOK
}

// TestAgainstReference runs random queries on random views through the
// executor and the naive reference and compares labels, value types
// (through the values) and rows in order.
func TestAgainstReference(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 400; i++ {
		views := randomViews(t, r, r.IntN(30), r.IntN(12))
		q, _ := randomQuery(r)
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			checkReference(t, views, q)
		})
	}
}

func checkReference(t *testing.T, views map[string]*data.Frame, q string) {
	t.Helper()
	parsed, err := sqlast.Parse(q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	f, err := Exec(views, parsed)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	want, labels := refRun(views, parsed)
	if strings.Join(f.Labels(), "|") != strings.Join(labels, "|") {
		t.Fatalf("%s:\nlabels %q, want %q", q, f.Labels(), labels)
	}
	got := frameRows(f)
	if len(got) != len(want) {
		t.Fatalf("%s:\n%d rows, want %d\ngot:\n%swant:\n%s", q, len(got), len(want), rowsString(got), rowsString(want))
	}
	for i := range got {
		for j := range got[i] {
			if !sameValue(got[i][j], want[i][j]) {
				t.Fatalf("%s:\nrow %d column %d: %v, want %v\ngot:\n%swant:\n%s", q, i, j, got[i][j], want[i][j], rowsString(got), rowsString(want))
			}
		}
	}
}

// TestGroupManyKeys groups by an integer key with more distinct values
// than the map coding takes (the radix-sort path), negative ones included,
// against the reference.
func TestGroupManyKeys(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(5, 6))
	n := 2 * mapLimit
	k, x := make([]int64, n), make([]int64, n)
	for i := range k {
		k[i], x[i] = r.Int64N(1<<40)-1<<39, r.Int64N(100)
		if i%3 == 0 {
			k[i] = k[r.IntN(i+1)] // repeated keys
		}
	}
	k[0], k[1] = math.MinInt64, math.MaxInt64
	if _, _, sorted := groupCodes([]vec{{k: kInt, i: k}}); !sorted {
		t.Fatal("the keys did not take the radix path")
	}
	views := map[string]*data.Frame{"a": frame(t, []string{"k", "x"}, col(k...), col(x...))}
	checkReference(t, views, "SELECT a.k, count(*), sum(a.x), min(a.x) FROM a GROUP BY a.k")
	checkReference(t, views, "SELECT DISTINCT a.k FROM a ORDER BY a.k DESC")
}

func TestRadixCodes(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		xs    []int64
		codes []int32
		first []int32
	}{
		{"empty", nil, []int32{}, nil},
		{"one", []int64{7}, []int32{0}, []int32{0}},
		{"signs", []int64{3, -1, 3, math.MinInt64, 0, -1}, []int32{3, 1, 3, 0, 2, 1}, []int32{3, 1, 4, 0}},
		{"high bytes", []int64{1 << 40, 1, 1 << 40, 1<<40 + 1}, []int32{1, 0, 1, 2}, []int32{1, 0, 3}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			codes, first := radixCodes(tc.xs)
			if !slices.Equal(codes, tc.codes) || !slices.Equal(first, tc.first) {
				t.Fatalf("radixCodes(%v) = %v, %v, want %v, %v", tc.xs, codes, first, tc.codes, tc.first)
			}
		})
	}
}
