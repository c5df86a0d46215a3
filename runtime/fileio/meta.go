package fileio

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"strconv"

	"github.com/daphne-go/daphne/types"
)

// ErrNoMeta is wrapped by ReadMeta when the .meta file does not exist.
var ErrNoMeta = errors.New("meta data file not found")

// Meta is the content of a .meta file for a matrix.
type Meta struct {
	NumRows int
	NumCols int
	VT      types.ValueType
	// NumNonZeros is the optional number of non-zeros, -1 when absent.
	NumNonZeros int
}

// MetaPath returns the name of the meta data file belonging to path.
func MetaPath(path string) string { return path + ".meta" }

// ReadMeta reads and parses "<path>.meta". A missing file gives an error
// wrapping ErrNoMeta that reads "could not open file '<path>.meta' for
// reading meta data".
func ReadMeta(path string) (Meta, error) {
	name := MetaPath(path)
	b, err := os.ReadFile(name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return Meta{}, fmt.Errorf("could not open file '%s' for reading meta data: %w", name, ErrNoMeta)
		}
		return Meta{}, fmt.Errorf("could not open file '%s' for reading meta data: %w", name, err)
	}
	return ParseMeta(b, name)
}

// ParseMeta parses the JSON content of a matrix's meta data file; name is
// used in error messages. Keys numRows, numCols (non-negative integers) and
// valueType (si8 si32 si64 ui8 ui32 ui64 f32 f64 str) are required;
// numNonZeros is optional; other keys (schema, hdfs) are ignored.
func ParseMeta(b []byte, name string) (Meta, error) {
	var obj map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&obj); err != nil {
		return Meta{}, fmt.Errorf("meta data file '%s' is not a valid JSON object: %v", name, err)
	}
	if dec.More() {
		return Meta{}, fmt.Errorf("meta data file '%s' has data after its JSON object", name)
	}
	if obj == nil {
		return Meta{}, fmt.Errorf("meta data file '%s' must hold a JSON object, got null", name)
	}
	m := Meta{NumNonZeros: -1}
	var err error
	if m.NumRows, err = metaInt(obj, "numRows", name, true); err != nil {
		return Meta{}, err
	}
	if m.NumCols, err = metaInt(obj, "numCols", name, true); err != nil {
		return Meta{}, err
	}
	if m.NumNonZeros, err = metaInt(obj, "numNonZeros", name, false); err != nil {
		return Meta{}, err
	}
	raw, ok := obj["valueType"]
	if !ok {
		if _, frame := obj["schema"]; frame {
			return Meta{}, fmt.Errorf("meta data file '%s' describes a frame (it has a schema and no valueType): read it with readFrame", name)
		}
		return Meta{}, fmt.Errorf("meta data file '%s' lacks the key \"valueType\"", name)
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return Meta{}, fmt.Errorf("meta data file '%s': key \"valueType\" must be a string, got %s", name, raw)
	}
	vt, ok := types.ParseMetaName(s)
	if !ok {
		return Meta{}, fmt.Errorf("meta data file '%s': key \"valueType\" has the unknown value type %q (want one of si8, si32, si64, ui8, ui32, ui64, f32, f64, str)", name, s)
	}
	m.VT = vt
	return m, nil
}

// metaInt reads a non-negative integer key; absent optional keys give -1.
func metaInt(obj map[string]json.RawMessage, key, name string, required bool) (int, error) {
	raw, ok := obj[key]
	if !ok {
		if required {
			return 0, fmt.Errorf("meta data file '%s' lacks the key %q", name, key)
		}
		return -1, nil
	}
	n, err := strconv.ParseInt(string(bytes.TrimSpace(raw)), 10, 64)
	if err != nil || n < 0 || n > math.MaxInt32*int64(1<<20) {
		return 0, fmt.Errorf("meta data file '%s': key %q must be a non-negative integer, got %s", name, key, raw)
	}
	return int(n), nil
}

// MarshalMeta returns the JSON DAPHNE writes for m: compact, keys sorted,
// numNonZeros only when it is not negative.
func MarshalMeta(m Meta) ([]byte, error) {
	vt, ok := m.VT.MetaName()
	if !ok {
		return nil, fmt.Errorf("value type %v cannot be described in a meta data file", m.VT)
	}
	b := []byte(`{"numCols":` + strconv.Itoa(m.NumCols))
	if m.NumNonZeros >= 0 {
		b = append(b, `,"numNonZeros":`+strconv.Itoa(m.NumNonZeros)...)
	}
	b = append(b, `,"numRows":`+strconv.Itoa(m.NumRows)+`,"valueType":"`+vt+`"}`...)
	return b, nil
}

// WriteMeta writes "<path>.meta" for m.
func WriteMeta(path string, m Meta) error {
	b, err := MarshalMeta(m)
	if err != nil {
		return err
	}
	if err := os.WriteFile(MetaPath(path), b, 0o644); err != nil {
		return fmt.Errorf("could not write meta data file: %w", err)
	}
	return nil
}
