package fileio

import (
	"fmt"
	"sort"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// maxDim bounds the dimensions accepted from a file header, so that a
// corrupt header cannot make the reader allocate without limit.
const maxDim = 1<<31 - 1

// mtxCoordinate reads the entries of a coordinate-format file into a CSR
// matrix (f64, or si64 for the integer field). Symmetric files have their
// off-diagonal entries mirrored (negated for skew-symmetric), duplicates are
// summed and zeros dropped.
func mtxCoordinate(l *mtxLines, h mtxHeader) (data.Matrix, error) {
	if h.rows > maxDim || h.cols > maxDim {
		return nil, fmt.Errorf("file '%s': the matrix is too large (%dx%d)", l.name, h.rows, h.cols)
	}
	if h.nnz > len(l.buf)/4+1 {
		return nil, fmt.Errorf("file '%s' is too short (%d bytes) for the %d entries it announces", l.name, len(l.buf), h.nnz)
	}
	if h.field == "integer" {
		return mtxEntries(l, h, func(b []byte) (int64, bool) {
			v, ok := atoiPrefix(b)
			return int64(v), ok
		}, types.SI64)
	}
	return mtxEntries(l, h, func(b []byte) (float64, bool) { return strtod(b, 64) }, types.F64)
}

func mtxEntries[T int64 | float64](l *mtxLines, h mtxHeader, parse func([]byte) (T, bool), vt types.ValueType) (data.Matrix, error) {
	capacity := h.nnz
	if h.symmetry != "general" {
		capacity *= 2
	}
	ri := make([]int, 0, capacity)
	ci := make([]int, 0, capacity)
	vals := make([]T, 0, capacity)
	wantFields := 3
	if h.field == "pattern" {
		wantFields = 2
	}
	var f [4][]byte
	for k := 0; k < h.nnz; k++ {
		ln, ok := l.next()
		if !ok {
			return nil, fmt.Errorf("file '%s' ends after %d of its %d entries", l.name, k, h.nnz)
		}
		if n := fields(ln, f[:]); n < wantFields {
			return nil, fmt.Errorf("file '%s', line %d: expected %d fields, found %d", l.name, l.line, wantFields, n)
		}
		i, okI := parseCount(f[0])
		j, okJ := parseCount(f[1])
		if !okI || !okJ || i < 1 || j < 1 || i > h.rows || j > h.cols {
			return nil, fmt.Errorf("file '%s', line %d: position (%s, %s) is not within 1..%d x 1..%d", l.name, l.line, f[0], f[1], h.rows, h.cols)
		}
		v := T(1)
		if wantFields == 3 {
			if v, ok = parse(f[2]); !ok {
				return nil, fmt.Errorf("file '%s', line %d: value %q is not a number", l.name, l.line, f[2])
			}
		}
		ri, ci, vals = append(ri, i-1), append(ci, j-1), append(vals, v)
		if i != j && h.symmetry != "general" {
			if h.symmetry == "skew-symmetric" {
				v = -v
			}
			ri, ci, vals = append(ri, j-1), append(ci, i-1), append(vals, v)
		}
	}
	if h.symmetry != "general" && h.rows != h.cols {
		return nil, fmt.Errorf("file '%s': a %s matrix must be square, got %dx%d", l.name, h.symmetry, h.rows, h.cols)
	}
	return cooToCSR(vt, h.rows, h.cols, ri, ci, vals)
}

// cooToCSR builds a CSR matrix from coordinate lists in any order, summing
// duplicates and dropping zeros.
func cooToCSR[T int64 | float64](vt types.ValueType, rows, cols int, ri, ci []int, vals []T) (data.Matrix, error) {
	rowPtr := make([]int, rows+1)
	for _, r := range ri {
		rowPtr[r+1]++
	}
	for r := 0; r < rows; r++ {
		rowPtr[r+1] += rowPtr[r]
	}
	colIdx := make([]int, len(ci))
	out := make([]T, len(vals))
	next := make([]int, rows)
	copy(next, rowPtr[:rows])
	for k, r := range ri {
		p := next[r]
		colIdx[p], out[p] = ci[k], vals[k]
		next[r] = p + 1
	}
	// Sort each row by column, then merge duplicates and drop zeros in place.
	w := 0
	for r := 0; r < rows; r++ {
		lo, hi := rowPtr[r], rowPtr[r+1]
		sortRow(colIdx[lo:hi], out[lo:hi])
		rowPtr[r] = w
		for k := lo; k < hi; {
			c, sum := colIdx[k], out[k]
			for k++; k < hi && colIdx[k] == c; k++ {
				sum += out[k]
			}
			if sum != 0 {
				colIdx[w], out[w] = c, sum
				w++
			}
		}
	}
	rowPtr[rows] = w
	return data.NewCSRVT(vt, rows, cols, rowPtr, colIdx[:w:w], out[:w:w])
}

// rowSorter sorts a row's column indices, carrying the values along.
type rowSorter[T any] struct {
	cols []int
	vals []T
}

func (s rowSorter[T]) Len() int           { return len(s.cols) }
func (s rowSorter[T]) Less(a, b int) bool { return s.cols[a] < s.cols[b] }
func (s rowSorter[T]) Swap(a, b int) {
	s.cols[a], s.cols[b] = s.cols[b], s.cols[a]
	s.vals[a], s.vals[b] = s.vals[b], s.vals[a]
}

// sortRow sorts stably by column (so duplicates are summed in file order):
// a no-op for already sorted rows, insertion sort for short ones.
func sortRow[T any](cols []int, vals []T) {
	sorted := true
	for k := 1; k < len(cols); k++ {
		if cols[k] < cols[k-1] {
			sorted = false
			break
		}
	}
	if sorted {
		return
	}
	if len(cols) > 32 {
		sort.Stable(rowSorter[T]{cols, vals})
		return
	}
	for k := 1; k < len(cols); k++ {
		c, v := cols[k], vals[k]
		m := k - 1
		for m >= 0 && cols[m] > c {
			cols[m+1], vals[m+1] = cols[m], vals[m]
			m--
		}
		cols[m+1], vals[m+1] = c, v
	}
}
