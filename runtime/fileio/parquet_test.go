package fileio

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

func TestParquetRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		name     string
		f        *data.Frame
		rowGroup int
	}{
		{"every type", sampleFrame(t), parquetRowGroup},
		{"every type, row groups of 5", sampleFrame(t), 5},
		{"no rows", mustEmpty(t), parquetRowGroup},
		{"awkward strings", strFrame(t, []string{"", ",", `"`, "a\nb", "\x00\xff", "ä", strings.Repeat("x", 5000)}), 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "f.parquet")
			var b bytes.Buffer
			if err := encodeParquetFrame(&b, tc.f, tc.rowGroup); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			got, err := ReadFrame(p, FrameReadOptions{Header: HeaderDetect})
			if err != nil {
				t.Fatal(err)
			}
			equalFrames(t, got, tc.f)
			pf, err := parquet.OpenFile(bytes.NewReader(b.Bytes()), int64(b.Len()))
			if err != nil {
				t.Fatal(err)
			}
			if want := (tc.f.Rows() + tc.rowGroup - 1) / tc.rowGroup; len(pf.RowGroups()) != max(want, 1) && tc.f.Rows() > 0 {
				t.Errorf("%d row groups, want %d", len(pf.RowGroups()), want)
			}
		})
	}
	t.Run("WriteFrame", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "w.parquet")
		f := sampleFrame(t)
		if err := WriteFrame(p, f); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(p + ".meta"); err == nil {
			t.Error("a .meta file was written next to a Parquet file")
		}
		got, err := ReadFrame(p, FrameReadOptions{Header: HeaderDetect})
		if err != nil {
			t.Fatal(err)
		}
		equalFrames(t, got, f)
	})
}

// libRow is written with the library's own (reflection-based) writer API:
// Go types and tags choose the Parquet types, pointers make optional
// columns (nil is null).
type libRow struct {
	ID    int64    `parquet:"id"`
	Name  string   `parquet:"name"`
	Score *float64 `parquet:"score,optional"`
	Ratio float32  `parquet:"ratio"`
	Small int8     `parquet:"small"`
	Count *int32   `parquet:"count,optional"`
	U8    uint8    `parquet:"u8"`
	U16   uint16   `parquet:"u16"`
	U32   uint32   `parquet:"u32"`
	U64   uint64   `parquet:"u64"`
	Flag  bool     `parquet:"flag"`
	Note  *string  `parquet:"note,optional"`
	Raw   []byte   `parquet:"raw"`
}

