package rel

import (
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
	return &joinIndex{dict: d, codes: codes, start: start, rows: rows}, nil
}

// pairs returns the (probe row, build row) pairs of the join of the probe
// rows with codes pcodes: in probe row order and, for one probe row, in build
// row order. With outer, a probe row without a match yields one pair with
// build row -1. Each chunk of probe rows counts its pairs first, so that it
// writes them at a position fixed by the counts of the chunks before it.
func (ix *joinIndex) pairs(r runner, pcodes []int32, outer bool) (pIdx, bIdx []int32, err error) {
	n := len(pcodes)
	p := r.parts(n)
	counts := make([]int, p+1)
	err = r.each(n, p, func(part, lo, hi int) {
		m := 0
		for _, c := range pcodes[lo:hi] {
			switch {
			case c >= 0:
				m += int(ix.start[c+1] - ix.start[c])
			case outer:
				m++
			}
		}
		counts[part+1] = m
	})
	if err != nil {
		return nil, nil, err
	}
	for k := 0; k < p; k++ {
		counts[k+1] += counts[k]
	}
	if err := checkRows("the join result", counts[p]); err != nil {
		return nil, nil, err
	}
	pIdx, bIdx = make([]int32, counts[p]), make([]int32, counts[p])
	err = r.each(n, p, func(part, lo, hi int) {
		pos := counts[part]
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
	})
	if err != nil {
		return nil, nil, err
	}
	return pIdx, bIdx, nil
}

// appendUnmatched appends a pair (-1, j) for every build row j whose key no
// probe row matched, in build row order.
func (ix *joinIndex) appendUnmatched(pcodes, pIdx, bIdx []int32) ([]int32, []int32, error) {
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
