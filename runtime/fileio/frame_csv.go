package fileio

import (
	"bytes"
	"fmt"
	"runtime"
	"strconv"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// frameSink receives the cells of one frame column while a CSV file is
// parsed; parse reads the field at the scanner's position into row r.
type frameSink interface {
	parse(s *csvScanner, r int) error
	matrix() data.Matrix
}

type intSink[T int64 | int32 | int8 | uint64 | uint32 | uint8] struct {
	vt  types.ValueType
	out []T
}

func (k *intSink[T]) parse(s *csvScanner, r int) error {
	v, _ := atoiPrefix(s.rawField())
	k.out[r] = T(v)
	return nil
}

func (k *intSink[T]) matrix() data.Matrix { return data.DenseFromVT(k.vt, len(k.out), 1, k.out) }

type floatSink[T float64 | float32] struct {
	vt   types.ValueType
	bits int
	out  []T
}

func (k *floatSink[T]) parse(s *csvScanner, r int) error {
	k.out[r] = T(strtodOrNaN(s.rawField(), k.bits))
	return nil
}

func (k *floatSink[T]) matrix() data.Matrix { return data.DenseFromVT(k.vt, len(k.out), 1, k.out) }

type strSink struct{ out []string }

func (k *strSink) parse(s *csvScanner, r int) error {
	v, err := s.stringField()
	k.out[r] = v
	return err
}

func (k *strSink) matrix() data.Matrix { return data.DenseFrom(len(k.out), 1, k.out) }

// newSink returns the sink for a column of value type vt with rows cells.
func newSink(vt types.ValueType, rows int) (frameSink, error) {
	switch vt {
	case types.F64:
		return &floatSink[float64]{vt: vt, bits: 64, out: make([]float64, rows)}, nil
	case types.F32:
		return &floatSink[float32]{vt: vt, bits: 32, out: make([]float32, rows)}, nil
	case types.SI64:
		return &intSink[int64]{vt: vt, out: make([]int64, rows)}, nil
	case types.SI32:
		return &intSink[int32]{vt: vt, out: make([]int32, rows)}, nil
	case types.SI8:
		return &intSink[int8]{vt: vt, out: make([]int8, rows)}, nil
	case types.UI64, types.Size:
		return &intSink[uint64]{vt: vt, out: make([]uint64, rows)}, nil
	case types.UI32:
		return &intSink[uint32]{vt: vt, out: make([]uint32, rows)}, nil
	case types.UI8:
		return &intSink[uint8]{vt: vt, out: make([]uint8, rows)}, nil
	case types.Str:
		return &strSink{out: make([]string, rows)}, nil
	}
	return nil, fmt.Errorf("no frame column of value type %v can be read from CSV", vt)
}

// parseFrameCSV parses CSV bytes into a frame with meta's shape, schema and
// labels; name is used in errors. skip lines (a header) are skipped first,
// respecting quoted fields that span lines.
func parseFrameCSV(buf []byte, name string, meta FrameMeta, skip int) (*data.Frame, error) {
	s := &csvScanner{name: name, buf: buf, line: 1}
	for ; skip > 0; skip-- {
		if _, err := s.record(); err != nil {
			return nil, err
		}
	}
	rows, cols := meta.NumRows, meta.NumCols
	if cols == 0 && rows > 0 {
		if err := s.emptyRows(rows); err != nil {
			return nil, err
		}
		return data.NewFrameRows(rows, nil, nil)
	}
	if cols > 0 && rows > (len(buf)-s.pos+1)/cols && rows > 1<<16 {
		return nil, fmt.Errorf("file '%s' is too short (%d bytes) for the %dx%d frame its meta data describes", name, len(buf), rows, cols)
	}
	sinks := make([]frameSink, cols)
	for j, vt := range meta.Schema {
		k, err := newSink(vt, rows)
		if err != nil {
			return nil, fmt.Errorf("file '%s', column %d (%q): %w", name, j+1, meta.Labels[j], err)
		}
		sinks[j] = k
	}
	var err error
	if bytes.IndexByte(buf[s.pos:], '"') >= 0 {
		// A quoted field may span lines: no cutting at line boundaries.
		err = frameRowRange(s, sinks, meta, 0, rows)
	} else {
		err = frameParallel(s, sinks, meta)
	}
	if err != nil {
		return nil, err
	}
	ms := make([]data.Matrix, cols)
	for j, k := range sinks {
		ms[j] = k.matrix()
	}
	f, err := data.NewFrame(ms, meta.Labels)
	if err != nil {
		return nil, fmt.Errorf("file '%s': %w", name, err)
	}
	return f, nil
}

// frameParallel parses all rows of a file without quotes: it is cut into
// chunks at line boundaries, whose lines are counted to know each chunk's
// first row, and the chunks are parsed in parallel.
func frameParallel(s *csvScanner, sinks []frameSink, meta FrameMeta) error {
	rest := s.buf[s.pos:]
	bounds := splitLines(rest, runtime.GOMAXPROCS(0))
	if len(bounds) <= 2 {
		return frameRowRange(s, sinks, meta, 0, meta.NumRows)
	}
	n := len(bounds) - 1
	lines := make([]int, n)
	parallelFor(n, func(k int) { lines[k] = bytes.Count(rest[bounds[k]:bounds[k+1]], []byte{'\n'}) })
	subs := make([]*csvScanner, 0, n)
	los := make([]int, 0, n)
	first := 0
	for k := 0; k < n && first < meta.NumRows; k++ {
		subs = append(subs, &csvScanner{name: s.name, buf: s.buf[:s.pos+bounds[k+1]], pos: s.pos + bounds[k], line: s.line + first})
		los = append(los, first)
		first += lines[k]
	}
	errs := make([]error, len(subs))
	parallelFor(len(subs), func(k int) {
		hi := meta.NumRows // the last chunk reports missing rows
		if k+1 < len(subs) {
			hi = los[k+1]
		}
		errs[k] = frameRowRange(subs[k], sinks, meta, los[k], hi)
	})
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// frameRowRange parses rows [lo, hi) starting at the scanner's position.
func frameRowRange(s *csvScanner, sinks []frameSink, meta FrameMeta, lo, hi int) error {
	cols := len(sinks)
	for r := lo; r < hi; r++ {
		if s.pos >= len(s.buf) {
			return fmt.Errorf("file '%s' has %d data lines, but %d rows were expected (from its meta data or schema)", s.name, r, meta.NumRows)
		}
		for j, k := range sinks {
			line := s.line
			if err := k.parse(s, r); err != nil {
				return fmt.Errorf("%w (column %d, %q)", err, j+1, meta.Labels[j])
			}
			if j == cols-1 {
				break
			}
			if s.atEOL() {
				return fmt.Errorf("file '%s', line %d, column %d (%q): the line ends after %d of %d fields",
					s.name, line, j+2, meta.Labels[j+1], j+1, cols)
			}
			s.pos++ // the comma
		}
		s.endRow()
	}
	return nil
}

// record reads the fields of the next record as strings (quoted fields
// unquoted, possibly spanning lines) and moves to the next record.
func (s *csvScanner) record() ([]string, error) {
	if s.pos >= len(s.buf) {
		return nil, fmt.Errorf("file '%s' ends before line %d", s.name, s.line)
	}
	var out []string
	for {
		f, err := s.stringField()
		if err != nil {
			return nil, err
		}
		out = append(out, f)
		if s.atEOL() {
			break
		}
		s.pos++
	}
	s.endRow()
	return out, nil
}

// lineCol formats a position for errors: "file 'f', line 3, column 2".
func lineCol(name string, line, col int) string {
	return "file '" + name + "', line " + strconv.Itoa(line) + ", column " + strconv.Itoa(col)
}