func TestParquetReadLibraryFile(t *testing.T) {
	const n = 23
	rows := make([]libRow, n)
	for i := range rows {
		r := libRow{ID: int64(i) - 5, Name: "p" + string(rune('a'+i)), Ratio: float32(i) / 4, Small: int8(-i),
			U8: uint8(250 + i), U16: uint16(65000 + i), U32: math.MaxUint32 - uint32(i), U64: math.MaxUint64 - uint64(i),
			Flag: i%3 == 0, Raw: []byte{byte(i), 'x'}}
		if i%4 != 1 {
			s, c, note := float64(i)*1.5, int32(i*i), "n"+string(rune('A'+i))
			r.Score, r.Count, r.Note = &s, &c, &note
		}
		rows[i] = r
	}
	p := filepath.Join(t.TempDir(), "lib.parquet")
	fh, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	w := parquet.NewGenericWriter[libRow](fh, parquet.MaxRowsPerRowGroup(7))
	if _, err := w.Write(rows); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	fh.Close()
	f, err := ReadFrame(p, FrameReadOptions{Header: HeaderDetect})
	if err != nil {
		t.Fatal(err)
	}
	want := "Frame(23x13, [id:int64_t, name:std::string, score:double, ratio:float, small:int8_t, count:int32_t, " +
		"u8:uint8_t, u16:uint32_t, u32:uint32_t, u64:uint64_t, flag:uint8_t, note:std::string, raw:std::string])"
	if f.Header() != want {
		t.Fatalf("got %s\nwant %s", f.Header(), want)
	}
	col := func(j int) data.Matrix { return f.Column(j) }
	for i, r := range rows {
		score, count, note := math.NaN(), int32(0), ""
		if r.Score != nil {
			score, count, note = *r.Score, *r.Count, *r.Note
		}
		flag := uint8(0)
		if r.Flag {
			flag = 1
		}
		got := []any{
			col(0).(*data.Dense[int64]).Data[i], col(1).(*data.Dense[string]).Data[i], col(3).(*data.Dense[float32]).Data[i],
			col(4).(*data.Dense[int8]).Data[i], col(5).(*data.Dense[int32]).Data[i], col(6).(*data.Dense[uint8]).Data[i],
			col(7).(*data.Dense[uint32]).Data[i], col(8).(*data.Dense[uint32]).Data[i], col(9).(*data.Dense[uint64]).Data[i],
			col(10).(*data.Dense[uint8]).Data[i], col(11).(*data.Dense[string]).Data[i], col(12).(*data.Dense[string]).Data[i],
		}
		exp := []any{r.ID, r.Name, r.Ratio, r.Small, count, r.U8, uint32(r.U16), r.U32, r.U64, flag, note, string(r.Raw)}
		for k := range exp {
			if got[k] != exp[k] {
				t.Errorf("row %d, value %d: got %v, want %v", i, k, got[k], exp[k])
			}
		}
		s := col(2).(*data.Dense[float64]).Data[i]
		if s != score && !(math.IsNaN(s) && math.IsNaN(score)) {
			t.Errorf("row %d: score %v, want %v", i, s, score)
		}
	}
}

