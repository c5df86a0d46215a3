package data

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/daphne-go/daphne/types"
)

var update = flag.Bool("update", false, "rewrite golden files")

func mustCSR[T Elem](t *testing.T, vt types.ValueType, rows, cols int, rowPtr, colIdx []int, vals []T) *CSR[T] {
	t.Helper()
	m, err := NewCSRVT(vt, rows, cols, rowPtr, colIdx, vals)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// printCases are the values printed in the golden tests; each has a file
// testdata/print/<name>.golden holding the exact bytes DAPHNE prints.
func printCases(t *testing.T) []struct {
	name    string
	v       Value
	newline bool
} {
	nan := math.NaN()
	return []struct {
		name    string
		v       Value
		newline bool
	}{
		{"scalar_f64", F64(0.1 + 0.2), true},
		{"scalar_f64_nonewline", F64(1e6), false},
		{"scalar_f32", F32(1.0 / 3), true},
		{"scalar_si64", SI64(-9223372036854775808), true},
		{"scalar_si32", &Scalar{VT: types.SI32, I: 2147483647}, true},
		{"scalar_si8", &Scalar{VT: types.SI8, I: -5}, true},
		{"scalar_ui64", UI64(18446744073709551615), true},
		{"scalar_ui32", &Scalar{VT: types.UI32, U: 4294967295}, true},
		{"scalar_ui8", &Scalar{VT: types.UI8, U: 10}, true},
		{"scalar_size", SizeScalar(3), true},
		{"scalar_bool", Bool(true), true},
		{"scalar_str", Str("hello, world"), true},
		{"dense_f64_specials", DenseFrom(2, 4, []float64{
			nan, math.Inf(1), math.Inf(-1), math.Copysign(0, -1),
			1e6, 1.0 / 3, 5.5247e-08, 1.00008e+07}), true},
		{"dense_f32", DenseFrom(1, 3, []float32{0.1, 16777217, -2.5}), true},
		{"dense_si64", DenseFrom(2, 2, []int64{1, -2, 3, 40}), false},
		{"dense_si32", DenseFrom(1, 2, []int32{-7, 7}), true},
		{"dense_si8", DenseFrom(1, 3, []int8{-128, 0, 127}), true},
		{"dense_ui64", DenseFrom(1, 1, []uint64{18446744073709551615}), true},
		{"dense_ui32", DenseFrom(2, 1, []uint32{0, 4294967295}), true},
		{"dense_ui8", DenseFrom(1, 3, []uint8{0, 65, 255}), true},
		{"dense_size", DenseFromVT(types.Size, 3, 1, []uint64{0, 1, 2}), true},
		{"dense_bool", DenseFrom(2, 2, []bool{true, false, false, true}), true},
		{"dense_str", DenseFrom(2, 2, []string{"a", "b c", "", "\"q\""}), true},
		{"dense_empty_rows", NewDense[float64](0, 3), true},
		{"dense_empty_cols", NewDense[int64](2, 0), true},
		{"csr_f64", mustCSR(t, types.F64, 3, 3, []int{0, 1, 1, 3}, []int{1, 0, 2}, []float64{2.5, -1, 1e-7}), true},
		{"csr_si64_empty_rows", mustCSR(t, types.SI64, 2, 2, []int{0, 0, 0}, nil, []int64{}), true},
		{"list_dense", &List{VT: types.F64, Elems: []Matrix{
			DenseFrom(1, 2, []float64{1, 2}), DenseFrom(2, 1, []float64{3.5, 4})}}, true},
		{"list_empty", &List{VT: types.SI64}, true},
	}
}

func TestPrintGolden(t *testing.T) {
	t.Parallel()
	for _, tc := range printCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var buf bytes.Buffer
			if err := Print(&buf, tc.v, tc.newline); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "print", tc.name+".golden")
			if *update {
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("missing golden file (run go test -update): %v", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("Print output differs from %s:\ngot:\n%s\nwant:\n%s", path, buf.Bytes(), want)
			}
		})
	}
}

type fakeFrame struct{}

func (fakeFrame) DataType() types.DataType   { return types.Frame }
func (fakeFrame) ValueType() types.ValueType { return types.Unknown }

func TestPrintErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		v    Value
		want error
	}{
		{"unknown value", fakeFrame{}, nil},
		{"nil", nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			err := Print(&bytes.Buffer{}, tc.v, true)
			if err == nil {
				t.Fatal("Print succeeded, want an error")
			}
			if tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("error %v, want %v", err, tc.want)
			}
		})
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestPrintWriteError(t *testing.T) {
	t.Parallel()
	if err := Print(failWriter{}, F64(1), true); err == nil {
		t.Error("Print to a failing writer succeeded")
	}
}

func TestTypeName(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		v    Value
		want string
	}{
		{"f64", F64(1), "double"},
		{"f32", F32(1), "float"},
		{"si64", SI64(1), "int64_t"},
		{"si32", &Scalar{VT: types.SI32}, "int32_t"},
		{"si8", &Scalar{VT: types.SI8}, "int8_t"},
		{"ui64", UI64(1), "uint64_t"},
		{"ui32", &Scalar{VT: types.UI32}, "uint32_t"},
		{"ui8", &Scalar{VT: types.UI8}, "uint8_t"},
		{"bool", Bool(true), "bool"},
		{"str", Str("x"), "const char*"},
		{"size", SizeScalar(1), "size_t"},
		{"dense", NewDense[int64](3, 1), "DenseMatrix(3x1, int64_t)"},
		{"dense str", NewDense[string](1, 2), "DenseMatrix(1x2, std::string)"},
		{"dense size", NewDenseVT[uint64](types.Size, 2, 2), "DenseMatrix(2x2, uint64_t)"},
		{"csr", EmptyCSR[float64](types.F64, 4, 5), "CSRMatrix(4x5, double)"},
		{"list", &List{VT: types.F32, Elems: []Matrix{NewDense[float32](1, 1)}}, "List(1, DenseMatrix, float)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := TypeName(tc.v); got != tc.want {
				t.Errorf("TypeName = %q, want %q", got, tc.want)
			}
		})
	}
}

func BenchmarkPrintDenseF64(b *testing.B) {
	m := NewDense[float64](1000, 1000)
	for i := range m.Data {
		m.Data[i] = float64(i) / 7
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := Print(io.Discard, m, true); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPrintScalar(b *testing.B) {
	s := F64(1.0 / 3)
	b.ReportAllocs()
	for b.Loop() {
		if err := Print(io.Discard, s, true); err != nil {
			b.Fatal(err)
		}
	}
}
