package index

import (
	"math"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
)

type v = data.Value

func si(i int64) *data.Scalar    { return data.SI64(i) }
func f64(f float64) *data.Scalar { return data.F64(f) }

// runOp calls a registered op the way the interpreter does.
func runOp(t *testing.T, name string, args []data.Value, attrs map[string]string) ([]data.Value, error) {
	t.Helper()
	r := ops.NewRegistry()
	Register(r)
	f, ok := r.Lookup(name)
	if !ok {
		t.Fatalf("op %s not registered", name)
	}
	return f(&ops.Ctx{}, args, attrs)
}

func TestExtract(t *testing.T) {
	t.Parallel()
	x := seqMat(3, 4) // [0 1 2 3; 4 5 6 7; 8 9 10 11]
	strs := mat(2, 3, "a", "b", "c", "d", "e", "f")
	bools := mat(2, 2, true, false, false, true)
	f32s := mat[float32](2, 2, 1.5, 2.5, 3.5, 4.5)
	tests := []struct {
		name       string
		x          data.Value
		rows, cols string
		args       []data.Value
		want, err  string
	}{
		{"all all", x, "all", "all", nil, "Dense 3x4 si64 [0 1 2 3; 4 5 6 7; 8 9 10 11]", ""},
		{"colon colon", x, ":", ":", nil, "Dense 3x4 si64 [0 1 2 3; 4 5 6 7; 8 9 10 11]", ""},
		{"row at", x, "at", "all", []v{si(1)}, "Dense 1x4 si64 [4 5 6 7]", ""},
		{"row at negative", x, "at", "all", []v{si(-1)}, "Dense 1x4 si64 [8 9 10 11]", ""},
		{"row at most negative", x, "at", "all", []v{si(-3)}, "Dense 1x4 si64 [0 1 2 3]", ""},
		{"row at float truncates", x, "at", "all", []v{f64(1.7)}, "Dense 1x4 si64 [4 5 6 7]", ""},
		{"row at negative float truncates toward zero", x, "at", "all", []v{f64(-0.5)}, "Dense 1x4 si64 [0 1 2 3]", ""},
		{"row at size", x, "at", "all", []v{data.SizeScalar(2)}, "Dense 1x4 si64 [8 9 10 11]", ""},
		{"row at bool", x, "at", "all", []v{data.Bool(true)}, "Dense 1x4 si64 [4 5 6 7]", ""},
		{"cell", x, "at", "at", []v{si(1), si(2)}, "Dense 1x1 si64 [6]", ""},
		{"cell negative", x, "at", "at", []v{si(-1), si(-1)}, "Dense 1x1 si64 [11]", ""},
		{"col at", x, "all", "at", []v{si(2)}, "Dense 3x1 si64 [2; 6; 10]", ""},
		{"row range", x, "lo:hi", "all", []v{si(1), si(3)}, "Dense 2x4 si64 [4 5 6 7; 8 9 10 11]", ""},
		{"row range empty", x, "lo:hi", "all", []v{si(2), si(2)}, "Dense 0x4 si64 []", ""},
		{"row range from zero empty", x, "lo:hi", "all", []v{si(0), si(0)}, "Dense 0x4 si64 []", ""},
		{"row from", x, "lo:", "all", []v{si(1)}, "Dense 2x4 si64 [4 5 6 7; 8 9 10 11]", ""},
		{"row from negative", x, "lo:", "all", []v{si(-1)}, "Dense 1x4 si64 [8 9 10 11]", ""},
		{"row to", x, ":hi", "all", []v{si(2)}, "Dense 2x4 si64 [0 1 2 3; 4 5 6 7]", ""},
		{"row to negative", x, ":hi", "all", []v{si(-1)}, "Dense 2x4 si64 [0 1 2 3; 4 5 6 7]", ""},
		{"row range negative lower zero upper", x, "lo:hi", "all", []v{si(-2), si(0)}, "Dense 2x4 si64 [4 5 6 7; 8 9 10 11]", ""},
		{"row range negative both", x, "lo:hi", "all", []v{si(-3), si(-1)}, "Dense 2x4 si64 [0 1 2 3; 4 5 6 7]", ""},
		{"row range positive lower negative upper", x, "lo:hi", "all", []v{si(1), si(-1)}, "Dense 1x4 si64 [4 5 6 7]", ""},
		{"row range floats", x, "lo:hi", "all", []v{f64(0.9), f64(2.9)}, "Dense 2x4 si64 [0 1 2 3; 4 5 6 7]", ""},
		{"col range", x, "all", "lo:hi", []v{si(1), si(3)}, "Dense 3x2 si64 [1 2; 5 6; 9 10]", ""},
		{"col from", x, "all", "lo:", []v{si(3)}, "Dense 3x1 si64 [3; 7; 11]", ""},
		{"col to", x, "all", ":hi", []v{si(1)}, "Dense 3x1 si64 [0; 4; 8]", ""},
		{"row range col at", x, "lo:hi", "at", []v{si(0), si(2), si(3)}, "Dense 2x1 si64 [3; 7]", ""},
		{"row positions", x, "at", "all", []v{colVec(2, 0, 2, -3)}, "Dense 4x4 si64 [8 9 10 11; 0 1 2 3; 8 9 10 11; 0 1 2 3]", ""},
		{"col positions", x, "all", "at", []v{colVec(3, 0)}, "Dense 3x2 si64 [3 0; 7 4; 11 8]", ""},
		{"both positions", x, "at", "at", []v{colVec(1), colVec(-1, 1)}, "Dense 1x2 si64 [7 5]", ""},
		{"float positions", x, "at", "all", []v{mat[float64](2, 1, 1.9, -1.2)}, "Dense 2x4 si64 [4 5 6 7; 8 9 10 11]", ""},
		{"empty positions", x, "at", "all", []v{colVec()}, "Dense 0x4 si64 []", ""},
		{"str row", strs, "at", "all", []v{si(1)}, `Dense 1x3 str ["d" "e" "f"]`, ""},
		{"str cell range", strs, "at", "lo:hi", []v{si(-1), si(0), si(2)}, `Dense 1x2 str ["d" "e"]`, ""},
		{"str positions", strs, "at", "at", []v{colVec(1, 0), colVec(2)}, `Dense 2x1 str ["f"; "c"]`, ""},
		{"bool cols", bools, "all", "at", []v{si(1)}, "Dense 2x1 bool [false; true]", ""},
		{"f32 cell", f32s, "at", "at", []v{si(1), si(0)}, "Dense 1x1 f32 [3.5]", ""},

		{"row out of range", x, "at", "all", []v{si(3)}, "", "row position 3 is out of bounds for a matrix with 3 rows (valid: -3 to 2)"},
		{"row negative out of range", x, "at", "all", []v{si(-4)}, "", "row position -4 is out of bounds for a matrix with 3 rows (valid: -3 to 2)"},
		{"col out of range", x, "all", "at", []v{si(4)}, "", "column position 4 is out of bounds for a matrix with 4 columns (valid: -4 to 3)"},
		{"row range n:n", x, "lo:hi", "all", []v{si(3), si(3)}, "", "row range 3:3 is out of bounds for a matrix with 3 rows: after counting negative positions from the end it must hold 0 <= lower < 3 and lower <= upper <= 3"},
		{"row range reversed", x, "lo:hi", "all", []v{si(2), si(1)}, "", "row range 2:1 is out of bounds"},
		{"row range upper too big", x, "lo:hi", "all", []v{si(0), si(4)}, "", "row range 0:4 is out of bounds"},
		{"row from n", x, "lo:", "all", []v{si(3)}, "", "row range 3:3 is out of bounds"},
		{"row range too negative", x, "lo:hi", "all", []v{si(-4), si(2)}, "", "row range -4:2 is out of bounds"},
		{"col range out", x, "all", "lo:hi", []v{si(1), si(5)}, "", "column range 1:5 is out of bounds for a matrix with 4 columns"},
		{"position NaN", x, "at", "all", []v{f64(math.NaN())}, "", "row position must be a finite number"},
		{"positions NaN", x, "at", "all", []v{mat(1, 1, math.NaN())}, "", "row position NaN (entry 0 of the positions) is not a finite number"},
		{"positions out of range", x, "at", "all", []v{colVec(0, 5)}, "", "row position 5 is out of bounds for a matrix with 3 rows (valid: -3 to 2) (entry 1 of the positions)"},
		{"positions not a column", x, "at", "all", []v{seqMat(1, 2)}, "", "row positions must be a column matrix (n x 1), got DenseMatrix(1x2, int64_t)"},
		{"label on matrix", x, "all", "at", []v{data.Str("a")}, "", `cannot index columns by label "a": indexing by label needs a frame`},
		{"label bound on matrix", x, "lo:hi", "all", []v{data.Str("a"), si(1)}, "", "indexing by label needs a frame"},
		{"label matrix", x, "all", "at", []v{mat(1, 1, "a")}, "", "cannot index columns by a matrix of labels: indexing by label needs a frame"},
		{"scalar indexed", si(3), "at", "all", []v{si(0)}, "", "cannot index scalar si64: indexing needs a matrix"},
		{"list indexed", &data.List{}, "all", "all", nil, "", "cannot index list of 0"},
		{"empty matrix position", seqMat(0, 2), "at", "all", []v{si(0)}, "", "row position 0 is out of bounds for a matrix with 0 rows"},
		{"too few bounds", x, "lo:hi", "all", []v{si(0)}, "", `extract: rows="lo:hi" cols="all" take 2 bound arguments, got 1`},
		{"unknown form", x, "1:2", "all", nil, "", `extract: rows: unknown index form "1:2"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			args := append([]data.Value{tc.x}, tc.args...)
			res, err := runOp(t, "extract", args, map[string]string{"rows": tc.rows, "cols": tc.cols})
			if !checkErr(t, err, tc.err) {
				return
			}
			if len(res) != 1 {
				t.Fatalf("got %d results, want 1", len(res))
			}
			if got := render(res[0].(data.Matrix)); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

func TestExtractColonOnEmpty(t *testing.T) {
	t.Parallel()
	res, err := Extract(seqMat(0, 2), ":", nil, "lo:hi", []data.Value{si(0), si(1)})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := render(res), "Dense 0x1 si64 []"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestExtractDenseRowRangeSharesStorage(t *testing.T) {
	t.Parallel()
	x := seqMat(4, 3)
	res, err := Extract(x, "lo:hi", []data.Value{si(1), si(3)}, "all", nil)
	if err != nil {
		t.Fatal(err)
	}
	d := res.(*data.Dense[int64])
	if &d.Data[0] != &x.Data[3] {
		t.Errorf("row range over all columns copied instead of sharing storage")
	}
	res, err = Extract(x, "lo:hi", []data.Value{si(1), si(3)}, "at", []data.Value{si(0)})
	if err != nil {
		t.Fatal(err)
	}
	if &res.(*data.Dense[int64]).Data[0] == &x.Data[3] {
		t.Errorf("column extraction must copy")
	}
}
