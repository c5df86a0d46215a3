package rel

import (
	"slices"

	"github.com/daphne-go/daphne/types"
)

// sizeVT is the value type of position results (DAPHNE's size type).
const sizeVT = types.Size

// joinIndex is the build side of a hash join: the dictionary of its key
// tuples and, per code, its rows in row order (a counting sort of the rows
// by code: rows[start[c]:start[c+1]] are the rows with code c).
type joinIndex struct {
	dict  *keyDict
	codes []int32 // code of every build row (noCode: key never matches)
	start []int32
	rows  []int32
	// unique is set when every code has exactly one build row (a key
	// column without duplicates): rows[c] is then code c's row.
	unique bool
}

// buildIndex factorizes the build side's keys and groups its rows by code.
func buildIndex(r runner, keys []keyVec) (*joinIndex, error) {
	d, codes, err := buildKeys(r, keys)
	if err != nil {
		return nil, err
	}
	g := d.size()
	start := make([]int32, g+1)
	for _, c := range codes {
		if c >= 0 {
			start[c+1]++
		}
	}
	for c := 0; c < g; c++ {
		start[c+1] += start[c]
	}
	rows := make([]int32, start[g])
	next := append([]int32(nil), start[:g]...)
	for i, c := range codes {
		if c >= 0 {
			rows[next[c]] = int32(i)
			next[c]++
		}
	}
	return &joinIndex{dict: d, codes: codes, start: start, rows: rows, unique: len(rows) == g}, nil
}

// pairs probes the index with the key columns pk and returns the codes of
// the probe rows and the (probe row, build row) pairs of the join: in probe
// row order and, for one probe row, in build row order. With outer, a probe
// row without a match yields one pair with build row -1. Each chunk of probe
// rows looks its keys up and counts its pairs first (one pass), so that it
// writes them at a position fixed by the counts of the chunks before it.
//
// When every probe row yields exactly one pair, pIdx is the identity and is
// returned as nil (the caller shares the probe side's columns instead of
// gathering them).
func (ix *joinIndex) pairs(r runner, pk []keyVec, outer bool) (pcodes, pIdx, bIdx []int32, err error) {
	n := pk[0].rows()
	p := r.parts(n)
	pcodes, tmp := ix.dict.probeBuffers(pk)
	counts := make([]int, p+1)
	ones := make([]bool, p) // chunk k's rows yield one pair each
	err = r.each(n, p, func(part, lo, hi int) {
		ix.dict.probeRange(pk, lo, hi, pcodes, tmp)
		m, one := 0, true
		for _, c := range pcodes[lo:hi] {
			switch {
			case c >= 0:
				k := int(ix.start[c+1] - ix.start[c])
				m += k
				one = one && k == 1
			case outer:
				m++
			default:
				one = false
			}
		}
		counts[part+1], ones[part] = m, one
	})
	if err != nil {
		return nil, nil, nil, err
	}
	for k := 0; k < p; k++ {
		counts[k+1] += counts[k]
	}
	if err := checkRows("the join result", counts[p]); err != nil {
		return nil, nil, nil, err
	}
	identity := !slices.Contains(ones, false)
	if !identity {
		pIdx = make([]int32, counts[p])
	}
	bIdx = make([]int32, counts[p])
	err = r.each(n, p, func(part, lo, hi int) {
		if identity {
			ix.fillOne(pcodes, bIdx, lo, hi)
		} else {
			ix.fill(pcodes, pIdx, bIdx, lo, hi, counts[part], outer)
		}
	})
	if err != nil {
		return nil, nil, nil, err
	}
	return pcodes, pIdx, bIdx, nil
}

// fillOne writes the build row of probe rows [lo, hi), each of which has
// exactly one match (or none, in an outer join: -1).
func (ix *joinIndex) fillOne(pcodes, bIdx []int32, lo, hi int) {
	for i := lo; i < hi; i++ {
		if c := pcodes[i]; c >= 0 {
			bIdx[i] = ix.rows[ix.start[c]]
		} else {
			bIdx[i] = -1
		}
	}
}

// fill writes the pairs of probe rows [lo, hi) from position pos on.
func (ix *joinIndex) fill(pcodes, pIdx, bIdx []int32, lo, hi, pos int, outer bool) {
	if ix.unique {
		for i := lo; i < hi; i++ {
			if c := pcodes[i]; c >= 0 {
				pIdx[pos], bIdx[pos] = int32(i), ix.rows[c]
				pos++
			} else if outer {
				pIdx[pos], bIdx[pos] = int32(i), -1
				pos++
			}
		}
		return
	}
	for i := lo; i < hi; i++ {
		c := pcodes[i]
		if c < 0 {
			if outer {
				pIdx[pos], bIdx[pos] = int32(i), -1
				pos++
			}
			continue
		}
		for _, j := range ix.rows[ix.start[c]:ix.start[c+1]] {
			pIdx[pos], bIdx[pos] = int32(i), j
			pos++
		}
	}
}

// appendUnmatched appends a pair (-1, j) for every build row j whose key no
// probe row matched, in build row order.
func (ix *joinIndex) appendUnmatched(pcodes, pIdx, bIdx []int32) ([]int32, []int32, error) {
	if pIdx == nil { // identity so far
		pIdx = make([]int32, len(pcodes), len(pcodes)+len(ix.codes))
		for i := range pIdx {
			pIdx[i] = int32(i)
		}
	}
	matched := make([]bool, ix.dict.size())
	for _, c := range pcodes {
		if c >= 0 {
			matched[c] = true
		}
	}
	for j, c := range ix.codes {
		if c < 0 || !matched[c] {
			pIdx, bIdx = append(pIdx, -1), append(bIdx, int32(j))
		}
	}
	if err := checkRows("the join result", len(pIdx)); err != nil {
		return nil, nil, err
	}
	return pIdx, bIdx, nil
}
