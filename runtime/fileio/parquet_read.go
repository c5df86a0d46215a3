package fileio

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strings"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/deprecated"
	"github.com/parquet-go/parquet-go/format"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// parquetValueType maps a Parquet leaf column to a frame value type (see
// the package doc for the table).
func parquetValueType(t parquet.Type) (types.ValueType, error) {
	lt := t.LogicalType()
	ct := t.ConvertedType()
	var it *format.IntType
	if lt != nil {
		switch v := lt.Value.(type) {
		case *format.IntType:
			it = v
		case *format.DecimalType:
			return types.Unknown, fmt.Errorf("DECIMAL columns are not supported")
		}
	}
	if it == nil && ct != nil {
		switch *ct {
		case deprecated.Uint8:
			it = &format.IntType{BitWidth: 8}
		case deprecated.Uint16:
			it = &format.IntType{BitWidth: 16}
		case deprecated.Uint32:
			it = &format.IntType{BitWidth: 32}
		case deprecated.Uint64:
			it = &format.IntType{BitWidth: 64}
		case deprecated.Int8:
			it = &format.IntType{BitWidth: 8, IsSigned: true}
		case deprecated.Decimal:
			return types.Unknown, fmt.Errorf("DECIMAL columns are not supported")
		}
	}
	switch t.Kind() {
	case parquet.Boolean:
		return types.UI8, nil
	case parquet.Int32:
		switch {
		case it != nil && it.BitWidth == 8 && it.IsSigned:
			return types.SI8, nil
		case it != nil && it.BitWidth == 8:
			return types.UI8, nil
		case it != nil && !it.IsSigned:
			return types.UI32, nil
		}
		return types.SI32, nil
	case parquet.Int64:
		if it != nil && !it.IsSigned {
			return types.UI64, nil
		}
		return types.SI64, nil
	case parquet.Float:
		return types.F32, nil
	case parquet.Double:
		return types.F64, nil
	case parquet.ByteArray, parquet.FixedLenByteArray:
		return types.Str, nil
	}
	return types.Unknown, fmt.Errorf("physical type %v is not supported", t.Kind())
}

// parquetSink collects the values of one column; null cells are NaN in
// float columns, 0 in integer columns and "" in string columns.
type parquetSink interface {
	add(vs []parquet.Value)
	matrix() data.Matrix
}

type pqSink[T data.Elem] struct {
	vt   types.ValueType
	out  []T
	conv func(parquet.Value) T
	null T
}

func (k *pqSink[T]) add(vs []parquet.Value) {
	for _, v := range vs {
		if v.IsNull() {
			k.out = append(k.out, k.null)
		} else {
			k.out = append(k.out, k.conv(v))
		}
	}
}

func (k *pqSink[T]) matrix() data.Matrix { return data.DenseFromVT(k.vt, len(k.out), 1, k.out) }

// newParquetSink returns the sink for a column of physical kind kind read
// as value type vt, with room for rows cells.
func newParquetSink(kind parquet.Kind, vt types.ValueType, rows int) parquetSink {
	nan := math.NaN()
	switch vt {
	case types.F64:
		return &pqSink[float64]{vt: vt, out: make([]float64, 0, rows), null: nan, conv: parquet.Value.Double}
	case types.F32:
		return &pqSink[float32]{vt: vt, out: make([]float32, 0, rows), null: float32(nan), conv: parquet.Value.Float}
	case types.SI64:
		return &pqSink[int64]{vt: vt, out: make([]int64, 0, rows), conv: parquet.Value.Int64}
	case types.UI64:
		return &pqSink[uint64]{vt: vt, out: make([]uint64, 0, rows), conv: parquet.Value.Uint64}
	case types.SI32:
		return &pqSink[int32]{vt: vt, out: make([]int32, 0, rows), conv: parquet.Value.Int32}
	case types.UI32:
		return &pqSink[uint32]{vt: vt, out: make([]uint32, 0, rows), conv: parquet.Value.Uint32}
	case types.SI8:
		return &pqSink[int8]{vt: vt, out: make([]int8, 0, rows), conv: func(v parquet.Value) int8 { return int8(v.Int32()) }}
	case types.UI8:
		if kind == parquet.Boolean {
			return &pqSink[uint8]{vt: vt, out: make([]uint8, 0, rows), conv: func(v parquet.Value) uint8 {
				if v.Boolean() {
					return 1
				}
				return 0
			}}
		}
		return &pqSink[uint8]{vt: vt, out: make([]uint8, 0, rows), conv: func(v parquet.Value) uint8 { return uint8(v.Uint32()) }}
	}
	return &pqSink[string]{vt: types.Str, out: make([]string, 0, rows), conv: func(v parquet.Value) string { return string(v.ByteArray()) }}
}

// readParquetFrame reads a flat Parquet file (no nested or repeated
// columns) into a frame labelled by the column names.
func readParquetFrame(path string) (*data.Frame, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("could not open file '%s' for reading: %w", path, err)
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return nil, fmt.Errorf("could not read file '%s': %w", path, err)
	}
	f, err := openParquetFrame(fh, st.Size())
	if err != nil {
		return nil, fmt.Errorf("file '%s'%w", path, err)
	}
	return f, nil
}

