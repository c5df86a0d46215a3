package fileio

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/daphne-go/daphne/runtime/data"
)

// writeCSV writes a dense matrix as CSV: no header, one line per row, cells
// separated by commas. Integers are decimal, floats the shortest text that
// reads back to the same value (nan, inf, -inf as C spells them), strings
// raw unless they contain a comma, quote, CR or LF, in which case they are
// quoted with quotes doubled.
func writeCSV(w io.Writer, m data.Matrix) error {
	bw := bufio.NewWriterSize(w, 256<<10)
	var err error
	switch x := m.(type) {
	case *data.Dense[float64]:
		err = csvRows(bw, x, func(b []byte, v float64) []byte { return appendFloat(b, v, 64) })
	case *data.Dense[float32]:
		err = csvRows(bw, x, func(b []byte, v float32) []byte { return appendFloat(b, float64(v), 32) })
	case *data.Dense[int64]:
		err = csvRows(bw, x, func(b []byte, v int64) []byte { return strconv.AppendInt(b, v, 10) })
	case *data.Dense[int32]:
		err = csvRows(bw, x, func(b []byte, v int32) []byte { return strconv.AppendInt(b, int64(v), 10) })
	case *data.Dense[int8]:
		err = csvRows(bw, x, func(b []byte, v int8) []byte { return strconv.AppendInt(b, int64(v), 10) })
	case *data.Dense[uint64]:
		err = csvRows(bw, x, func(b []byte, v uint64) []byte { return strconv.AppendUint(b, v, 10) })
	case *data.Dense[uint32]:
		err = csvRows(bw, x, func(b []byte, v uint32) []byte { return strconv.AppendUint(b, uint64(v), 10) })
	case *data.Dense[uint8]:
		err = csvRows(bw, x, func(b []byte, v uint8) []byte { return strconv.AppendUint(b, uint64(v), 10) })
	case *data.Dense[string]:
		var cellErr error
		err = csvRows(bw, x, func(b []byte, v string) []byte {
			out, err := appendCSVString(b, v)
			if err != nil {
				cellErr = err
				return b
			}
			return out
		})
		if err == nil {
			err = cellErr
		}
	default:
		return fmt.Errorf("cannot write %s as CSV", data.Describe(m))
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

func csvRows[T data.Elem](bw *bufio.Writer, m *data.Dense[T], cell func([]byte, T) []byte) error {
	buf := make([]byte, 0, 1024)
	for i := 0; i < m.Rows(); i++ {
		buf = buf[:0]
		for j, v := range m.Row(i) {
			if j > 0 {
				buf = append(buf, ',')
			}
			buf = cell(buf, v)
		}
		buf = append(buf, '\n')
		if _, err := bw.Write(buf); err != nil {
			return err
		}
	}
	return nil
}

// appendFloat appends the shortest round-tripping spelling of f.
func appendFloat(b []byte, f float64, bits int) []byte {
	switch {
	case math.IsNaN(f):
		if math.Signbit(f) {
			return append(b, "-nan"...)
		}
		return append(b, "nan"...)
	case math.IsInf(f, 1):
		return append(b, "inf"...)
	case math.IsInf(f, -1):
		return append(b, "-inf"...)
	}
	return strconv.AppendFloat(b, f, 'g', -1, bits)
}

// appendCSVString appends s, quoted if it contains a comma, quote, CR or LF,
// in the dialect DAPHNE reads (see csvScanner.stringField): quotes are
// doubled except after a backslash, where the pair \" is read back as is.
// A quoted string cannot end in a backslash in that dialect; such strings
// are an error rather than written wrongly.
func appendCSVString(b []byte, s string) ([]byte, error) {
	if !strings.ContainsAny(s, ",\"\r\n") {
		return append(b, s...), nil
	}
	if strings.HasSuffix(s, "\\") {
		return nil, fmt.Errorf("cannot write the string %q to CSV: a quoted field cannot end in a backslash", s)
	}
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' && (i == 0 || s[i-1] != '\\') {
			b = append(b, '"')
		}
		b = append(b, s[i])
	}
	return append(b, '"'), nil
}