func TestParquetMatrix(t *testing.T) {
	f, err := data.NewFrame([]data.Matrix{data.DenseFrom(3, 1, []int64{1, 2, 3}), data.DenseFrom(3, 1, []float64{.5, 1.5, -2})}, []string{"a", "b"})
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "m.parquet")
	if err := WriteFrame(p, f); err != nil {
		t.Fatal(err)
	}
	m, err := ReadMatrix(p)
	if err != nil {
		t.Fatal(err)
	}
	equalMatrices(t, m, data.DenseFrom(3, 2, []float64{1, .5, 2, 1.5, 3, -2}))
	if err := os.WriteFile(p+".meta", []byte(`{"numRows":3,"numCols":2,"valueType":"si32"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	m, err = ReadMatrix(p)
	if err != nil {
		t.Fatal(err)
	}
	equalMatrices(t, m, data.DenseFrom(3, 2, []int32{1, 0, 2, 1, 3, -2}))
	if err := os.WriteFile(p+".meta", []byte(`{"numRows":4,"numCols":2,"valueType":"si32"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadMatrix(p); err == nil || !strings.Contains(err.Error(), "meta data says 4x2") {
		t.Errorf("a wrong .meta shape gave %v", err)
	}
}

type nestedRow struct {
	ID   int64   `parquet:"id"`
	Tags []int32 `parquet:"tags,list"`
}

func TestParquetErrors(t *testing.T) {
	dir := t.TempDir()
	nested := filepath.Join(dir, "nested.parquet")
	var b bytes.Buffer
	w := parquet.NewGenericWriter[nestedRow](&b)
	if _, err := w.Write([]nestedRow{{1, []int32{1, 2}}}); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(nested, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	junk := filepath.Join(dir, "junk.parquet")
	if err := os.WriteFile(junk, []byte("PAR1 not really"), 0o644); err != nil {
		t.Fatal(err)
	}
	boolFrame, _ := data.NewFrame([]data.Matrix{data.DenseFrom(1, 1, []bool{true})}, []string{"b"})
	for _, tc := range []struct {
		name string
		run  func() error
		want string
	}{
		{"nested", func() error { _, err := ReadFrame(nested, FrameReadOptions{Header: HeaderDetect}); return err }, `column "tags.list.element" is nested or repeated`},
		{"junk", func() error { _, err := ReadFrame(junk, FrameReadOptions{Header: HeaderDetect}); return err }, "junk.parquet' is not a valid Parquet file"},
		{"missing", func() error {
			_, err := ReadFrame(filepath.Join(dir, "no.parquet"), FrameReadOptions{Header: HeaderDetect})
			return err
		}, "could not open file"},
		{"schema given", func() error {
			_, err := ReadFrame(junk, FrameReadOptions{Schema: "si64", Header: HeaderDetect})
			return err
		}, "describes its own schema"},
		{"bool column", func() error { return WriteFrame(filepath.Join(dir, "b.parquet"), boolFrame) }, `column "b" is bool`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.run()
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

func TestParquetValueTypes(t *testing.T) {
	for _, vt := range allTypes {
		t.Run(vt.String(), func(t *testing.T) {
			n, err := parquetNode(vt)
			if err != nil {
				t.Fatal(err)
			}
			back, err := parquetValueType(n.Type())
			if err != nil || back != vt {
				t.Errorf("%v written as %v reads as %v, %v", vt, n.Type(), back, err)
			}
		})
	}
	if _, err := parquetNode(types.Bool); err == nil {
		t.Error("bool has a Parquet node")
	}
}

// FuzzReadParquet feeds arbitrary bytes (seeded with valid files) to the
// Parquet reader: errors, never panics; an accepted frame has as many rows
// in every column as the file announces.
func FuzzReadParquet(f *testing.F) {
	for _, fr := range []*data.Frame{mustEmpty(&testing.T{}), strFrame(&testing.T{}, []string{"a", "", "b,c"})} {
		var b bytes.Buffer
		if err := encodeParquetFrame(&b, fr, 2); err != nil {
			f.Fatal(err)
		}
		f.Add(b.Bytes())
	}
	f.Add([]byte("PAR1PAR1"))
	f.Fuzz(func(t *testing.T, b []byte) {
		fr, err := decodeParquetFrame(b)
		if err != nil {
			return
		}
		for j := 0; j < fr.Cols(); j++ {
			if fr.Column(j).Rows() != fr.Rows() {
				t.Fatalf("column %d has %d rows, frame %d", j, fr.Column(j).Rows(), fr.Rows())
			}
		}
	})
}

// dictRow has dictionary-encoded columns, as many real files do.
type dictRow struct {
	City  string `parquet:"city,dict"`
	Count int64  `parquet:"count,dict"`
	Value float64
}

// TestParquetCompressedDictionary reads files written by the library with
// each compression codec and dictionary-encoded columns, in row groups of
// 100 rows.
func TestParquetCompressedDictionary(t *testing.T) {
	cities := []string{"Basel", "Graz", "Zürich, CH", ""}
	rows := make([]dictRow, 1000)
	for i := range rows {
		rows[i] = dictRow{City: cities[i%len(cities)], Count: int64(i % 7), Value: float64(i) / 8}
	}
	for _, codec := range []struct {
		name string
		opt  parquet.WriterOption
	}{
		{"snappy", parquet.Compression(&parquet.Snappy)},
		{"zstd", parquet.Compression(&parquet.Zstd)},
		{"gzip", parquet.Compression(&parquet.Gzip)},
		{"lz4", parquet.Compression(&parquet.Lz4Raw)},
	} {
		t.Run(codec.name, func(t *testing.T) {
			var b bytes.Buffer
			w := parquet.NewGenericWriter[dictRow](&b, codec.opt, parquet.MaxRowsPerRowGroup(100))
			if _, err := w.Write(rows); err != nil {
				t.Fatal(err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			f, err := decodeParquetFrame(b.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			if want := "Frame(1000x3, [city:std::string, count:int64_t, Value:double])"; f.Header() != want {
				t.Fatalf("got %s, want %s", f.Header(), want)
			}
			for i, r := range rows {
				if f.Column(0).(*data.Dense[string]).Data[i] != r.City || f.Column(1).(*data.Dense[int64]).Data[i] != r.Count ||
					f.Column(2).(*data.Dense[float64]).Data[i] != r.Value {
					t.Fatalf("row %d differs", i)
				}
			}
		})
	}
}
