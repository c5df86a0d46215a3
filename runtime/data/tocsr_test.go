package data

import "testing"

// TestToCSRMatrix checks the conversion of dense matrices of several
// element types to CSR (zeros dropped, cells kept) and that CSR matrices
// are returned as they are.
func TestToCSRMatrix(t *testing.T) {
	t.Parallel()
	csr, err := NewCSR(1, 2, []int{0, 1}, []int{1}, []int64{5})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		m    Matrix
		nnz  int
	}{
		{"f64", DenseFrom(2, 2, []float64{0, 1.5, 0, -2}), 2},
		{"si64 zeros", DenseFrom(3, 1, []int64{0, 0, 0}), 0},
		{"ui8", DenseFrom(1, 3, []uint8{1, 0, 7}), 2},
		{"str", DenseFrom(1, 2, []string{"", "x"}), 1},
		{"csr", csr, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := ToCSRMatrix(tc.m)
			if err != nil {
				t.Fatal(err)
			}
			if !got.IsSparse() || got.Rows() != tc.m.Rows() || got.Cols() != tc.m.Cols() || got.ValueType() != tc.m.ValueType() {
				t.Fatalf("got %s from %s", Describe(got), Describe(tc.m))
			}
			rp, _, _, err := CSRArrays(got)
			if err != nil || rp[len(rp)-1] != tc.nnz {
				t.Fatalf("%d stored values (%v), want %d", rp[len(rp)-1], err, tc.nnz)
			}
			for i := 0; i < got.Rows(); i++ {
				for j := 0; j < got.Cols(); j++ {
					a, _ := MatrixCell(got, i, j)
					b, _ := MatrixCell(tc.m, i, j)
					if ToString(a) != ToString(b) {
						t.Errorf("cell (%d, %d) = %s, want %s", i, j, ToString(a), ToString(b))
					}
				}
			}
		})
	}
}
