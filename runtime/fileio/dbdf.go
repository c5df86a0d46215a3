package fileio

import (
	"fmt"
	"math"
	"os"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// The .dbdf layout as DAPHNE's serializer writes it (packed, little
// endian):
//
//	header: version u8 (1), dataType u8 (1 dense, 2 CSR), rows u64, cols u64, valueType u8
//	body:   rowIdx u64 (0), colIdx u64 (0)
//	block:  rows u32, cols u32, blockType u8 (0 empty, 1 dense, 2 CSR)
//	dense:  valueType u8, rows*cols values row-major
//	CSR:    valueType u8, nnz u64, rows+1 row offsets u64, nnz column indices u64, nnz values
const (
	dbdfVersion   = 1
	dbdfDense     = 1
	dbdfCSR       = 2
	dbdfFrame     = 3
	blockEmpty    = 0
	headerLen     = 1 + 1 + 8 + 8 + 1
	bodyLen       = 8 + 8
	blockHeadLen  = 4 + 4 + 1
	dbdfPrefixLen = headerLen + bodyLen + blockHeadLen
)

// encodeDBDF serializes a matrix.
func encodeDBDF(m data.Matrix) ([]byte, error) {
	code, ok := dbdfCodes[m.ValueType()]
	if !ok {
		return nil, fmt.Errorf("cannot write %s in binary format (no value type code for %v)", data.Describe(m), m.ValueType())
	}
	if m.Rows() > math.MaxUint32 || m.Cols() > math.MaxUint32 {
		return nil, fmt.Errorf("cannot write %s in binary format: too large for one block", data.Describe(m))
	}
	dt, bt := byte(dbdfDense), byte(dbdfDense)
	if m.IsSparse() {
		dt, bt = dbdfCSR, dbdfCSR
	}
	b := make([]byte, 0, dbdfPrefixLen+1)
	b = append(b, dbdfVersion, dt)
	b = le.AppendUint64(b, uint64(m.Rows()))
	b = le.AppendUint64(b, uint64(m.Cols()))
	b = append(b, code)
	b = le.AppendUint64(b, 0)
	b = le.AppendUint64(b, 0)
	b = le.AppendUint32(b, uint32(m.Rows()))
	b = le.AppendUint32(b, uint32(m.Cols()))
	b = append(b, bt, code)
	if !m.IsSparse() {
		cells, err := data.DenseCells(m)
		if err != nil {
			return nil, err
		}
		return appendValues(b, cells)
	}
	rowPtr, colIdx, vals, err := data.CSRArrays(m)
	if err != nil {
		return nil, err
	}
	nnz := rowPtr[m.Rows()]
	b = le.AppendUint64(b, uint64(nnz))
	for _, p := range rowPtr {
		b = le.AppendUint64(b, uint64(p))
	}
	for _, c := range colIdx[:nnz] {
		b = le.AppendUint64(b, uint64(c))
	}
	return appendValues(b, vals)
}

// decodeDBDF parses a .dbdf file's content; name is used in errors.
func decodeDBDF(b []byte, name string) (data.Matrix, error) {
	if len(b) < dbdfPrefixLen+1 {
		return nil, fmt.Errorf("file '%s' is too short (%d bytes) to be a DAPHNE binary file", name, len(b))
	}
	if b[0] != dbdfVersion {
		return nil, fmt.Errorf("file '%s': unsupported binary format version %d (want 1)", name, b[0])
	}
	dt := b[1]
	rows64, cols64 := le.Uint64(b[2:]), le.Uint64(b[10:])
	switch dt {
	case dbdfDense, dbdfCSR:
	case dbdfFrame:
		return nil, fmt.Errorf("file '%s' holds a frame: %w", name, data.ErrFrameUnsupported)
	default:
		return nil, fmt.Errorf("file '%s': unknown data type code %d", name, dt)
	}
	vt, ok := dbdfValueType(b[18])
	if !ok {
		return nil, fmt.Errorf("file '%s': unknown value type code %d", name, b[18])
	}
	if rows64 > math.MaxUint32 || cols64 > math.MaxUint32 {
		return nil, fmt.Errorf("file '%s': matrix too large (%dx%d)", name, rows64, cols64)
	}
	rows, cols := int(rows64), int(cols64)
	if le.Uint64(b[19:]) != 0 || le.Uint64(b[27:]) != 0 {
		return nil, fmt.Errorf("file '%s': only a single block at (0, 0) is supported", name)
	}
	br, bc, bt := int(le.Uint32(b[35:])), int(le.Uint32(b[39:])), b[43]
	if bt == blockEmpty {
		return emptyMatrix(vt, dt, rows, cols)
	}
	if br != rows || bc != cols {
		return nil, fmt.Errorf("file '%s': block shape %dx%d differs from matrix shape %dx%d", name, br, bc, rows, cols)
	}
	if b[44] != b[18] {
		return nil, fmt.Errorf("file '%s': block value type code %d differs from the header's %d", name, b[44], b[18])
	}
	rest := b[dbdfPrefixLen+1:]
	switch {
	case bt == dbdfDense && dt == dbdfDense:
		if cols > 0 && rows > len(rest)/cols {
			return nil, fmt.Errorf("file '%s' is truncated: it ends inside the values", name)
		}
		cells, rest, err := decodeValues(rest, vt, rows*cols, name)
		if err != nil {
			return nil, err
		}
		if len(rest) != 0 {
			return nil, fmt.Errorf("file '%s' has %d bytes after the matrix", name, len(rest))
		}
		return data.DenseFromCells(vt, rows, cols, cells)
	case bt == dbdfCSR && dt == dbdfCSR:
		return decodeCSRBlock(rest, vt, rows, cols, name)
	}
	return nil, fmt.Errorf("file '%s': block type %d does not fit data type %d", name, bt, dt)
}

func decodeCSRBlock(b []byte, vt types.ValueType, rows, cols int, name string) (data.Matrix, error) {
	short := fmt.Errorf("file '%s' is truncated: it ends inside the sparse block", name)
	if len(b) < 8 {
		return nil, short
	}
	nnz64 := le.Uint64(b)
	b = b[8:]
	if uint64(rows)+1 > uint64(len(b)/8) || nnz64 > uint64(len(b)/8) {
		return nil, short
	}
	nnz := int(nnz64)
	rowPtr := make([]int, rows+1)
	for i := range rowPtr {
		rowPtr[i] = int(le.Uint64(b[8*i:]) & math.MaxInt64)
	}
	b = b[8*(rows+1):]
	// Validate the offsets before NewCSR slices with them.
	for i := 0; i < rows; i++ {
		if rowPtr[i] > rowPtr[i+1] {
			return nil, fmt.Errorf("file '%s': sparse row offsets decrease at row %d", name, i)
		}
	}
	if rowPtr[0] != 0 || rowPtr[rows] != nnz {
		return nil, fmt.Errorf("file '%s': sparse row offsets run from %d to %d, want 0 to %d", name, rowPtr[0], rowPtr[rows], nnz)
	}
	if nnz > len(b)/8 {
		return nil, short
	}
	colIdx := make([]int, nnz)
	for i := range colIdx {
		colIdx[i] = int(le.Uint64(b[8*i:]) & math.MaxInt64)
	}
	b = b[8*nnz:]
	vals, rest, err := decodeValues(b, vt, nnz, name)
	if err != nil {
		return nil, err
	}
	if len(rest) != 0 {
		return nil, fmt.Errorf("file '%s' has %d bytes after the matrix", name, len(rest))
	}
	m, err := data.CSRFromCells(vt, rows, cols, rowPtr, colIdx, vals)
	if err != nil {
		return nil, fmt.Errorf("file '%s' holds an invalid sparse matrix: %w", name, err)
	}
	return m, nil
}

// maxEmptyCells bounds the size of a matrix created for an empty block.
const maxEmptyCells = 1 << 28

func emptyMatrix(vt types.ValueType, dt byte, rows, cols int) (data.Matrix, error) {
	if rows > maxEmptyCells || (dt == dbdfDense && cols > 0 && rows > maxEmptyCells/cols) {
		return nil, fmt.Errorf("empty block of a %dx%d matrix is too large to create", rows, cols)
	}
	if dt == dbdfCSR {
		rowPtr := make([]int, rows+1)
		vals, err := data.ConvertMatrix(data.NewDense[uint8](0, 0), vt)
		if err != nil {
			return nil, err
		}
		cells, _ := data.DenseCells(vals)
		return data.CSRFromCells(vt, rows, cols, rowPtr, nil, cells)
	}
	m, err := data.ConvertMatrix(data.NewDense[uint8](rows, cols), vt)
	if err != nil {
		return nil, err
	}
	return m, nil
}

func readDBDF(path string) (data.Matrix, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("could not read file '%s': %w", path, err)
	}
	return decodeDBDF(b, path)
}
