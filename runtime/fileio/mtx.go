package fileio

import (
	"bytes"
	"fmt"
	"os"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// mtxHeader is the banner and size line of a Matrix Market file.
type mtxHeader struct {
	array    bool   // array (dense) rather than coordinate format
	field    string // real, integer or pattern
	symmetry string // general, symmetric or skew-symmetric
	rows     int
	cols     int
	nnz      int // coordinate only
}

// mtxLines iterates over the lines of a Matrix Market file.
type mtxLines struct {
	name string
	buf  []byte
	pos  int
	line int // number of the line last returned
}

// next returns the next line that is neither empty nor a comment.
func (l *mtxLines) next() ([]byte, bool) {
	for l.pos < len(l.buf) {
		end := bytes.IndexByte(l.buf[l.pos:], '\n')
		var ln []byte
		if end < 0 {
			ln, l.pos = l.buf[l.pos:], len(l.buf)
		} else {
			ln, l.pos = l.buf[l.pos:l.pos+end], l.pos+end+1
		}
		l.line++
		t := trimSpace(ln)
		if len(t) == 0 || t[0] == '%' {
			continue
		}
		return t, true
	}
	return nil, false
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && isSpace(b[0]) {
		b = b[1:]
	}
	for len(b) > 0 && isSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

// fields splits b at white space into at most len(dst) fields.
func fields(b []byte, dst [][]byte) int {
	n := 0
	i := 0
	for i < len(b) && n < len(dst) {
		for i < len(b) && isSpace(b[i]) {
			i++
		}
		start := i
		for i < len(b) && !isSpace(b[i]) {
			i++
		}
		if i > start {
			dst[n] = b[start:i]
			n++
		}
	}
	return n
}

// parseMtxHeader reads the banner and the size line.
func parseMtxHeader(l *mtxLines) (mtxHeader, error) {
	var h mtxHeader
	first := l.buf
	if i := bytes.IndexByte(first, '\n'); i >= 0 {
		first = first[:i]
	}
	var f [6][]byte
	n := fields(trimSpace(first), f[:])
	if n != 5 || !bytes.EqualFold(f[0], []byte("%%MatrixMarket")) || !bytes.EqualFold(f[1], []byte("matrix")) {
		return h, fmt.Errorf("file '%s' is not a Matrix Market matrix: its first line must be \"%%%%MatrixMarket matrix <format> <field> <symmetry>\"", l.name)
	}
	format := string(bytes.ToLower(f[2]))
	h.field = string(bytes.ToLower(f[3]))
	h.symmetry = string(bytes.ToLower(f[4]))
	switch format {
	case "coordinate":
	case "array":
		h.array = true
	default:
		return h, fmt.Errorf("file '%s': unknown Matrix Market format %q (want coordinate or array)", l.name, format)
	}
	switch h.field {
	case "real", "double", "integer":
	case "pattern":
		if h.array {
			return h, fmt.Errorf("file '%s': the pattern field is not allowed in array format", l.name)
		}
	default:
		return h, fmt.Errorf("file '%s': Matrix Market field %q is not supported (want real, integer or pattern)", l.name, h.field)
	}
	switch h.symmetry {
	case "general", "symmetric", "skew-symmetric":
	case "hermitian":
		h.symmetry = "symmetric" // the same for real values
	default:
		return h, fmt.Errorf("file '%s': unknown Matrix Market symmetry %q", l.name, h.symmetry)
	}
	if h.array && h.symmetry != "general" {
		return h, fmt.Errorf("file '%s': only general matrices are supported in array format, got %s", l.name, h.symmetry)
	}
	size, ok := l.next()
	if !ok {
		return h, fmt.Errorf("file '%s' has no size line", l.name)
	}
	want := 3
	if h.array {
		want = 2
	}
	var sf [4][]byte
	if fields(size, sf[:]) != want {
		return h, fmt.Errorf("file '%s', line %d: the size line must hold %d numbers", l.name, l.line, want)
	}
	dims := []*int{&h.rows, &h.cols, &h.nnz}
	for i := 0; i < want; i++ {
		v, ok := parseCount(sf[i])
		if !ok {
			return h, fmt.Errorf("file '%s', line %d: bad size %q", l.name, l.line, sf[i])
		}
		*dims[i] = v
	}
	return h, nil
}

// parseCount parses a non-negative decimal integer of at most 15 digits.
func parseCount(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 15 {
		return 0, false
	}
	v := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}

// readMtx reads a Matrix Market file. If meta is not nil its shape must
// match the file's and its value type is used.
func readMtx(path string, meta *Meta) (data.Matrix, error) {
	buf, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("could not read file '%s': %w", path, err)
	}
	return parseMtx(buf, path, meta)
}

func parseMtx(buf []byte, name string, meta *Meta) (data.Matrix, error) {
	l := &mtxLines{name: name, buf: buf}
	h, err := parseMtxHeader(l)
	if err != nil {
		return nil, err
	}
	vt := types.F64
	if h.field == "integer" {
		vt = types.SI64
	}
	if meta != nil {
		if meta.NumRows != h.rows || meta.NumCols != h.cols {
			return nil, fmt.Errorf("file '%s' holds a %dx%d matrix, but its meta data says %dx%d",
				name, h.rows, h.cols, meta.NumRows, meta.NumCols)
		}
		vt = meta.VT
	}
	var m data.Matrix
	if h.array {
		m, err = mtxArray(l, h)
	} else {
		m, err = mtxCoordinate(l, h)
	}
	if err != nil {
		return nil, err
	}
	if _, extra := l.next(); extra {
		return nil, fmt.Errorf("file '%s', line %d: more entries than the %d the size line announces", name, l.line, max(h.nnz, h.rows*h.cols))
	}
	if m.ValueType() != vt {
		if m, err = data.ConvertMatrix(m, vt); err != nil {
			return nil, fmt.Errorf("file '%s': %w", name, err)
		}
	}
	return m, nil
}

// mtxArray reads the column-major values of an array-format file.
func mtxArray(l *mtxLines, h mtxHeader) (data.Matrix, error) {
	if h.cols > 0 && h.rows > (len(l.buf)+1)/h.cols {
		return nil, fmt.Errorf("file '%s' is too short for the %dx%d matrix it announces", l.name, h.rows, h.cols)
	}
	if h.field == "integer" {
		out := make([]int64, h.rows*h.cols)
		err := mtxArrayValues(l, h, func(k int, b []byte) bool {
			v, ok := atoiPrefix(b)
			out[k] = int64(v)
			return ok
		})
		return data.DenseFrom(h.rows, h.cols, out), err
	}
	out := make([]float64, h.rows*h.cols)
	err := mtxArrayValues(l, h, func(k int, b []byte) bool {
		f, ok := strtod(b, 64)
		out[k] = f
		return ok
	})
	return data.DenseFrom(h.rows, h.cols, out), err
}

func mtxArrayValues(l *mtxLines, h mtxHeader, set func(k int, b []byte) bool) error {
	for j := 0; j < h.cols; j++ {
		for i := 0; i < h.rows; i++ {
			ln, ok := l.next()
			if !ok {
				return fmt.Errorf("file '%s' ends after %d of its %d values", l.name, j*h.rows+i, h.rows*h.cols)
			}
			if !set(i*h.cols+j, ln) {
				return fmt.Errorf("file '%s', line %d: %q is not a number", l.name, l.line, ln)
			}
		}
	}
	return nil
}
