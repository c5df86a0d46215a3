package gen

import (
	"fmt"
	"math"
	"time"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// numKind says which libstdc++ distribution draws values of a Go type.
type numKind uint8

const (
	kindF64 numKind = iota
	kindF32
	kindSigned
	kindUnsigned
)

func kindOf[T data.Number]() numKind {
	var z T
	switch any(z).(type) {
	case float64:
		return kindF64
	case float32:
		return kindF32
	case int64, int32, int8:
		return kindSigned
	}
	return kindUnsigned
}

// draw returns one value of std::uniform_{real,int}_distribution<T>(lo, hi).
func draw[T data.Number](g *MT19937, k numKind, lo, hi T) T {
	switch k {
	case kindF64:
		return T(g.UniformFloat64(float64(lo), float64(hi)))
	case kindF32:
		return T(g.UniformFloat32(float32(lo), float32(hi)))
	case kindSigned:
		return T(g.UniformInt64(int64(lo), int64(hi)))
	}
	return T(g.UniformUint64(uint64(lo), uint64(hi)))
}

// drawNonZero draws until the value is not zero (DAPHNE re-draws zeros).
func drawNonZero[T data.Number](g *MT19937, k numKind, lo, hi T) T {
	v := draw(g, k, lo, hi)
	for v == 0 {
		v = draw(g, k, lo, hi)
	}
	return v
}

// RandomSeed returns a seed for seed -1 ("choose one at random").
func RandomSeed() int64 {
	return time.Now().UnixNano() & math.MaxInt64
}

func validateRand[T data.Number](rows, cols int, lo, hi T, sparsity float64) error {
	switch {
	case rows <= 0:
		return fmt.Errorf("rand: numRows must be > 0, got %d", rows)
	case cols <= 0:
		return fmt.Errorf("rand: numCols must be > 0, got %d", cols)
	case lo != lo || hi != hi:
		return fmt.Errorf("rand: min and max must not be NaN, got %v and %v", lo, hi)
	case lo > hi:
		return fmt.Errorf("rand: min must be <= max, got min %v and max %v", lo, hi)
	case lo == 0 && hi == 0:
		return fmt.Errorf("rand: min and max must not both be zero, consider setting sparsity to zero instead")
	case !(sparsity >= 0 && sparsity <= 1):
		return fmt.Errorf("rand: sparsity has to be in the interval [0.0, 1.0], got %v", sparsity)
	}
	if err := checkCells(rows, cols); err != nil {
		return fmt.Errorf("rand: %w", err)
	}
	return nil
}

// RandDense returns a rows x cols matrix of value type vt with values drawn
// uniformly from [lo, hi], a fraction sparsity of them non-zero, exactly as
// DAPHNE's dense RandMatrix kernel does for the same seed: values come from
// an MT19937 seeded with seed, positions from one seeded with seed*3. For
// sparsity >= 0.5 every cell gets a non-zero value (zeros are re-drawn) and
// round((1-sparsity)*cells) cells, chosen by selection sampling, are set to
// zero; below 0.5 the matrix starts at zero and round(sparsity*cells) cells
// get non-zero values. seed -1 picks a seed at random.
func RandDense[T data.Number](vt types.ValueType, rows, cols int, lo, hi T, sparsity float64, seed int64) (*data.Dense[T], error) {
	if err := validateRand(rows, cols, lo, hi, sparsity); err != nil {
		return nil, err
	}
	if seed == -1 {
		seed = RandomSeed()
	}
	res := data.NewDenseVT[T](vt, rows, cols)
	vals := res.Data
	k := kindOf[T]()
	genVal := NewMT19937(uint32(seed))
	genIndex := NewMT19937(uint32(seed * 3))
	n := rows * cols
	dense := sparsity >= 0.5
	var limit int
	if dense {
		limit = int(math.Round((1 - sparsity) * float64(cols) * float64(rows)))
		if f, ok := any(vals).([]float64); ok {
			genVal.fillNonZeroFloat64(f, float64(lo), float64(hi))
		} else {
			for i := range vals {
				vals[i] = drawNonZero(genVal, k, lo, hi)
			}
		}
	} else {
		limit = int(math.Round(sparsity * float64(cols) * float64(rows)))
	}
	// Selection sampling (Knuth's algorithm S) over the cells in row-major
	// order, drawing from [0, cells-1] and reducing modulo the remaining
	// range as DAPHNE does.
	urange := uint64(n - 1)
	chosen := 0
	for i := 0; i < n && chosen < limit; i++ {
		x := genIndex.UniformUint(urange)
		if x%uint64(n-i) < uint64(limit-chosen) {
			if dense {
				vals[i] = 0
			} else {
				vals[i] = drawNonZero(genVal, k, lo, hi)
			}
			chosen++
		}
	}
	return res, nil
}

// maxCells bounds the size of generated matrices so that an absurd request
// is a clear error instead of an allocation failure.
const maxCells = 1 << 34

func checkCells(rows, cols int) error {
	if rows > 0 && cols > maxCells/rows {
		return fmt.Errorf("a %dx%d matrix is too large (more than %d cells)", rows, cols, maxCells)
	}
	return nil
}
