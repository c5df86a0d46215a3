package sql

import (
	"math"
)

// Dense codes for hash joins and hash grouping: every distinct key value
// gets a small integer (its code), in order of first occurrence. Keys of
// several columns combine their codes pairwise. Integer keys whose range
// is small (see denseRange) are coded through an array instead of a map.

// denseRange reports whether ints in [lo, hi] are coded through an array:
// a range of at most 2^22 values and at most 4 per row.
func denseRange(lo, hi int64, rows int) bool {
	if hi < lo {
		return false
	}
	span := uint64(hi - lo)
	return hi-lo >= 0 && span < 1<<22 && span <= uint64(4*rows+1024)
}

func minMax(xs []int64) (lo, hi int64) {
	lo, hi = math.MaxInt64, math.MinInt64
	for _, x := range xs {
		lo, hi = min(lo, x), max(hi, x)
	}
	return lo, hi
}

// intCodes codes xs; it returns the codes and the dictionary for lookups.
// With limit > 0 it gives up (n = -1) once more than limit distinct values
// need a map.
func intCodes(xs []int64, limit int) ([]int32, func(int64) int32, int) {
	codes := make([]int32, len(xs))
	lo, hi := minMax(xs)
	if denseRange(lo, hi, len(xs)) {
		arr := make([]int32, hi-lo+1)
		n := int32(0)
		for j, x := range xs {
			c := arr[x-lo]
			if c == 0 {
				n++
				c = n
				arr[x-lo] = c
			}
			codes[j] = c - 1
		}
		return codes, func(x int64) int32 {
			if x < lo || x > hi {
				return -1
			}
			return arr[x-lo] - 1
		}, int(n)
	}
	m := make(map[int64]int32)
	for j, x := range xs {
		c, ok := m[x]
		if !ok {
			if limit > 0 && len(m) >= limit {
				return nil, nil, -1
			}
			c = int32(len(m))
			m[x] = c
		}
		codes[j] = c
	}
	return codes, func(x int64) int32 {
		if c, ok := m[x]; ok {
			return c
		}
		return -1
	}, len(m)
}

// floatCodes codes xs; NaN gets code -1 when nanNever (joins: NaN equals
// nothing) and one shared code otherwise (grouping). -0 and 0 share a code.
func floatCodes(xs []float64, nanNever bool) ([]int32, func(float64) int32, int) {
	codes := make([]int32, len(xs))
	m := make(map[float64]int32)
	n, nan := int32(0), int32(-1)
	for j, x := range xs {
		if x != x {
			if !nanNever && nan < 0 {
				nan = n
				n++
			}
			codes[j] = nan
			continue
		}
		c, ok := m[x]
		if !ok {
			c = n
			n++
			m[x] = c
		}
		codes[j] = c
	}
	return codes, func(x float64) int32 {
		if c, ok := m[x]; ok {
			return c
		}
		return -1
	}, int(n)
}

// strCodes codes xs.
func strCodes(xs []string) ([]int32, func(string) int32, int) {
	codes := make([]int32, len(xs))
	m := make(map[string]int32)
	for j, x := range xs {
		c, ok := m[x]
		if !ok {
			c = int32(len(m))
			m[x] = c
		}
		codes[j] = c
	}
	return codes, func(x string) int32 {
		if c, ok := m[x]; ok {
			return c
		}
		return -1
	}, len(m)
}

// joinCodes codes the build side r and looks up the probe side l in the
// same dictionary (-1: no build row has the value). Both have the same
// kind (int, float or string).
func joinCodes(r, l vec) (rc, lc []int32, n int) {
	switch r.k {
	case kFloat:
		var look func(float64) int32
		rc, look, n = floatCodes(r.f, true)
		lc = lookupAll(l.f, look)
	case kStr:
		var look func(string) int32
		rc, look, n = strCodes(r.s)
		lc = lookupAll(l.s, look)
	default:
		var look func(int64) int32
		rc, look, n = intCodes(r.i, 0)
		lc = lookupAll(l.i, look)
	}
	return rc, lc, n
}

func lookupAll[T any](xs []T, look func(T) int32) []int32 {
	out := make([]int32, len(xs))
	for j, x := range xs {
		out[j] = look(x)
	}
	return out
}

