package fileio

import (
	"bytes"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/format"
)

func TestCheckPageCounts(t *testing.T) {
	t.Parallel()
	v1 := func(n int32) format.PageHeader {
		h := format.PageHeader{UncompressedPageSize: 100, CompressedPageSize: 50}
		h.DataPageHeader.Valid, h.DataPageHeader.V.NumValues = true, n
		return h
	}
	v2 := func(vals, rows, nulls int32) format.PageHeader {
		h := format.PageHeader{UncompressedPageSize: 100, CompressedPageSize: 50}
		h.DataPageHeaderV2.Valid = true
		h.DataPageHeaderV2.V.NumValues, h.DataPageHeaderV2.V.NumRows, h.DataPageHeaderV2.V.NumNulls = vals, rows, nulls
		return h
	}
	dict := func(n int32) format.PageHeader {
		h := format.PageHeader{UncompressedPageSize: 100, CompressedPageSize: 50}
		h.DictionaryPageHeader.Valid, h.DictionaryPageHeader.V.NumValues = true, n
		return h
	}
	tests := []struct {
		name string
		h    format.PageHeader
		rows int64
		want string
	}{
		{"v1 fits", v1(10), 10, ""},
		{"v1 more values than rows", v1(11), 10, "data page value count 11"},
		{"v1 2^31 values", v1(1<<31 - 1), 1 << 40, "at most"},
		{"v2 fits", v2(10, 10, 3), 10, ""},
		{"v2 rows", v2(5, 11, 0), 10, "row count 11"},
		{"v2 nulls above values", v2(5, 5, 6), 10, "null count 6"},
		{"dictionary fits", dict(800), 1, ""},
		{"dictionary too large", dict(809), 1, "dictionary size 809"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			err := checkPageCounts(&tc.h, tc.rows)
			if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}

func TestCheckParquetPagesBounds(t *testing.T) {
	t.Parallel()
	md := &format.FileMetaData{RowGroups: []format.RowGroup{{NumRows: 1, Columns: []format.ColumnChunk{{}}}}}
	m := &md.RowGroups[0].Columns[0].MetaData
	m.DataPageOffset, m.TotalCompressedSize = 4, 1000
	err := checkParquetPages(bytes.NewReader(make([]byte, 100)), 100, md)
	if err == nil || !strings.Contains(err.Error(), "outside the file of 100 bytes") {
		t.Errorf("chunk past the end: %v", err)
	}
	m.TotalCompressedSize = 10
	err = checkParquetPages(bytes.NewReader(make([]byte, 100)), 100, md)
	if err == nil || !strings.Contains(err.Error(), "page header at byte 4") {
		t.Errorf("garbage header: %v", err)
	}
	md.RowGroups[0].Columns[0].FilePath = "other.parquet"
	if err := checkParquetPages(bytes.NewReader(nil), 100, md); err == nil || !strings.Contains(err.Error(), "another file") {
		t.Errorf("external column: %v", err)
	}
}

func TestCheckParquetFooter(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		b    []byte
		want string
	}{
		{"short", []byte("PAR1PAR1"), "too few"},
		{"no magic", []byte("PAR1\x00\x00\x00\x00\x00\x00\x00\x00XXXX"), "does not end in PAR1"},
		{"footer too long", []byte("PAR1\x00\x00\x00\x00\x00\x00\x00\x10PAR1"), "footer length 268435456 exceeds the file of 16 bytes"},
		{"fits", []byte("PAR1\x00\x00\x00\x00\x04\x00\x00\x00PAR1"), ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			err := checkParquetFooter(bytes.NewReader(tc.b), int64(len(tc.b)))
			if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}

// TestParquetLargePageHeaders reads pages whose headers carry long string
// statistics, so the page-header check must read more than its first window.
func TestParquetLargePageHeaders(t *testing.T) {
	t.Parallel()
	vs := make([]string, 50)
	for i := range vs {
		vs[i] = strings.Repeat(string(rune('a'+i%26)), 3000+i)
	}
	var b bytes.Buffer
	if err := encodeParquetFrame(&b, strFrame(t, vs), 10); err != nil {
		t.Fatal(err)
	}
	pf, err := parquet.OpenFile(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	rec := &readRecorder{r: bytes.NewReader(b.Bytes())}
	if err := checkParquetPages(rec, int64(b.Len()), pf.Metadata()); err != nil {
		t.Fatal(err)
	}
	if rec.max <= 512 {
		t.Errorf("largest header read %d bytes: the test did not exercise a header beyond the first window", rec.max)
	}
	f, err := decodeParquetFrame(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	col := f.Column(0).(*data.Dense[string])
	for i, v := range vs {
		if col.Data[i] != v {
			t.Fatalf("row %d differs", i)
		}
	}
}

// readRecorder records the largest ReadAt.
type readRecorder struct {
	r   *bytes.Reader
	max int
}

func (r *readRecorder) ReadAt(p []byte, off int64) (int, error) {
	r.max = max(r.max, len(p))
	return r.r.ReadAt(p, off)
}
