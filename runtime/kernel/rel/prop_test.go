package rel

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// Property tests: every operator against a nested-loop reference written
// here, on random frames with duplicate keys, missing matches, empty inputs,
// NaN and -0 keys, string keys, key columns of differing value types and two
// key columns; each run sequentially and on the parallel path.

// keyTypes are the (lhs, rhs) key value types the random joins draw from.
var keyTypes = [][2]types.ValueType{
	{types.SI64, types.SI64}, {types.F64, types.F64}, {types.Str, types.Str},
	{types.SI64, types.F64}, {types.UI8, types.SI64}, {types.SI32, types.Str},
	{types.F32, types.F32}, {types.Bool, types.Bool}, {types.Size, types.UI64},
}

// randKeys returns n keys of value type vt from a small domain.
func randKeys(r *rand.Rand, vt types.ValueType, n, domain int) data.Matrix {
	m, err := data.NewDenseOf(vt, n, 1)
	if err != nil {
		panic(err)
	}
	for i := 0; i < n; i++ {
		k := r.IntN(domain)
		switch d := m.(type) {
		case *data.Dense[float64]:
			d.Data[i] = float64(k)
			if r.IntN(8) == 0 {
				d.Data[i] = []float64{math.NaN(), math.Copysign(0, -1), 0.5}[r.IntN(3)]
			}
		case *data.Dense[float32]:
			d.Data[i] = float32(k)
			if r.IntN(8) == 0 {
				d.Data[i] = float32(math.NaN())
			}
		case *data.Dense[int64]:
			d.Data[i] = int64(k)
		case *data.Dense[int32]:
			d.Data[i] = int32(k)
		case *data.Dense[uint8]:
			d.Data[i] = uint8(k)
		case *data.Dense[uint64]:
			d.Data[i] = uint64(k)
		case *data.Dense[bool]:
			d.Data[i] = k%2 == 1
		case *data.Dense[string]:
			d.Data[i] = strconv.Itoa(k)
			if r.IntN(6) == 0 {
				d.Data[i] = "s" + strconv.Itoa(k)
			}
		default:
			panic(fmt.Sprintf("randKeys: %T", m))
		}
	}
	return m
}

// randSide returns a frame of n rows: k key columns p0.. of the given types,
// an id column and an f64 value column, all labelled with prefix p.
func randSide(r *rand.Rand, p string, n, domain int, vts []types.ValueType) *data.Frame {
	var cols []data.Matrix
	var labels []string
	for j, vt := range vts {
		cols = append(cols, randKeys(r, vt, n, domain))
		labels = append(labels, p+strconv.Itoa(j))
	}
	id, v := make([]int64, n), make([]float64, n)
	for i := range id {
		id[i], v[i] = int64(i), float64(r.IntN(1000))/8
	}
	cols = append(cols, data.DenseFrom(n, 1, id), data.DenseFrom(n, 1, v))
	labels = append(labels, p+"id", p+"v")
	f, err := data.NewFrame(cols, labels)
	if err != nil {
		panic(err)
	}
	return f
}

// propCase is one random input.
type propCase struct {
	lhs, rhs   *data.Frame
	lOn, rOn   []string
	lk, rk     []data.Matrix
	setL, setR *data.Frame // frames of equal schema for the set operations
}

func newPropCase(t *testing.T, seed uint64) propCase {
	r := rand.New(rand.NewPCG(seed, 7))
	k := 1 + r.IntN(2)
	var lt, rt []types.ValueType
	for j := 0; j < k; j++ {
		p := keyTypes[r.IntN(len(keyTypes))]
		lt, rt = append(lt, p[0]), append(rt, p[1])
	}
	domain := 1 + r.IntN(6)
	nl, nr := r.IntN(25), r.IntN(25)
	if seed%10 == 0 {
		nl = 0
	}
	if seed%10 == 1 {
		nr = 0
	}
	c := propCase{lhs: randSide(r, "l", nl, domain, lt), rhs: randSide(r, "r", nr, domain, rt)}
	for j := 0; j < k; j++ {
		c.lOn, c.rOn = append(c.lOn, "l"+strconv.Itoa(j)), append(c.rOn, "r"+strconv.Itoa(j))
	}
	c.lk, c.rk = keyColumns(t, c.lhs, c.lOn), keyColumns(t, c.rhs, c.rOn)
	c.setL = mkFrame(t, c.lOn, c.lk...)
	c.setR = mkFrame(t, c.lOn, keyColumns(t, randSide(r, "l", r.IntN(25), domain, lt), c.lOn)...)
	return c
}

func joinHeader(rows int, l, r *data.Frame) string {
	return header(rows, append(l.Labels(), r.Labels()...), append(l.Schema(), r.Schema()...))
}

