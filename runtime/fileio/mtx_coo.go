package fileio

import (
	"bytes"
	"fmt"
	"runtime"
	"sort"
	"sync"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// maxDim bounds the dimensions accepted from a file header, so that a
// corrupt header cannot make the reader allocate without limit.
const maxDim = 1<<31 - 1

// parallelChunk is the smallest part of a file worth a goroutine.
const parallelChunk = 1 << 20

// cooChunk holds the entries parsed from one part of a coordinate file.
type cooChunk[T int64 | float64] struct {
	ri, ci  []int
	vals    []T
	entries int   // lines with an entry (mirrored entries not counted)
	err     error // first error, with errOff its offset in the chunk
	errOff  int
}

// mtxCoordinate reads the entries of a coordinate-format file into a CSR
// matrix (f64, or si64 for the integer field). Symmetric files have their
// off-diagonal entries mirrored (negated for skew-symmetric), duplicates are
// summed and zeros dropped. Large files are parsed in parallel chunks cut at
// line boundaries.
func mtxCoordinate(l *mtxLines, h mtxHeader) (data.Matrix, error) {
	if h.rows > maxDim || h.cols > maxDim {
		return nil, fmt.Errorf("file '%s': the matrix is too large (%dx%d)", l.name, h.rows, h.cols)
	}
	if h.nnz > len(l.buf)/4+1 {
		return nil, fmt.Errorf("file '%s' is too short (%d bytes) for the %d entries it announces", l.name, len(l.buf), h.nnz)
	}
	if h.symmetry != "general" && h.rows != h.cols {
		return nil, fmt.Errorf("file '%s': a %s matrix must be square, got %dx%d", l.name, h.symmetry, h.rows, h.cols)
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
	start := l.pos
	body := l.buf[start:]
	l.pos = len(l.buf)
	// At most 8 chunks: cooToCSR keeps a row counter array per chunk.
	bounds := splitLines(body, min(runtime.GOMAXPROCS(0), 8))
	chunks := make([]cooChunk[T], len(bounds)-1)
	perChunk := h.nnz/len(chunks) + 1
	var wg sync.WaitGroup
	for k := range chunks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			chunks[k] = parseEntries(body[bounds[k]:bounds[k+1]], h, parse, perChunk)
		}()
	}
	wg.Wait()
	entries := 0
	for k := range chunks {
		c := &chunks[k]
		if c.err != nil {
			line := l.line + 1 + bytes.Count(body[:bounds[k]+c.errOff], []byte{'\n'})
			return nil, fmt.Errorf("file '%s', line %d: %w", l.name, line, c.err)
		}
		entries += c.entries
	}
	if entries < h.nnz {
		return nil, fmt.Errorf("file '%s' ends after %d of its %d entries", l.name, entries, h.nnz)
	}
	if entries > h.nnz {
		return nil, fmt.Errorf("file '%s' has %d entries, more than the %d the size line announces", l.name, entries, h.nnz)
	}
	return cooToCSR(vt, h.rows, h.cols, chunks)
}

// splitLines cuts b into at most n parts of at least parallelChunk bytes at
// line boundaries; it returns the n+1 (or fewer) boundary offsets.
func splitLines(b []byte, n int) []int {
	bounds := []int{0}
	step := max(len(b)/max(n, 1), parallelChunk)
	for pos := step; pos < len(b); pos += step {
		nl := bytes.IndexByte(b[pos:], '\n')
		if nl < 0 {
			break
		}
		pos += nl + 1
		if pos >= len(b) {
			break
		}
		bounds = append(bounds, pos)
	}
	return append(bounds, len(b))
}

// parseEntries parses the entry lines in b ("i j [value]", 1-based; blank
// and comment lines skipped).
func parseEntries[T int64 | float64](b []byte, h mtxHeader, parse func([]byte) (T, bool), capHint int) cooChunk[T] {
	var c cooChunk[T]
	if h.symmetry != "general" {
		capHint *= 2
	}
	c.ri, c.ci, c.vals = make([]int, 0, capHint), make([]int, 0, capHint), make([]T, 0, capHint)
	pattern, mirror, skew := h.field == "pattern", h.symmetry != "general", h.symmetry == "skew-symmetric"
	for pos := 0; pos < len(b); {
		end := bytes.IndexByte(b[pos:], '\n')
		if end < 0 {
			end = len(b)
		} else {
			end += pos
		}
		line, lineStart := b[pos:end], pos
		pos = end + 1
		p := skipSpaces(line, 0)
		if p == len(line) || line[p] == '%' {
			continue
		}
		fail := func(err error) cooChunk[T] { c.err, c.errOff = err, lineStart; return c }
		i, p, okI := parseIndex(line, p)
		j, p, okJ := parseIndex(line, skipSpaces(line, p))
		if !okI || !okJ {
			return fail(fmt.Errorf("expected two positions, got %q", trimSpace(line)))
		}
		if i < 1 || j < 1 || i > h.rows || j > h.cols {
			return fail(fmt.Errorf("position (%d, %d) is not within 1..%d x 1..%d", i, j, h.rows, h.cols))
		}
		v := T(1)
		if !pattern {
			p = skipSpaces(line, p)
			q := p
			for q < len(line) && !isSpace(line[q]) {
				q++
			}
			if q == p {
				return fail(fmt.Errorf("expected 3 fields (row, column, value), found 2"))
			}
			var ok bool
			if v, ok = parse(line[p:q]); !ok {
				return fail(fmt.Errorf("value %q is not a number", line[p:q]))
			}
		}
		c.entries++
		c.ri, c.ci, c.vals = append(c.ri, i-1), append(c.ci, j-1), append(c.vals, v)
		if mirror && i != j {
			if skew {
				v = -v
			}
			c.ri, c.ci, c.vals = append(c.ri, j-1), append(c.ci, i-1), append(c.vals, v)
		}
	}
	return c
}

