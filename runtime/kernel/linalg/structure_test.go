package linalg

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

func TestDiagMatrixVector(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		arg  data.Matrix
		want data.Matrix
	}{
		{"f64", data.DenseFrom(3, 1, []float64{1, 2, 3}), data.DenseFrom(3, 3, []float64{1, 0, 0, 0, 2, 0, 0, 0, 3})},
		{"si64", data.DenseFrom(2, 1, []int64{-1, 5}), data.DenseFrom(2, 2, []int64{-1, 0, 0, 5})},
		{"ui8", data.DenseFrom(2, 1, []uint8{7, 0}), data.DenseFrom(2, 2, []uint8{7, 0, 0, 0})},
		{"str", data.DenseFrom(2, 1, []string{"a", "b"}), data.DenseFrom(2, 2, []string{"a", "", "", "b"})},
		{"empty", data.NewDense[float32](0, 1), data.NewDense[float32](0, 0)},
		{"csr", data.DenseToCSR(data.DenseFrom(2, 1, []float64{0, 4})), data.DenseFrom(2, 2, []float64{0, 0, 0, 4})},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := DiagMatrix(tc.arg)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("diagMatrix: got %v, want %v", got, tc.want)
			}
			back, err := DiagVector(got)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(back, toDense(tc.arg)) {
				t.Fatalf("diagVector: got %v, want %v", back, tc.arg)
			}
		})
	}
}

func TestDiagVectorCSR(t *testing.T) {
	t.Parallel()
	x := data.DenseFrom(3, 3, []float64{1, 2, 0, 0, 0, 6, 7, 8, 9})
	got, err := DiagVector(data.DenseToCSR(x))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, data.DenseFrom(3, 1, []float64{1, 0, 9})) {
		t.Fatalf("got %v", got)
	}
}

func TestTri(t *testing.T) {
	t.Parallel()
	x := data.DenseFrom(3, 3, []float64{1, 2, 3, 4, 0, 6, 7, 8, 9})
	tests := []struct {
		name                string
		upper, diag, values bool
		want                []float64
	}{
		{"lower diag values", false, true, true, []float64{1, 0, 0, 4, 0, 0, 7, 8, 9}},
		{"lower strict values", false, false, true, []float64{0, 0, 0, 4, 0, 0, 7, 8, 0}},
		{"lower diag ones", false, true, false, []float64{1, 0, 0, 1, 0, 0, 1, 1, 1}},
		{"upper diag values", true, true, true, []float64{1, 2, 3, 0, 0, 6, 0, 0, 9}},
		{"upper strict ones", true, false, false, []float64{0, 1, 1, 0, 0, 1, 0, 0, 0}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Tri(x, tc.upper, tc.diag, tc.values)
			if err != nil {
				t.Fatal(err)
			}
			checkClose(t, got, data.DenseFrom(3, 3, tc.want), 0)
			sparse, err := Tri(data.DenseToCSR(x), tc.upper, tc.diag, tc.values)
			if err != nil {
				t.Fatal(err)
			}
			if !sparse.IsSparse() {
				t.Fatal("CSR argument gave a dense result")
			}
			checkClose(t, sparse, data.DenseFrom(3, 3, tc.want), 0)
		})
	}
	t.Run("si32 keeps type", func(t *testing.T) {
		got, err := Tri(data.DenseFrom(2, 2, []int32{1, 2, 3, 4}), true, true, true)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, data.DenseFrom(2, 2, []int32{1, 2, 0, 4})) {
			t.Fatalf("got %v", got)
		}
	})
}

func TestStructureErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		run  func() error
		want string
	}{
		{"diagMatrix row", func() error { _, err := DiagMatrix(data.NewDense[float64](1, 3)); return err },
			"diagMatrix: the argument must be a column vector (n x 1), got 1x3"},
		{"diagVector", func() error { _, err := DiagVector(data.NewDense[float64](2, 3)); return err },
			"diagVector: the matrix must be square, got 2x3"},
		{"lowerTri", func() error { _, err := Tri(data.NewDense[float64](2, 3), false, true, true); return err },
			"lowerTri: the matrix must be square, got 2x3"},
		{"upperTri str ones", func() error { _, err := Tri(data.NewDense[string](2, 2), true, true, false); return err },
			"upperTri: values=false needs a numeric matrix"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.run()
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestReplace(t *testing.T) {
	t.Parallel()
	nan := math.NaN()
	tests := []struct {
		name     string
		arg      data.Matrix
		pat, rep *data.Scalar
		wantVT   types.ValueType
		want     []float64
	}{
		{"f64", data.DenseFrom(2, 2, []float64{1, 2, 1, 3}), data.F64(1), data.F64(9), types.F64, []float64{9, 2, 9, 3}},
		{"nan pattern", data.DenseFrom(1, 3, []float64{nan, 2, nan}), data.F64(nan), data.F64(0), types.F64, []float64{0, 2, 0}},
		{"nan replacement", data.DenseFrom(1, 2, []float64{5, 2}), data.F64(5), data.F64(nan), types.F64, []float64{nan, 2}},
		{"si64 with f64 promotes", data.DenseFrom(1, 3, []int64{1, 2, 1}), data.F64(1), data.F64(0.5), types.F64, []float64{0.5, 2, 0.5}},
		{"si64", data.DenseFrom(1, 3, []int64{1, 2, 1}), data.SI64(2), data.SI64(-7), types.SI64, []float64{1, -7, 1}},
		{"csr nonzero pattern", data.DenseToCSR(data.DenseFrom(2, 2, []float64{0, 2, 3, 2})), data.F64(2), data.F64(0), types.F64, []float64{0, 0, 3, 0}},
		{"csr zero pattern", data.DenseToCSR(data.DenseFrom(1, 3, []float64{0, 2, 0})), data.F64(0), data.F64(1), types.F64, []float64{1, 2, 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Replace(tc.arg, tc.pat, tc.rep)
			if err != nil {
				t.Fatal(err)
			}
			if got.ValueType() != tc.wantVT {
				t.Fatalf("value type %v, want %v", got.ValueType(), tc.wantVT)
			}
			checkClose(t, got, data.DenseFrom(tc.arg.Rows(), tc.arg.Cols(), tc.want), 0)
		})
	}
	t.Run("str", func(t *testing.T) {
		got, err := Replace(data.DenseFrom(1, 3, []string{"a", "b", "a"}), data.Str("a"), data.Str("z"))
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, data.DenseFrom(1, 3, []string{"z", "b", "z"})) {
			t.Fatalf("got %v", got)
		}
	})
	t.Run("bool", func(t *testing.T) {
		got, err := Replace(data.DenseFrom(1, 3, []bool{true, false, true}), data.Bool(true), data.Bool(false))
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, data.DenseFrom(1, 3, []bool{false, false, false})) {
			t.Fatalf("got %v", got)
		}
	})
	t.Run("str with number", func(t *testing.T) {
		_, err := Replace(data.DenseFrom(1, 1, []string{"a"}), data.F64(1), data.Str("z"))
		if err == nil || !strings.Contains(err.Error(), "replace: a string matrix needs string pattern and replacement") {
			t.Fatalf("error %v", err)
		}
	})
}

func TestCTable(t *testing.T) {
	t.Parallel()
	ys := data.DenseFrom(4, 1, []int64{0, 1, 1, 2})
	xs := data.DenseFrom(4, 1, []int64{1, 0, 0, 2})
	tests := []struct {
		name       string
		weight     *data.Scalar
		rows, cols int64
		wantVT     types.ValueType
		want       *data.Dense[float64]
	}{
		{"automatic", data.F64(1), -1, -1, types.F64, data.DenseFrom(3, 3, []float64{0, 1, 0, 2, 0, 0, 0, 0, 1})},
		{"crop", data.F64(1), 2, 2, types.F64, data.DenseFrom(2, 2, []float64{0, 1, 2, 0})},
		{"pad", data.F64(1), 4, 3, types.F64, data.DenseFrom(4, 3, []float64{0, 1, 0, 2, 0, 0, 0, 0, 1, 0, 0, 0})},
		{"rows auto cols given", data.F64(1), -1, 1, types.F64, data.DenseFrom(3, 1, []float64{0, 2, 0})},
		{"si64 weight", data.SI64(3), -1, -1, types.SI64, data.DenseFrom(3, 3, []float64{0, 3, 0, 6, 0, 0, 0, 0, 3})},
		{"f32 weight", data.F32(0.5), -1, -1, types.F32, data.DenseFrom(3, 3, []float64{0, 0.5, 0, 1, 0, 0, 0, 0, 0.5})},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := CTable(ys, xs, tc.weight, tc.rows, tc.cols)
			if err != nil {
				t.Fatal(err)
			}
			if got.ValueType() != tc.wantVT {
				t.Fatalf("value type %v, want %v", got.ValueType(), tc.wantVT)
			}
			checkClose(t, got, tc.want, 0)
		})
	}
	t.Run("float positions truncate", func(t *testing.T) {
		got, err := CTable(data.DenseFrom(2, 1, []float64{0.9, 1.2}), data.DenseFrom(2, 1, []float64{1.5, 0}), data.F64(1), -1, -1)
		if err != nil {
			t.Fatal(err)
		}
		checkClose(t, got, data.DenseFrom(2, 2, []float64{0, 1, 1, 0}), 0)
	})
}

func TestCTableErrors(t *testing.T) {
	t.Parallel()
	col := data.DenseFrom(2, 1, []float64{0, 1})
	tests := []struct {
		name   string
		ys, xs data.Matrix
		weight *data.Scalar
		want   string
	}{
		{"not vectors", data.NewDense[float64](2, 2), col, data.F64(1), "ctable: both position arguments must be column vectors, got 2x2 and 2x1"},
		{"lengths", data.NewDense[float64](3, 1), col, data.F64(1), "ctable: both position arguments must have the same number of rows, got 3x1 and 2x1"},
		{"negative", data.DenseFrom(2, 1, []float64{0, -2}), col, data.F64(1), "ctable: position -2 in row 1 of the first argument is not a valid index"},
		{"nan", col, data.DenseFrom(2, 1, []float64{math.NaN(), 0}), data.F64(1), "ctable: position nan in row 0 of the second argument"},
		{"string weight", col, col, data.Str("x"), "ctable: the weight must be a number, got scalar str"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := CTable(tc.ys, tc.xs, tc.weight, -1, -1)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want it to contain %q", err, tc.want)
			}
		})
	}
}