// combineJoinCodes combines the codes of the keys so far (ra, la) with
// those of one more key (rb, lb; nb codes) into codes of the pair.
func combineJoinCodes(ra, rb, la, lb []int32, nb int) (rc, lc []int32) {
	m := make(map[uint64]int32)
	rc = make([]int32, len(ra))
	for j := range ra {
		if ra[j] < 0 || rb[j] < 0 {
			rc[j] = -1
			continue
		}
		k := uint64(ra[j])<<32 | uint64(rb[j])
		c, ok := m[k]
		if !ok {
			c = int32(len(m))
			m[k] = c
		}
		rc[j] = c
	}
	lc = make([]int32, len(la))
	for j := range la {
		lc[j] = -1
		if la[j] >= 0 && lb[j] >= 0 {
			if c, ok := m[uint64(la[j])<<32|uint64(lb[j])]; ok {
				lc[j] = c
			}
		}
	}
	return rc, lc
}

// mapLimit is the number of distinct integer keys beyond which grouping
// switches from a map (random access, slow once it outgrows the caches)
// to a radix sort.
const mapLimit = 1 << 16

// groupCodes codes the rows of several key columns (all of n rows): gid
// is each row's group, first the first row of each group. Groups are
// numbered in order of first occurrence, or, if sorted, in ascending order
// of a single integer key.
func groupCodes(keys []vec) (gid []int32, first []int32, sorted bool) {
	if len(keys) == 1 && keys[0].k != kFloat && keys[0].k != kStr {
		xs := keys[0].asInt().i
		if c, _, n := intCodes(xs, mapLimit); n >= 0 {
			return c, firstRows(c, n), false
		}
		c, first := radixCodes(xs)
		return c, first, true
	}
	var ng int
	for i, k := range keys {
		var c []int32
		var nc int
		switch k.k {
		case kFloat:
			c, _, nc = floatCodes(k.f, false)
		case kStr:
			c, _, nc = strCodes(k.s)
		default:
			c, _, nc = intCodes(k.asInt().i, 0)
		}
		if i == 0 {
			gid, ng = c, nc
		} else {
			gid, ng = combineGroupCodes(gid, ng, c, nc)
		}
	}
	return gid, firstRows(gid, ng), false
}

// firstRows returns the first row of each of n groups.
func firstRows(gid []int32, n int) []int32 {
	first := make([]int32, n)
	for i := range first {
		first[i] = -1
	}
	for j, g := range gid {
		if first[g] < 0 {
			first[g] = int32(j)
		}
	}
	return first
}

// radixCodes codes xs in ascending order of value: a stable LSD radix
// sort of (value, row) pairs, one pass per byte that varies, so each
// group's first row is its smallest.
func radixCodes(xs []int64) (codes, first []int32) {
	n := len(xs)
	codes = make([]int32, n)
	if n == 0 {
		return codes, nil
	}
	keys, rows := make([]uint64, n), make([]int32, n)
	for i, x := range xs {
		keys[i], rows[i] = uint64(x)^1<<63, int32(i)
	}
	tk, tr := make([]uint64, n), make([]int32, n)
	for shift := 0; shift < 64; shift += 8 {
		var count [256]int
		for _, k := range keys {
			count[(k>>shift)&0xff]++
		}
		if count[(keys[0]>>shift)&0xff] == n {
			continue // every key has the same byte here
		}
		sum := 0
		for b, c := range count {
			count[b] = sum
			sum += c
		}
		for i, k := range keys {
			b := (k >> shift) & 0xff
			tk[count[b]], tr[count[b]] = k, rows[i]
			count[b]++
		}
		keys, tk, rows, tr = tk, keys, tr, rows
	}
	c := int32(-1)
	for i, k := range keys {
		if i == 0 || k != keys[i-1] {
			c++
			first = append(first, rows[i])
		}
		codes[rows[i]] = c
	}
	return codes, first
}

// combineGroupCodes combines two code columns; small products are coded
// through an array.
func combineGroupCodes(a []int32, na int, b []int32, nb int) ([]int32, int) {
	out := make([]int32, len(a))
	if span := int64(na) * int64(nb); span <= int64(4*len(a)+1024) && span < 1<<22 {
		arr := make([]int32, span)
		n := int32(0)
		for j := range a {
			k := int64(a[j])*int64(nb) + int64(b[j])
			if arr[k] == 0 {
				n++
				arr[k] = n
			}
			out[j] = arr[k] - 1
		}
		return out, int(n)
	}
	m := make(map[uint64]int32)
	for j := range a {
		k := uint64(a[j])<<32 | uint64(b[j])
		c, ok := m[k]
		if !ok {
			c = int32(len(m))
			m[k] = c
		}
		out[j] = c
	}
	return out, len(m)
}
