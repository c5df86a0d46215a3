package fileio

import (
	"encoding/binary"
	"fmt"
	"io"

	"github.com/parquet-go/parquet-go/encoding/thrift"
	"github.com/parquet-go/parquet-go/format"
)

// The Parquet library trusts a page header's uncompressed size and allocates
// it before decompressing: a corrupt file announcing a page of 32 GB makes
// the process die of an out-of-memory fatal error, which no recover catches.
// checkParquetPages reads every page header of the file first (headers are
// small; page bodies are skipped) and refuses pages whose sizes cannot be
// true.

// maxParquetRatio bounds a page's uncompressed size by its compressed size:
// no codec of the format expands more than about 1,032x (gzip/deflate; lz4
// about 255x, snappy about 21x); zstd can do more on constant data, so the
// bound adds maxParquetSlack.
const (
	maxParquetRatio = 2048
	maxParquetSlack = 1 << 20
	maxHeaderBytes  = 64 << 20 // a page header (with statistics) larger than this is corrupt
)

// checkParquetFooter checks the file's trailer (footer length, "PAR1")
// before the library allocates the footer length it announces.
func checkParquetFooter(r io.ReaderAt, size int64) error {
	if size < 12 {
		return fmt.Errorf("%d bytes are too few for a Parquet file", size)
	}
	var t [8]byte
	if _, err := r.ReadAt(t[:], size-8); err != nil {
		return fmt.Errorf("cannot read the trailer: %v", err)
	}
	if string(t[4:]) != "PAR1" && string(t[4:]) != "PARE" {
		return fmt.Errorf("the file does not end in PAR1")
	}
	if n := int64(binary.LittleEndian.Uint32(t[:4])); n > size-12 {
		return fmt.Errorf("the footer length %d exceeds the file of %d bytes", n, size)
	}
	return nil
}

// checkParquetPages walks the page headers of every column chunk.
func checkParquetPages(r io.ReaderAt, size int64, md *format.FileMetaData) error {
	var proto thrift.CompactProtocol
	var buf []byte
	for g := range md.RowGroups {
		for j := range md.RowGroups[g].Columns {
			cc := &md.RowGroups[g].Columns[j]
			if cc.FilePath != "" {
				return fmt.Errorf("row group %d, column %d: column data in another file (%q) is not supported", g, j, cc.FilePath)
			}
			m := &cc.MetaData
			start := m.DataPageOffset // where the library starts reading, too
			if m.DictionaryPageOffset != 0 {
				start = m.DictionaryPageOffset
			}
			end := start + m.TotalCompressedSize
			if start < 4 || m.TotalCompressedSize < 0 || end < start || end > size {
				return fmt.Errorf("row group %d, column %d: column chunk at bytes [%d, %d) lies outside the file of %d bytes",
					g, j, start, end, size)
			}
			for off := start; off < end; {
				h, n, err := readPageHeader(r, &proto, off, end, &buf)
				if err != nil {
					return fmt.Errorf("row group %d, column %d: page header at byte %d: %w", g, j, off, err)
				}
				c, u := int64(h.CompressedPageSize), int64(h.UncompressedPageSize)
				if c < 0 || u < 0 || u > c*maxParquetRatio+maxParquetSlack {
					return fmt.Errorf("row group %d, column %d: page at byte %d declares %d bytes uncompressed from %d compressed bytes",
						g, j, off, u, c)
				}
				if err := checkPageCounts(h, md.RowGroups[g].NumRows); err != nil {
					return fmt.Errorf("row group %d, column %d: page at byte %d: %w", g, j, off, err)
				}
				off += n + c
				if off > end {
					return fmt.Errorf("row group %d, column %d: page at byte %d runs past the end of its column chunk", g, j, off-n-c)
				}
			}
		}
	}
	return nil
}

// readPageHeader decodes the page header at off (before end), returning it
// and its length in bytes. It reads 512 bytes first (headers without large
// statistics are far smaller, and pages can be a few KB) and sixteen times
// more whenever that is not enough, up to maxHeaderBytes.
func readPageHeader(r io.ReaderAt, proto *thrift.CompactProtocol, off, end int64, buf *[]byte) (*format.PageHeader, int64, error) {
	for want := int64(512); ; want *= 16 {
		n := min(want, end-off)
		if int64(cap(*buf)) < n {
			*buf = make([]byte, n)
		}
		b := (*buf)[:n]
		if k, err := r.ReadAt(b, off); k < len(b) {
			return nil, 0, fmt.Errorf("cannot read: %v", err)
		}
		pr := proto.NewReaderFromBytes(b)
		h := new(format.PageHeader)
		err := thrift.NewDecoder(pr).Decode(h)
		if err == nil {
			br, ok := pr.(interface{ BytesRead() int })
			if !ok {
				return nil, 0, fmt.Errorf("thrift reader does not count bytes")
			}
			return h, int64(br.BytesRead()), nil
		}
		if n == end-off || n >= maxHeaderBytes {
			return nil, 0, fmt.Errorf("corrupt: %v", err)
		}
	}
}

// checkPageCounts refuses value counts a page cannot hold: the library
// allocates them up front (2^31 values of 16 bytes is another 32 GB). A
// data page of a flat column holds at most one value per row of its row
// group (the caller has refused nested and repeated columns); a dictionary
// page at least one bit per value. Data pages may hold long runs of nulls in
// a few bytes, so their bound by size is generous.
func checkPageCounts(h *format.PageHeader, groupRows int64) error {
	u := int64(h.UncompressedPageSize)
	check := func(what string, n, limit int64) error {
		if n < 0 || n > limit {
			return fmt.Errorf("%s %d is impossible (at most %d)", what, n, limit)
		}
		return nil
	}
	dataLimit := min(groupRows, 64*u+1<<20)
	if d := h.DataPageHeader; d.Valid {
		if err := check("data page value count", int64(d.V.NumValues), dataLimit); err != nil {
			return err
		}
	}
	if d := h.DataPageHeaderV2; d.Valid {
		if err := check("data page value count", int64(d.V.NumValues), dataLimit); err != nil {
			return err
		}
		if err := check("data page row count", int64(d.V.NumRows), dataLimit); err != nil {
			return err
		}
		if err := check("data page null count", int64(d.V.NumNulls), int64(d.V.NumValues)); err != nil {
			return err
		}
	}
	if d := h.DictionaryPageHeader; d.Valid {
		if err := check("dictionary size", int64(d.V.NumValues), 8*u+8); err != nil {
			return err
		}
	}
	return nil
}
