package fileio

import (
	"bytes"
	"slices"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// The fuzz targets check that no input makes a reader panic, and that what
// is accepted is consistent with what the input announced.

func FuzzParseMeta(f *testing.F) {
	for _, s := range []string{
		`{"numRows":2,"numCols":3,"valueType":"f64"}`,
		`{"numCols":1,"numNonZeros":0,"numRows":0,"valueType":"str"}`,
		`{"numRows":-1}`, `[]`, `null`, `{"valueType":7}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := ParseMeta(b, "fuzz.meta")
		if err != nil {
			return
		}
		out, err := MarshalMeta(m)
		if err != nil {
			t.Fatalf("accepted meta %+v cannot be written: %v", m, err)
		}
		back, err := ParseMeta(out, "again.meta")
		if err != nil || back != m {
			t.Fatalf("round trip of %+v gave %+v, %v", m, back, err)
		}
	})
}

func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("1,2\n3,4\n"), []byte(`{"numRows":2,"numCols":2,"valueType":"f64"}`))
	f.Add([]byte("a,\"b\"\"c\"\n\"x\ny\",z\n"), []byte(`{"numRows":2,"numCols":2,"valueType":"str"}`))
	f.Add([]byte("1\r\n-2\r\n"), []byte(`{"numRows":2,"numCols":1,"valueType":"si8"}`))
	f.Add([]byte("0x1p3,nan(1),1e999\n"), []byte(`{"numRows":1,"numCols":3,"valueType":"f32"}`))
	f.Fuzz(func(t *testing.T, content, metaJSON []byte) {
		meta, err := ParseMeta(metaJSON, "fuzz.csv.meta")
		if err != nil {
			return
		}
		m, err := parseCSV(content, "fuzz.csv", meta)
		if err != nil {
			return
		}
		if m.Rows() != meta.NumRows || m.Cols() != meta.NumCols {
			t.Fatalf("read %s for meta %+v", data.Describe(m), meta)
		}
	})
}

func FuzzReadMtx(f *testing.F) {
	f.Add([]byte("%%MatrixMarket matrix coordinate real general\n3 3 2\n1 1 1.5\n3 2 -2\n"))
	f.Add([]byte("%%MatrixMarket matrix coordinate pattern symmetric\n3 3 2\n2 1\n3 3\n"))
	f.Add([]byte("%%MatrixMarket matrix coordinate integer skew-symmetric\n2 2 1\n2 1 4\n"))
	f.Add([]byte("%%MatrixMarket matrix array real general\n2 1\n1\n2\n"))
	f.Fuzz(func(t *testing.T, content []byte) {
		// Skip headers announcing huge (legitimately empty) matrices: the
		// reader would allocate their row pointers.
		if h, err := parseMtxHeader(&mtxLines{name: "h", buf: content}); err == nil && (h.rows > 1<<20 || h.cols > 1<<20) {
			return
		}
		m, err := parseMtx(content, "fuzz.mtx", nil)
		if err != nil {
			return
		}
		if m.IsSparse() {
			rp, ci, vals, err := data.CSRArrays(m)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := data.CSRFromCells(m.ValueType(), m.Rows(), m.Cols(), rp, ci, vals); err != nil {
				t.Fatalf("reader built an invalid CSR matrix: %v", err)
			}
		}
	})
}

func FuzzDecodeDBDF(f *testing.F) {
	for _, m := range []data.Matrix{
		data.DenseFrom(2, 2, []float64{1, 2, 3, 4}),
		data.DenseFrom(1, 2, []string{"a", ""}),
		data.DenseFrom(1, 1, []uint8{7}),
	} {
		b, err := encodeDBDF(m)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := decodeDBDF(b, "fuzz.dbdf")
		if err != nil {
			return
		}
		again, err := encodeDBDF(m)
		if err != nil {
			t.Fatalf("decoded %s cannot be encoded: %v", data.Describe(m), err)
		}
		m2, err := decodeDBDF(again, "again.dbdf")
		if err != nil {
			t.Fatalf("re-encoded matrix does not decode: %v", err)
		}
		if third, _ := encodeDBDF(m2); !bytes.Equal(third, again) {
			t.Fatal("encoding is not stable")
		}
	})
}

// FuzzCSVStrings checks that every string matrix written as CSV reads back
// unchanged (or is refused by the writer).
func FuzzCSVStrings(f *testing.F) {
	f.Add("plain", "")
	f.Add(`say "hi"`, "a,b")
	f.Add(`back\"slash`, "two\nlines\r\n")
	f.Add(`\\"`, `"`)
	f.Fuzz(func(t *testing.T, a, b string) {
		m := data.DenseFrom(2, 2, []string{a, b, b, a})
		var buf bytes.Buffer
		if err := writeCSV(&buf, m); err != nil {
			return
		}
		got, err := parseCSV(buf.Bytes(), "fuzz.csv", Meta{NumRows: 2, NumCols: 2, VT: types.Str, NumNonZeros: -1})
		if err != nil {
			t.Fatalf("written CSV %q does not read back: %v", buf.String(), err)
		}
		cells, _ := data.DenseCells(got)
		if want := []string{a, b, b, a}; !slices.Equal(cells.([]string), want) {
			t.Fatalf("CSV %q read back as %q, want %q", buf.String(), cells, want)
		}
	})
}