func skipSpaces(b []byte, p int) int {
	for p < len(b) && isSpace(b[p]) {
		p++
	}
	return p
}

// parseIndex parses a decimal position of at most 15 digits at b[p:] that
// must end at white space or the end of b.
func parseIndex(b []byte, p int) (int, int, bool) {
	v, start := 0, p
	for p < len(b) && b[p] >= '0' && b[p] <= '9' && p-start < 15 {
		v = v*10 + int(b[p]-'0')
		p++
	}
	if p == start || (p < len(b) && !isSpace(b[p])) {
		return 0, p, false
	}
	return v, p, true
}

// cooToCSR builds a CSR matrix from coordinate chunks in any order, summing
// duplicates (in file order) and dropping zeros. With several chunks the
// counting, scattering and per-row merging run in parallel: each chunk gets
// its own slots in every row (after those of earlier chunks, so file order
// is kept), and rows are merged in parallel row ranges.
func cooToCSR[T int64 | float64](vt types.ValueType, rows, cols int, chunks []cooChunk[T]) (data.Matrix, error) {
	p := len(chunks)
	// next[k][r] is where chunk k puts its next entry of row r.
	next := make([][]int, p)
	parallelFor(p, func(k int) {
		cnt := make([]int, rows)
		for _, r := range chunks[k].ri {
			cnt[r]++
		}
		next[k] = cnt
	})
	rowPtr := make([]int, rows+1)
	for r := 0; r < rows; r++ {
		off := rowPtr[r]
		for k := 0; k < p; k++ {
			c := next[k][r]
			next[k][r] = off
			off += c
		}
		rowPtr[r+1] = off
	}
	total := rowPtr[rows]
	colIdx := make([]int, total)
	out := make([]T, total)
	parallelFor(p, func(k int) {
		c, nk := &chunks[k], next[k]
		for e, r := range c.ri {
			q := nk[r]
			colIdx[q], out[q] = c.ci[e], c.vals[e]
			nk[r] = q + 1
		}
		c.ri, c.ci, c.vals = nil, nil, nil // let the collector have them
	})
	// Sort and merge each row in place; newLen[r] is its merged length.
	newLen := make([]int, rows)
	ranges := min(p*4, max(rows, 1))
	parallelFor(ranges, func(g int) {
		for r := g * rows / ranges; r < (g+1)*rows/ranges; r++ {
			newLen[r] = mergeRow(colIdx[rowPtr[r]:rowPtr[r+1]], out[rowPtr[r]:rowPtr[r+1]])
		}
	})
	if p == 1 {
		// Compact in place: rows only move towards the front.
		w := 0
		for r := 0; r < rows; r++ {
			lo, n := rowPtr[r], newLen[r]
			copy(colIdx[w:], colIdx[lo:lo+n])
			copy(out[w:], out[lo:lo+n])
			rowPtr[r] = w
			w += n
		}
		rowPtr[rows] = w
		return data.NewCSRVT(vt, rows, cols, rowPtr, colIdx[:w:w], out[:w:w])
	}
	newPtr := make([]int, rows+1)
	for r := 0; r < rows; r++ {
		newPtr[r+1] = newPtr[r] + newLen[r]
	}
	nnz := newPtr[rows]
	newCol, newOut := make([]int, nnz), make([]T, nnz)
	parallelFor(ranges, func(g int) {
		for r := g * rows / ranges; r < (g+1)*rows/ranges; r++ {
			copy(newCol[newPtr[r]:newPtr[r+1]], colIdx[rowPtr[r]:])
			copy(newOut[newPtr[r]:newPtr[r+1]], out[rowPtr[r]:])
		}
	})
	return data.NewCSRVT(vt, rows, cols, newPtr, newCol, newOut)
}

// mergeRow sorts one row by column, sums duplicates and drops zeros, in
// place; it returns the row's new length.
func mergeRow[T int64 | float64](cols []int, vals []T) int {
	sortRow(cols, vals)
	w := 0
	for k := 0; k < len(cols); {
		c, sum := cols[k], vals[k]
		for k++; k < len(cols) && cols[k] == c; k++ {
			sum += vals[k]
		}
		if sum != 0 {
			cols[w], vals[w] = c, sum
			w++
		}
	}
	return w
}

// parallelFor runs f(0..n-1), concurrently when n > 1.
func parallelFor(n int, f func(int)) {
	if n <= 1 {
		for i := 0; i < n; i++ {
			f(i)
		}
		return
	}
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(i)
		}()
	}
	wg.Wait()
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
