package fileio

import (
	"math"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// sample returns a 3x4 matrix of value type vt with zeros, negative,
// extreme and (for floats) non-terminating and special values.
func sample(t *testing.T, vt types.ValueType) data.Matrix {
	t.Helper()
	switch vt {
	case types.F64:
		return data.DenseFrom(3, 4, []float64{0, 1.0 / 3, -2.5e-300, math.MaxFloat64,
			math.NaN(), math.Inf(1), math.Inf(-1), math.Copysign(0, -1),
			0.1, 123456789.123456789, 0, 1e22})
	case types.F32:
		return data.DenseFrom(3, 4, []float32{0, 1.0 / 3, -1e-38, math.MaxFloat32,
			float32(math.NaN()), float32(math.Inf(1)), 0, 0.1, 7, 0, -3.25, 16777216})
	case types.Str:
		return data.DenseFrom(3, 4, []string{"a", "", "with,comma", `with "quotes"`,
			"multi\nline", " lead", "trail ", "x\r\ny", "0", "-1", "ä", `"`})
	}
	base := data.DenseFrom(3, 4, []int64{0, 1, -1, 127, -128, 2147483647, -2147483648,
		math.MaxInt64, math.MinInt64, 0, 42, 255})
	m, err := data.ConvertMatrix(base, vt)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// equalMatrices compares cell by cell, NaN equal to NaN (bit pattern aside
// from the sign) and -0 distinct from 0 unless got is sparse (a CSR matrix
// does not store zeros, so their sign is lost).
func equalMatrices(t *testing.T, got, want data.Matrix) {
	t.Helper()
	if got.Rows() != want.Rows() || got.Cols() != want.Cols() || got.ValueType() != want.ValueType() {
		t.Fatalf("got %s, want %s", data.Describe(got), data.Describe(want))
	}
	for i := 0; i < want.Rows(); i++ {
		for j := 0; j < want.Cols(); j++ {
			g, _ := data.MatrixCell(got, i, j)
			w, _ := data.MatrixCell(want, i, j)
			if w.VT.IsFloat() {
				if math.IsNaN(w.F) && math.IsNaN(g.F) {
					continue
				}
				if g.F != w.F || (!got.IsSparse() && math.Signbit(g.F) != math.Signbit(w.F)) {
					t.Errorf("cell (%d,%d) = %v, want %v", i, j, g.F, w.F)
				}
				continue
			}
			if !reflect.DeepEqual(g, w) {
				t.Errorf("cell (%d,%d) = %+v, want %+v", i, j, g, w)
			}
		}
	}
}

func readBackType(vt types.ValueType) types.ValueType {
	if vt == types.Size {
		return types.UI64 // the meta data spells size as ui64
	}
	return vt
}

func TestRoundTrip(t *testing.T) {
	t.Parallel()
	for _, ext := range []string{".csv", ".mtx", ".dbdf"} {
		for _, vt := range types.AllValueTypes {
			if vt == types.Bool || (ext == ".mtx" && vt == types.Str) {
				continue
			}
			t.Run(ext[1:]+"_"+vt.String(), func(t *testing.T) {
				t.Parallel()
				path := filepath.Join(t.TempDir(), "m"+ext)
				m := sample(t, vt)
				if err := WriteMatrix(path, m); err != nil {
					t.Fatal(err)
				}
				got, err := ReadMatrix(path)
				if err != nil {
					t.Fatal(err)
				}
				want, err := data.ConvertMatrix(m, readBackType(vt))
				if err != nil {
					t.Fatal(err)
				}
				if ext == ".mtx" && !got.IsSparse() {
					t.Errorf(".mtx read back as %s, want CSR", data.Describe(got))
				}
				equalMatrices(t, got, want)
			})
		}
	}
}

func TestRoundTripCSR(t *testing.T) {
	t.Parallel()
	csr, err := data.NewCSR(4, 5, []int{0, 2, 2, 3, 5}, []int{0, 4, 2, 1, 3}, []float64{1.5, -2, 1e-9, 7, math.Inf(1)})
	if err != nil {
		t.Fatal(err)
	}
	si, err := data.ConvertMatrix(csr, types.SI32)
	if err != nil {
		t.Fatal(err)
	}
	for _, ext := range []string{".csv", ".mtx", ".dbdf"} {
		for _, m := range []data.Matrix{csr, si} {
			t.Run(ext[1:]+"_"+m.ValueType().String(), func(t *testing.T) {
				t.Parallel()
				path := filepath.Join(t.TempDir(), "m"+ext)
				if err := WriteMatrix(path, m); err != nil {
					t.Fatal(err)
				}
				got, err := ReadMatrix(path)
				if err != nil {
					t.Fatal(err)
				}
				if wantSparse := ext != ".csv"; got.IsSparse() != wantSparse {
					t.Errorf("read back %s, want sparse=%v", data.Describe(got), wantSparse)
				}
				equalMatrices(t, got, m)
			})
		}
	}
}

func TestWriteMeta(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "m.csv")
	if err := WriteMatrix(path, data.NewDense[float64](2, 4)); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path + ".meta")
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"numCols":4,"numRows":2,"valueType":"f64"}`; string(b) != want {
		t.Errorf("meta = %s, want %s", b, want)
	}
	csv, _ := os.ReadFile(path)
	if want := "0,0,0,0\n0,0,0,0\n"; string(csv) != want {
		t.Errorf("csv = %q, want %q", csv, want)
	}
}

func TestWriteErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tests := []struct {
		name string
		path string
		m    data.Matrix
	}{
		{"bool", filepath.Join(dir, "b.csv"), data.NewDense[bool](1, 1)},
		{"unknown extension", filepath.Join(dir, "m.txt"), data.NewDense[float64](1, 1)},
		{"quoted string ending in a backslash", filepath.Join(dir, "s.csv"), data.DenseFrom(1, 1, []string{"a,\\"})},
		{"strings to mtx", filepath.Join(dir, "s.mtx"), data.NewDense[string](1, 1)},
		{"missing directory", filepath.Join(dir, "no", "m.csv"), data.NewDense[float64](1, 1)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if err := WriteMatrix(tc.path, tc.m); err == nil {
				t.Error("WriteMatrix succeeded, want an error")
			}
		})
	}
}
