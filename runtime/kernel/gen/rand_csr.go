package gen

import (
	"math"
	"slices"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// RandCSR returns a rows x cols CSR matrix with round(rows*cols*sparsity)
// values drawn uniformly from [lo, hi], reproducing DAPHNE's CSR RandMatrix
// kernel for the same seed. One std::default_random_engine (minstd_rand0)
// seeded with seed draws, in this order: all values; the number of values
// per row (rows drawn at random gain one value each, or, above sparsity
// 0.5, lose one from full rows); then per row the sorted set of columns
// (above 0.5: the set of columns left empty). Unlike the dense kernel, zero
// draws are not repeated (as in DAPHNE); such zeros are dropped from the
// structure, which changes no cell. seed -1 picks a seed at random.
func RandCSR[T data.Number](vt types.ValueType, rows, cols int, lo, hi T, sparsity float64, seed int64) (*data.CSR[T], error) {
	if err := validateRand(rows, cols, lo, hi, sparsity); err != nil {
		return nil, err
	}
	if seed == -1 {
		seed = RandomSeed()
	}
	g := NewMinStdRand0(uint64(seed))
	k := kindOf[T]()
	nnz := int(math.Round(float64(rows*cols) * sparsity))
	vals := make([]T, nnz)
	for i := range vals {
		vals[i] = drawMinStd(g, k, lo, hi)
	}
	perRow := make([]int, rows)
	sparse := sparsity <= 0.5
	if sparse {
		for assigned := 0; assigned < nnz; {
			if r := int(g.UniformUint(uint64(rows - 1))); perRow[r] < cols {
				perRow[r]++
				assigned++
			}
		}
	} else {
		for r := range perRow {
			perRow[r] = cols
		}
		for assigned := rows * cols; assigned > nnz; {
			if r := int(g.UniformUint(uint64(rows - 1))); perRow[r] > 0 {
				perRow[r]--
				assigned--
			}
		}
	}
	colIdx := make([]int, 0, nnz)
	picked := make(map[int]struct{})
	var sorted []int
	for r := range rows {
		want := perRow[r]
		if !sparse {
			want = cols - perRow[r]
		}
		clear(picked)
		for len(picked) < want {
			picked[int(g.UniformUint(uint64(cols-1)))] = struct{}{}
		}
		sorted = sorted[:0]
		for c := range picked {
			sorted = append(sorted, c)
		}
		slices.Sort(sorted)
		if sparse {
			colIdx = append(colIdx, sorted...)
			continue
		}
		next := 0
		for c := range cols {
			if next < len(sorted) && sorted[next] == c {
				next++
				continue
			}
			colIdx = append(colIdx, c)
		}
	}
	return buildCSR(vt, rows, cols, perRow, colIdx, vals), nil
}

// buildCSR assembles the generated arrays, dropping stored zeros.
func buildCSR[T data.Number](vt types.ValueType, rows, cols int, perRow, colIdx []int, vals []T) *data.CSR[T] {
	rowPtr := make([]int, rows+1)
	out := 0
	in := 0
	for r, n := range perRow {
		for range n {
			if vals[in] != 0 {
				vals[out] = vals[in]
				colIdx[out] = colIdx[in]
				out++
			}
			in++
		}
		rowPtr[r+1] = out
	}
	m, err := data.NewCSRVT(vt, rows, cols, rowPtr, colIdx[:out], vals[:out])
	if err != nil {
		panic("gen: inconsistent CSR rand result: " + err.Error())
	}
	return m
}
