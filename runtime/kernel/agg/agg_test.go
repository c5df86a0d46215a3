package agg

import (
	"math"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

func TestAggregateDense(t *testing.T) {
	t.Parallel()
	x := f64([]float64{1, 2, 3}, []float64{4, 5, 9})
	si := denseOf([][]int64{{1, -2, 3}, {4, 5, -9}})
	u8 := denseOf([][]uint8{{200, 100}, {1, 2}})
	f32 := denseOf([][]float32{{1, 2}, {3, 5}})
	size := data.DenseFromVT[uint64](types.Size, 1, 3, []uint64{3, 1, 2})
	tests := []struct {
		name string
		op   Op
		ax   Axis
		m    data.Matrix
		want string
	}{
		{"sumAll f64", Sum, All, x, "f64 24"},
		{"sumRow f64", Sum, Row, x, "2x1 f64 [6 18]"},
		{"sumCol f64", Sum, Col, x, "1x3 f64 [5 7 12]"},
		{"aggMinAll si64", Min, All, si, "si64 -9"},
		{"aggMaxRow si64", Max, Row, si, "2x1 si64 [3 5]"},
		{"aggMinCol si64", Min, Col, si, "1x3 si64 [1 -2 -9]"},
		{"sumAll ui8 wraps", Sum, All, u8, "ui8 47"},
		{"sumCol ui8 wraps", Sum, Col, u8, "1x2 ui8 [201 102]"},
		{"meanAll ui8 is f64", Mean, All, u8, "f64 75.75"},
		{"meanRow si64", Mean, Row, si, "2x1 f64 [0.6666666666666666 0]"},
		{"meanCol f64", Mean, Col, x, "1x3 f64 [2.5 3.5 6]"},
		{"meanAll f32 stays f32", Mean, All, f32, "f32 2.75"},
		{"varAll f64", Var, All, x, "f64 6.666666666666667"},
		{"varRow f64", Var, Row, x, "2x1 f64 [0.6666666666666666 4.666666666666667]"},
		{"varCol f64", Var, Col, x, "1x3 f64 [2.25 2.25 9]"},
		{"stddevCol f64", Stddev, Col, x, "1x3 f64 [1.5 1.5 3]"},
		{"stddevRow f32", Stddev, Row, f32, "2x1 f32 [0.5 1]"},
		{"varAll si64", Var, All, si, "f64 22.555555555555557"},
		{"aggMaxAll size keeps size", Max, All, size, "size 3"},
		{"sumRow size", Sum, Row, size, "1x1 size [6]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := Aggregate(tc.op, tc.ax, tc.m)
			if err != nil {
				t.Fatal(err)
			}
			if s := show(got); s != tc.want {
				t.Fatalf("got  %s\nwant %s", s, tc.want)
			}
		})
	}
}

func TestAggregateStrings(t *testing.T) {
	t.Parallel()
	s := denseOf([][]string{{"b", "a"}, {"c", "d"}})
	tests := []struct {
		name string
		op   Op
		ax   Axis
		want string
	}{
		{"min all", Min, All, "str a"},
		{"max row", Max, Row, `2x1 str ["b" "d"]`},
		{"min col", Min, Col, `1x2 str ["b" "a"]`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := Aggregate(tc.op, tc.ax, s)
			if err != nil {
				t.Fatal(err)
			}
			if g := show(got); g != tc.want {
				t.Fatalf("got %s, want %s", g, tc.want)
			}
		})
	}
	if _, err := Aggregate(Sum, All, s); !contains(err, "unsupported argument DenseMatrix(2x2, std::string)") {
		t.Fatalf("sum of strings: error %v", err)
	}
}

func TestAggregateEmpty(t *testing.T) {
	t.Parallel()
	zeroRows := data.NewDense[float64](0, 3)
	zeroCols := data.NewDense[int64](2, 0)
	tests := []struct {
		name    string
		op      Op
		ax      Axis
		m       data.Matrix
		want    string
		wantErr string
	}{
		{"sumAll 0x3", Sum, All, zeroRows, "f64 0", ""},
		{"sumRow 0x3", Sum, Row, zeroRows, "0x1 f64 []", ""},
		{"sumCol 0x3", Sum, Col, zeroRows, "1x3 f64 [0 0 0]", ""},
		{"sumRow 2x0", Sum, Row, zeroCols, "2x1 si64 [0 0]", ""},
		{"sumCol 2x0", Sum, Col, zeroCols, "1x0 si64 []", ""},
		{"aggMinAll 0x3", Min, All, zeroRows, "", "aggMinAll: cannot aggregate an empty DenseMatrix(0x3, double)"},
		{"aggMaxRow 0x3 has no rows", Max, Row, zeroRows, "0x1 f64 []", ""},
		{"aggMaxCol 0x3", Max, Col, zeroRows, "", "aggMaxCol: cannot aggregate an empty"},
		{"aggMinRow 2x0", Min, Row, zeroCols, "", "aggMinRow: cannot aggregate an empty DenseMatrix(2x0, int64_t)"},
		{"aggMinCol 2x0 has no columns", Min, Col, zeroCols, "1x0 si64 []", ""},
		{"meanAll 0x3 is NaN", Mean, All, zeroRows, "f64 NaN", ""},
		{"meanCol 0x3", Mean, Col, zeroRows, "1x3 f64 [NaN NaN NaN]", ""},
		{"varRow 2x0", Var, Row, zeroCols, "2x1 f64 [NaN NaN]", ""},
		{"stddevCol 0x3", Stddev, Col, zeroRows, "1x3 f64 [NaN NaN NaN]", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := Aggregate(tc.op, tc.ax, tc.m)
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
				t.Fatalf("got  %s\nwant %s", s, tc.want)
			}
		})
	}
}

