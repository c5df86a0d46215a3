package linalg

import (
	"math/rand"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// TestCTableCSRMatchesDense checks the CSR contingency table against the
// dense one on random positions with duplicates and cropping.
func TestCTableCSRMatchesDense(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewSource(3))
	for _, tc := range []struct {
		name           string
		entries        int
		nr, nc, gr, gc int
	}{
		{"duplicates", 5000, 300, 200, 300, 200},
		{"cropped", 5000, 300, 200, 250, 150},
		{"padded", 100, 30, 20, 2000, 1000},
		{"empty", 0, 1, 1, 1 << 11, 1 << 10},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows, cols := make([]int64, tc.entries), make([]int64, tc.entries)
			for k := range rows {
				rows[k], cols[k] = int64(r.Intn(tc.nr)), int64(r.Intn(tc.nc))
			}
			dense := ctableDense(rows, cols, tc.gr, tc.gc, 1.5, types.F64)
			sp := ctableCSR(rows, cols, tc.gr, tc.gc, 1.5, types.F64)
			if !sp.IsSparse() {
				t.Fatal("not CSR")
			}
			got, err := data.ToDenseMatrix(sp)
			if err != nil {
				t.Fatal(err)
			}
			g := got.(*data.Dense[float64])
			if g.Rows() != dense.Rows() || g.Cols() != dense.Cols() {
				t.Fatalf("shape %dx%d, want %dx%d", g.Rows(), g.Cols(), dense.Rows(), dense.Cols())
			}
			for i, v := range dense.Data {
				if g.Data[i] != v {
					t.Fatalf("cell %d: %v, want %v", i, g.Data[i], v)
				}
			}
		})
	}
	// CTable picks CSR only for large, sparse tables.
	ys := data.DenseFrom(3, 1, []float64{0, 1999, 5})
	xs := data.DenseFrom(3, 1, []float64{0, 999, 5})
	m, err := CTable(ys, xs, data.F64(1), -1, -1)
	if err != nil || !m.IsSparse() || m.Rows() != 2000 || m.Cols() != 1000 {
		t.Errorf("large sparse ctable: %v %v", data.Describe(m), err)
	}
	m, err = CTable(data.DenseFrom(1, 1, []float64{2}), data.DenseFrom(1, 1, []float64{3}), data.F64(1), -1, -1)
	if err != nil || m.IsSparse() {
		t.Errorf("small ctable: %v %v", data.Describe(m), err)
	}
}

func ctableDense[T num](rows, cols []int64, nr, nc int, w T, vt types.ValueType) *data.Dense[T] {
	res := data.NewDenseVT[T](vt, nr, nc)
	for k, r := range rows {
		if c := cols[k]; r < int64(nr) && c < int64(nc) {
			res.Data[int(r)*nc+int(c)] += w
		}
	}
	return res
}
