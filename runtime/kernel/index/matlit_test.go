package index

import (
	"math"
	"strconv"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
)

func TestMatrixLit(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		elems     []data.Value
		shape     string
		dims      []data.Value
		want, err string
	}{
		{"column", []v{si(1), si(2), si(3)}, "", nil, "Dense 3x1 si64 [1; 2; 3]", ""},
		{"bare comma", []v{si(1), si(2)}, ",", nil, "Dense 2x1 si64 [1; 2]", ""},
		{"bool and int", []v{data.Bool(true), si(1)}, "", nil, "Dense 2x1 si64 [1; 1]", ""},
		{"int and float", []v{si(1), f64(2.5)}, "", nil, "Dense 2x1 f64 [1; 2.5]", ""},
		{"negative float", []v{si(1), si(0), f64(-4)}, "", nil, "Dense 3x1 f64 [1; 0; -4]", ""},
		{"f32 and int", []v{data.F32(1.5), si(2)}, "", nil, "Dense 2x1 f32 [1.5; 2]", ""},
		{"f32 and f64", []v{data.F32(1.5), f64(0.1)}, "", nil, "Dense 2x1 f64 [1.5; 0.1]", ""},
		{"bools", []v{data.Bool(true), data.Bool(false)}, "", nil, "Dense 2x1 bool [true; false]", ""},
		{"ui64 and negative si64 wraps", []v{data.UI64(1), si(-1)}, "", nil, "Dense 2x1 ui64 [1; 18446744073709551615]", ""},
		{"size and si64", []v{data.SizeScalar(3), si(-1)}, "", nil, "Dense 2x1 si64 [3; -1]", ""},
		{"size only", []v{data.SizeScalar(3)}, "", nil, "Dense 1x1 size [3]", ""},
		{"strings", []v{data.Str("a"), data.Str("b")}, "", nil, `Dense 2x1 str ["a"; "b"]`, ""},
		{"number and string", []v{si(1), data.Str("a"), f64(1.5), data.Bool(true)}, "", nil,
			`Dense 4x1 str ["1"; "a"; "1.500000"; "1"]`, ""},
		{"nan and inf", []v{f64(math.NaN()), f64(math.Inf(-1))}, "", nil, "Dense 2x1 f64 [NaN; -Inf]", ""},
		{"rows and cols", []v{si(1), si(2), si(3), si(4), si(5), si(6)}, "r,c", []v{si(2), si(3)},
			"Dense 2x3 si64 [1 2 3; 4 5 6]", ""},
		{"rows only", []v{si(1), si(2), si(3), si(4), si(5), si(6)}, "r,", []v{si(3)},
			"Dense 3x2 si64 [1 2; 3 4; 5 6]", ""},
		{"cols only", []v{si(1), si(2), si(3), si(4), si(5), si(6)}, ",c", []v{si(3)},
			"Dense 2x3 si64 [1 2 3; 4 5 6]", ""},
		{"float dims truncate", []v{si(1), si(2)}, "r,c", []v{f64(1.9), f64(2.1)}, "Dense 1x2 si64 [1 2]", ""},
		{"row vector", []v{f64(1), f64(2)}, ",c", []v{si(2)}, "Dense 1x2 f64 [1 2]", ""},
		{"no elements", nil, "", nil, "Dense 0x1 si64 []", ""},
		{"no elements cols", nil, ",c", []v{si(2)}, "Dense 0x2 si64 []", ""},

		{"shape mismatch", []v{si(1), si(2), si(3), si(4), si(5), si(6)}, "r,c", []v{si(2), si(2)}, "",
			"matrix literal with 6 elements cannot have shape 2x2 (4 cells)"},
		{"rows do not divide", []v{si(1), si(2), si(3)}, "r,", []v{si(2)}, "",
			"matrix literal with 3 elements cannot be split into 2 rows"},
		{"zero cols", []v{si(1)}, ",c", []v{si(0)}, "", "matrix literal with 1 element cannot be split into 0 columns"},
		{"zero rows no elements", nil, "r,", []v{si(0)}, "", "matrix literal with 0 elements cannot be split into 0 rows"},
		{"negative rows", []v{si(1)}, "r,c", []v{si(-1), si(-1)}, "",
			"number of rows of the matrix literal must not be negative, got -1"},
		{"string dim", []v{si(1)}, ",c", []v{data.Str("x")}, "",
			`number of columns of the matrix literal must be a number, got string "x"`},
		{"matrix element", []v{si(1), colVec(2)}, "", nil, "",
			"matrix literal element 1 must be a scalar, got DenseMatrix(1x1, int64_t)"},
		{"unknown shape", []v{si(1)}, "x", nil, "", `matrix literal: unknown shape form "x" (want "", r,c, r,, ,c or ,)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			args := append(append([]data.Value{}, tc.elems...), tc.dims...)
			n := len(tc.elems)
			res, err := runOp(t, "matrixLit", args, map[string]string{"n": strconv.Itoa(n), "shape": tc.shape})
			if !checkErr(t, err, tc.err) {
				return
			}
			if got := render(res[0].(data.Matrix)); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

func TestMatrixLitBadAttrs(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		args  []data.Value
		attrs map[string]string
		err   string
	}{
		{"missing n", []v{si(1)}, map[string]string{}, `matrixLit: attribute n="" must be the number of elements`},
		{"n too big", []v{si(1)}, map[string]string{"n": "2"}, `attribute n="2" must be the number of elements (at most 1)`},
		{"extra args", []v{si(1), si(1)}, map[string]string{"n": "1"}, `matrixLit: shape "" takes 0 dimension arguments, got 1`},
		{"missing dims", []v{si(1), si(1)}, map[string]string{"n": "2", "shape": "r,c"}, `matrixLit: shape "r,c" takes 2 dimension arguments, got 0`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := runOp(t, "matrixLit", tc.args, tc.attrs)
			checkErr(t, err, tc.err)
		})
	}
}

// TestMatrixLitRepr checks that the repr=csr attribute, set by
// representation selection, makes the literal a CSR matrix with the same
// cells.
func TestMatrixLitRepr(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		attrs  map[string]string
		sparse bool
	}{
		{"no attribute", map[string]string{"n": "4"}, false},
		{"csr", map[string]string{"n": "4", "repr": "csr"}, true},
		{"dense", map[string]string{"n": "4", "repr": "dense"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res, err := runOp(t, "matrixLit", []v{si(0), si(3), si(0), si(0)}, tc.attrs)
			if err != nil {
				t.Fatal(err)
			}
			m := res[0].(data.Matrix)
			if m.IsSparse() != tc.sparse || m.Rows() != 4 || m.Cols() != 1 {
				t.Fatalf("got %s, sparse=%v", data.Describe(m), m.IsSparse())
			}
			for i, want := range []int64{0, 3, 0, 0} {
				c, err := data.MatrixCell(m, i, 0)
				if err != nil || c.I != want {
					t.Fatalf("cell %d: %v, %v; want %d", i, c, err, want)
				}
			}
		})
	}
}