// naiveJoin returns the row pairs of the join in nested-loop order.
func naiveJoin(t *testing.T, c propCase, kind joinKind) (li, ri []int) {
	for i := 0; i < c.lhs.Rows(); i++ {
		n := 0
		for j := 0; j < c.rhs.Rows(); j++ {
			if rowsMatch(t, c.lk, c.rk, i, j, false) {
				li, ri = append(li, i), append(ri, j)
				n++
			}
		}
		if n == 0 && kind != innerKind {
			li, ri = append(li, i), append(ri, -1)
		}
	}
	if kind == fullKind {
		for j := 0; j < c.rhs.Rows(); j++ {
			matched := false
			for i := 0; i < c.lhs.Rows() && !matched; i++ {
				matched = rowsMatch(t, c.lk, c.rk, i, j, false)
			}
			if !matched {
				li, ri = append(li, -1), append(ri, j)
			}
		}
	}
	return li, ri
}

// naiveMatched returns the lhs rows with (matched) or without a match.
func naiveMatched(t *testing.T, c propCase, matched bool) []int {
	var rows []int
	for i := 0; i < c.lhs.Rows(); i++ {
		m := false
		for j := 0; j < c.rhs.Rows() && !m; j++ {
			m = rowsMatch(t, c.lk, c.rk, i, j, false)
		}
		if m == matched {
			rows = append(rows, i)
		}
	}
	return rows
}

func compareScalars(a, b *data.Scalar) int {
	switch {
	case a.VT == types.Str:
		return strings.Compare(a.S, b.S)
	case a.VT.IsFloat():
		return cmp.Compare(a.F, b.F)
	case a.VT.IsUnsigned():
		return cmp.Compare(a.U, b.U)
	}
	return cmp.Compare(a.I, b.I)
}

func f64Text(v float64) string { return data.FormatScalar(&data.Scalar{VT: types.F64, F: v}) }

// naiveGroupSum returns the expected print of GroupSum(lhs, lOn, "lv").
func naiveGroupSum(t *testing.T, c propCase) string {
	var reps []int
	var sums []float64
	v := c.lhs.Column(c.lhs.Cols() - 1).(*data.Dense[float64]).Data
	for i := 0; i < c.lhs.Rows(); i++ {
		g := -1
		for k, rep := range reps {
			if rowsMatch(t, c.lk, c.lk, rep, i, true) {
				g = k
				break
			}
		}
		if g < 0 {
			g, reps, sums = len(reps), append(reps, i), append(sums, 0)
		}
		sums[g] += v[i]
	}
	order := make([]int, len(reps))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		for _, kc := range c.lk {
			if d := compareScalars(cell(t, kc, reps[order[a]]), cell(t, kc, reps[order[b]])); d != 0 {
				return d < 0
			}
		}
		return false
	})
	schema := append(c.lhs.Schema()[:len(c.lk)], types.F64)
	var b strings.Builder
	b.WriteString(header(len(reps), append(append([]string(nil), c.lOn...), "SUM(lv)"), schema) + "\n")
	for _, g := range order {
		var cells []string
		for _, kc := range c.lk {
			cells = append(cells, cellText(t, kc, reps[g]))
		}
		b.WriteString(strings.Join(append(cells, f64Text(sums[g])), " ") + "\n")
	}
	return b.String()
}

// naiveGroupJoin returns the expected prints of GroupJoin(lhs, rhs, l0, r0, "rv").
func naiveGroupJoin(t *testing.T, c propCase) (string, string) {
	rv := c.rhs.Column(c.rhs.Cols() - 1).(*data.Dense[float64]).Data
	var rows []int
	var sums []float64
	for i := 0; i < c.lhs.Rows(); i++ {
		dup := false
		for _, p := range rows {
			dup = dup || rowsMatch(t, c.lk[:1], c.lk[:1], p, i, false)
		}
		for _, p := range naiveSeen(t, c, i) {
			dup = dup || p
		}
		if dup {
			continue
		}
		s, n := 0.0, 0
		for j := 0; j < c.rhs.Rows(); j++ {
			if rowsMatch(t, c.lk[:1], c.rk[:1], i, j, false) {
				s += rv[j]
				n++
			}
		}
		if n > 0 {
			rows, sums = append(rows, i), append(sums, s)
		}
	}
	var b, p strings.Builder
	b.WriteString(header(len(rows), []string{"l0", "SUM(rv)"}, []types.ValueType{c.lk[0].ValueType(), types.F64}) + "\n")
	p.WriteString(fmt.Sprintf("DenseMatrix(%dx1, uint64_t)\n", len(rows)))
	for k, i := range rows {
		b.WriteString(cellText(t, c.lk[0], i) + " " + f64Text(sums[k]) + "\n")
		p.WriteString(strconv.Itoa(i) + "\n")
	}
	return b.String(), p.String()
}

