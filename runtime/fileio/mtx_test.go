package fileio

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

func csrOf[T data.Elem](t *testing.T, rows, cols int, rowPtr, colIdx []int, vals []T) data.Matrix {
	t.Helper()
	m, err := data.NewCSR(rows, cols, rowPtr, colIdx, vals)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestReadMtx(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		content string
		meta    string
		want    data.Matrix
	}{
		{"real general unsorted with comments",
			"%%MatrixMarket matrix coordinate real general\n% comment\n\n3 3 4\n3 1 -1\n1 2 2.5\n3 3 1e-7\n1 1 4\n",
			"", csrOf(t, 3, 3, []int{0, 2, 2, 4}, []int{0, 1, 0, 2}, []float64{4, 2.5, -1, 1e-7})},
		{"integer gives si64",
			"%%MatrixMarket matrix coordinate integer general\n2 2 2\n1 2 7\n2 1 -3\n",
			"", csrOf(t, 2, 2, []int{0, 1, 2}, []int{1, 0}, []int64{7, -3})},
		{"pattern symmetric",
			"%%MatrixMarket matrix coordinate pattern symmetric\n3 3 3\n2 1\n3 1\n2 2\n",
			"", csrOf(t, 3, 3, []int{0, 2, 4, 5}, []int{1, 2, 0, 1, 0}, []float64{1, 1, 1, 1, 1})},
		{"skew-symmetric negates the mirror",
			"%%MatrixMarket matrix coordinate real skew-symmetric\n2 2 1\n2 1 5\n",
			"", csrOf(t, 2, 2, []int{0, 1, 2}, []int{1, 0}, []float64{-5, 5})},
		{"duplicates summed, zeros dropped",
			"%%MatrixMarket matrix coordinate real general\n2 2 4\n1 1 1\n1 1 2\n2 2 3\n2 2 -3\n",
			"", csrOf(t, 2, 2, []int{0, 1, 1}, []int{0}, []float64{3})},
		{"uppercase banner and crlf",
			"%%MatrixMarket MATRIX Coordinate Real General\r\n1 2 1\r\n1 2 0.5\r\n",
			"", csrOf(t, 1, 2, []int{0, 1}, []int{1}, []float64{0.5})},
		{"meta selects the value type",
			"%%MatrixMarket matrix coordinate integer general\n1 2 1\n1 1 300\n",
			`{"numRows":1,"numCols":2,"valueType":"ui32"}`, csrOf(t, 1, 2, []int{0, 1}, []int{0}, []uint32{300})},
		{"array format is dense, column-major",
			"%%MatrixMarket matrix array real general\n2 2\n1\n2\n3\n4\n",
			"", data.DenseFrom(2, 2, []float64{1, 3, 2, 4})},
		{"empty", "%%MatrixMarket matrix coordinate real general\n3 2 0\n", "",
			data.EmptyCSR[float64](types.F64, 3, 2)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := ReadMatrix(writeFiles(t, "g.mtx", tc.content, tc.meta))
			if err != nil {
				t.Fatal(err)
			}
			if got.IsSparse() != tc.want.IsSparse() {
				t.Fatalf("got %s, want %s", data.Describe(got), data.Describe(tc.want))
			}
			equalMatrices(t, got, tc.want)
			if got.IsSparse() {
				rp, ci, _, _ := data.CSRArrays(got)
				wrp, wci, _, _ := data.CSRArrays(tc.want)
				if !equalInts(rp, wrp) || !equalInts(ci, wci) {
					t.Errorf("structure %v %v, want %v %v", rp, ci, wrp, wci)
				}
			}
		})
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestReadMtxErrors(t *testing.T) {
	t.Parallel()
	const hdr = "%%MatrixMarket matrix coordinate real general\n"
	tests := []struct {
		name    string
		content string
		meta    string
		want    string
	}{
		{"no banner", "3 3 1\n1 1 1\n", "", "first line"},
		{"vector object", "%%MatrixMarket vector coordinate real general\n", "", "first line"},
		{"complex", "%%MatrixMarket matrix coordinate complex general\n1 1 1\n1 1 1 0\n", "", `"complex"`},
		{"bad format", "%%MatrixMarket matrix dense real general\n", "", `"dense"`},
		{"bad symmetry", "%%MatrixMarket matrix coordinate real odd\n", "", `"odd"`},
		{"no size line", hdr, "", "no size line"},
		{"bad size line", hdr + "3 x 1\n", "", "bad size"},
		{"short size line", hdr + "3 3\n", "", "3 numbers"},
		{"missing entries", hdr + "3 3 2\n1 1 1\n", "", "after 1 of its 2 entries"},
		{"extra entries", hdr + "3 3 1\n1 1 1\n2 2 2\n", "", "more than the 1"},
		{"row out of range", hdr + "3 3 1\n4 1 1\n", "", "line 3"},
		{"zero index", hdr + "3 3 1\n0 1 1\n", "", "not within"},
		{"missing value", hdr + "3 3 1\n1 1\n", "", "expected 3 fields"},
		{"bad value", hdr + "3 3 1\n1 1 x\n", "", `"x"`},
		{"non-square symmetric", "%%MatrixMarket matrix coordinate real symmetric\n2 3 1\n1 1 1\n", "", "square"},
		{"announces too many", hdr + "3 3 1000000000\n", "", "too short"},
		{"meta shape differs", hdr + "3 3 0\n", `{"numRows":2,"numCols":3,"valueType":"f64"}`, "meta data says 2x3"},
		{"bad meta", hdr + "3 3 0\n", `{"numRows":3}`, `"numCols"`},
		{"array too short", "%%MatrixMarket matrix array real general\n2 2\n1\n", "", "ends after 1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := ReadMatrix(writeFiles(t, "g.mtx", tc.content, tc.meta))
			if err == nil {
				t.Fatal("ReadMatrix succeeded, want an error")
			}
			if !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "g.mtx") {
				t.Errorf("error %q does not name the file and %q", err, tc.want)
			}
		})
	}
}

