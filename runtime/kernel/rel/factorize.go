package rel

// Factorization: a dense code per distinct key, in first-occurrence order.
//
// The parallel path inserts each chunk's rows into a table of its own, then
// merges the chunk tables into one in chunk order (a chunk table lists its
// keys in first-occurrence order, so the merged codes are the global
// first-occurrence order, exactly as the sequential path assigns them), and
// finally translates every row's chunk code to the merged code.

// sampleRows is the size of the prefix whose distinct keys estimate the
// cardinality of a column before the parallel factorization, and
// maxParallelDistinct the share of distinct keys in it above which the
// factorization stays sequential: merging the chunk tables costs one insert
// per distinct key per chunk, so with mostly distinct keys the parallel path
// would only add the merge to the sequential work.
const (
	sampleRows          = 1 << 16
	maxParallelDistinct = 0.5
)

// factorize returns the code of every row of kv and the table holding the
// distinct keys (rows without a key get noCode).
func factorize(r runner, kv keyVec) ([]int32, table, error) {
	n := kv.rows()
	codes := make([]int32, n)
	p := r.tableParts(n)
	if p > 1 && manyDistinct(kv, codes) {
		p = 1
	}
	if p == 1 {
		t := kv.newTable(min(n, 1<<10))
		kv.insert(t, 0, n, codes)
		return codes, t, nil
	}
	locals := make([]table, p)
	err := r.each(n, p, func(part, lo, hi int) {
		t := kv.newTable(min(hi-lo, 1<<10))
		kv.insert(t, lo, hi, codes)
		locals[part] = t
	})
	if err != nil {
		return nil, nil, err
	}
	global := kv.newTable(locals[0].size())
	trans := make([][]int32, p)
	for k, t := range locals {
		trans[k] = t.mergeInto(global)
	}
	err = r.each(n, p, func(part, lo, hi int) {
		tr := trans[part]
		for i := lo; i < hi; i++ {
			if c := codes[i]; c >= 0 {
				codes[i] = tr[c]
			}
		}
	})
	if err != nil {
		return nil, nil, err
	}
	return codes, global, nil
}

// manyDistinct reports whether more than maxParallelDistinct of the first
// sampleRows keys of kv are distinct (scratch: at least that many codes).
func manyDistinct(kv keyVec, scratch []int32) bool {
	m := min(kv.rows(), sampleRows)
	t := kv.newTable(m)
	kv.insert(t, 0, m, scratch)
	return float64(t.size()) > maxParallelDistinct*float64(m)
}

// keyDict holds the distinct key tuples of some key columns: a table per
// column and, for k > 1 columns, k-1 tables that combine the code so far
// with the next column's code.
type keyDict struct {
	cols  []table
	pairs []table
}

// size is the number of distinct key tuples.
func (d *keyDict) size() int {
	if len(d.pairs) > 0 {
		return d.pairs[len(d.pairs)-1].size()
	}
	return d.cols[0].size()
}

// buildKeys factorizes the key tuples of kvs (one or more columns of equal
// length): it returns the dictionary and every row's code.
func buildKeys(r runner, kvs []keyVec) (*keyDict, []int32, error) {
	codes, t, err := factorize(r, kvs[0])
	if err != nil {
		return nil, nil, err
	}
	d := &keyDict{cols: []table{t}}
	for _, kv := range kvs[1:] {
		next, t, err := factorize(r, kv)
		if err != nil {
			return nil, nil, err
		}
		d.cols = append(d.cols, t)
		codes, t, err = factorize(r, pairKeys{codes, next})
		if err != nil {
			return nil, nil, err
		}
		d.pairs = append(d.pairs, t)
	}
	return d, codes, nil
}

// probe returns the code in d of every row of kvs (columns of the same kinds
// as those d was built from), or noCode where d has no such tuple.
func (d *keyDict) probe(r runner, kvs []keyVec) ([]int32, error) {
	n := kvs[0].rows()
	codes, tmp := d.probeBuffers(kvs)
	err := r.each(n, r.parts(n), func(_, lo, hi int) {
		d.probeRange(kvs, lo, hi, codes, tmp)
	})
	if err != nil {
		return nil, err
	}
	return codes, nil
}

// probeBuffers returns the code array of a probe of kvs and, for several key
// columns, a scratch array of the same length.
func (d *keyDict) probeBuffers(kvs []keyVec) (codes, tmp []int32) {
	n := kvs[0].rows()
	codes = make([]int32, n)
	if len(kvs) > 1 {
		tmp = make([]int32, n)
	}
	return codes, tmp
}

// probeRange writes the codes of rows [lo, hi) of kvs to codes, using tmp
// (rows [lo, hi)) for the codes of the second and later columns.
func (d *keyDict) probeRange(kvs []keyVec, lo, hi int, codes, tmp []int32) {
	kvs[0].lookup(d.cols[0], lo, hi, codes)
	for j := 1; j < len(kvs); j++ {
		kvs[j].lookup(d.cols[j], lo, hi, tmp)
		pairKeys{codes, tmp}.lookup(d.pairs[j-1], lo, hi, codes)
	}
}
