package data

import (
	"strings"
	"testing"
)

// TestSizeArgs checks that size arguments accept scalars and 1x1 matrices
// (dense or CSR, standing for their cell) while ScalarArg stays strict.
func TestSizeArgs(t *testing.T) {
	t.Parallel()
	csr, err := NewCSR(1, 1, []int{0, 1}, []int{0}, []float64{4.5})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		v       Value
		want    int
		wantErr string
	}{
		{"scalar", SI64(7), 7, ""},
		{"1x1 dense", DenseFrom(1, 1, []int64{12}), 12, ""},
		{"1x1 dense f64 truncated", DenseFrom(1, 1, []float64{3.9}), 3, ""},
		{"1x1 csr", csr, 4, ""},
		{"2x1 dense", DenseFrom(2, 1, []int64{1, 2}), 0, "numRows must be a scalar, got DenseMatrix(2x1, int64_t)"},
		{"1x1 negative", DenseFrom(1, 1, []int64{-2}), 0, "numRows must not be negative"},
		{"list", &List{}, 0, "numRows must be a scalar, got list of 0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := DimArg(tc.v, "numRows")
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("got %d, %v; want error %q", got, err, tc.wantErr)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("got %d, %v; want %d", got, err, tc.want)
			}
		})
	}
	if _, err := ScalarArg(DenseFrom(1, 1, []int64{1}), "value"); err == nil {
		t.Fatal("ScalarArg accepted a 1x1 matrix")
	}
	if v := SizeValue(DenseFrom(1, 2, []int64{1, 2})); v.(Matrix).Cols() != 2 {
		t.Fatal("SizeValue changed a 1x2 matrix")
	}
}
