package data

import (
	"bytes"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/types"
)

func mustFrame(cols []Matrix, labels []string) *Frame {
	f, err := NewFrame(cols, labels)
	if err != nil {
		panic(err)
	}
	return f
}

func TestFramePrint(t *testing.T) {
	t.Parallel()
	f := mustFrame([]Matrix{
		DenseFrom(3, 1, []int64{1, -2, 3}),
		DenseFrom(3, 1, []float64{1.5, 0.1, 1e6}),
		DenseFrom(3, 1, []string{"x", "a b", ""}),
		DenseFrom(3, 1, []int8{-1, 0, 7}),
		DenseFromVT(types.Size, 3, 1, []uint64{0, 1, 2}),
	}, []string{"a", "b", "c", "d", "e"})
	tests := []struct {
		name string
		v    *Frame
		want string
	}{
		{"mixed", f, "Frame(3x5, [a:int64_t, b:double, c:std::string, d:int8_t, e:uint64_t])\n" +
			"1 1.5 x -1 0\n-2 0.1 a b 0 1\n3 1e+06  7 2\n"},
		{"default labels", mustFrame([]Matrix{DenseFrom(1, 1, []float32{2.5}), DenseFrom(1, 1, []bool{true})}, nil),
			"Frame(1x2, [col_0:float, col_1:bool])\n2.5 1\n"},
		{"no rows", mustFrame([]Matrix{NewDense[int64](0, 1)}, []string{"k"}), "Frame(0x1, [k:int64_t])\n"},
		{"no columns", mustFrame(nil, nil), "Frame(0x0, [])\n"},
		{"rows without columns", func() *Frame { f, _ := NewFrameRows(2, nil, nil); return f }(), "Frame(2x0, [])\n\n\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var b bytes.Buffer
			if err := Print(&b, tc.v, false); err != nil {
				t.Fatal(err)
			}
			if b.String() != tc.want {
				t.Errorf("got\n%q\nwant\n%q", b.String(), tc.want)
			}
			if got, want := TypeName(tc.v), strings.SplitN(tc.want, "\n", 2)[0]; got != want {
				t.Errorf("TypeName %q, want %q", got, want)
			}
		})
	}
}

func TestNewFrameErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		cols   []Matrix
		labels []string
		want   string
	}{
		{"label count", []Matrix{NewDense[int64](2, 1)}, []string{"a", "b"}, "2 labels for 1 columns"},
		{"wide column", []Matrix{NewDense[int64](2, 2)}, nil, "exactly one column"},
		{"ragged", []Matrix{NewDense[int64](2, 1), NewDense[int64](3, 1)}, []string{"a", "b"}, `column 1 ("b") has 3`},
		{"duplicate label", []Matrix{NewDense[int64](2, 1), NewDense[int64](2, 1)}, []string{"a", "a"}, `"a" is used twice`},
		{"missing column", []Matrix{nil}, nil, "missing"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := NewFrame(tc.cols, tc.labels)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one mentioning %q", err, tc.want)
			}
		})
	}
}

func TestFrameAccessors(t *testing.T) {
	t.Parallel()
	csr := DenseToCSR(DenseFrom(2, 1, []float64{0, 4}))
	f := mustFrame([]Matrix{DenseFrom(2, 1, []int64{1, 2}), csr}, []string{"k", "v"})
	if f.Rows() != 2 || f.Cols() != 2 || f.DataType() != types.Frame {
		t.Fatalf("shape %dx%d %v", f.Rows(), f.Cols(), f.DataType())
	}
	if f.Column(1).IsSparse() {
		t.Error("CSR column was not densified")
	}
	if j, err := f.ColumnByLabel("v"); err != nil || j != 1 {
		t.Errorf("ColumnByLabel(v) = %d, %v", j, err)
	}
	if _, err := f.ColumnByLabel("zz"); err == nil || !strings.Contains(err.Error(), `["k", "v"]`) {
		t.Errorf("ColumnByLabel(zz) error %v", err)
	}
	if f.ValueType() != types.Unknown {
		t.Errorf("mixed frame value type %v", f.ValueType())
	}
	if s := f.Schema(); s[0] != types.SI64 || s[1] != types.F64 {
		t.Errorf("schema %v", s)
	}
	g, err := f.WithLabels([]string{"x", "y"})
	if err != nil || g.Label(0) != "x" || f.Label(0) != "k" {
		t.Errorf("WithLabels: %v %v", g, err)
	}
	e, err := EmptyFrame([]types.ValueType{types.Str, types.Size}, []string{"s", "p"})
	if err != nil || e.Rows() != 0 || e.Header() != "Frame(0x2, [s:std::string, p:uint64_t])" {
		t.Errorf("EmptyFrame: %v %v", e, err)
	}
}

func TestFrameCasts(t *testing.T) {
	t.Parallel()
	m := DenseFrom(2, 2, []int64{1, 2, 3, 4})
	fv, err := Cast(m, types.Frame, types.Unknown)
	if err != nil {
		t.Fatal(err)
	}
	f := fv.(*Frame)
	if f.Header() != "Frame(2x2, [col_0:int64_t, col_1:int64_t])" {
		t.Errorf("as.frame header %s", f.Header())
	}
	back, err := Cast(f, types.Matrix, types.Unknown)
	if err != nil {
		t.Fatal(err)
	}
	if got := back.(*Dense[int64]).Data; got[0] != 1 || got[1] != 2 || got[2] != 3 || got[3] != 4 {
		t.Errorf("round trip %v", got)
	}
	mixed := mustFrame([]Matrix{DenseFrom(2, 1, []int64{1, 2}), DenseFrom(2, 1, []float64{0.5, 1.5})}, []string{"a", "b"})
	mv, err := Cast(mixed, types.Matrix, types.F64)
	if err != nil {
		t.Fatal(err)
	}
	if d, ok := mv.(*Dense[float64]); !ok || d.Data[0] != 1 || d.Data[1] != 0.5 || d.Data[3] != 1.5 {
		t.Errorf("mixed to f64 matrix %#v", mv)
	}
	iv, err := Cast(mixed, types.Matrix, types.Unknown)
	if err != nil {
		t.Fatal(err)
	}
	if d, ok := iv.(*Dense[int64]); !ok || d.Data[1] != 0 || d.Data[3] != 1 {
		t.Errorf("mixed to matrix of the first column's type %#v", iv)
	}
	sv, err := Cast(mustFrame([]Matrix{DenseFrom(1, 1, []float64{2.5})}, nil), types.Scalar, types.SI64)
	if err != nil || sv.(*Scalar).VT != types.SI64 {
		t.Errorf("1x1 frame to si64 scalar: %v %v", sv, err)
	}
	f32, err := Cast(mixed, types.Frame, types.F32)
	if err != nil || f32.(*Frame).Header() != "Frame(2x2, [a:float, b:float])" {
		t.Errorf("as.frame<f32>: %v %v", f32, err)
	}
	sf, err := Cast(SI64(7), types.Frame, types.Unknown)
	if err != nil || sf.(*Frame).Header() != "Frame(1x1, [col_0:int64_t])" {
		t.Errorf("scalar to frame: %v %v", sf, err)
	}
}