// decodeParquetFrame reads a Parquet file held in memory.
func decodeParquetFrame(b []byte) (*data.Frame, error) {
	return openParquetFrame(bytes.NewReader(b), int64(len(b)))
}

// openParquetFrame opens and reads a Parquet file. The library may panic
// on a corrupt file; that becomes an error. Errors start with ": " or " is"
// to follow the file name.
func openParquetFrame(r io.ReaderAt, size int64) (f *data.Frame, err error) {
	defer func() {
		if p := recover(); p != nil {
			f, err = nil, fmt.Errorf(" is a corrupt Parquet file (%v)", p)
		}
	}()
	if err := checkParquetFooter(r, size); err != nil {
		return nil, fmt.Errorf(" is not a valid Parquet file: %w", err)
	}
	pf, err := parquet.OpenFile(r, size)
	if err != nil {
		return nil, fmt.Errorf(" is not a valid Parquet file: %v", err)
	}
	if f, err = parquetFrame(pf, r, size); err != nil {
		return nil, fmt.Errorf(": %w", err)
	}
	return f, nil
}

// parquetFrame reads every row group of an opened Parquet file, column by
// column, page by page, after checking the schema (flat columns only) and
// every page header (checkParquetPages).
func parquetFrame(pf *parquet.File, r io.ReaderAt, size int64) (*data.Frame, error) {
	schema := pf.Schema()
	paths := schema.Columns()
	rows := pf.NumRows()
	if rows > math.MaxInt32*int64(1<<10) {
		return nil, fmt.Errorf("%d rows are too many", rows)
	}
	sinks := make([]parquetSink, len(paths))
	labels := make([]string, len(paths))
	for j, p := range paths {
		leaf, ok := schema.Lookup(p...)
		labels[j] = strings.Join(p, ".")
		if !ok || leaf.MaxRepetitionLevel > 0 || len(p) > 1 {
			return nil, fmt.Errorf("column %q is nested or repeated; only flat tables can be read into frames", labels[j])
		}
		vt, err := parquetValueType(leaf.Node.Type())
		if err != nil {
			return nil, fmt.Errorf("column %q: %w", labels[j], err)
		}
		// The row count is only a capacity hint: a corrupt file may announce
		// more rows than it holds.
		sinks[j] = newParquetSink(leaf.Node.Type().Kind(), vt, int(min(rows, 1<<20)))
	}
	if err := checkParquetPages(r, size, pf.Metadata()); err != nil {
		return nil, fmt.Errorf("corrupt file: %w", err)
	}
	buf := make([]parquet.Value, 4096)
	for g, rg := range pf.RowGroups() {
		for j, chunk := range rg.ColumnChunks() {
			if err := readParquetChunk(chunk, sinks[j], buf, rg.NumRows()); err != nil {
				return nil, fmt.Errorf("row group %d, column %q: %w", g, labels[j], err)
			}
		}
	}
	cols := make([]data.Matrix, len(sinks))
	for j, k := range sinks {
		cols[j] = k.matrix()
		if int64(cols[j].Rows()) != rows {
			return nil, fmt.Errorf("column %q has %d values, but the file has %d rows", labels[j], cols[j].Rows(), rows)
		}
	}
	return data.NewFrame(cols, labels)
}

// readParquetChunk appends the values of one column chunk of a row group
// with rows rows to k. A corrupt file could announce pages of more values
// than the row group has rows (or never finish a page); both are errors.
func readParquetChunk(chunk parquet.ColumnChunk, k parquetSink, buf []parquet.Value, rows int64) error {
	pages := chunk.Pages()
	defer pages.Close()
	var got int64
	for {
		p, err := pages.ReadPage()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		err = readParquetPage(p, k, buf, rows, &got)
		parquet.Release(p)
		if err != nil {
			return err
		}
	}
}

// readParquetPage appends the values of one page to k, counting them in got.
func readParquetPage(p parquet.Page, k parquetSink, buf []parquet.Value, rows int64, got *int64) error {
	vr := p.Values()
	for {
		n, err := vr.ReadValues(buf)
		*got += int64(n)
		if *got > rows {
			return fmt.Errorf("more values than the row group's %d rows (a corrupt or nested column)", rows)
		}
		k.add(buf[:n])
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("a page yields no values but does not end (corrupt file)")
		}
	}
}

// readParquetMatrix reads a Parquet file into a dense matrix whose value
// type is the most general of the columns' (as.matrix of the frame) or the
// one of an optional "<path>.meta".
func readParquetMatrix(path string) (data.Matrix, error) {
	meta, err := optionalMeta(path)
	if err != nil {
		return nil, err
	}
	f, err := readParquetFrame(path)
	if err != nil {
		return nil, err
	}
	vt := types.F64
	if meta != nil {
		vt = meta.VT
	} else if f.Cols() > 0 {
		vt = types.Promote(f.Schema()...)
	}
	m, err := data.FrameToMatrix(f, vt)
	if err != nil {
		return nil, fmt.Errorf("file '%s': %w", path, err)
	}
	if meta != nil {
		return applyMeta(m, *meta, path)
	}
	return m, nil
}
