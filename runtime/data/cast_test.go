package data

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/types"
)

func sameScalar(a, b *Scalar) bool {
	if a.VT != b.VT {
		return false
	}
	if a.VT.IsFloat() && math.IsNaN(a.F) && math.IsNaN(b.F) {
		return true
	}
	return *a == *b
}

func TestCastScalar(t *testing.T) {
	t.Parallel()
	si8 := func(v int64) *Scalar { return &Scalar{VT: types.SI8, I: v} }
	si32 := func(v int64) *Scalar { return &Scalar{VT: types.SI32, I: v} }
	ui8 := func(v uint64) *Scalar { return &Scalar{VT: types.UI8, U: v} }
	ui32 := func(v uint64) *Scalar { return &Scalar{VT: types.UI32, U: v} }
	tests := []struct {
		name string
		in   *Scalar
		vt   types.ValueType
		want *Scalar
	}{
		{"keep", F64(2.5), types.Unknown, F64(2.5)},
		{"f64 to si64 truncates", F64(2.9), types.SI64, SI64(2)},
		{"negative f64 to si64 truncates toward zero", F64(-2.9), types.SI64, SI64(-2)},
		{"f64 to ui64 negative wraps", F64(-1), types.UI64, UI64(math.MaxUint64)},
		{"f64 to si8 wraps via int64", F64(300.7), types.SI8, si8(44)},
		{"f64 to ui8", F64(255.9), types.UI8, ui8(255)},
		{"si64 to si8 wraps", SI64(200), types.SI8, si8(-56)},
		{"si64 to ui32 wraps", SI64(-1), types.UI32, ui32(4294967295)},
		{"ui64 to si64 wraps", UI64(math.MaxUint64), types.SI64, SI64(-1)},
		{"si32 to f32", si32(16777217), types.F32, F32(16777216)},
		{"f64 to f32 rounds", F64(0.1), types.F32, F32(0.1)},
		{"f64 nan to bool is true", F64(math.NaN()), types.Bool, Bool(true)},
		{"f64 zero to bool", F64(0), types.Bool, Bool(false)},
		{"bool to f64", Bool(true), types.F64, F64(1)},
		{"size to si64", SizeScalar(5), types.SI64, SI64(5)},
		{"si64 to size", SI64(5), types.Size, SizeScalar(5)},
		{"si64 to str", SI64(-12), types.Str, Str("-12")},
		{"f64 to str six decimals", F64(1.5), types.Str, Str("1.500000")},
		{"f32 to str", F32(0.25), types.Str, Str("0.250000")},
		{"bool to str", Bool(true), types.Str, Str("1")},
		{"ui8 to str is a number", ui8(65), types.Str, Str("65")},
		{"str to si64 leading part", Str("  12abc"), types.SI64, SI64(12)},
		{"str to ui64 negative wraps", Str("-1"), types.UI64, UI64(math.MaxUint64)},
		{"str to f64", Str("1.1"), types.F64, F64(1.1)},
		{"str to f64 exponent with junk", Str("1e5x"), types.F64, F64(1e5)},
		{"str to f64 hex without exponent", Str("0x1.8"), types.F64, F64(1.5)},
		{"str to f64 inf", Str("-Infinity"), types.F64, F64(math.Inf(-1))},
		{"str to f64 nan", Str("nan(123)"), types.F64, F64(math.NaN())},
		{"str to f32", Str("0.1"), types.F32, F32(0.1)},
		{"str to si8 wraps", Str("300"), types.SI8, si8(44)},
		{"str to bool", Str("2"), types.Bool, Bool(true)},
		{"str to bool zero", Str("0"), types.Bool, Bool(false)},
		{"str to str", Str("x"), types.Str, Str("x")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := Cast(tc.in, types.Scalar, tc.vt)
			if err != nil {
				t.Fatal(err)
			}
			s, ok := got.(*Scalar)
			if !ok || !sameScalar(s, tc.want) {
				t.Errorf("Cast(%+v, scalar, %v) = %+v, want %+v", tc.in, tc.vt, got, tc.want)
			}
			// The same conversion without a data type must agree.
			got2, err := Cast(tc.in, types.AnyData, tc.vt)
			if err != nil || !sameScalar(got2.(*Scalar), tc.want) {
				t.Errorf("Cast(any) = %+v, %v", got2, err)
			}
		})
	}
}

