package gen

import (
	"fmt"
	"math"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// Sample returns a size x 1 matrix of values drawn from [0, rng) (for
// integer types [0, rng-1]) with an MT19937 seeded with seed, as DAPHNE's
// Sample kernel: with replacement each value is an independent draw;
// without replacement, floating-point draws are repeated until unseen, and
// integers are chosen by selection sampling over 0..rng-1 and then shuffled
// with std::shuffle. seed -1 picks a seed at random.
func Sample[T data.Number](vt types.ValueType, rng T, size int, withReplacement bool, seed int64) (*data.Dense[T], error) {
	k := kindOf[T]()
	switch {
	case size <= 0:
		return nil, fmt.Errorf("sample: size must be > 0, got %d", size)
	case !(rng > 0):
		return nil, fmt.Errorf("sample: range must be > 0, got %v", rng)
	case !withReplacement && k != kindF64 && k != kindF32 && uint64(rng) < uint64(size):
		return nil, fmt.Errorf("sample: without replacement the range (%v) must be >= size (%d)", rng, size)
	}
	if err := checkCells(size, 1); err != nil {
		return nil, fmt.Errorf("sample: %w", err)
	}
	if seed == -1 {
		seed = RandomSeed()
	}
	g := NewMT19937(uint32(seed))
	// DAPHNE's upper bound is nextafter(range, 0): for f64 the double just
	// below range; for f32 that double rounds back to range; for integers
	// it truncates to range-1.
	hi := rng
	switch k {
	case kindF64:
		hi = T(math.Nextafter(float64(rng), 0))
	case kindSigned, kindUnsigned:
		hi = rng - 1
	}
	res := data.NewDenseVT[T](vt, size, 1)
	vals := res.Data
	switch {
	case withReplacement:
		for i := range vals {
			vals[i] = draw(g, k, 0, hi)
		}
	case k == kindF64 || k == kindF32:
		seen := make(map[T]struct{}, size)
		for i := range vals {
			v := draw(g, k, 0, hi)
			for _, dup := seen[v]; dup; _, dup = seen[v] {
				v = draw(g, k, 0, hi)
			}
			vals[i] = v
			seen[v] = struct{}{}
		}
	default:
		r := uint64(rng)
		chosen := 0
		for i := uint64(0); i < r && chosen < size; i++ {
			if uint64(draw(g, k, 0, hi))%(r-i) < uint64(size-chosen) {
				vals[chosen] = T(i)
				chosen++
			}
		}
		g.Shuffle(size, func(i, j int) { vals[i], vals[j] = vals[j], vals[i] })
	}
	return res, nil
}