func TestAggregateNaN(t *testing.T) {
	t.Parallel()
	nan := math.NaN()
	tests := []struct {
		name string
		op   Op
		ax   Axis
		m    data.Matrix
		want string
	}{
		{"full min skips a leading NaN", Min, All, f64([]float64{nan, 1, 2}), "f64 1"},
		{"full min skips a later NaN", Min, All, f64([]float64{1, nan, 0}), "f64 0"},
		{"full max of NaNs is -inf", Max, All, f64([]float64{nan, nan}), "f64 -Inf"},
		{"full max f32 skips NaN", Max, All, denseOf([][]float32{{float32(nan), 3}}), "f32 3"},
		{"row min propagates a leading NaN", Min, Row, f64([]float64{nan, 1, 2}), "1x1 f64 [NaN]"},
		{"NaN later is skipped (max row)", Max, Row, f64([]float64{1, nan, 3}), "1x1 f64 [3]"},
		{"NaN first column propagates", Max, Col, f64([]float64{nan, 1}, []float64{5, nan}), "1x2 f64 [NaN 1]"},
		{"sum propagates", Sum, All, f64([]float64{1, nan}), "f64 NaN"},
		{"var propagates", Var, Row, f64([]float64{1, nan, 2}), "1x1 f64 [NaN]"},
		{"var of a lone inf cell per column is NaN", Var, Col, f64([]float64{math.Inf(1), 1}), "1x2 f64 [NaN 0]"},
		{"stddev of a lone -inf cell per column is NaN", Stddev, Col, f64([]float64{math.Inf(-1)}), "1x1 f64 [NaN]"},
		{"var of a lone inf cell (All) is NaN", Var, All, f64([]float64{math.Inf(1)}), "f64 NaN"},
		{"var of a column with inf is NaN", Var, Col, f64([]float64{1}, []float64{math.Inf(1)}), "1x1 f64 [NaN]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := Aggregate(tc.op, tc.ax, tc.m)
			if err != nil {
				t.Fatal(err)
			}
			if s := show(got); s != tc.want {
				t.Fatalf("got  %s\nwant %s", s, tc.want)
			}
		})
	}
}

func TestVarianceLargeOffset(t *testing.T) {
	t.Parallel()
	// The textbook sum/sum-of-squares formula loses every digit here.
	m := f64([]float64{1e9 + 1}, []float64{1e9 + 2}, []float64{1e9 + 3})
	for _, ax := range []Axis{All, Col} {
		got, err := Aggregate(Var, ax, m)
		if err != nil {
			t.Fatal(err)
		}
		var v float64
		if s, ok := got.(*data.Scalar); ok {
			v = s.F
		} else {
			v = got.(*data.Dense[float64]).Data[0]
		}
		if math.Abs(v-2.0/3) > 1e-12 {
			t.Fatalf("%v: var = %v, want 2/3", ax, v)
		}
	}
}

func TestNegativeZero(t *testing.T) {
	t.Parallel()
	nz := math.Copysign(0, -1)
	m := f64([]float64{nz, nz})
	for _, tc := range []struct {
		op   Op
		ax   Axis
		want string
	}{
		{Sum, Row, "1x1 f64 [-0]"},
		{Sum, Col, "1x2 f64 [-0 -0]"},
		{Mean, Row, "1x1 f64 [-0]"},
		{Sum, All, "f64 0"}, // DAPHNE's full sum starts from +0
	} {
		t.Run(opName(tc.op, tc.ax), func(t *testing.T) {
			got, err := Aggregate(tc.op, tc.ax, m)
			if err != nil {
				t.Fatal(err)
			}
			if s := show(got); s != tc.want {
				t.Errorf("got %s, want %s", s, tc.want)
			}
		})
	}
}