func TestWriteMtxFormat(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	m := data.DenseFrom(2, 3, []int32{0, 5, 0, -1, 0, 2})
	if err := writeMtx(&b, m); err != nil {
		t.Fatal(err)
	}
	want := "%%MatrixMarket matrix coordinate integer general\n2 3 3\n1 2 5\n2 1 -1\n2 3 2\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

// TestReadMtxParallelChunks reads a file large enough to be parsed in
// several chunks and checks it against a naive reading of the same file.
func TestReadMtxParallelChunks(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "big.mtx")
	const n, e = 200, 200000
	genGraphMtx(t, path, n, e, false)
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(splitLines(raw, 4)) < 3 {
		t.Fatalf("test file of %d bytes is not split into chunks", len(raw))
	}
	want := make([]float64, n*n)
	for _, ln := range strings.Split(string(raw), "\n")[2:] {
		f := strings.Fields(ln)
		if len(f) != 3 {
			continue
		}
		i, _ := strconv.Atoi(f[0])
		j, _ := strconv.Atoi(f[1])
		v, _ := strconv.ParseFloat(f[2], 64)
		want[(i-1)*n+j-1] += v
	}
	got, err := ReadMatrix(path)
	if err != nil {
		t.Fatal(err)
	}
	equalMatrices(t, got, data.DenseFrom(n, n, want))
}

func TestSplitLines(t *testing.T) {
	t.Parallel()
	b := []byte(strings.Repeat("1 2 3\n", parallelChunk/2))
	bounds := splitLines(b, 8)
	if bounds[0] != 0 || bounds[len(bounds)-1] != len(b) {
		t.Fatalf("bounds %v do not cover %d bytes", bounds, len(b))
	}
	for _, p := range bounds[1 : len(bounds)-1] {
		if b[p-1] != '\n' {
			t.Errorf("boundary %d is not at a line start", p)
		}
	}
	if len(bounds) != 4 {
		t.Errorf("got %d chunks for %d bytes, want 3 (at least %d bytes each)", len(bounds)-1, len(b), parallelChunk)
	}
}
