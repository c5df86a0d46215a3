package gen

import "math"

// Ports of libstdc++'s (GCC 11 and later) distribution algorithms over a
// MT19937, so that seeded results equal DAPHNE's:
//
//   - std::generate_canonical<double, 53>: two outputs u1, u2 combined as
//     (u1 + u2*2^32) / 2^64, rounded once to double; a result of 1 becomes
//     the largest double below 1.
//   - std::generate_canonical<float, 24>: one output rounded to float and
//     divided by 2^32.
//   - std::uniform_real_distribution: canonical*(b-a) + a in the value type.
//   - std::uniform_int_distribution: Lemire's nearly-divisionless method for
//     ranges below 2^32-1 (the engine yields exactly 32 bits), the engine's
//     output as is for a range of exactly 2^32-1, and libstdc++'s
//     "upscaling" loop for wider ranges.

const two32 = 4294967296.0

// Canonical64 is std::generate_canonical<double, 53>(g): a double in [0, 1).
func (g *MT19937) Canonical64() float64 {
	u1 := g.Uint32()
	u2 := g.Uint32()
	r := (float64(u1) + float64(u2)*two32) / (two32 * two32)
	if r >= 1 {
		r = belowOne
	}
	return r
}

// belowOne is the largest double below 1 (nextafter(1.0, 0.0)).
var belowOne = math.Nextafter(1, 0)

// Canonical32 is std::generate_canonical<float, 24>(g): a float in [0, 1).
func (g *MT19937) Canonical32() float32 {
	r := float32(g.Uint32()) / float32(two32)
	if r >= 1 {
		r = math.Nextafter32(1, 0)
	}
	return r
}

// UniformFloat64 is std::uniform_real_distribution<double>(a, b)(g).
func (g *MT19937) UniformFloat64(a, b float64) float64 {
	// The conversion stops the compiler fusing the multiply-add into an FMA,
	// which would round differently from C++ built without FMA.
	return float64(g.Canonical64()*(b-a)) + a
}

// UniformFloat32 is std::uniform_real_distribution<float>(a, b)(g).
func (g *MT19937) UniformFloat32(a, b float32) float32 {
	return float32(g.Canonical32()*(b-a)) + a
}

// UniformUint returns a value in [0, urange] the way
// std::uniform_int_distribution does before adding its lower bound: for a
// distribution over [a, b] of any integer type, urange is b-a computed in
// uint64 after sign-extending a and b, and the result is a + the returned
// value, wrapped to the type.
func (g *MT19937) UniformUint(urange uint64) uint64 {
	const urngrange = math.MaxUint32
	switch {
	case urange < urngrange:
		return uint64(g.lemire(uint32(urange + 1)))
	case urange > urngrange:
		const uerngrange = urngrange + 1
		for {
			tmp := uerngrange * g.UniformUint(urange/uerngrange)
			ret := tmp + uint64(g.Uint32())
			if ret <= urange && ret >= tmp {
				return ret
			}
		}
	default:
		return uint64(g.Uint32())
	}
}

// lemire maps one or more outputs onto [0, n) without bias (libstdc++'s
// _S_nd with a 64-bit product).
func (g *MT19937) lemire(n uint32) uint32 {
	product := uint64(g.Uint32()) * uint64(n)
	low := uint32(product)
	if low < n {
		threshold := -n % n
		for low < threshold {
			product = uint64(g.Uint32()) * uint64(n)
			low = uint32(product)
		}
	}
	return uint32(product >> 32)
}

// UniformInt64 is std::uniform_int_distribution<int64_t>(a, b)(g) (also
// right for narrower signed types after sign extension).
func (g *MT19937) UniformInt64(a, b int64) int64 {
	return int64(uint64(a) + g.UniformUint(uint64(b)-uint64(a)))
}

// UniformUint64 is std::uniform_int_distribution<uint64_t>(a, b)(g).
func (g *MT19937) UniformUint64(a, b uint64) uint64 {
	return a + g.UniformUint(b-a)
}

// Shuffle permutes n elements through swap exactly as libstdc++'s
// std::shuffle does with this engine (including its trick of drawing two
// swap positions from one number when the range allows).
func (g *MT19937) Shuffle(n int, swap func(i, j int)) {
	if n <= 1 {
		return
	}
	const urngrange = math.MaxUint32
	urange := uint64(n)
	if urngrange/urange >= urange {
		i := 1
		if urange%2 == 0 {
			swap(i, int(g.UniformUint(1)))
			i++
		}
		for i != n {
			swapRange := uint64(i) + 1
			x := g.UniformUint(swapRange*(swapRange+1) - 1)
			swap(i, int(x/(swapRange+1)))
			i++
			swap(i, int(x%(swapRange+1)))
			i++
		}
		return
	}
	for i := 1; i < n; i++ {
		swap(i, int(g.UniformUint(uint64(i))))
	}
}

// fillNonZeroFloat64 fills dst with draws of UniformFloat64(a, b),
// re-drawing zeros; it is the hot loop of dense f64 rand, written out so
// that nothing is called per cell.
func (g *MT19937) fillNonZeroFloat64(dst []float64, a, b float64) {
	scale := b - a
	for i := range dst {
		for {
			u1 := g.Uint32()
			u2 := g.Uint32()
			// Dividing by 2^64 and multiplying by 2^-64 are the same.
			r := (float64(u1) + float64(u2)*two32) * (1 / (two32 * two32))
			if r >= 1 {
				r = belowOne
			}
			if v := float64(r*scale) + a; v != 0 {
				dst[i] = v
				break
			}
		}
	}
}
