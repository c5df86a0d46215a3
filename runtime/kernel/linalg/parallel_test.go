package linalg

import (
	"math/rand/v2"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
)

func TestParallelRowsCoversEveryRowOnce(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ n, p int }{{0, 1}, {1, 3}, {10, 3}, {7, 7}, {100, 2}} {
		seen := make([]int32, tc.n)
		err := parallelRows(tc.n, tc.p, func(_, lo, hi int) {
			for i := lo; i < hi; i++ {
				atomic.AddInt32(&seen[i], 1)
			}
		})
		if err != nil {
			t.Fatal(err)
		}
		for i, s := range seen {
			if s != 1 {
				t.Fatalf("n=%d p=%d: row %d done %d times", tc.n, tc.p, i, s)
			}
		}
	}
}

func TestParallelRowsRecoversPanics(t *testing.T) {
	t.Parallel()
	var done atomic.Int32
	err := parallelRows(8, 4, func(part, _, _ int) {
		done.Add(1)
		if part == 2 {
			panic("boom")
		}
	})
	if err == nil || !strings.Contains(err.Error(), "linalg: internal error in kernel: boom") {
		t.Fatalf("error %v", err)
	}
	if done.Load() != 4 {
		t.Fatalf("%d parts ran, want all 4 joined", done.Load())
	}
}

// FuzzMatMulSparse checks that every dense/CSR combination of a product
// gives the dense result, for random shapes and sparsity.
func FuzzMatMulSparse(f *testing.F) {
	f.Add(uint8(3), uint8(4), uint8(5), uint8(50), uint64(1))
	f.Add(uint8(0), uint8(2), uint8(1), uint8(90), uint64(2))
	f.Add(uint8(17), uint8(33), uint8(9), uint8(0), uint64(3))
	f.Fuzz(func(t *testing.T, m, k, n, zeroPct uint8, seed uint64) {
		rng := rand.New(rand.NewPCG(seed, 7))
		zf := float64(zeroPct%101) / 100
		a, b := randDense(rng, int(m%40), int(k%40), zf), randDense(rng, int(k%40), int(n%40), zf)
		want := naiveMul(a, b)
		for _, lhs := range []data.Matrix{a, data.DenseToCSR(a)} {
			for _, rhs := range []data.Matrix{b, data.DenseToCSR(b)} {
				got, err := MatMul(2, lhs, rhs)
				if err != nil {
					t.Fatal(err)
				}
				checkClose(t, got, want, 1e-12*float64(k%40+1))
			}
		}
	})
}
