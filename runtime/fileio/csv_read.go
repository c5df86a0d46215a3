package fileio

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"sync"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// csvScanner walks a CSV file held in memory, one field at a time.
type csvScanner struct {
	name string
	buf  []byte
	pos  int
	line int // 1-based line of pos
}

// atEOL reports whether pos is at the end of a line or of the file.
func (s *csvScanner) atEOL() bool {
	return s.pos >= len(s.buf) || s.buf[s.pos] == '\n'
}

// rawField returns the bytes up to the next comma or line end (a trailing
// '\r' removed) and leaves pos on the comma or line end.
func (s *csvScanner) rawField() []byte {
	start := s.pos
	i := start
	for i < len(s.buf) && s.buf[i] != ',' && s.buf[i] != '\n' {
		i++
	}
	s.pos = i
	end := i
	if end > start && s.buf[end-1] == '\r' {
		end--
	}
	return s.buf[start:end]
}

// stringField returns the next field as a string. A field that starts with
// '"' is quoted, as DAPHNE reads it: it may span lines, "" inside is one
// quote, a backslash followed by a quote is kept as these two characters and
// does not end the field, and any other quote ends it. Text between the
// closing quote and the delimiter is kept (DAPHNE drops it).
func (s *csvScanner) stringField() (string, error) {
	if s.pos >= len(s.buf) || s.buf[s.pos] != '"' {
		return string(s.rawField()), nil
	}
	startLine := s.line
	s.pos++
	var out []byte
	for {
		if s.pos >= len(s.buf) {
			return "", fmt.Errorf("file '%s', line %d: quoted field is not closed before the end of the file", s.name, startLine)
		}
		c := s.buf[s.pos]
		s.pos++
		next := byte(0)
		if s.pos < len(s.buf) {
			next = s.buf[s.pos]
		}
		switch {
		case c == '"' && next == '"':
			out = append(out, '"')
			s.pos++
			continue
		case c == '\\' && next == '"':
			out = append(out, '\\', '"')
			s.pos++
			continue
		case c == '"':
			return string(out) + string(s.rawField()), nil
		case c == '\n':
			s.line++
		}
		out = append(out, c)
	}
}

// nextField moves past the comma after field col (0-based) of a row with
// cols fields, or reports a short line.
func (s *csvScanner) nextField(col, cols int) error {
	if col == cols-1 {
		return nil
	}
	if s.atEOL() {
		return fmt.Errorf("file '%s', line %d: expected %d columns, found %d", s.name, s.line, cols, col+1)
	}
	s.pos++ // the comma
	return nil
}

// startRow checks that row r (0-based) exists.
func (s *csvScanner) startRow(r, rows int) error {
	if s.pos >= len(s.buf) {
		return fmt.Errorf("file '%s' has %d lines, but its meta data says %d rows", s.name, r, rows)
	}
	return nil
}

// endRow skips the rest of the line (extra fields are ignored, as in DAPHNE).
func (s *csvScanner) endRow() {
	for s.pos < len(s.buf) && s.buf[s.pos] != '\n' {
		s.pos++
	}
	if s.pos < len(s.buf) {
		s.pos++
		s.line++
	}
}

// emptyRows consumes the rows of a matrix or frame with no columns, as
// writeMatrix and writeFrame write them: one empty line per row (a last
// line without its newline is accepted), nothing after them.
func (s *csvScanner) emptyRows(rows int) error {
	for i := range rows {
		if s.pos >= len(s.buf) {
			return fmt.Errorf("file '%s' ends after %d of the %d empty lines its meta data gives (0 columns)", s.name, i, rows)
		}
		eol := s.pos
		for eol < len(s.buf) && s.buf[eol] != '\n' {
			eol++
		}
		if line := s.buf[s.pos:eol]; len(line) > 0 && string(line) != "\r" {
			return fmt.Errorf("file '%s', line %d: expected an empty line (the meta data gives 0 columns), found %q", s.name, s.line, clip(line))
		}
		s.pos = eol
		s.endRow()
	}
	if s.pos < len(s.buf) {
		return fmt.Errorf("file '%s', line %d: more lines than the %d rows its meta data gives", s.name, s.line, rows)
	}
	return nil
}

// clip shortens b for an error message.
func clip(b []byte) string {
	if len(b) > 40 {
		return string(b[:40]) + "..."
	}
	return string(b)
}

// readCSV reads a CSV file with the shape and value type of meta into a
// dense matrix.
func readCSV(path string, meta Meta) (data.Matrix, error) {
	buf, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("could not read file '%s': %w", path, err)
	}
	return parseCSV(buf, path, meta)
}

