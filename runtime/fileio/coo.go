package fileio

import (
	"fmt"
	"os"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// readCOO reads a .coo file: one non-zero per line as comma-separated
// 0-based "row,col", optionally followed by ",value"; without a value the
// cell is 1, as DAPHNE's CSV reader fills a CSR matrix from such pair
// lists. The shape and value type come from the .meta file; numNonZeros,
// if given, is the number of lines read (later lines are ignored, as in
// DAPHNE). Positions are sorted, duplicates summed and zeros dropped. The
// result is a CSR matrix.
func readCOO(path string, meta Meta) (data.Matrix, error) {
	if meta.VT == types.Str {
		return nil, fmt.Errorf("cannot read file '%s': a .coo file holds numbers, but its meta data says str", path)
	}
	buf, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("could not read file '%s': %w", path, err)
	}
	if meta.NumRows > maxDim || meta.NumCols > maxDim {
		return nil, fmt.Errorf("file '%s': the matrix is too large (%dx%d)", path, meta.NumRows, meta.NumCols)
	}
	var c cooChunk[float64]
	var f [3][]byte
	line := 0
	for pos := 0; pos < len(buf) && (meta.NumNonZeros < 0 || c.entries < meta.NumNonZeros); {
		end := pos
		for end < len(buf) && buf[end] != '\n' {
			end++
		}
		l := trimSpace(buf[pos:end])
		pos = end + 1
		line++
		if len(l) == 0 {
			continue
		}
		n := splitComma(l, f[:])
		if n < 2 {
			return nil, fmt.Errorf("file '%s', line %d: want row,col[,value], got %q", path, line, l)
		}
		r, rok := atoiPrefix(f[0])
		col, cok := atoiPrefix(f[1])
		if !rok || !cok || int64(r) < 0 || int64(col) < 0 || int64(r) >= int64(meta.NumRows) || int64(col) >= int64(meta.NumCols) {
			return nil, fmt.Errorf("file '%s', line %d: position %q is not within the %dx%d matrix of its meta data", path, line, l, meta.NumRows, meta.NumCols)
		}
		v := 1.0
		if n == 3 {
			v = strtodOrNaN(trimSpace(f[2]), 64)
		}
		c.ri = append(c.ri, int(r))
		c.ci = append(c.ci, int(col))
		c.vals = append(c.vals, v)
		c.entries++
	}
	if meta.NumNonZeros >= 0 && c.entries < meta.NumNonZeros {
		return nil, fmt.Errorf("file '%s' has %d entries, but its meta data says numNonZeros is %d", path, c.entries, meta.NumNonZeros)
	}
	m, err := cooToCSR(types.F64, meta.NumRows, meta.NumCols, []cooChunk[float64]{c})
	if err != nil || meta.VT == types.F64 {
		return m, err
	}
	if m, err = data.ConvertMatrix(m, meta.VT); err != nil {
		return nil, fmt.Errorf("file '%s': %w", path, err)
	}
	return m, nil
}

// splitComma splits b at commas into at most len(dst) fields (the last one
// keeps any further commas) and returns how many it found.
func splitComma(b []byte, dst [][]byte) int {
	n := 0
	for n < len(dst)-1 {
		i := 0
		for i < len(b) && b[i] != ',' {
			i++
		}
		if i == len(b) {
			break
		}
		dst[n] = b[:i]
		n++
		b = b[i+1:]
	}
	dst[n] = b
	return n + 1
}