// naiveSeen reports, for each earlier lhs row, whether its key equals row i's
// (a key seen before without a match is still not a new group).
func naiveSeen(t *testing.T, c propCase, i int) []bool {
	seen := make([]bool, i)
	for p := 0; p < i; p++ {
		seen[p] = rowsMatch(t, c.lk[:1], c.lk[:1], p, i, false)
	}
	return seen
}

// naiveSet returns the expected print of Intersect (keep) or Except.
func naiveSet(t *testing.T, c propCase, keep bool) string {
	lk := keyColumns(t, c.setL, c.lOn)
	rk := keyColumns(t, c.setR, c.lOn)
	var rows []int
	for i := 0; i < c.setL.Rows(); i++ {
		dup := false
		for p := 0; p < i && !dup; p++ {
			dup = rowsMatch(t, lk, lk, p, i, true)
		}
		if dup {
			continue
		}
		found := false
		for j := 0; j < c.setR.Rows() && !found; j++ {
			found = rowsMatch(t, lk, rk, i, j, true)
		}
		if found == keep {
			rows = append(rows, i)
		}
	}
	return pairText(t, header(len(rows), c.setL.Labels(), c.setL.Schema()), c.setL, nil, rows, nil)
}

var propOptions = map[string]Options{
	"sequential": {},
	"parallel":   {Threads: 3, ParallelRows: 2},
}

func TestAgainstNestedLoops(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for seed := uint64(0); seed < 300; seed++ {
		c := newPropCase(t, seed)
		for oname, o := range propOptions {
			name := fmt.Sprintf("seed%d/%s", seed, oname)
			check := func(op string, got data.Value, err error, want string) {
				t.Helper()
				if err != nil {
					t.Fatalf("%s %s: %v", name, op, err)
				}
				if s := printed(t, got); s != want {
					t.Errorf("%s %s on\n%s%s\ngot\n%swant\n%s", name, op, printed(t, c.lhs), printed(t, c.rhs), s, want)
				}
			}
			for _, kind := range []joinKind{innerKind, leftKind, fullKind} {
				li, ri := naiveJoin(t, c, kind)
				got, err := join(ctx, "join", c.lhs, c.rhs, c.lOn, c.rOn, kind, o)
				check(fmt.Sprint("join kind ", kind), got, err, pairText(t, joinHeader(len(li), c.lhs, c.rhs), c.lhs, c.rhs, li, ri))
			}
			anti := naiveMatched(t, c, false)
			got, err := AntiJoin(ctx, c.lhs, c.rhs, c.lOn, c.rOn, o)
			check("antiJoin", got, err, pairText(t, header(len(anti), c.lhs.Labels(), c.lhs.Schema()), c.lhs, nil, anti, nil))

			gs, err := GroupSum(ctx, c.lhs, c.lOn, "lv", o)
			check("groupSum", gs, err, naiveGroupSum(t, c))

			inter, err := Intersect(ctx, c.setL, c.setR, o)
			check("intersect", inter, err, naiveSet(t, c, true))
			exc, err := Except(ctx, c.setL, c.setR, o)
			check("except", exc, err, naiveSet(t, c, false))

			if len(c.lOn) == 1 {
				c1 := c
				semi := naiveMatchedOne(t, c1)
				sf, sp, err := SemiJoin(ctx, c.lhs, c.rhs, c.lOn[0], c.rOn[0], o)
				check("semiJoin", sf, err, pairText(t, header(len(semi), c.lOn, c.lhs.Schema()[:1]), mkFrame(t, c.lOn, c.lk[0]), nil, semi, nil))
				check("semiJoin positions", sp, nil, positionsText(semi))
				wf, wp := naiveGroupJoin(t, c)
				gf, gp, err := GroupJoin(ctx, c.lhs, c.rhs, c.lOn[0], c.rOn[0], "rv", o)
				check("groupJoin", gf, err, wf)
				check("groupJoin positions", gp, nil, wp)
			}
			var li, ri []int
			for i := 0; i < c.lhs.Rows(); i++ {
				for j := 0; j < c.rhs.Rows(); j++ {
					li, ri = append(li, i), append(ri, j)
				}
			}
			cart, err := Cartesian(ctx, c.lhs, c.rhs, o)
			check("cartesian", cart, err, pairText(t, joinHeader(len(li), c.lhs, c.rhs), c.lhs, c.rhs, li, ri))
		}
	}
}

func naiveMatchedOne(t *testing.T, c propCase) []int { return naiveMatched(t, c, true) }

func positionsText(rows []int) string {
	var b strings.Builder
	b.WriteString(fmt.Sprintf("DenseMatrix(%dx1, uint64_t)\n", len(rows)))
	for _, r := range rows {
		b.WriteString(strconv.Itoa(r) + "\n")
	}
	return b.String()
}
