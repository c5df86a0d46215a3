package gen

import (
	"math"

	"github.com/daphne-go/daphne/runtime/data"
)

// MinStdRand0 is C++'s std::minstd_rand0, which libstdc++ uses as
// std::default_random_engine: x = 16807*x mod (2^31-1), outputs in
// [1, 2^31-2]. DAPHNE's CSR rand draws from it.
type MinStdRand0 struct {
	x uint64
}

const (
	minstdA   = 16807
	minstdM   = 2147483647
	minstdMin = 1
	minstdMax = minstdM - 1
	// minstdRange is max-min, the "urngrange" of libstdc++'s distributions.
	minstdRange = minstdMax - minstdMin
)

// NewMinStdRand0 returns an engine seeded as std::minstd_rand0(seed): the
// seed (as an unsigned 64-bit value) modulo 2^31-1, with 0 replaced by 1.
func NewMinStdRand0(seed uint64) *MinStdRand0 {
	x := seed % minstdM
	if x == 0 {
		x = 1
	}
	return &MinStdRand0{x: x}
}

// Next returns the next output.
func (g *MinStdRand0) Next() uint64 {
	g.x = g.x * minstdA % minstdM
	return g.x
}

// UniformUint is libstdc++'s uniform_int_distribution over this engine,
// before the lower bound is added: a value in [0, urange]. The engine does
// not yield exactly 32 bits, so downscaling uses the division method.
func (g *MinStdRand0) UniformUint(urange uint64) uint64 {
	switch {
	case urange < minstdRange:
		uerange := urange + 1
		scaling := minstdRange / uerange
		past := uerange * scaling
		ret := g.Next() - minstdMin
		for ret >= past {
			ret = g.Next() - minstdMin
		}
		return ret / scaling
	case urange > minstdRange:
		const uerngrange = minstdRange + 1
		for {
			tmp := uerngrange * g.UniformUint(urange/uerngrange)
			ret := tmp + (g.Next() - minstdMin)
			if ret <= urange && ret >= tmp {
				return ret
			}
		}
	}
	return g.Next() - minstdMin
}

// Canonical64 is std::generate_canonical<double, 53> over this engine: two
// outputs (the engine gives 30 full bits), combined in double arithmetic
// exactly as libstdc++ does.
func (g *MinStdRand0) Canonical64() float64 {
	const r = float64(minstdRange + 1)
	sum := float64(g.Next() - minstdMin)
	// The conversion keeps the product rounded on its own (no FMA).
	sum += float64(float64(g.Next()-minstdMin) * r)
	res := sum / (r * r)
	if res >= 1 {
		res = belowOne
	}
	return res
}

// Canonical32 is std::generate_canonical<float, 24> over this engine: one
// output divided by the engine's range rounded to float (2^31).
func (g *MinStdRand0) Canonical32() float32 {
	const r = float32(minstdRange + 1)
	res := float32(g.Next()-minstdMin) / r
	if res >= 1 {
		res = math.Nextafter32(1, 0)
	}
	return res
}

// drawMinStd is draw for this engine.
func drawMinStd[T data.Number](g *MinStdRand0, k numKind, lo, hi T) T {
	switch k {
	case kindF64:
		return T(float64(g.Canonical64()*(float64(hi)-float64(lo))) + float64(lo))
	case kindF32:
		return T(float32(g.Canonical32()*(float32(hi)-float32(lo))) + float32(lo))
	case kindSigned:
		return T(int64(uint64(int64(lo)) + g.UniformUint(uint64(int64(hi))-uint64(int64(lo)))))
	}
	return T(uint64(lo) + g.UniformUint(uint64(hi)-uint64(lo)))
}
