package fileio

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"unicode/utf8"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// FrameMeta is the content of a .meta file for a frame: the shape, each
// column's value type and each column's label.
type FrameMeta struct {
	NumRows int
	NumCols int
	Schema  []types.ValueType
	Labels  []string
}

// ReadFrameMeta reads and parses "<path>.meta" as a frame's meta data. A
// missing file gives an error wrapping ErrNoMeta.
func ReadFrameMeta(path string) (FrameMeta, error) {
	name := MetaPath(path)
	b, err := os.ReadFile(name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return FrameMeta{}, fmt.Errorf("could not open file '%s' for reading meta data: %w", name, ErrNoMeta)
		}
		return FrameMeta{}, fmt.Errorf("could not open file '%s' for reading meta data: %w", name, err)
	}
	return ParseFrameMeta(b, name)
}

// metaSchemaEntry is one element of the "schema" array.
type metaSchemaEntry struct {
	Label     *string `json:"label"`
	ValueType *string `json:"valueType"`
}

// ParseFrameMeta parses the JSON content of a frame's meta data file; name
// is used in error messages. numRows and numCols are required. "schema" is
// an array of numCols objects {"label": ..., "valueType": ...}; an absent or
// empty valueType falls back to the top-level "valueType" (as in DAPHNE),
// an absent label to DAPHNE's default col_<j>. Without a schema every column
// has the top-level valueType and a default label.
func ParseFrameMeta(b []byte, name string) (FrameMeta, error) {
	var obj map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&obj); err != nil {
		return FrameMeta{}, fmt.Errorf("meta data file '%s' is not a valid JSON object: %v", name, err)
	}
	if dec.More() {
		return FrameMeta{}, fmt.Errorf("meta data file '%s' has data after its JSON object", name)
	}
	if obj == nil {
		return FrameMeta{}, fmt.Errorf("meta data file '%s' must hold a JSON object, got null", name)
	}
	var m FrameMeta
	var err error
	if m.NumRows, err = metaInt(obj, "numRows", name, true); err != nil {
		return FrameMeta{}, err
	}
	if m.NumCols, err = metaInt(obj, "numCols", name, true); err != nil {
		return FrameMeta{}, err
	}
	def := types.Unknown
	if raw, ok := obj["valueType"]; ok {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return FrameMeta{}, fmt.Errorf("meta data file '%s': key \"valueType\" must be a string, got %s", name, raw)
		}
		if def, err = metaValueType(s, name, "key \"valueType\""); err != nil {
			return FrameMeta{}, err
		}
	}
	raw, ok := obj["schema"]
	if !ok {
		if def == types.Unknown {
			return FrameMeta{}, fmt.Errorf("meta data file '%s' has neither a \"schema\" nor a \"valueType\": a frame needs the value type of every column", name)
		}
		if m.NumCols > 1<<20 {
			return FrameMeta{}, fmt.Errorf("meta data file '%s': %d columns are too many for a frame", name, m.NumCols)
		}
		m.Schema = make([]types.ValueType, m.NumCols)
		for j := range m.Schema {
			m.Schema[j] = def
		}
		m.Labels = data.DefaultLabels(m.NumCols)
		return m, nil
	}
	var entries []metaSchemaEntry
	if err := json.Unmarshal(raw, &entries); err != nil {
		return FrameMeta{}, fmt.Errorf("meta data file '%s': key \"schema\" must be an array of {\"label\": ..., \"valueType\": ...} objects: %v", name, err)
	}
	if len(entries) != m.NumCols {
		return FrameMeta{}, fmt.Errorf("meta data file '%s': \"schema\" has %d entries, but \"numCols\" is %d", name, len(entries), m.NumCols)
	}
	m.Schema = make([]types.ValueType, len(entries))
	m.Labels = make([]string, len(entries))
	seen := make(map[string]int, len(entries))
	for j, e := range entries {
		what := `"schema"[` + strconv.Itoa(j) + `]`
		switch {
		case e.ValueType != nil && *e.ValueType != "":
			if m.Schema[j], err = metaValueType(*e.ValueType, name, what); err != nil {
				return FrameMeta{}, err
			}
		case def != types.Unknown:
			m.Schema[j] = def
		default:
			return FrameMeta{}, fmt.Errorf("meta data file '%s': %s has no valueType and there is no top-level \"valueType\" to fall back to", name, what)
		}
		m.Labels[j] = "col_" + strconv.Itoa(j)
		if e.Label != nil {
			m.Labels[j] = *e.Label
		}
		if k, dup := seen[m.Labels[j]]; dup {
			return FrameMeta{}, fmt.Errorf("meta data file '%s': the label %q is used by \"schema\"[%d] and \"schema\"[%d]", name, m.Labels[j], k, j)
		}
		seen[m.Labels[j]] = j
	}
	return m, nil
}

// metaValueType parses a value type spelled as in meta files.
func metaValueType(s, name, what string) (types.ValueType, error) {
	vt, ok := types.ParseMetaName(s)
	if !ok {
		return types.Unknown, fmt.Errorf("meta data file '%s': %s has the unknown value type %q (want one of si8, si32, si64, ui8, ui32, ui64, f32, f64, str)", name, what, s)
	}
	return vt, nil
}

// frameMetaOf describes f.
func frameMetaOf(f *data.Frame) FrameMeta {
	return FrameMeta{NumRows: f.Rows(), NumCols: f.Cols(), Schema: f.Schema(), Labels: f.Labels()}
}

// MarshalFrameMeta returns the JSON DAPHNE writes for a frame: compact, keys
// sorted, e.g.
// {"numCols":2,"numRows":3,"schema":[{"label":"a","valueType":"si64"},{"label":"b","valueType":"f64"}]}.
func MarshalFrameMeta(m FrameMeta) ([]byte, error) {
	if len(m.Schema) != m.NumCols || len(m.Labels) != m.NumCols {
		return nil, fmt.Errorf("frame meta data: %d columns but %d value types and %d labels", m.NumCols, len(m.Schema), len(m.Labels))
	}
	b := []byte(`{"numCols":` + strconv.Itoa(m.NumCols) + `,"numRows":` + strconv.Itoa(m.NumRows) + `,"schema":[`)
	for j, vt := range m.Schema {
		s, ok := vt.MetaName()
		if !ok {
			return nil, fmt.Errorf("column %q: value type %v cannot be described in a meta data file", m.Labels[j], vt)
		}
		if !utf8.ValidString(m.Labels[j]) {
			return nil, fmt.Errorf("column label %q is not valid UTF-8, which a meta data file (JSON) cannot hold", m.Labels[j])
		}
		if j > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"label":`...)
		b = appendJSONString(b, m.Labels[j])
		b = append(b, `,"valueType":"`+s+`"}`...)
	}
	return append(b, "]}"...), nil
}

// appendJSONString appends s as a JSON string without escaping <, > and &
// (as DAPHNE's JSON library writes it).
func appendJSONString(b []byte, s string) []byte {
	var sb bytes.Buffer
	enc := json.NewEncoder(&sb)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return append(b, bytes.TrimSuffix(sb.Bytes(), []byte{'\n'})...)
}

// WriteFrameMeta writes "<path>.meta" for a frame.
func WriteFrameMeta(path string, m FrameMeta) error {
	b, err := MarshalFrameMeta(m)
	if err != nil {
		return err
	}
	if err := os.WriteFile(MetaPath(path), b, 0o644); err != nil {
		return fmt.Errorf("could not write meta data file: %w", err)
	}
	return nil
}
