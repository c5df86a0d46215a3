package prep

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

func TestOneHot(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		x    data.Matrix
		info data.Matrix
		want data.Matrix
	}{
		{"f64 keep encode drop",
			data.DenseFrom(2, 3, []float64{1.5, 2, 7, -3, 0, 8}),
			data.DenseFrom(1, 3, []int64{-1, 3, 0}),
			data.DenseFrom(2, 4, []float64{1.5, 0, 0, 1, -3, 1, 0, 0})},
		{"si64 two encoded",
			data.DenseFrom(2, 2, []int64{1, 0, 0, 1}),
			data.DenseFrom(1, 2, []int64{2, 2}),
			data.DenseFrom(2, 4, []int64{0, 1, 1, 0, 1, 0, 0, 1})},
		{"float codes truncate",
			data.DenseFrom(1, 1, []float64{1.9}),
			data.DenseFrom(1, 1, []int64{2}),
			data.DenseFrom(1, 2, []float64{0, 1})},
		{"info as f64",
			data.DenseFrom(1, 2, []uint8{4, 1}),
			data.DenseFrom(1, 2, []float64{-1, 2}),
			data.DenseFrom(1, 3, []uint8{4, 0, 1})},
		{"str recoded per column",
			data.DenseFrom(4, 4, []string{"b", "b", "b", "b", "a", "a", "a", "a", "c", "c", "c", "c", "b", "b", "b", "b"}),
			data.DenseFrom(1, 4, []int64{-1, 0, 3, 4}),
			data.DenseFrom(4, 8, []int64{
				0, 1, 0, 0, 1, 0, 0, 0,
				1, 0, 1, 0, 0, 1, 0, 0,
				2, 0, 0, 1, 0, 0, 1, 0,
				0, 1, 0, 0, 1, 0, 0, 0})},
		{"str columns coded independently",
			data.DenseFrom(2, 2, []string{"x", "p", "y", "p"}),
			data.DenseFrom(1, 2, []int64{2, -1}),
			data.DenseFrom(2, 3, []int64{1, 0, 0, 0, 1, 0})},
		{"all dropped", data.DenseFrom(2, 1, []float64{1, 2}), data.DenseFrom(1, 1, []int64{0}), data.NewDense[float64](2, 0)},
		{"csr", data.DenseToCSR(data.DenseFrom(2, 1, []float64{0, 1})), data.DenseFrom(1, 1, []int64{2}),
			data.DenseFrom(2, 2, []float64{1, 0, 0, 1})},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := OneHot(tc.x, tc.info)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestOneHotErrors(t *testing.T) {
	t.Parallel()
	x := data.DenseFrom(2, 2, []float64{0, 1, 2, 3})
	tests := []struct {
		name    string
		x, info data.Matrix
		want    string
	}{
		{"info shape", x, data.DenseFrom(1, 1, []int64{2}), "oneHot: info must be a 1x2 row vector (one entry per column of the 2x2 argument), got 1x1"},
		{"info column", x, data.DenseFrom(2, 1, []int64{2, 2}), "oneHot: info must be a 1x2 row vector"},
		{"info value", x, data.DenseFrom(1, 2, []int64{-2, 2}), "oneHot: info value -2 for column 0 is invalid"},
		{"too large", x, data.DenseFrom(1, 2, []int64{-1, 3}), "oneHot: value 3 in row 1, column 1 is outside [0, 3)"},
		{"negative", data.DenseFrom(1, 1, []float64{-0.5}), data.DenseFrom(1, 1, []int64{2}), "oneHot: value -0.5 in row 0, column 0 is outside [0, 2)"},
		{"nan", data.DenseFrom(1, 1, []float64{math.NaN()}), data.DenseFrom(1, 1, []int64{2}), "oneHot: value nan in row 0, column 0"},
		{"string categories", data.DenseFrom(3, 1, []string{"x", "y", "z"}), data.DenseFrom(1, 1, []int64{2}), "oneHot: value 2 in row 2, column 0 is outside [0, 2)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := OneHot(tc.x, tc.info)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestRecode(t *testing.T) {
	t.Parallel()
	nan := math.NaN()
	tests := []struct {
		name      string
		x         data.Matrix
		ordered   bool
		wantCodes []int64
		wantDict  data.Matrix
	}{
		{"f64 ordered", data.DenseFrom(5, 1, []float64{3.5, 1, 3.5, -2, 1}), true,
			[]int64{2, 1, 2, 0, 1}, data.DenseFrom(3, 1, []float64{-2, 1, 3.5})},
		{"f64 first appearance", data.DenseFrom(5, 1, []float64{3.5, 1, 3.5, -2, 1}), false,
			[]int64{0, 1, 0, 2, 1}, data.DenseFrom(3, 1, []float64{3.5, 1, -2})},
		{"str ordered", data.DenseFrom(4, 1, []string{"b", "a", "c", "a"}), true,
			[]int64{1, 0, 2, 0}, data.DenseFrom(3, 1, []string{"a", "b", "c"})},
		{"ui8 first appearance", data.DenseFrom(3, 1, []uint8{9, 9, 4}), false,
			[]int64{0, 0, 1}, data.DenseFrom(2, 1, []uint8{9, 4})},
		{"bool ordered", data.DenseFrom(3, 1, []bool{true, false, true}), true,
			[]int64{1, 0, 1}, data.DenseFrom(2, 1, []bool{false, true})},
		{"empty", data.NewDense[int64](0, 1), true, []int64{}, data.NewDense[int64](0, 1)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			codes, dict, err := Recode(tc.x, tc.ordered)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(codes, data.DenseFrom(len(tc.wantCodes), 1, tc.wantCodes)) {
				t.Fatalf("codes %v, want %v", codes, tc.wantCodes)
			}
			if !reflect.DeepEqual(dict, tc.wantDict) {
				t.Fatalf("dict %v, want %v", dict, tc.wantDict)
			}
		})
	}
	t.Run("nan is one value, last when ordered", func(t *testing.T) {
		for _, ordered := range []bool{true, false} {
			codes, dict, err := Recode(data.DenseFrom(4, 1, []float64{nan, 2, nan, 1}), ordered)
			if err != nil {
				t.Fatal(err)
			}
			c := codes.(*data.Dense[int64]).Data
			d := dict.(*data.Dense[float64]).Data
			if len(d) != 3 || c[0] != c[2] || !math.IsNaN(d[c[0]]) || d[c[1]] != 2 || d[c[3]] != 1 {
				t.Fatalf("ordered=%v: codes %v dict %v", ordered, c, d)
			}
			if ordered && !reflect.DeepEqual(c, []int64{2, 1, 2, 0}) {
				t.Fatalf("ordered codes %v, want [2 1 2 0]", c)
			}
		}
	})
	t.Run("two columns", func(t *testing.T) {
		_, _, err := Recode(data.NewDense[float64](2, 2), true)
		if err == nil || !strings.Contains(err.Error(), "recode: the argument must have exactly one column, got 2x2") {
			t.Fatalf("error %v", err)
		}
	})
}

func TestBin(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		vals    []float64
		numBins int64
		lo, hi  *data.Scalar
		want    []float64
	}{
		{"three bins", []float64{10, 20, 30, 40, 50, 60, 70}, 3, data.F64(10), data.F64(70), []float64{0, 0, 0, 1, 1, 2, 2}},
		{"out of range clamps", []float64{5, 20, 30, 40, 50, 60, 100}, 3, data.F64(10), data.F64(70), []float64{0, 0, 0, 1, 1, 2, 2}},
		{"one bin min == max", []float64{10, 20, 30}, 1, data.F64(20), data.F64(20), []float64{0, 0, 0}},
		{"one bin", []float64{10, 30, 20}, 1, data.F64(10), data.F64(30), []float64{0, 0, 0}},
		{"data min max", []float64{10, 20, 30, 40, 50, 60, 70}, 3, nil, nil, []float64{0, 0, 0, 1, 1, 2, 2}},
	}
	for _, tc := range tests {
		for _, vt := range []types.ValueType{types.F64, types.F32, types.SI64, types.UI32, types.SI8} {
			t.Run(tc.name+" "+vt.String(), func(t *testing.T) {
				x := must(data.ConvertMatrix(data.DenseFrom(len(tc.vals), 1, tc.vals), vt))
				got, err := Bin(x, tc.numBins, tc.lo, tc.hi)
				if err != nil {
					t.Fatal(err)
				}
				want := must(data.ConvertMatrix(data.DenseFrom(len(tc.want), 1, tc.want), vt))
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("got %v, want %v", got, want)
				}
			})
		}
	}
	t.Run("nan inf", func(t *testing.T) {
		_, err := Bin(data.DenseFrom(4, 1, []float64{math.NaN(), math.Inf(1), math.Inf(-1), 40}), 3, nil, nil)
		if err == nil || !strings.Contains(err.Error(), "bin: min and max must be finite, got -inf and inf (the data's when not given)") {
			t.Fatalf("infinite data bounds: error %v", err)
		}
		got, err := Bin(data.DenseFrom(3, 1, []float64{math.NaN(), 1, 4}), 3, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if d := got.(*data.Dense[float64]).Data; !math.IsNaN(d[0]) || d[1] != 0 || d[2] != 2 {
			t.Fatalf("got %v, want [NaN 0 2]", d)
		}
		got, err = Bin(data.DenseFrom(3, 1, []float64{math.NaN(), math.Inf(1), math.Inf(-1)}), 3, data.F64(10), data.F64(70))
		if err != nil {
			t.Fatal(err)
		}
		d := got.(*data.Dense[float64]).Data
		if !math.IsNaN(d[0]) || d[1] != 2 || d[2] != 0 {
			t.Fatalf("got %v, want [NaN 2 0]", d)
		}
	})
	t.Run("all nan", func(t *testing.T) {
		got, err := Bin(data.DenseFrom(2, 1, []float64{math.NaN(), math.NaN()}), 3, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if d := got.(*data.Dense[float64]).Data; !math.IsNaN(d[0]) || !math.IsNaN(d[1]) {
			t.Fatalf("got %v", d)
		}
	})
	t.Run("si8 wide range does not overflow", func(t *testing.T) {
		got, err := Bin(data.DenseFrom(3, 1, []int8{-100, 0, 100}), 2, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, data.DenseFrom(3, 1, []int8{0, 0, 1})) {
			t.Fatalf("got %v", got)
		}
	})
}

func TestBinErrors(t *testing.T) {
	t.Parallel()
	x := data.DenseFrom(1, 1, []float64{150})
	tests := []struct {
		name    string
		x       data.Matrix
		numBins int64
		lo, hi  *data.Scalar
		want    string
	}{
		{"zero bins", x, 0, data.F64(100), data.F64(200), "bin: numBins must be greater than zero, got 0"},
		{"negative bins", x, -1, data.F64(100), data.F64(200), "bin: numBins must be greater than zero, got -1"},
		{"min > max", x, 2, data.F64(200), data.F64(100), "bin: min (200) must not be greater than max (100)"},
		{"min == max", x, 3, data.F64(20), data.F64(20), "bin: min equals max (20), so numBins must be 1, got 3"},
		{"nan min", x, 1, data.F64(math.NaN()), data.F64(200), "bin: min must be a number, got nan (scalar f64)"},
		{"inf max", x, 1, data.F64(100), data.F64(math.Inf(1)), "bin: max must be finite, got inf"},
		{"-inf min", x, 1, data.F64(math.Inf(-1)), data.F64(200), "bin: min must be finite, got -inf"},
		{"string", data.DenseFrom(1, 1, []string{"a"}), 2, nil, nil, "bin: value type str is not supported"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Bin(tc.x, tc.numBins, tc.lo, tc.hi)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestQuantize(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		vals   []float32
		lo, hi float64
		want   []uint8
	}{
		// scale 1/256, zero point 0: a -> round(256 a) clamped.
		{"unit range", []float32{0, 0.25, 0.5, 0.999, 1, -1}, 0, 1, []uint8{0, 64, 128, 255, 255, 0}},
		// min widened to 0 when positive: [0, 2] scale 1/128.
		{"positive min widened", []float32{0.5, 1, 2}, 1, 2, []uint8{64, 128, 255}},
		// symmetric: scale 2/256, zero point round(255 - 128) = 127.
		{"symmetric", []float32{-1, 0, 1, 0.5}, -1, 1, []uint8{0, 127, 255, 191}},
		{"nan", []float32{float32(math.NaN())}, 0, 1, []uint8{0}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Quantize(data.DenseFrom(len(tc.vals), 1, tc.vals), tc.lo, tc.hi)
			if err != nil {
				t.Fatal(err)
			}
			if got.ValueType() != types.UI8 {
				t.Fatalf("value type %v", got.ValueType())
			}
			if !reflect.DeepEqual(got.(*data.Dense[uint8]).Data, tc.want) {
				t.Fatalf("got %v, want %v", got.(*data.Dense[uint8]).Data, tc.want)
			}
		})
	}
	t.Run("f64 accepted", func(t *testing.T) {
		got, err := Quantize(data.DenseFrom(1, 2, []float64{0.25, 1}), 0, 1)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.(*data.Dense[uint8]).Data, []uint8{64, 255}) {
			t.Fatalf("got %v", got)
		}
	})
}

func TestQuantizeErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		x      data.Matrix
		lo, hi float64
		want   string
	}{
		{"int", data.NewDense[int64](1, 1), 0, 1, "quantize: value type si64 is not supported, expected f32"},
		{"min > max", data.NewDense[float32](1, 1), 2, 1, "quantize: min (2) must not be greater than max (1)"},
		{"empty range", data.NewDense[float32](1, 1), 0, 0, "quantize: the range [min, max] (widened to include 0) must not be empty"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Quantize(tc.x, tc.lo, tc.hi)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
