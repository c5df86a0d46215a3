package fileio

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
	"github.com/daphne-go/daphne/types"
)

// Header modes of FrameReadOptions.Header.
const (
	HeaderDetect = -1 // decide from the file (see the package doc)
	HeaderNone   = 0  // the first line is data
	HeaderLine   = 1  // the first line holds the column labels
)

// FrameReadOptions are readFrame's optional arguments.
type FrameReadOptions struct {
	// Schema is "" (use the .meta file, or infer the schema when there is
	// none) or an explicit schema for ParseSchema, e.g. "a:si64,b:f64,c:str";
	// an explicit schema makes the .meta file irrelevant.
	Schema string
	// Header is HeaderDetect, HeaderNone or HeaderLine. With a .meta file,
	// HeaderDetect means no header (DAPHNE's CSV files have none).
	Header int
}

// ReadFrame reads the frame stored in path (.csv or .parquet; see the
// package doc).
func ReadFrame(path string, opt FrameReadOptions) (*data.Frame, error) {
	if opt.Header < HeaderDetect || opt.Header > HeaderLine {
		return nil, fmt.Errorf("readFrame: header must be -1 (detect), 0/false (no header line) or 1/true (a header line), got %d", opt.Header)
	}
	ext := strings.ToLower(filepath.Ext(path))
	switch ext {
	case ".csv":
		return readFrameCSV(path, opt)
	case ".parquet":
		if opt.Schema != "" || opt.Header != HeaderDetect {
			return nil, fmt.Errorf("readFrame: '%s' is a Parquet file, which describes its own schema: give no schema and no header argument", path)
		}
		return readParquetFrame(path)
	}
	return nil, fmt.Errorf("cannot read frame from file '%s': unsupported file extension %q (supported: .csv, .parquet)", path, ext)
}

// readFrameCSV reads a CSV file with its .meta, an explicit schema or an
// inferred one.
func readFrameCSV(path string, opt FrameReadOptions) (*data.Frame, error) {
	var meta FrameMeta
	haveMeta := false
	var vts []types.ValueType
	var labels []string
	if opt.Schema != "" {
		var err error
		if vts, labels, err = ParseSchema(opt.Schema); err != nil {
			return nil, err
		}
	} else {
		m, err := ReadFrameMeta(path)
		switch {
		case err == nil:
			meta, haveMeta = m, true
		case !errors.Is(err, ErrNoMeta):
			return nil, err
		}
	}
	buf, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("could not read file '%s': %w", path, err)
	}
	if haveMeta {
		skip := 0
		if opt.Header == HeaderLine {
			skip = 1
		}
		return parseFrameCSV(buf, path, meta, skip)
	}
	sv, err := surveyCSV(buf, path, vts != nil)
	if err != nil {
		if vts == nil {
			return nil, fmt.Errorf("%w (the schema was to be inferred because there is no meta data file '%s'; give one, or a schema such as readFrame(\"%s\", \"a:si64,b:str\"))", err, MetaPath(path), path)
		}
		return nil, err
	}
	skip := 0
	if vts != nil {
		if meta, skip, err = schemaFrameMeta(sv, path, vts, labels, opt.Header); err != nil {
			return nil, err
		}
	} else {
		meta, skip = inferFrameMeta(sv, opt.Header)
	}
	return parseFrameCSV(buf, path, meta, skip)
}

// WriteFrame writes f to path (.csv with "<path>.meta", or .parquet).
func WriteFrame(path string, f *data.Frame) error {
	for j, vt := range f.Schema() {
		if vt == types.Bool {
			return fmt.Errorf("cannot write the frame to '%s': column %q is bool, which files have no value type for; cast it first", path, f.Label(j))
		}
	}
	ext := strings.ToLower(filepath.Ext(path))
	switch ext {
	case ".csv":
		if err := writeFile(path, func(w io.Writer) error { return writeFrameCSV(w, f) }); err != nil {
			return err
		}
		return WriteFrameMeta(path, frameMetaOf(f))
	case ".parquet":
		return writeParquetFrame(path, f)
	}
	return fmt.Errorf("cannot write frame to file '%s': unsupported file extension %q (supported: .csv, .parquet)", path, ext)
}

// opReadFrame implements readFrame(filename, schema, header).
func opReadFrame(_ *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
	if len(args) < 1 || len(args) > 3 {
		return nil, fmt.Errorf("readFrame expects 1 to 3 arguments, got %d", len(args))
	}
	name, err := data.StringArg(args[0], "readFrame: filename")
	if err != nil {
		return nil, err
	}
	opt := FrameReadOptions{Header: HeaderDetect}
	if len(args) > 1 {
		if opt.Schema, err = data.StringArg(args[1], "readFrame: schema"); err != nil {
			return nil, err
		}
	}
	if len(args) > 2 {
		h, err := data.IntArg(args[2], "readFrame: header")
		if err != nil {
			return nil, err
		}
		if h < HeaderDetect || h > HeaderLine {
			return nil, fmt.Errorf("readFrame: header must be true, false or -1 (detect), got %d", h)
		}
		opt.Header = int(h)
	}
	f, err := ReadFrame(name, opt)
	if err != nil {
		return nil, err
	}
	return ops.Results(f), nil
}

// opWriteFrame implements writeFrame(frame, filename).
func opWriteFrame(_ *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
	if len(args) != 2 {
		return nil, fmt.Errorf("writeFrame expects 2 arguments, got %d", len(args))
	}
	f, ok := args[0].(*data.Frame)
	if !ok {
		return nil, fmt.Errorf("writeFrame: arg must be a frame, got %s", data.Describe(args[0]))
	}
	name, err := data.StringArg(args[1], "writeFrame: filename")
	if err != nil {
		return nil, err
	}
	return nil, WriteFrame(name, f)
}
