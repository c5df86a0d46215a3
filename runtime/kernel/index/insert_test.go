package index

import (
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

func TestInsert(t *testing.T) {
	t.Parallel()
	x := seqMat(3, 4) // [0 1 2 3; 4 5 6 7; 8 9 10 11]
	f := mat[float64](2, 2, 0.5, 1.5, 2.5, 3.5)
	strs := mat(2, 2, "a", "b", "c", "d")
	bools := mat(1, 3, false, false, false)
	tests := []struct {
		name       string
		x, y       data.Value
		rows, cols string
		args       []data.Value
		want, err  string
	}{
		{"row", x, mat[int64](1, 4, -1, -2, -3, -4), "at", "all", []v{si(1)},
			"Dense 3x4 si64 [0 1 2 3; -1 -2 -3 -4; 8 9 10 11]", ""},
		{"row negative", x, mat[int64](1, 4, -1, -2, -3, -4), "at", "all", []v{si(-1)},
			"Dense 3x4 si64 [0 1 2 3; 4 5 6 7; -1 -2 -3 -4]", ""},
		{"col", x, colVec(-1, -2, -3), "all", "at", []v{si(0)},
			"Dense 3x4 si64 [-1 1 2 3; -2 5 6 7; -3 9 10 11]", ""},
		{"cell matrix", x, colVec(99), "at", "at", []v{si(2), si(3)},
			"Dense 3x4 si64 [0 1 2 3; 4 5 6 7; 8 9 10 99]", ""},
		{"cell float position", x, colVec(99), "at", "at", []v{f64(0.9), f64(1.2)},
			"Dense 3x4 si64 [0 99 2 3; 4 5 6 7; 8 9 10 11]", ""},
		{"block", x, mat[int64](2, 2, -1, -2, -3, -4), "lo:hi", "lo:hi", []v{si(0), si(2), si(1), si(3)},
			"Dense 3x4 si64 [0 -1 -2 3; 4 -3 -4 7; 8 9 10 11]", ""},
		{"block from to", x, mat[int64](2, 2, -1, -2, -3, -4), "lo:", ":hi", []v{si(1), si(2)},
			"Dense 3x4 si64 [0 1 2 3; -1 -2 6 7; -3 -4 10 11]", ""},
		{"block negative range", x, mat[int64](1, 2, -1, -2), "lo:hi", "lo:hi", []v{si(-1), si(0), si(-2), si(0)},
			"Dense 3x4 si64 [0 1 2 3; 4 5 6 7; 8 9 -1 -2]", ""},
		{"everything", x, seqMat(3, 4), ":", ":", nil,
			"Dense 3x4 si64 [0 1 2 3; 4 5 6 7; 8 9 10 11]", ""},
		{"empty range", x, seqMat(0, 4), "lo:hi", "all", []v{si(1), si(1)},
			"Dense 3x4 si64 [0 1 2 3; 4 5 6 7; 8 9 10 11]", ""},
		{"empty target", seqMat(0, 2), seqMat(0, 2), "lo:hi", "all", []v{si(0), si(0)},
			"Dense 0x2 si64 []", ""},
		{"scalar cell", x, si(42), "at", "at", []v{si(0), si(0)},
			"Dense 3x4 si64 [42 1 2 3; 4 5 6 7; 8 9 10 11]", ""},
		{"f64 into si64 truncates", x, mat(1, 2, 2.9, -2.9), "at", "lo:hi", []v{si(0), si(0), si(2)},
			"Dense 3x4 si64 [2 -2 2 3; 4 5 6 7; 8 9 10 11]", ""},
		{"si64 into f64", f, mat[int64](1, 1, 7), "at", "at", []v{si(1), si(1)},
			"Dense 2x2 f64 [0.5 1.5; 2.5 7]", ""},
		{"f32 scalar into f64", f, data.F32(0.25), "at", "at", []v{si(0), si(0)},
			"Dense 2x2 f64 [0.25 1.5; 2.5 3.5]", ""},
		{"str", strs, mat(1, 2, "x", "y"), "at", "all", []v{si(1)},
			`Dense 2x2 str ["a" "b"; "x" "y"]`, ""},
		{"si64 into str", strs, si(5), "at", "at", []v{si(0), si(1)},
			`Dense 2x2 str ["a" "5"; "c" "d"]`, ""},
		{"f64 into str", strs, mat(1, 1, 1.5), "at", "at", []v{si(0), si(1)},
			`Dense 2x2 str ["a" "1.500000"; "c" "d"]`, ""},
		{"si64 into bool", bools, mat[int64](1, 2, 0, 5), "all", "lo:", []v{si(1)},
			"Dense 1x3 bool [false false true]", ""},
		{"size into ui8", mat[uint8](1, 2, 1, 2), data.SizeScalar(300), "at", "at", []v{si(0), si(1)},
			"Dense 1x2 ui8 [1 44]", ""},
		{"csr stays csr", sparse(sparseF64()), mat[float64](1, 2, 0, 9), "at", "lo:hi", []v{si(0), si(3), si(5)},
			"CSR 4x5 f64 [0 1.5 0 0 9; 0 0 0 0 0; 3 0 0 4 0; 0 0 5 0 6]", ""},
		{"csr value into csr", sparse(sparseF64()), sparse(mat[float64](1, 1, 8)), "at", "at", []v{si(1), si(1)},
			"CSR 4x5 f64 [0 1.5 0 0 2; 0 8 0 0 0; 3 0 0 4 0; 0 0 5 0 6]", ""},

		{"shape mismatch", x, seqMat(2, 2), "at", "all", []v{si(0)}, "",
			"cannot insert DenseMatrix(2x2, int64_t) into a 1x4 region of DenseMatrix(3x4, int64_t): the shapes must be equal"},
		{"scalar into region", x, si(1), "at", "all", []v{si(0)}, "",
			"cannot insert scalar si64 into a 1x4 region of DenseMatrix(3x4, int64_t): a scalar fills exactly one cell"},
		{"str into numbers", x, mat(1, 1, "a"), "at", "at", []v{si(0), si(0)}, "",
			"cannot insert str values into a matrix of si64: use an explicit cast"},
		{"str scalar into numbers", f, data.Str("a"), "at", "at", []v{si(0), si(0)}, "",
			"cannot insert str values into a matrix of f64"},
		{"row out of range", x, seqMat(1, 4), "at", "all", []v{si(3)}, "",
			"row position 3 is out of bounds for a matrix with 3 rows (valid: -3 to 2)"},
		{"col range out of range", x, seqMat(3, 2), "all", "lo:hi", []v{si(3), si(5)}, "",
			"column range 3:5 is out of bounds for a matrix with 4 columns"},
		{"range n:n", x, seqMat(0, 4), "lo:hi", "all", []v{si(3), si(3)}, "",
			"row range 3:3 is out of bounds"},
		{"positions", x, seqMat(2, 4), "at", "all", []v{colVec(0, 1)}, "",
			"left indexing with a matrix of row positions (DenseMatrix(2x1, int64_t)) is not supported: use a scalar position or a range"},
		{"label", x, seqMat(3, 1), "all", "at", []v{data.Str("c")}, "",
			`cannot index columns by label "c": indexing by label needs a frame`},
		{"list value", x, &data.List{}, "at", "at", []v{si(0), si(0)}, "",
			"cannot insert list of 0 into DenseMatrix(3x4, int64_t): want a matrix (or a scalar for one cell)"},
		{"scalar target", si(1), si(2), "all", "all", nil, "",
			"left indexing needs a matrix, got scalar si64"},
		{"missing bound", x, si(2), "at", "at", []v{si(0)}, "",
			`insert: rows="at" cols="at" take 2 bound arguments, got 1`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			before := ""
			if m, ok := tc.x.(data.Matrix); ok {
				before = render(m)
			}
			args := append([]data.Value{tc.x, tc.y}, tc.args...)
			res, err := runOp(t, "insert", args, map[string]string{"rows": tc.rows, "cols": tc.cols})
			if m, ok := tc.x.(data.Matrix); ok && render(m) != before {
				t.Errorf("insert modified its input: %s became %s", before, render(m))
			}
			if !checkErr(t, err, tc.err) {
				return
			}
			if got := render(res[0].(data.Matrix)); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

// TestInsertCopyOnWrite checks that the result never aliases X, for every
// value type, so a later insert into the result cannot change X.
func TestInsertCopyOnWrite(t *testing.T) {
	t.Parallel()
	for _, vt := range types.AllValueTypes {
		t.Run(vt.String(), func(t *testing.T) {
			t.Parallel()
			x, err := MatrixLit([]data.Value{si(1), si(0), si(3), si(4)}, "r,c", si(2), si(2))
			if err != nil {
				t.Fatal(err)
			}
			if x, err = data.ConvertMatrix(x, vt); err != nil {
				t.Fatal(err)
			}
			before := render(x)
			y, err := data.ConvertMatrix(mat[int64](1, 2, 7, 7), vt)
			if err != nil {
				t.Fatal(err)
			}
			res, err := Insert(x, y, "at", []data.Value{si(0)}, "all", nil)
			if err != nil {
				t.Fatal(err)
			}
			if render(x) != before {
				t.Fatalf("x changed to %s", render(x))
			}
			if render(res) == before {
				t.Fatalf("insert had no effect: %s", render(res))
			}
			if res.ValueType() != vt {
				t.Errorf("result value type %v, want %v", res.ValueType(), vt)
			}
		})
	}
}
