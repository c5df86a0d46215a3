package fileio

import (
	"bufio"
	"fmt"
	"io"
	"strconv"

	"github.com/daphne-go/daphne/runtime/data"
)

// cellAppender appends the CSV text of row r of one column.
type cellAppender func(b []byte, r int) ([]byte, error)

// columnAppender returns the appender for a frame column, in the dialect
// of writeCSV: integers decimal, floats the shortest text that reads back
// to the same value, strings quoted when they need it.
func columnAppender(c data.Matrix) (cellAppender, error) {
	switch x := c.(type) {
	case *data.Dense[float64]:
		return func(b []byte, r int) ([]byte, error) { return appendFloat(b, x.Data[r], 64), nil }, nil
	case *data.Dense[float32]:
		return func(b []byte, r int) ([]byte, error) { return appendFloat(b, float64(x.Data[r]), 32), nil }, nil
	case *data.Dense[int64]:
		return func(b []byte, r int) ([]byte, error) { return strconv.AppendInt(b, x.Data[r], 10), nil }, nil
	case *data.Dense[int32]:
		return func(b []byte, r int) ([]byte, error) { return strconv.AppendInt(b, int64(x.Data[r]), 10), nil }, nil
	case *data.Dense[int8]:
		return func(b []byte, r int) ([]byte, error) { return strconv.AppendInt(b, int64(x.Data[r]), 10), nil }, nil
	case *data.Dense[uint64]:
		return func(b []byte, r int) ([]byte, error) { return strconv.AppendUint(b, x.Data[r], 10), nil }, nil
	case *data.Dense[uint32]:
		return func(b []byte, r int) ([]byte, error) { return strconv.AppendUint(b, uint64(x.Data[r]), 10), nil }, nil
	case *data.Dense[uint8]:
		return func(b []byte, r int) ([]byte, error) { return strconv.AppendUint(b, uint64(x.Data[r]), 10), nil }, nil
	case *data.Dense[string]:
		return func(b []byte, r int) ([]byte, error) { return appendCSVString(b, x.Data[r]) }, nil
	}
	return nil, fmt.Errorf("cannot write a frame column holding %s as CSV", data.Describe(c))
}

// writeFrameCSV writes a frame as CSV: no header, one line per row.
func writeFrameCSV(w io.Writer, f *data.Frame) error {
	apps := make([]cellAppender, f.Cols())
	for j := range apps {
		c, err := data.ToDenseMatrix(f.Column(j))
		if err != nil {
			return err
		}
		if apps[j], err = columnAppender(c); err != nil {
			return fmt.Errorf("column %q: %w", f.Label(j), err)
		}
	}
	bw := bufio.NewWriterSize(w, 256<<10)
	buf := make([]byte, 0, 1024)
	for r := 0; r < f.Rows(); r++ {
		buf = buf[:0]
		for j, app := range apps {
			if j > 0 {
				buf = append(buf, ',')
			}
			var err error
			if buf, err = app(buf, r); err != nil {
				return fmt.Errorf("row %d, column %q: %w", r, f.Label(j), err)
			}
		}
		buf = append(buf, '\n')
		if _, err := bw.Write(buf); err != nil {
			return err
		}
	}
	return bw.Flush()
}
