package opset

import (
	"fmt"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
	"github.com/daphne-go/daphne/types"
)

// TestAggregationAxesMatchAll checks the row, column and grouped forms of
// every aggregation against its All form: cell i of stemRow(X) is
// stemAll(X[i, ]), cell j of stemCol(X) is stemAll(X[, j]), and cell
// (g, j) of stemGrp(X, ids, k) is stemAll of column j over the rows of
// group g (rows selected with filter). Every test shape, numeric value type
// and representation; the fuzz values of FuzzOpShapes are not used here.
func TestAggregationAxesMatchAll(t *testing.T) {
	reg := Default()
	vts := append(append([]types.ValueType{}, numericVTs...), types.Size)
	for _, stem := range aggStems {
		t.Run(stem, func(t *testing.T) {
			for _, s := range testShapes {
				for _, vt := range vts {
					for _, sparse := range []bool{false, true} {
						e := env{r: s.r, c: s.c, vt: vt, sparse: sparse}
						for _, msg := range axesMatchAll(reg, stem, e) {
							t.Errorf("%s on %s: %s", stem, e, msg)
						}
					}
				}
			}
		})
	}
}

// axesMatchAll returns the mismatches of stem's Row, Col and Grp forms
// against its All form on the env's matrix.
func axesMatchAll(reg *ops.Registry, stem string, e env) []string {
	x := e.x()
	var bad []string
	slice := func(form string, k int) call {
		if form == "Row" {
			return withAttrs(call{args: []data.Value{x, si64(int64(k))}}, "rows", "at", "cols", "all")
		}
		return withAttrs(call{args: []data.Value{x, si64(int64(k))}}, "rows", "all", "cols", "at")
	}
	for _, form := range []string{"Row", "Col"} {
		res, err := single(reg, stem+form, call{args: []data.Value{x}})
		if err != nil {
			continue // an error (min of no cells) is TestOpShapes's business
		}
		m := res.(data.Matrix)
		n := m.Rows()
		if form == "Col" {
			n = m.Cols()
		}
		for k := range n {
			part, err := single(reg, "extract", slice(form, k))
			if err != nil {
				return append(bad, fmt.Sprintf("extract %s %d: %v", form, k, err))
			}
			bad = append(bad, cellMatchesAll(reg, stem, m, k, part, fmt.Sprintf("%s%s cell %d", stem, form, k))...)
		}
	}
	return append(bad, groupsMatchAll(reg, stem, e)...)
}

// groupsMatchAll checks stemGrp(X, ids, 3) with ids k mod 3 per row.
func groupsMatchAll(reg *ops.Registry, stem string, e env) []string {
	x := e.x()
	ids := patterned(types.SI64, e.r, 1, false, func(k int) float64 { return float64(k % 3) })
	res, err := single(reg, stem+"Grp", call{args: []data.Value{x, ids, si64(3)}})
	if err != nil {
		return nil
	}
	m := res.(data.Matrix)
	var bad []string
	for g := range m.Rows() {
		bits := patterned(types.SI64, e.r, 1, false, func(k int) float64 { return float64(b2i(k%3 == g)) })
		rows, err := single(reg, "filter", withAttrs(call{args: []data.Value{x, bits}}, "rows", "at", "cols", "all"))
		if err != nil {
			return append(bad, fmt.Sprintf("filter group %d: %v", g, err))
		}
		if rows.(data.Matrix).Rows() == 0 {
			continue // an empty group's value is the kernel's choice
		}
		for j := range m.Cols() {
			col, err := single(reg, "extract", withAttrs(call{args: []data.Value{rows, si64(int64(j))}}, "rows", "all", "cols", "at"))
			if err != nil {
				return append(bad, fmt.Sprintf("extract column %d: %v", j, err))
			}
			bad = append(bad, cellMatchesAll(reg, stem, m, g*m.Cols()+j, col, fmt.Sprintf("%sGrp cell (%d, %d)", stem, g, j))...)
		}
	}
	return bad
}

// cellMatchesAll compares row-major cell k of m with stemAll(part).
func cellMatchesAll(reg *ops.Registry, stem string, m data.Matrix, k int, part data.Value, what string) []string {
	want, err := single(reg, stem+"All", call{args: []data.Value{part}})
	if err != nil {
		return nil // no value over no cells
	}
	got, err := data.MatrixCell(m, k/m.Cols(), k%m.Cols())
	if err != nil {
		return []string{err.Error()}
	}
	if w := want.(*data.Scalar); !sameCell(got, w) {
		return []string{fmt.Sprintf("%s is %+v, but %sAll of %s is %+v", what, *got, stem, data.Describe(part), *w)}
	}
	return nil
}

// single runs an op expected to give one result, as an error on failure.
func single(reg *ops.Registry, op string, cl call) (data.Value, error) {
	out, bad := runCall(reg, op, cl)
	switch {
	case len(bad) > 0:
		return nil, fmt.Errorf("%v", bad)
	case out.err != nil:
		return nil, out.err
	}
	return out.res[0], nil
}

// aggStem returns the stem of an aggregation op with All, Row, Col and Grp
// forms ("sum" for sumRow).
func aggStem(op string) (string, bool) {
	for _, stem := range aggStems {
		if len(op) == len(stem)+3 && op[:len(stem)] == stem {
			return stem, true
		}
	}
	return "", false
}
