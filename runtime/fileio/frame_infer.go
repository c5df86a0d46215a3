package fileio

import (
	"bytes"
	"fmt"
	"runtime"
	"strconv"
	"strings"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// fieldKind classifies a CSV field for schema inference, from the most to
// the least specific: an integer fits si64, a number f64, anything else
// (and every quoted field) only str.
type fieldKind uint8

const (
	kindInt fieldKind = iota
	kindFloat
	kindStr
)

// colKinds joins the kinds of a column's fields.
type colKinds struct {
	kind     fieldKind // the least specific kind of a non-empty field
	nonEmpty bool      // some field is not empty
	empty    bool      // some field is empty
}

// merge joins the kinds of another part of the same column.
func (c *colKinds) merge(o colKinds) {
	if o.empty {
		c.empty = true
	}
	if o.nonEmpty {
		c.add(o.kind, false)
	}
}

func (c *colKinds) add(k fieldKind, empty bool) {
	if empty {
		c.empty = true
		return
	}
	if !c.nonEmpty || k > c.kind {
		c.kind = k
	}
	c.nonEmpty = true
}

// valueType is the inferred type: si64 if every field is an integer, f64
// if every field is a number or empty (an empty field reads as nan), str
// otherwise, also when every field is empty.
func (c colKinds) valueType() types.ValueType {
	switch {
	case !c.nonEmpty || c.kind == kindStr:
		return types.Str
	case c.kind == kindFloat || c.empty:
		return types.F64
	}
	return types.SI64
}

// fits reports whether a field of kind k (empty or not) may be a value of
// a column of type vt (used to tell a header line from data).
func fits(k fieldKind, empty bool, vt types.ValueType) bool {
	switch {
	case vt == types.Str:
		return true
	case vt.IsFloat():
		return empty || k <= kindFloat
	}
	return !empty && k == kindInt
}

// classify returns the kind of an unquoted field (empty reports a field of
// white space only).
func classify(b []byte) (k fieldKind, empty bool) {
	if shortInt(b) { // the common case, without strconv
		return kindInt, false
	}
	t := strings.TrimSpace(bytesString(b))
	if t == "" {
		return kindStr, true
	}
	if _, err := strconv.ParseInt(t, 10, 64); err == nil {
		return kindInt, false
	}
	if _, err := strconv.ParseFloat(t, 64); err == nil {
		return kindFloat, false
	}
	return kindStr, false
}

// shortInt reports whether b is "[+-]digits" with 1 to 18 digits, which
// always fits si64.
func shortInt(b []byte) bool {
	if len(b) > 0 && (b[0] == '-' || b[0] == '+') {
		b = b[1:]
	}
	if len(b) == 0 || len(b) > 18 {
		return false
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// csvSurvey is what one pass over a CSV file without meta data learns.
type csvSurvey struct {
	records    int         // number of records (lines, with quoted line breaks inside)
	first      []string    // the fields of the first record
	firstKinds []fieldKind // their kinds
	firstEmpty []bool      // whether each is empty
	rest       []colKinds  // the joined kinds of each column in the other records
	countOnly  bool        // do not classify the other records (an explicit schema)
}

// surveyCSV reads every record of buf, checks that all have as many
// fields as the first, and classifies the fields (only those of the first
// record if countOnly). name is used in errors.
// After the first record, a file without quote characters is cut into line
// chunks surveyed in parallel.
func surveyCSV(buf []byte, name string, countOnly bool) (*csvSurvey, error) {
	s := &csvScanner{name: name, buf: buf, line: 1}
	sv := &csvSurvey{countOnly: countOnly}
	if err := surveyRecords(s, sv, 1); err != nil {
		return nil, err
	}
	if sv.records == 0 {
		return nil, fmt.Errorf("file '%s' is empty and has no meta data file '%s': nothing to infer a frame's schema from", name, MetaPath(name))
	}
	rest := buf[s.pos:]
	bounds := []int{0, len(rest)}
	if bytes.IndexByte(rest, '"') < 0 {
		bounds = splitLines(rest, runtime.GOMAXPROCS(0))
	}
	n := len(bounds) - 1
	lines := make([]int, n)
	parallelFor(n, func(k int) { lines[k] = bytes.Count(rest[bounds[k]:bounds[k+1]], []byte{'\n'}) })
	parts := make([]*csvSurvey, n)
	errs := make([]error, n)
	first := s.line
	subs := make([]*csvScanner, n)
	for k := range subs {
		subs[k] = &csvScanner{name: name, buf: buf[:s.pos+bounds[k+1]], pos: s.pos + bounds[k], line: first}
		first += lines[k]
	}
	parallelFor(n, func(k int) {
		// records starts at 1: the first record is known.
		parts[k] = &csvSurvey{records: 1, first: sv.first, rest: make([]colKinds, len(sv.first)), countOnly: countOnly}
		errs[k] = surveyRecords(subs[k], parts[k], -1)
	})
	for k, p := range parts {
		if errs[k] != nil {
			return nil, errs[k]
		}
		sv.records += p.records - 1
		for j, c := range p.rest {
			sv.rest[j].merge(c)
		}
	}
	return sv, nil
}

// surveyRecords surveys up to limit records (-1: all) from the scanner's
// position into sv; sv.records == 0 makes the first one sv.first.
func surveyRecords(s *csvScanner, sv *csvSurvey, limit int) error {
	for ; s.pos < len(s.buf) && limit != 0; limit-- {
		line := s.line
		col := 0
		for {
			var k fieldKind
			var empty bool
			var text string
			if s.pos < len(s.buf) && s.buf[s.pos] == '"' {
				f, err := s.stringField()
				if err != nil {
					return err
				}
				k, text = kindStr, f
			} else if raw := s.rawField(); sv.records == 0 || !sv.countOnly {
				k, empty = classify(raw)
				if sv.records == 0 {
					text = string(raw)
				}
			}
			switch {
			case sv.records == 0:
				sv.first = append(sv.first, text)
				sv.firstKinds = append(sv.firstKinds, k)
				sv.firstEmpty = append(sv.firstEmpty, empty)
			case col >= len(sv.first):
				return fmt.Errorf("%s: more fields than the %d of the first line", lineCol(s.name, line, col+1), len(sv.first))
			default:
				sv.rest[col].add(k, empty)
			}
			col++
			if s.atEOL() {
				break
			}
			s.pos++
		}
		if sv.records == 0 {
			sv.rest = make([]colKinds, len(sv.first))
		} else if col < len(sv.first) {
			return fmt.Errorf("file '%s', line %d: %d fields, but the first line has %d", s.name, line, col, len(sv.first))
		}
		sv.records++
		s.endRow()
	}
	return nil
}

// inferFrameMeta chooses the schema, labels and header of a CSV file
// without meta data or schema (see the package doc). header is -1 (detect),
// 0 (none) or 1 (the first line holds the labels).
func inferFrameMeta(sv *csvSurvey, header int) (FrameMeta, int) {
	cols := len(sv.first)
	rest := make([]types.ValueType, cols)
	for j, c := range sv.rest {
		rest[j] = c.valueType()
	}
	if header < 0 {
		header = 0
		if sv.records > 1 {
			for j, vt := range rest {
				if vt != types.Str && !fits(sv.firstKinds[j], sv.firstEmpty[j], vt) {
					header = 1
					break
				}
			}
		}
	}
	m := FrameMeta{NumRows: sv.records - header, NumCols: cols, Schema: rest}
	if header == 1 {
		m.Labels = append([]string(nil), sv.first...)
		return m, 1
	}
	m.Labels = data.DefaultLabels(cols)
	for j := range m.Schema {
		c := sv.rest[j]
		c.add(sv.firstKinds[j], sv.firstEmpty[j])
		m.Schema[j] = c.valueType()
	}
	return m, 0
}

// schemaFrameMeta applies an explicit schema (value types, labels or nil)
// to a surveyed file. header is -1 (detect: the first line is a header if
// it equals the labels or does not fit a numeric column), 0 or 1.
func schemaFrameMeta(sv *csvSurvey, name string, vts []types.ValueType, labels []string, header int) (FrameMeta, int, error) {
	if len(sv.first) != len(vts) {
		return FrameMeta{}, 0, fmt.Errorf("file '%s' has %d columns, but the schema given to readFrame has %d", name, len(sv.first), len(vts))
	}
	if header < 0 {
		header = 0
		same := labels != nil
		for j, vt := range vts {
			if !fits(sv.firstKinds[j], sv.firstEmpty[j], vt) {
				header = 1
			}
			if same && sv.first[j] != labels[j] {
				same = false
			}
		}
		if same {
			header = 1
		}
	}
	m := FrameMeta{NumRows: sv.records - header, NumCols: len(vts), Schema: vts, Labels: labels}
	switch {
	case labels != nil:
	case header == 1:
		m.Labels = append([]string(nil), sv.first...)
	default:
		m.Labels = data.DefaultLabels(len(vts))
	}
	if m.NumRows < 0 {
		m.NumRows = 0
	}
	return m, header, nil
}

// ParseSchema parses readFrame's schema argument: comma-separated entries
// "label:type" or just "type" (label col_<j>), types spelled as in meta
// files (si8 si32 si64 ui8 ui32 ui64 f32 f64 str), white space around
// entries ignored. A label is everything before the entry's last ':'.
// labels is nil when no entry has a label.
func ParseSchema(spec string) (vts []types.ValueType, labels []string, err error) {
	if strings.TrimSpace(spec) == "" {
		return nil, nil, fmt.Errorf("readFrame: the schema is empty (expected e.g. \"a:si64,b:f64,c:str\")")
	}
	parts := strings.Split(spec, ",")
	vts = make([]types.ValueType, len(parts))
	ls := make([]string, len(parts))
	named := false
	seen := make(map[string]int, len(parts))
	for j, p := range parts {
		label, typ := "col_"+strconv.Itoa(j), strings.TrimSpace(p)
		if i := strings.LastIndexByte(p, ':'); i >= 0 {
			label, typ = strings.TrimSpace(p[:i]), strings.TrimSpace(p[i+1:])
			named = true
		}
		vt, ok := types.ParseMetaName(typ)
		if !ok {
			return nil, nil, fmt.Errorf("readFrame: schema entry %d (%q) has the unknown value type %q (want one of si8, si32, si64, ui8, ui32, ui64, f32, f64, str; entries are \"label:type\" or \"type\", separated by commas)", j+1, strings.TrimSpace(p), typ)
		}
		if k, dup := seen[label]; dup {
			return nil, nil, fmt.Errorf("readFrame: schema entries %d and %d have the same label %q", k+1, j+1, label)
		}
		seen[label] = j
		vts[j], ls[j] = vt, label
	}
	if named {
		labels = ls
	}
	return vts, labels, nil
}