func TestCastDataType(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   Value
		dt   types.DataType
		vt   types.ValueType
		want Value
	}{
		{"scalar to matrix", SI64(3), types.Matrix, types.Unknown, DenseFrom(1, 1, []int64{3})},
		{"scalar to matrix<f32>", SI64(3), types.Matrix, types.F32, DenseFrom(1, 1, []float32{3})},
		{"str scalar to matrix", Str("a"), types.Matrix, types.Unknown, DenseFrom(1, 1, []string{"a"})},
		{"1x1 matrix to scalar", DenseFrom(1, 1, []float64{2.5}), types.Scalar, types.Unknown, F64(2.5)},
		{"1x1 matrix to scalar<si64>", DenseFrom(1, 1, []float64{2.5}), types.Scalar, types.SI64, SI64(2)},
		{"1x1 csr to scalar", mustCSR(t, types.F64, 1, 1, []int{0, 1}, []int{0}, []float64{7}), types.Scalar, types.Unknown, F64(7)},
		{"1x1 empty csr to scalar", EmptyCSR[int64](types.SI64, 1, 1), types.Scalar, types.Unknown, SI64(0)},
		{"1x1 size matrix to scalar", DenseFromVT(types.Size, 1, 1, []uint64{4}), types.Scalar, types.Unknown, SizeScalar(4)},
		{"matrix to matrix<si64>", DenseFrom(1, 2, []float64{1.5, -1.5}), types.Matrix, types.SI64, DenseFrom(1, 2, []int64{1, -1})},
		{"as.f64 of matrix", DenseFrom(1, 2, []string{"1.1", "2"}), types.AnyData, types.F64, DenseFrom(1, 2, []float64{1.1, 2})},
		{"list to f64", &List{VT: types.SI64, Elems: []Matrix{DenseFrom(1, 1, []int64{2})}}, types.AnyData, types.F64,
			&List{VT: types.F64, Elems: []Matrix{DenseFrom(1, 1, []float64{2})}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := Cast(tc.in, tc.dt, tc.vt)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Cast = %#v, want %#v", got, tc.want)
			}
		})
	}
}

func TestCastErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		in      Value
		dt      types.DataType
		vt      types.ValueType
		wantMsg string
		wantErr error
	}{
		{"matrix 2x3 to scalar", NewDense[float64](2, 3), types.Scalar, types.Unknown, "DenseMatrix(2x3, double)", nil},
		{"matrix 0x1 to scalar", NewDense[int64](0, 1), types.Scalar, types.Unknown, "0x1", nil},
		{"unparsable string", Str("abc"), types.Scalar, types.SI64, `"abc"`, ErrNotANumber},
		{"unparsable float", Str("x1"), types.Scalar, types.F64, `"x1"`, ErrNotANumber},
		{"empty string", Str(""), types.Scalar, types.F32, `""`, ErrNotANumber},
		{"out of range", Str("99999999999999999999"), types.Scalar, types.SI64, "99999999999999999999", ErrOutOfRange},
		{"f32 overflow", Str("1e39"), types.Scalar, types.F32, "1e39", ErrOutOfRange},
		{"unparsable cell", DenseFrom(1, 2, []string{"1", "b"}), types.Matrix, types.SI32, `"b"`, ErrNotANumber},
		{"unknown value to frame", fakeFrame{}, types.Matrix, types.Unknown, "fakeFrame", nil},
		{"list to frame", &List{VT: types.F64}, types.Frame, types.Unknown, "list", nil},
		{"frame 2x1 to scalar", mustFrame([]Matrix{NewDense[int64](2, 1)}, nil), types.Scalar, types.Unknown, "Frame(2x1, [col_0:int64_t])", nil},
		{"str frame to number matrix", mustFrame([]Matrix{DenseFrom(1, 1, []string{"x"})}, nil), types.Matrix, types.F64, `"x"`, ErrNotANumber},
		{"scalar to list", SI64(1), types.List, types.Unknown, "list", nil},
		{"list to matrix", &List{VT: types.F64}, types.Matrix, types.Unknown, "list", nil},
		{"nil", nil, types.Scalar, types.F64, "no value", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := Cast(tc.in, tc.dt, tc.vt)
			if err == nil {
				t.Fatal("Cast succeeded, want an error")
			}
			if !strings.Contains(err.Error(), tc.wantMsg) {
				t.Errorf("error %q does not mention %q", err, tc.wantMsg)
			}
			if tc.wantErr != nil && !errors.Is(err, tc.wantErr) {
				t.Errorf("error %v is not %v", err, tc.wantErr)
			}
		})
	}
}

func TestStrToNumbers(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		i    int64
		iErr error
		f    float64
		fErr error
	}{
		{"plain", "42", 42, nil, 42, nil},
		{"spaces and sign", " \t+7", 7, nil, 7, nil},
		{"negative fraction", "-3.75", -3, nil, -3.75, nil},
		{"exponent", "2e3", 2, nil, 2000, nil},
		{"dangling exponent", "2e+", 2, nil, 2, nil},
		{"dot only", ".", 0, ErrNotANumber, 0, ErrNotANumber},
		{"leading dot", ".5", 0, ErrNotANumber, 0.5, nil},
		{"hex", "0x1p4", 0, nil, 16, nil},
		{"bare 0x", "0xg", 0, nil, 0, nil},
		{"inf", "inf", 0, ErrNotANumber, math.Inf(1), nil},
		{"nan sign", "-nan", 0, ErrNotANumber, math.NaN(), nil},
		{"sign only", "-", 0, ErrNotANumber, 0, ErrNotANumber},
		{"huge int", "-9223372036854775809", 0, ErrOutOfRange, -9223372036854775809, nil},
		{"huge float", "1e400", 1, nil, 0, ErrOutOfRange},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			i, err := StrToInt64(tc.in)
			if !errors.Is(err, tc.iErr) || (err == nil && i != tc.i) {
				t.Errorf("StrToInt64(%q) = %d, %v; want %d, %v", tc.in, i, err, tc.i, tc.iErr)
			}
			f, err := StrToFloat(tc.in, 64)
			same := f == tc.f || math.IsNaN(f) && math.IsNaN(tc.f)
			if !errors.Is(err, tc.fErr) || (err == nil && !same) {
				t.Errorf("StrToFloat(%q) = %v, %v; want %v, %v", tc.in, f, err, tc.f, tc.fErr)
			}
		})
	}
}
