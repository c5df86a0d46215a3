package gen

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// testdata/libstdcxx_rand.txt holds "name v1 v2 ..." lines printed by a C++
// program (g++ 12, libstdc++) that follows DAPHNE's RandMatrix and Sample
// algorithms with std::mt19937 and the standard distributions.
func loadRef(t *testing.T) map[string][]float64 {
	t.Helper()
	f, err := os.Open("testdata/libstdcxx_rand.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ref := map[string][]float64{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		var vals []float64
		for _, s := range fields[1:] {
			v, err := strconv.ParseFloat(s, 64)
			if err != nil {
				t.Fatal(err)
			}
			vals = append(vals, v)
		}
		ref[fields[0]] = vals
	}
	return ref
}

func asFloats[T data.Number](m *data.Dense[T]) []float64 {
	out := make([]float64, len(m.Data))
	for i, v := range m.Data {
		out[i] = float64(v)
	}
	return out
}

func TestRandMatchesLibstdcxx(t *testing.T) {
	t.Parallel()
	ref := loadRef(t)
	gen := map[string]func() ([]float64, error){
		"f64_full": func() ([]float64, error) { return randF(types.F64, 3, 4, -1.0, 1.0, 1.0, 42) },
		"f64_s06":  func() ([]float64, error) { return randF(types.F64, 3, 3, 0.0, 1.0, 0.6, 1) },
		"f64_s03":  func() ([]float64, error) { return randF(types.F64, 4, 5, 2.0, 3.0, 0.3, 5) },
		"f32_s1":   func() ([]float64, error) { return randF[float32](types.F32, 2, 3, -2, 2, 1.0, 11) },
		"si64_s05": func() ([]float64, error) { return randF[int64](types.SI64, 4, 4, -3, 3, 0.5, 7) },
		"si32_s02": func() ([]float64, error) { return randF[int32](types.SI32, 5, 2, 1, 100, 0.2, 123) },
		"ui8_s1":   func() ([]float64, error) { return randF[uint8](types.UI8, 2, 4, 0, 255, 1.0, 99) },
		"f64_seedbig": func() ([]float64, error) {
			return randF(types.F64, 2, 2, 0.0, 10.0, 1.0, 5000000000)
		},
		"si64_norepl":      func() ([]float64, error) { return sampleF[int64](types.SI64, 10, 10, false, 4) },
		"si64_norepl_part": func() ([]float64, error) { return sampleF[int64](types.SI64, 100, 5, false, 4) },
		"si64_repl":        func() ([]float64, error) { return sampleF[int64](types.SI64, 6, 8, true, 4) },
		"f64_repl":         func() ([]float64, error) { return sampleF(types.F64, 2.0, 4, true, 4) },
		"f64_norepl":       func() ([]float64, error) { return sampleF(types.F64, 1.0, 4, false, 4) },
		"f32_repl":         func() ([]float64, error) { return sampleF[float32](types.F32, 3, 3, true, 4) },
	}
	for name, want := range ref {
		t.Run(name, func(t *testing.T) {
			f, ok := gen[name]
			if !ok {
				t.Fatalf("no generator for reference %q", name)
			}
			got, err := f()
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("got  %v\nwant %v", got, want)
			}
		})
	}
}

func randF[T data.Number](vt types.ValueType, r, c int, lo, hi T, sp float64, seed int64) ([]float64, error) {
	m, err := RandDense(vt, r, c, lo, hi, sp, seed)
	if err != nil {
		return nil, err
	}
	return asFloats(m), nil
}

func sampleF[T data.Number](vt types.ValueType, rng T, size int, repl bool, seed int64) ([]float64, error) {
	m, err := Sample(vt, rng, size, repl, seed)
	if err != nil {
		return nil, err
	}
	return asFloats(m), nil
}

func TestRandProperties(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		rows     int
		cols     int
		sparsity float64
		wantNNZ  int
	}{
		{"full", 10, 10, 1, 100},
		{"half", 10, 10, 0.5, 50},
		{"mostly empty", 20, 10, 0.1, 20},
		{"empty", 5, 5, 0, 0},
		{"rounding", 3, 3, 0.25, 2},
		{"dense branch rounding", 3, 3, 0.7, 6},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			m, err := RandDense(types.F64, tc.rows, tc.cols, -1.0, 1.0, tc.sparsity, 17)
			if err != nil {
				t.Fatal(err)
			}
			nnz := 0
			for _, v := range m.Data {
				if v != 0 {
					nnz++
				}
				if v < -1 || v > 1 {
					t.Fatalf("value %v outside [-1, 1]", v)
				}
			}
			if nnz != tc.wantNNZ {
				t.Fatalf("%d non-zeros, want %d", nnz, tc.wantNNZ)
			}
			again, _ := RandDense(types.F64, tc.rows, tc.cols, -1.0, 1.0, tc.sparsity, 17)
			if fmt.Sprint(again.Data) != fmt.Sprint(m.Data) {
				t.Fatal("same seed gave different matrices")
			}
			if tc.wantNNZ > 0 {
				other, _ := RandDense(types.F64, tc.rows, tc.cols, -1.0, 1.0, tc.sparsity, 18)
				if fmt.Sprint(other.Data) == fmt.Sprint(m.Data) {
					t.Fatal("different seeds gave the same matrix")
				}
			}
		})
	}
}

func TestRandIntegerRangeInclusive(t *testing.T) {
	t.Parallel()
	m, err := RandDense[int64](types.SI64, 50, 50, 1, 3, 1, 5)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[int64]bool{}
	for _, v := range m.Data {
		if v < 1 || v > 3 {
			t.Fatalf("value %d outside [1, 3]", v)
		}
		seen[v] = true
	}
	if len(seen) != 3 {
		t.Fatalf("saw values %v, want all of 1, 2, 3", seen)
	}
}

func TestRandErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		rows, cols int
		lo, hi     float64
		sparsity   float64
		want       string
	}{
		{"zero rows", 0, 3, 0, 1, 1, "numRows must be > 0"},
		{"negative cols", 2, -1, 0, 1, 1, "numCols must be > 0"},
		{"min above max", 2, 2, 2, 1, 1, "min must be <= max"},
		{"both zero", 2, 2, 0, 0, 1, "must not both be zero"},
		{"sparsity too large", 2, 2, 0, 1, 1.5, "sparsity has to be in the interval"},
		{"sparsity negative", 2, 2, 0, 1, -0.1, "sparsity has to be in the interval"},
		{"too large", 1 << 20, 1 << 20, 0, 1, 1, "too large"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := RandDense(types.F64, tc.rows, tc.cols, tc.lo, tc.hi, tc.sparsity, 1)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestSampleErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		rng  int64
		size int
		repl bool
		want string
	}{
		{"zero size", 5, 0, true, "size must be > 0"},
		{"zero range", 0, 3, true, "range must be > 0"},
		{"range below size", 3, 5, false, "must be >= size"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := Sample(types.SI64, tc.rng, tc.size, tc.repl, 1)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

var sinkMatrix *data.Dense[float64]

func BenchmarkRand1e6x101(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(1e6 * 101 * 8)
	for b.Loop() {
		m, err := RandDense(types.F64, 1000000, 101, 0.0, 1.0, 1.0, 42)
		if err != nil {
			b.Fatal(err)
		}
		sinkMatrix = m
	}
}
