package gen

// MT19937 is the 32-bit Mersenne Twister of C++'s std::mt19937, output for
// output: seeded with the same value it produces the same sequence as
// libstdc++ (the 10000th output of a default-seeded engine is 4123659995, as
// the C++ standard requires).
//
// Like std::mt19937 it is not safe for concurrent use.
type MT19937 struct {
	mt  [mtN]uint32 // the generator state
	out [mtN]uint32 // tempered outputs of the current state block
	idx int         // next unread position in out
}

const (
	mtN         = 624
	mtM         = 397
	mtMatrixA   = 0x9908b0df
	mtUpperMask = 0x80000000
	mtLowerMask = 0x7fffffff
	// MTDefaultSeed is std::mt19937::default_seed.
	MTDefaultSeed = 5489
)

// NewMT19937 returns an engine seeded with seed (std::mt19937 gen(seed)).
// C++ reduces a wider seed modulo 2^32; callers holding an int64 seed pass
// uint32(seed), which is the same reduction.
func NewMT19937(seed uint32) *MT19937 {
	g := &MT19937{}
	g.Seed(seed)
	return g
}

// Seed re-initialises the state from seed, as std::mt19937::seed does.
func (g *MT19937) Seed(seed uint32) {
	g.mt[0] = seed
	for i := 1; i < mtN; i++ {
		prev := g.mt[i-1]
		g.mt[i] = 1812433253*(prev^(prev>>30)) + uint32(i)
	}
	g.idx = mtN
}

// Uint32 returns the next output. It is small enough to be inlined; the
// work happens block-wise in refill.
func (g *MT19937) Uint32() uint32 {
	if g.idx >= mtN {
		g.refill()
	}
	y := g.out[g.idx]
	g.idx++
	return y
}

// refill twists the state and tempers the whole block of outputs at once.
func (g *MT19937) refill() {
	g.twist()
	for i, y := range &g.mt {
		y ^= y >> 11
		y ^= (y << 7) & 0x9d2c5680
		y ^= (y << 15) & 0xefc60000
		y ^= y >> 18
		g.out[i] = y
	}
	g.idx = 0
}

// twist regenerates the whole state block.
func (g *MT19937) twist() {
	mt := &g.mt
	i := 0
	for ; i < mtN-mtM; i++ {
		y := (mt[i] & mtUpperMask) | (mt[i+1] & mtLowerMask)
		mt[i] = mt[i+mtM] ^ (y >> 1) ^ (-(y & 1) & mtMatrixA)
	}
	for ; i < mtN-1; i++ {
		y := (mt[i] & mtUpperMask) | (mt[i+1] & mtLowerMask)
		mt[i] = mt[i+mtM-mtN] ^ (y >> 1) ^ (-(y & 1) & mtMatrixA)
	}
	y := (mt[mtN-1] & mtUpperMask) | (mt[0] & mtLowerMask)
	mt[mtN-1] = mt[mtM-1] ^ (y >> 1) ^ (-(y & 1) & mtMatrixA)
}
