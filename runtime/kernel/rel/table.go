package rel

// Hash tables that give every distinct key a dense code 0, 1, 2, ... in the
// order the keys are first inserted. Numbers (and bools, and combined codes)
// are keyed by 64 bits in an open-addressing table; strings use a Go map.
// Both remember their keys in code order, so that a table can be merged into
// another (the parallel factorization merges per-chunk tables in chunk
// order).

var (
	_ table = (*u64Table)(nil)
	_ table = (*strTable)(nil)
)

// table is a code dictionary of one key kind.
type table interface {
	// size is the number of distinct keys (codes are 0 .. size-1).
	size() int
	// mergeInto inserts this table's keys, in code order, into dst (a table
	// of the same kind) and returns the code each key has there.
	mergeInto(dst table) []int32
}

// noCode marks a key that is absent (lookups) or never matches (NaN keys of
// joins).
const noCode int32 = -1

// u64Table maps 64-bit keys to codes with linear probing in a power-of-two
// array kept at most half full.
type u64Table struct {
	slots []int32  // code+1 of the key in this slot; 0 = empty
	keys  []uint64 // keys[code]
	mask  uint64
	shift uint // 64 - log2(len(slots))
}

// newU64Table returns a table sized for about hint keys.
func newU64Table(hint int) *u64Table {
	t := &u64Table{}
	t.alloc(max(16, hint*2))
	t.keys = make([]uint64, 0, max(hint, 0))
	return t
}

func (t *u64Table) alloc(n int) {
	c, bits := 16, uint(4)
	for c < n {
		c <<= 1
		bits++
	}
	t.slots = make([]int32, c)
	t.mask = uint64(c - 1)
	t.shift = 64 - bits
}

// slot is the home slot of k (Fibonacci hashing after a xor-shift, so that
// keys differing only in high bits spread as well as dense small ids).
func (t *u64Table) slot(k uint64) uint64 {
	k ^= k >> 29
	return (k * 0x9E3779B97F4A7C15) >> t.shift
}

func (t *u64Table) size() int { return len(t.keys) }

// insert returns the code of k, giving it the next code if it is new.
func (t *u64Table) insert(k uint64) int32 {
	i := t.slot(k)
	for {
		s := t.slots[i]
		if s == 0 {
			break
		}
		if t.keys[s-1] == k {
			return s - 1
		}
		i = (i + 1) & t.mask
	}
	code := int32(len(t.keys))
	t.keys = append(t.keys, k)
	t.slots[i] = code + 1
	if 2*len(t.keys) > len(t.slots) {
		t.grow()
	}
	return code
}

// lookup returns the code of k, or noCode.
func (t *u64Table) lookup(k uint64) int32 {
	i := t.slot(k)
	for {
		s := t.slots[i]
		if s == 0 {
			return noCode
		}
		if t.keys[s-1] == k {
			return s - 1
		}
		i = (i + 1) & t.mask
	}
}

func (t *u64Table) grow() {
	t.alloc(2 * len(t.slots))
	for c, k := range t.keys {
		i := t.slot(k)
		for t.slots[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = int32(c) + 1
	}
}

func (t *u64Table) mergeInto(dst table) []int32 {
	d := dst.(*u64Table)
	trans := make([]int32, len(t.keys))
	for c, k := range t.keys {
		trans[c] = d.insert(k)
	}
	return trans
}

// strTable maps strings to codes.
type strTable struct {
	m    map[string]int32
	keys []string
}

func newStrTable(hint int) *strTable {
	return &strTable{m: make(map[string]int32, max(hint, 0))}
}

func (t *strTable) size() int { return len(t.keys) }

func (t *strTable) insert(k string) int32 {
	if c, ok := t.m[k]; ok {
		return c
	}
	c := int32(len(t.keys))
	t.m[k] = c
	t.keys = append(t.keys, k)
	return c
}

func (t *strTable) lookup(k string) int32 {
	if c, ok := t.m[k]; ok {
		return c
	}
	return noCode
}

func (t *strTable) mergeInto(dst table) []int32 {
	d := dst.(*strTable)
	trans := make([]int32, len(t.keys))
	for c, k := range t.keys {
		trans[c] = d.insert(k)
	}
	return trans
}
