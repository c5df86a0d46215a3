package gen

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// testdata/libstdcxx_rand_csr.txt holds the dense cells of CSR rand results
// printed by a C++ program (g++ 12, libstdc++) following DAPHNE's CSR
// RandMatrix algorithm with std::default_random_engine.
func loadCSRRef(t *testing.T) map[string][]float64 {
	t.Helper()
	f, err := os.Open("testdata/libstdcxx_rand_csr.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ref := map[string][]float64{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		for _, s := range fields[1:] {
			v, err := strconv.ParseFloat(s, 64)
			if err != nil {
				t.Fatal(err)
			}
			ref[fields[0]] = append(ref[fields[0]], v)
		}
	}
	return ref
}

func csrCells[T data.Number](m *data.CSR[T], err error) ([]float64, error) {
	if err != nil {
		return nil, err
	}
	return asFloats(m.ToDense()), nil
}

func TestRandCSRMatchesLibstdcxx(t *testing.T) {
	t.Parallel()
	gen := map[string]func() ([]float64, error){
		"csr_f64_s02":     func() ([]float64, error) { return csrCells(RandCSR(types.F64, 4, 5, 0.0, 1.0, 0.2, 7)) },
		"csr_f64_s07":     func() ([]float64, error) { return csrCells(RandCSR(types.F64, 3, 4, -2.0, 3.0, 0.7, 11)) },
		"csr_f32_s03":     func() ([]float64, error) { return csrCells(RandCSR[float32](types.F32, 3, 3, 1, 2, 0.3, 5)) },
		"csr_si64_s05":    func() ([]float64, error) { return csrCells(RandCSR[int64](types.SI64, 4, 4, 1, 9, 0.5, 3)) },
		"csr_si64_wide":   func() ([]float64, error) { return csrCells(RandCSR[int64](types.SI64, 2, 3, -5, 10000000000, 1, 3)) },
		"csr_f64_seedneg": func() ([]float64, error) { return csrCells(RandCSR(types.F64, 2, 3, 0.0, 1.0, 0.5, -7)) },
	}
	for name, want := range loadCSRRef(t) {
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

func TestRandCSRProperties(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		rows, cols int
		lo, hi     int64
		sparsity   float64
		wantNNZ    int
	}{
		{"sparse", 50, 40, 1, 5, 0.05, 100},
		{"dense branch", 10, 10, 1, 5, 0.8, 80},
		{"full", 3, 3, 1, 5, 1, 9},
		{"empty", 3, 3, 1, 5, 0, 0},
		{"zeros dropped", 30, 30, 0, 1, 0.5, -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			m, err := RandCSR(types.SI64, tc.rows, tc.cols, tc.lo, tc.hi, tc.sparsity, 99)
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range m.Values {
				if v == 0 || v < tc.lo || v > tc.hi {
					t.Fatalf("stored value %d is zero or outside [%d, %d]", v, tc.lo, tc.hi)
				}
			}
			if tc.wantNNZ >= 0 && m.NNZ() != tc.wantNNZ {
				t.Fatalf("%d non-zeros, want %d", m.NNZ(), tc.wantNNZ)
			}
		})
	}
	if _, err := RandCSR(types.F64, 0, 3, 0.0, 1.0, 0.1, 1); err == nil || !strings.Contains(err.Error(), "numRows must be > 0") {
		t.Fatalf("error %v", err)
	}
}

// TestRandCSRLargeSum checks the sum of the values DAPHNE's
// vectorized/runColAggSparse script aggregates (50078.2 printed with six
// digits).
func TestRandCSRLargeSum(t *testing.T) {
	t.Parallel()
	m, err := RandCSR(types.F64, 10000, 1000, 0.0, 1.0, 0.01, 7)
	if err != nil {
		t.Fatal(err)
	}
	s := 0.0
	for _, v := range m.Values {
		s += v
	}
	if math.Abs(s-50078.16734005617) > 1e-6 {
		t.Fatalf("sum %.17g, want 50078.16734005617", s)
	}
}
