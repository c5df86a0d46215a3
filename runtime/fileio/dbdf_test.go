package fileio

import (
	"bytes"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
)

// The expected bytes follow DAPHNE's serializer: a 45-byte prefix for dense
// matrices (53 with the CSR nnz field), then the payload.
func TestDBDFLayout(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		m    data.Matrix
		want string // hex
	}{
		{"dense si32 2x1", data.DenseFrom(2, 1, []int32{1, -1}),
			"01" + "01" + "0200000000000000" + "0100000000000000" + "01" +
				"0000000000000000" + "0000000000000000" +
				"02000000" + "01000000" + "01" + "01" +
				"01000000" + "ffffffff"},
		{"csr f64 2x2", csrOf(t, 2, 2, []int{0, 1, 1}, []int{1}, []float64{1}),
			"01" + "02" + "0200000000000000" + "0200000000000000" + "07" +
				"0000000000000000" + "0000000000000000" +
				"02000000" + "02000000" + "02" + "07" +
				"0100000000000000" +
				"0000000000000000" + "0100000000000000" + "0100000000000000" +
				"0100000000000000" +
				"000000000000f03f"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := encodeDBDF(tc.m)
			if err != nil {
				t.Fatal(err)
			}
			if h := hex.EncodeToString(got); h != tc.want {
				t.Errorf("bytes\n%s\nwant\n%s", h, tc.want)
			}
			back, err := decodeDBDF(got, "x.dbdf")
			if err != nil {
				t.Fatal(err)
			}
			equalMatrices(t, back, tc.m)
		})
	}
}

func TestDBDFErrors(t *testing.T) {
	t.Parallel()
	good, err := encodeDBDF(data.DenseFrom(2, 2, []float64{1, 2, 3, 4}))
	if err != nil {
		t.Fatal(err)
	}
	sparse, err := encodeDBDF(csrOf(t, 2, 2, []int{0, 1, 2}, []int{1, 0}, []int64{1, 2}))
	if err != nil {
		t.Fatal(err)
	}
	patch := func(b []byte, at int, v ...byte) []byte {
		c := bytes.Clone(b)
		copy(c[at:], v)
		return c
	}
	tests := []struct {
		name string
		b    []byte
		want string
	}{
		{"empty", nil, "too short"},
		{"version", patch(good, 0, 2), "version 2"},
		{"frame", patch(good, 1, 3), "frames are not supported"},
		{"data type", patch(good, 1, 9), "data type code 9"},
		{"value type", patch(good, 18, 42), "value type code 42"},
		{"truncated values", good[:len(good)-1], "truncated"},
		{"trailing bytes", append(bytes.Clone(good), 0), "after the matrix"},
		{"block shape", patch(good, 35, 3), "block shape"},
		{"block offset", patch(good, 19, 1), "single block"},
		{"huge rows", patch(good, 2, 0, 0, 0, 0, 1), "too large"},
		{"csr offsets decrease", patch(sparse, 53, 0, 0, 0, 0, 0, 0, 0, 0, 5), "row offsets"},
		{"csr column out of range", patch(sparse, 53+24, 9), "invalid sparse matrix"},
		{"csr truncated", sparse[:60], "truncated"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := decodeDBDF(tc.b, "x.dbdf")
			if err == nil {
				t.Fatal("decodeDBDF succeeded, want an error")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not contain %q", err, tc.want)
			}
		})
	}
}