// parseCSV parses CSV bytes; name is used in errors.
func parseCSV(buf []byte, name string, meta Meta) (data.Matrix, error) {
	s := &csvScanner{name: name, buf: buf, line: 1}
	r, c := meta.NumRows, meta.NumCols
	if c == 0 && r > 0 {
		if err := s.emptyRows(r); err != nil {
			return nil, err
		}
		return data.NewDenseOf(meta.VT, r, 0)
	}
	if c > 0 && r > (len(buf)+1)/c && (r > 1<<16 || c > 1<<16 || r*c > 1<<16) {
		// Every cell but the last needs at least a separator byte, so the
		// meta data is wrong; refuse before allocating for it (small
		// matrices go on to the more precise errors about lines).
		return nil, fmt.Errorf("file '%s' is too short (%d bytes) for the %dx%d matrix its meta data describes", name, len(buf), r, c)
	}
	switch meta.VT {
	case types.F64:
		return csvFloats[float64](s, r, c, 64, types.F64)
	case types.F32:
		return csvFloats[float32](s, r, c, 32, types.F32)
	case types.SI64:
		return csvInts[int64](s, r, c, types.SI64)
	case types.SI32:
		return csvInts[int32](s, r, c, types.SI32)
	case types.SI8:
		return csvInts[int8](s, r, c, types.SI8)
	case types.UI64, types.Size:
		return csvInts[uint64](s, r, c, meta.VT)
	case types.UI32:
		return csvInts[uint32](s, r, c, types.UI32)
	case types.UI8:
		return csvInts[uint8](s, r, c, types.UI8)
	case types.Str:
		return csvStrings(s, r, c)
	}
	return nil, fmt.Errorf("file '%s': cannot read value type %v from CSV", name, meta.VT)
}

func csvFloats[T float64 | float32](s *csvScanner, rows, cols, bits int, vt types.ValueType) (data.Matrix, error) {
	out := make([]T, rows*cols)
	err := csvNumbers(s, rows, cols, out, func(b []byte) T { return T(strtodOrNaN(b, bits)) })
	if err != nil {
		return nil, err
	}
	return data.DenseFromVT(vt, rows, cols, out), nil
}

func csvInts[T int64 | int32 | int8 | uint64 | uint32 | uint8](s *csvScanner, rows, cols int, vt types.ValueType) (data.Matrix, error) {
	out := make([]T, rows*cols)
	err := csvNumbers(s, rows, cols, out, func(b []byte) T {
		v, _ := atoiPrefix(b)
		return T(v)
	})
	if err != nil {
		return nil, err
	}
	return data.DenseFromVT(vt, rows, cols, out), nil
}

// csvNumbers parses rows x cols numeric cells into out. Numeric fields
// cannot contain line breaks, so a large file is cut into chunks at line
// boundaries; the lines of each chunk are counted (to know its first row)
// and the chunks are parsed in parallel.
func csvNumbers[T data.Number](s *csvScanner, rows, cols int, out []T, cell func([]byte) T) error {
	bounds := splitLines(s.buf, runtime.GOMAXPROCS(0))
	if len(bounds) <= 2 {
		return csvRowRange(s, 0, rows, rows, cols, out, cell)
	}
	n := len(bounds) - 1
	lines := make([]int, n)
	var wg sync.WaitGroup
	for k := 0; k < n; k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lines[k] = bytes.Count(s.buf[bounds[k]:bounds[k+1]], []byte{'\n'})
		}()
	}
	wg.Wait()
	errs := make([]error, n)
	first := 0
	for k := 0; k < n && first < rows; k++ {
		sub := &csvScanner{name: s.name, buf: s.buf[:bounds[k+1]], pos: bounds[k], line: first + 1}
		lo, hi := first, min(first+lines[k], rows)
		if k == n-1 {
			hi = rows // the last chunk reports missing rows
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[k] = csvRowRange(sub, lo, hi, rows, cols, out, cell)
		}()
		first += lines[k]
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// csvRowRange parses rows [lo, hi) starting at the scanner's position.
func csvRowRange[T data.Number](s *csvScanner, lo, hi, rows, cols int, out []T, cell func([]byte) T) error {
	k := lo * cols
	for r := lo; r < hi; r++ {
		if err := s.startRow(r, rows); err != nil {
			return err
		}
		for col := 0; col < cols; col++ {
			out[k] = cell(s.rawField())
			k++
			if err := s.nextField(col, cols); err != nil {
				return err
			}
		}
		s.endRow()
	}
	return nil
}

func csvStrings(s *csvScanner, rows, cols int) (data.Matrix, error) {
	out := make([]string, rows*cols)
	k := 0
	for r := 0; r < rows; r++ {
		if err := s.startRow(r, rows); err != nil {
			return nil, err
		}
		for col := 0; col < cols; col++ {
			f, err := s.stringField()
			if err != nil {
				return nil, err
			}
			out[k] = f
			k++
			if err := s.nextField(col, cols); err != nil {
				return nil, err
			}
		}
		s.endRow()
	}
	return data.DenseFrom(rows, cols, out), nil
}
