package reorg

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

func TestReshape(t *testing.T) {
	t.Parallel()
	x := denseOf([][]int64{{1, 2, 3}, {4, 5, 6}})
	tests := []struct {
		name       string
		m          data.Matrix
		rows, cols int
		want       string
		wantErr    string
	}{
		{"to column", x, 6, 1, "6x1 si64 [1 2 3 4 5 6]", ""},
		{"to 3x2", x, 3, 2, "3x2 si64 [1 2 3 4 5 6]", ""},
		{"CSR stays CSR", data.DenseToCSR(denseOf([][]float64{{0, 1}, {2, 0}})), 1, 4, "csr 1x4 f64 [0 1 2 0]", ""},
		{"empty", data.NewDense[float64](0, 3), 3, 0, "3x0 f64 []", ""},
		{"strings", denseOf([][]string{{"a", "b"}}), 2, 1, `2x1 str ["a" "b"]`, ""},
		{"cell count differs", x, 4, 2, "", "reshape: cannot reshape DenseMatrix(2x3, int64_t) into 4x2: the number of cells must stay 6"},
		{"negative", x, -6, -1, "", "cannot reshape"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := Reshape(tc.m, tc.rows, tc.cols)
			if tc.wantErr != "" {
				if !contains(err, tc.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if s := show(got); s != tc.want {
				t.Fatalf("got %s, want %s", s, tc.want)
			}
		})
	}
}

func TestTransposeAndReverse(t *testing.T) {
	t.Parallel()
	x := denseOf([][]float64{{1, 0, 3}, {0, 5, 0}})
	tests := []struct {
		name string
		f    func(data.Matrix) (data.Matrix, error)
		m    data.Matrix
		want string
	}{
		{"transpose", Transpose, x, "3x2 f64 [1 0 0 5 3 0]"},
		{"transpose CSR", Transpose, data.DenseToCSR(x), "csr 3x2 f64 [1 0 0 5 3 0]"},
		{"transpose 0x3", Transpose, data.NewDense[int64](0, 3), "3x0 si64 []"},
		{"transpose row vector", Transpose, denseOf([][]int64{{1, 2, 3}}), "3x1 si64 [1 2 3]"},
		{"transpose column vector", Transpose, denseOf([][]int64{{1}, {2}}), "1x2 si64 [1 2]"},
		{"transpose bool", Transpose, denseOf([][]bool{{true, false}}), "2x1 bool [true false]"},
		{"transpose str", Transpose, denseOf([][]string{{"a"}, {"b"}}), `1x2 str ["a" "b"]`},
		{"transpose size keeps size", Transpose, data.DenseFromVT[uint64](types.Size, 1, 2, []uint64{1, 2}), "2x1 size [1 2]"},
		{"reverse", Reverse, x, "2x3 f64 [0 5 0 1 0 3]"},
		{"reverse CSR", Reverse, data.DenseToCSR(x), "csr 2x3 f64 [0 5 0 1 0 3]"},
		{"reverse 3x0", Reverse, data.NewDense[float64](3, 0), "3x0 f64 []"},
		{"reverse str", Reverse, denseOf([][]string{{"a"}, {"b"}, {"c"}}), `3x1 str ["c" "b" "a"]`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := tc.f(tc.m)
			if err != nil {
				t.Fatal(err)
			}
			if s := show(got); s != tc.want {
				t.Fatalf("got %s, want %s", s, tc.want)
			}
		})
	}
}

