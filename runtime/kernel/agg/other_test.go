package agg

import (
	"math"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

func TestIndex(t *testing.T) {
	t.Parallel()
	x := f64([]float64{3, 1, 1}, []float64{-2, 5, 5}, []float64{0, 9, -7})
	nan := math.NaN()
	tests := []struct {
		name    string
		min     bool
		ax      Axis
		m       data.Matrix
		want    string
		wantErr string
	}{
		{"idxMinRow first of ties", true, Row, x, "3x1 size [1 0 2]", ""},
		{"idxMaxRow first of ties", false, Row, x, "3x1 size [0 1 1]", ""},
		{"idxMinCol", true, Col, x, "1x3 size [1 0 2]", ""},
		{"idxMaxCol", false, Col, x, "1x3 size [0 2 1]", ""},
		{"si8", false, Row, denseOf([][]int8{{-1, -3, 4}}), "1x1 size [2]", ""},
		{"NaN first wins", true, Row, f64([]float64{nan, 1}), "1x1 size [0]", ""},
		{"NaN later skipped", false, Row, f64([]float64{1, nan, 2}), "1x1 size [2]", ""},
		{"CSR", false, Col, data.DenseToCSR(x), "1x3 size [0 2 1]", ""},
		{"0 rows has no rows", true, Row, data.NewDense[float64](0, 2), "0x1 size []", ""},
		{"empty row", true, Row, data.NewDense[float64](2, 0), "", "idxMinRow: cannot aggregate an empty DenseMatrix(2x0, double)"},
		{"empty column", false, Col, data.NewDense[float64](0, 2), "", "idxMaxCol: cannot aggregate an empty"},
		{"no axis", false, All, x, "", "need an axis"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := Index(tc.min, tc.ax, tc.m)
			if tc.wantErr != "" {
				if !contains(err, tc.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.ValueType() != types.Size {
				t.Fatalf("value type %v, want size", got.ValueType())
			}
			if s := show(got); s != tc.want {
				t.Fatalf("got %s, want %s", s, tc.want)
			}
		})
	}
}

func TestCumulative(t *testing.T) {
	t.Parallel()
	x := f64([]float64{1, -2}, []float64{3, 4}, []float64{-5, 0.5})
	tests := []struct {
		name string
		op   CumOp
		m    data.Matrix
		want string
	}{
		{"cumSum", CumSum, x, "3x2 f64 [1 -2 4 2 -1 2.5]"},
		{"cumProd", CumProd, x, "3x2 f64 [1 -2 3 -8 -15 -4]"},
		{"cumMin", CumMin, x, "3x2 f64 [1 -2 1 -2 -5 -2]"},
		{"cumMax", CumMax, x, "3x2 f64 [1 -2 3 4 3 4]"},
		{"cumSum si32", CumSum, denseOf([][]int32{{1}, {2}, {3}}), "3x1 si32 [1 3 6]"},
		{"cumProd ui8 wraps", CumProd, denseOf([][]uint8{{16}, {16}}), "2x1 ui8 [16 0]"},
		{"cumSum 0 rows", CumSum, data.NewDense[float64](0, 3), "0x3 f64 []"},
		{"cumMax CSR gives dense", CumMax, data.DenseToCSR(x), "3x2 f64 [1 -2 3 4 3 4]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := Cumulative(tc.op, tc.m)
			if err != nil {
				t.Fatal(err)
			}
			if s := show(got); s != tc.want {
				t.Fatalf("got %s, want %s", s, tc.want)
			}
		})
	}
	if _, err := Cumulative(CumSum, denseOf([][]string{{"a"}})); !contains(err, "cumSum: unsupported argument") {
		t.Fatalf("cumSum of strings: error %v", err)
	}
}

func TestGrouped(t *testing.T) {
	t.Parallel()
	x := f64([]float64{1, 10}, []float64{2, 20}, []float64{3, 30}, []float64{4, 40})
	g := denseOf([][]int64{{0}, {2}, {0}, {2}})
	gf := f64([]float64{1}, []float64{1}, []float64{0}, []float64{1})
	tests := []struct {
		name string
		op   Op
		m    data.Matrix
		g    data.Matrix
		k    int
		want string
	}{
		{"sum", Sum, x, g, 3, "3x2 f64 [4 40 0 0 6 60]"},
		{"mean with empty group", Mean, x, g, 3, "3x2 f64 [2 20 NaN NaN 3 30]"},
		{"var", Var, x, g, 3, "3x2 f64 [1 100 NaN NaN 1 100]"},
		{"stddev", Stddev, x, gf, 2, "2x2 f64 [0 0 1.247219128924647 12.47219128924647]"},
		{"min", Min, x, gf, 2, "2x2 f64 [3 30 1 10]"},
		{"max", Max, x, gf, 2, "2x2 f64 [3 30 4 40]"},
		{"sum si64 keeps type", Sum, denseOf([][]int64{{1}, {2}, {3}}), gf.RowRange(0, 3), 2, "2x1 si64 [3 3]"},
		{"mean f32 stays f32", Mean, denseOf([][]float32{{1}, {2}}), g.RowRange(0, 2), 3, "3x1 f32 [1 NaN 2]"},
		{"CSR argument", Sum, data.DenseToCSR(x), g, 3, "3x2 f64 [4 40 0 0 6 60]"},
		{"no rows", Sum, data.NewDense[float64](0, 2), data.NewDense[int64](0, 1), 2, "2x2 f64 [0 0 0 0]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := Grouped(tc.op, tc.m, tc.g, tc.k)
			if err != nil {
				t.Fatal(err)
			}
			if s := show(got); s != tc.want {
				t.Fatalf("got %s, want %s", s, tc.want)
			}
		})
	}
	t.Run("count", func(t *testing.T) {
		got, err := Count(x, g, 3)
		if err != nil {
			t.Fatal(err)
		}
		if s := show(got); s != "3x2 size [2 2 0 0 2 2]" {
			t.Fatalf("got %s", s)
		}
	})
}

func TestGroupedErrors(t *testing.T) {
	t.Parallel()
	x := f64([]float64{1}, []float64{2})
	tests := []struct {
		name string
		op   Op
		m    data.Matrix
		g    data.Matrix
		k    int
		want string
	}{
		{"id too large", Sum, x, denseOf([][]int64{{0}, {2}}), 2, "group id 2 in row 1 is not an integer in [0, 2)"},
		{"negative id", Sum, x, denseOf([][]int64{{-1}, {0}}), 2, "group id -1 in row 0"},
		{"fractional id", Mean, x, f64([]float64{0.5}, []float64{0}), 2, "group id 0.5"},
		{"wrong shape", Sum, x, denseOf([][]int64{{0, 1}}), 2, "groupIds must be a 2x1 column matrix"},
		{"string ids", Sum, x, denseOf([][]string{{"a"}, {"b"}}), 2, "groupIds must be numeric"},
		{"empty group min", Min, x, denseOf([][]int64{{0}, {0}}), 2, "aggMinGrp: group 1 has no rows"},
		{"string values", Sum, denseOf([][]string{{"a"}, {"b"}}), denseOf([][]int64{{0}, {0}}), 1, "sumGrp: unsupported argument"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := Grouped(tc.op, tc.m, tc.g, tc.k)
			if !contains(err, tc.want) {
				t.Fatalf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}
