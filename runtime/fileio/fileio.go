package fileio

import (
	"bufio"
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

// ReadMatrix reads the matrix stored in path, choosing the format by the
// extension (.csv, .coo, .mtx, .dbdf, .parquet; see the package doc). .csv and .coo
// files need their "<path>.meta"; for the other formats it is optional.
func ReadMatrix(path string) (data.Matrix, error) {
	ext := strings.ToLower(filepath.Ext(path))
	switch ext {
	case ".csv":
		meta, err := ReadMeta(path)
		if err != nil {
			return nil, err
		}
		return readCSV(path, meta)
	case ".coo":
		meta, err := ReadMeta(path)
		if err != nil {
			return nil, err
		}
		return readCOO(path, meta)
	case ".mtx":
		meta, err := optionalMeta(path)
		if err != nil {
			return nil, err
		}
		return readMtx(path, meta)
	case ".dbdf":
		meta, err := optionalMeta(path)
		if err != nil {
			return nil, err
		}
		m, err := readDBDF(path)
		if err != nil || meta == nil {
			return m, err
		}
		return applyMeta(m, *meta, path)
	case ".parquet":
		return readParquetMatrix(path)
	}
	return nil, fmt.Errorf("cannot read file '%s': unsupported file extension %q (supported: .csv, .coo, .mtx, .dbdf, .parquet)", path, ext)
}

// optionalMeta reads "<path>.meta" if it exists.
func optionalMeta(path string) (*Meta, error) {
	meta, err := ReadMeta(path)
	if errors.Is(err, ErrNoMeta) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &meta, nil
}

// applyMeta checks a self-describing file's matrix against its meta data
// and converts it to the meta data's value type.
func applyMeta(m data.Matrix, meta Meta, path string) (data.Matrix, error) {
	if m.Rows() != meta.NumRows || m.Cols() != meta.NumCols {
		return nil, fmt.Errorf("file '%s' holds a %dx%d matrix, but its meta data says %dx%d",
			path, m.Rows(), m.Cols(), meta.NumRows, meta.NumCols)
	}
	if m.ValueType() == meta.VT {
		return m, nil
	}
	c, err := data.ConvertMatrix(m, meta.VT)
	if err != nil {
		return nil, fmt.Errorf("file '%s': %w", path, err)
	}
	return c, nil
}

// WriteMatrix writes m to path in the format given by the extension (.csv,
// .mtx, .dbdf) and its meta data to "<path>.meta". bool matrices cannot be
// written: the meta data format has no bool value type.
func WriteMatrix(path string, m data.Matrix) error {
	if m.ValueType() == types.Bool {
		return fmt.Errorf("cannot write %s to '%s': files have no bool value type; cast it first, e.g. as.matrix<ui8>(X)", data.Describe(m), path)
	}
	ext := strings.ToLower(filepath.Ext(path))
	var err error
	switch ext {
	case ".csv":
		var d data.Matrix
		if d, err = data.ToDenseMatrix(m); err == nil {
			err = writeFile(path, func(w io.Writer) error { return writeCSV(w, d) })
		}
	case ".mtx":
		err = writeFile(path, func(w io.Writer) error { return writeMtx(w, m) })
	case ".dbdf":
		var b []byte
		if b, err = encodeDBDF(m); err == nil {
			err = writeFile(path, func(w io.Writer) error { _, err := w.Write(b); return err })
		}
	default:
		return fmt.Errorf("cannot write file '%s': unsupported file extension %q (supported: .csv, .mtx, .dbdf)", path, ext)
	}
	if err != nil {
		return err
	}
	return WriteMeta(path, metaFor(m))
}

// writeFile creates path and fills it with body.
func writeFile(path string, body func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("could not open file '%s' for writing: %w", path, err)
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	err = body(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path) // do not leave a partial file behind
		return fmt.Errorf("could not write file '%s': %w", path, err)
	}
	return nil
}

// Register adds readMatrix(filename), writeMatrix(arg, filename),
// write(arg, filename) (of a matrix or a frame), readFrame(filename,
// schema, header) and writeFrame(arg, filename) to r.
func Register(r *ops.Registry) {
	r.Register("readMatrix", opReadMatrix)
	r.Register("writeMatrix", opWrite("writeMatrix"))
	r.Register("write", opWrite("write"))
	r.Register("readFrame", opReadFrame)
	r.Register("writeFrame", opWriteFrame)
}

func opReadMatrix(c *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
	if len(args) != 1 {
		return nil, fmt.Errorf("readMatrix expects 1 argument, got %d", len(args))
	}
	name, err := data.StringArg(args[0], "readMatrix: filename")
	if err != nil {
		return nil, err
	}
	m, err := ReadMatrix(name)
	if err != nil {
		return nil, err
	}
	if c != nil && c.ShowSparse {
		if m, err = SelectRepr(name, m); err != nil {
			return nil, err
		}
	}
	return ops.Results(m), nil
}

// sparsityThreshold is DAPHNE's default sparsity_threshold (see the repr
// pass of ir/pass).
const sparsityThreshold = 0.25

// SelectRepr gives a matrix read from path the representation DAPHNE's
// --select-matrix-repr chooses from its meta data: CSR if numNonZeros is
// given and fewer than a quarter of the cells, dense otherwise. Files read
// without meta data (allowed here for .mtx and .dbdf) and .coo files, a
// sparse format, keep the representation they were read in.
func SelectRepr(path string, m data.Matrix) (data.Matrix, error) {
	if strings.ToLower(filepath.Ext(path)) == ".coo" {
		return m, nil
	}
	meta, err := optionalMeta(path)
	if err != nil || meta == nil {
		return m, err
	}
	cells := float64(meta.NumRows) * float64(meta.NumCols)
	if meta.NumNonZeros >= 0 && float64(meta.NumNonZeros)/cells < sparsityThreshold {
		return data.ToCSRMatrix(m)
	}
	return data.ToDenseMatrix(m)
}

func opWrite(op string) ops.Func {
	return func(_ *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
		if len(args) != 2 {
			return nil, fmt.Errorf("%s expects 2 arguments, got %d", op, len(args))
		}
		if f, ok := args[0].(*data.Frame); ok && op == "write" {
			return opWriteFrame(nil, args, nil)
		} else if ok {
			return nil, fmt.Errorf("%s: arg must be a matrix, got %s; write frames with writeFrame or write", op, f.Header())
		}
		m, err := data.MatrixArg(args[0], op+": arg")
		if err != nil {
			return nil, err
		}
		name, err := data.StringArg(args[1], op+": filename")
		if err != nil {
			return nil, err
		}
		if err := WriteMatrix(name, m); err != nil {
			return nil, err
		}
		return nil, nil
	}
}