func TestBind(t *testing.T) {
	t.Parallel()
	a := denseOf([][]int64{{1, 2}, {3, 4}})
	b := denseOf([][]float64{{0.5}, {2.25}})
	tests := []struct {
		name    string
		f       func(a, b data.Matrix) (data.Matrix, error)
		a, b    data.Matrix
		want    string
		wantErr string
	}{
		{"cbind promotes to f64", Cbind, a, b, "2x3 f64 [1 2 0.5 3 4 2.25]", ""},
		{"rbind same type", Rbind, a, a, "4x2 si64 [1 2 3 4 1 2 3 4]", ""},
		{"cbind to strings", Cbind, denseOf([][]string{{"x"}}), denseOf([][]float64{{1.5}}), `1x2 str ["x" "1.500000"]`, ""},
		{"rbind int and string", Rbind, denseOf([][]int64{{7}}), denseOf([][]string{{"y"}}), `2x1 str ["7" "y"]`, ""},
		{"cbind bool and si8", Cbind, denseOf([][]bool{{true}}), denseOf([][]int8{{-3}}), "1x2 si8 [1 -3]", ""},
		{"cbind CSR CSR", Cbind, data.DenseToCSR(a), data.DenseToCSR(b), "csr 2x3 f64 [1 2 0.5 3 4 2.25]", ""},
		{"rbind CSR CSR", Rbind, data.DenseToCSR(denseOf([][]float64{{0, 1}})), data.DenseToCSR(denseOf([][]float64{{2, 0}, {0, 0}})),
			"csr 3x2 f64 [0 1 2 0 0 0]", ""},
		{"cbind CSR and dense", Cbind, data.DenseToCSR(a), a, "2x4 si64 [1 2 1 2 3 4 3 4]", ""},
		{"rbind 0 rows", Rbind, data.NewDense[float64](0, 2), denseOf([][]float64{{1, 2}}), "1x2 f64 [1 2]", ""},
		{"cbind 0 cols", Cbind, data.NewDense[float64](2, 0), b, "2x1 f64 [0.5 2.25]", ""},
		{"cbind row mismatch", Cbind, a, denseOf([][]float64{{1}}), "",
			"cbind: both arguments must have the same number of rows, got DenseMatrix(2x2, int64_t) and DenseMatrix(1x1, double)"},
		{"rbind col mismatch", Rbind, a, b, "", "rbind: both arguments must have the same number of columns"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := tc.f(tc.a, tc.b)
			if tc.wantErr != "" {
				if !contains(err, tc.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if s := show(got); s != tc.want {
				t.Fatalf("got %s, want %s", s, tc.want)
			}
		})
	}
}

func TestBindToString(t *testing.T) {
	t.Parallel()
	m := denseOf([][]float64{{1, -0.5, math.NaN(), math.Inf(-1)}})
	got, err := Cbind(denseOf([][]string{{"x"}}), m)
	if err != nil {
		t.Fatal(err)
	}
	want := `1x5 str ["x" "1.000000" "-0.500000" "nan" "-inf"]`
	if s := show(got); s != want {
		t.Fatalf("got %s, want %s", s, want)
	}
	// A CSR number matrix bound to strings spells its zeros "0".
	got, err = Rbind(data.DenseToCSR(denseOf([][]int64{{0, 3}})), denseOf([][]string{{"a", "b"}}))
	if err != nil {
		t.Fatal(err)
	}
	if s, want := show(got), `2x2 str ["0" "3" "a" "b"]`; s != want {
		t.Fatalf("got %s, want %s", s, want)
	}
}

// TestCSRMatchesDense checks transpose, reverse, reshape, cbind and rbind
// of CSR matrices against the dense results.
func TestCSRMatchesDense(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(7, 8))
	shapes := [][2]int{{0, 0}, {0, 3}, {3, 0}, {1, 1}, {4, 6}, {9, 2}}
	for _, sh := range shapes {
		for _, dens := range []float64{0, 0.3, 1} {
			d := data.NewDense[float64](sh[0], sh[1])
			for i := range d.Data {
				if r.Float64() < dens {
					d.Data[i] = float64(r.IntN(9) + 1)
				}
			}
			c := data.DenseToCSR(d)
			check := func(what string, gotM, wantM data.Matrix) {
				t.Helper()
				if !gotM.IsSparse() {
					t.Fatalf("%s of CSR %dx%d is dense", what, sh[0], sh[1])
				}
				if g, w := show(gotM)[4:], show(wantM); g != w {
					t.Fatalf("%s of %dx%d:\nCSR   %s\ndense %s", what, sh[0], sh[1], g, w)
				}
			}
			tc, _ := Transpose(c)
			td, _ := Transpose(d)
			check("transpose", tc, td)
			rc, _ := Reverse(c)
			rd, _ := Reverse(d)
			check("reverse", rc, rd)
			if n := sh[0] * sh[1]; n > 0 {
				sc, _ := Reshape(c, 1, n)
				sd, _ := Reshape(d, 1, n)
				check("reshape", sc, sd)
			}
			cc, _ := Cbind(c, c)
			cd, _ := Cbind(d, d)
			check("cbind", cc, cd)
			bc, _ := Rbind(c, c)
			bd, _ := Rbind(d, d)
			check("rbind", bc, bd)
		}
	}
}

func TestTransposeLarge(t *testing.T) {
	t.Parallel()
	rows, cols := 70, 45 // not multiples of the tile edge
	m := data.NewDense[int64](rows, cols)
	for i := range m.Data {
		m.Data[i] = int64(i)
	}
	got, err := Transpose(m)
	if err != nil {
		t.Fatal(err)
	}
	tr := got.(*data.Dense[int64])
	for i := range rows {
		for j := range cols {
			if tr.At(j, i) != m.At(i, j) {
				t.Fatalf("cell (%d,%d) = %d, want %d", j, i, tr.At(j, i), m.At(i, j))
			}
		}
	}
}
