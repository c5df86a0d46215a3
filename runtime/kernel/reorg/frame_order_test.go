package reorg

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
)

func TestOrderFrame(t *testing.T) {
	t.Parallel()
	// name (str), grp (si64), val (f64 with a NaN), ok (bool)
	people := frameOf(t, []string{"name", "grp", "val", "ok"},
		col("bo", "al", "cy", "al", "di"),
		col[int64](2, 1, 2, 1, 1),
		col(0.5, math.NaN(), -1, 3, 0.5),
		col(true, false, true, true, false))
	hdr := "Frame(5x4, [name:std::string, grp:int64_t, val:double, ok:bool])\n"
	tests := []struct {
		name    string
		cols    []int
		ascs    []bool
		indexes bool
		want    string
	}{
		{"string asc stable", []int{0}, []bool{true}, false, hdr + "al 1 nan 0\nal 1 3 1\nbo 2 0.5 1\ncy 2 -1 1\ndi 1 0.5 0\n"},
		{"string desc", []int{0}, []bool{false}, false, hdr + "di 1 0.5 0\ncy 2 -1 1\nbo 2 0.5 1\nal 1 nan 0\nal 1 3 1\n"},
		{"int then string desc", []int{1, 0}, []bool{true, false}, false, hdr + "di 1 0.5 0\nal 1 nan 0\nal 1 3 1\ncy 2 -1 1\nbo 2 0.5 1\n"},
		{"float nan first", []int{2}, []bool{true}, false, hdr + "al 1 nan 0\ncy 2 -1 1\nbo 2 0.5 1\ndi 1 0.5 0\nal 1 3 1\n"},
		{"bool desc then float", []int{3, 2}, []bool{false, false}, false, hdr + "al 1 3 1\nbo 2 0.5 1\ncy 2 -1 1\ndi 1 0.5 0\nal 1 nan 0\n"},
		{"indexes", []int{1, 0}, []bool{true, false}, true, "DenseMatrix(5x1, uint64_t)\n4\n1\n3\n2\n0\n"},
		{"bad column", []int{4}, []bool{true}, false, "error: order: column index 4 is out of range for Frame(5x4"},
		{"no keys", nil, nil, false, "error: at least one"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res, err := OrderFrame(people, tc.cols, tc.ascs, tc.indexes)
			checkValue(t, res, err, tc.want)
		})
	}
}

func TestOrderFrameEveryType(t *testing.T) {
	t.Parallel()
	// Rows 0 and 1 of allTypes(shift 1) differ in every column; sorting by
	// any single column descending puts the larger first.
	f := allTypes(t, "", 1)
	for j := 0; j < f.Cols(); j++ {
		res, err := OrderFrame(f, []int{j}, []bool{true}, true)
		if err != nil {
			t.Fatalf("column %s: %v", f.Label(j), err)
		}
		got := res.(*data.Dense[uint64]).Data
		first := got[0]
		// Ascending: the smaller of the two cells comes first.
		a, _ := data.MatrixCell(f.Column(j), 0, 0)
		b, _ := data.MatrixCell(f.Column(j), 1, 0)
		want := uint64(0)
		if lessScalar(b, a) {
			want = 1
		}
		if first != want {
			t.Errorf("column %s (%v, %v): permutation %v, want %d first", f.Label(j), a, b, got, want)
		}
	}
}

// lessScalar orders two scalars of one value type (a test model).
func lessScalar(a, b *data.Scalar) bool {
	switch {
	case a.VT.IsFloat():
		return a.F < b.F
	case a.VT.IsUnsigned():
		return a.U < b.U
	case a.VT.IsSigned():
		return a.I < b.I
	case a.VT.String() == "str":
		return a.S < b.S
	}
	return !a.Truth() && b.Truth()
}

func TestOrderOpFrame(t *testing.T) {
	t.Parallel()
	r := ops.NewRegistry()
	Register(r)
	op, _ := r.Lookup("order")
	f := frameOf(t, []string{"k", "v"}, col("b", "a", "c"), col[int64](1, 2, 3))
	res, err := op(nil, []data.Value{f, data.Str("k"), data.Bool(false), data.Bool(false)}, nil)
	checkValue(t, firstOr(res), err, "Frame(3x2, [k:std::string, v:int64_t])\nc 3\nb 1\na 2\n")
	res, err = op(nil, []data.Value{f, data.SI64(1), data.Bool(false), data.Bool(true)}, nil)
	checkValue(t, firstOr(res), err, "DenseMatrix(3x1, uint64_t)\n2\n1\n0\n")
	_, err = op(nil, []data.Value{f, data.Str("x"), data.Bool(true), data.Bool(false)}, nil)
	checkValue(t, nil, err, `error: order: sort column 0: frame has no column labelled "x" (its labels are ["k", "v"])`)
	_, err = op(nil, []data.Value{f, data.SI64(2), data.Bool(true), data.Bool(false)}, nil)
	checkValue(t, nil, err, "error: order: column index 2 is out of range")
	empty := frameOf(t, []string{"k"}, col[string]())
	res, err = op(nil, []data.Value{empty, data.SI64(0), data.Bool(true), data.Bool(false)}, nil)
	checkValue(t, firstOr(res), err, "Frame(0x1, [k:std::string])\n")
}

func firstOr(vs []data.Value) data.Value {
	if len(vs) == 0 {
		return nil
	}
	return vs[0]
}

// TestSortByRanksPackedAndFallback checks that the packed-key sort and the
// rank-by-rank sort (taken when the distinct counts overflow 64 bits) give
// the same stable order on random ranks.
func TestSortByRanksPackedAndFallback(t *testing.T) {
	t.Parallel()
	for seed := uint64(0); seed < 20; seed++ {
		r := rand.New(rand.NewPCG(seed, 7))
		n, k := 1+r.IntN(50), 1+r.IntN(3)
		ranks := make([][]uint32, k)
		distinct := make([]uint64, k)
		huge := make([]uint64, k)
		for j := range ranks {
			d := 1 + r.IntN(5)
			ranks[j] = make([]uint32, n)
			for i := range ranks[j] {
				ranks[j][i] = uint32(r.IntN(d))
			}
			distinct[j] = uint64(d)
			huge[j] = 1 << 40
		}
		if _, ok := packRanks(ranks, huge, n); ok && k > 1 {
			t.Fatalf("packRanks accepted distinct counts that overflow 64 bits")
		}
		packed := sortByRanks(ranks, distinct, n)
		if k > 1 {
			fallback := sortByRanks(ranks, huge, n)
			if !slices.Equal(packed, fallback) {
				t.Fatalf("seed %d: packed %v, fallback %v", seed, packed, fallback)
			}
		}
		for i := 1; i < n; i++ {
			a, b := packed[i-1], packed[i]
			for j := range ranks {
				if ranks[j][a] != ranks[j][b] {
					if ranks[j][a] > ranks[j][b] {
						t.Fatalf("seed %d: rows %d, %d out of order", seed, a, b)
					}
					break
				}
				if j == k-1 && a > b {
					t.Fatalf("seed %d: equal rows %d, %d not in input order", seed, a, b)
				}
			}
		}
	}
}
