package prep

import (
	"cmp"
	"slices"

	"github.com/daphne-go/daphne/runtime/data"
)

// Recode maps the values of the column vector x to dense codes 0, 1, ...
// and returns the codes (n x 1, si64) and the dictionary (d x 1, x's value
// type; row c holds the value of code c). With orderPreserving the codes
// follow the sorted order of the distinct values (strings byte-wise, false
// before true, NaN last); otherwise the order of first appearance.
func Recode(x data.Matrix, orderPreserving bool) (codes, dict data.Matrix, err error) {
	if x.Cols() != 1 {
		return nil, nil, errorf(ErrShape, "recode: the argument must have exactly one column, got %s", shape(x))
	}
	xd, err := data.ToDenseMatrix(x)
	if err != nil {
		return nil, nil, err
	}
	cells, err := data.DenseCells(xd)
	if err != nil {
		return nil, nil, err
	}
	var c []int64
	var d any
	switch v := cells.(type) {
	case []float64:
		c, d = recode(v, orderPreserving, cmp.Compare[float64])
	case []float32:
		c, d = recode(v, orderPreserving, cmp.Compare[float32])
	case []int64:
		c, d = recode(v, orderPreserving, cmp.Compare[int64])
	case []int32:
		c, d = recode(v, orderPreserving, cmp.Compare[int32])
	case []int8:
		c, d = recode(v, orderPreserving, cmp.Compare[int8])
	case []uint64:
		c, d = recode(v, orderPreserving, cmp.Compare[uint64])
	case []uint32:
		c, d = recode(v, orderPreserving, cmp.Compare[uint32])
	case []uint8:
		c, d = recode(v, orderPreserving, cmp.Compare[uint8])
	case []string:
		c, d = recode(v, orderPreserving, cmp.Compare[string])
	case []bool:
		c, d = recode(v, orderPreserving, compareBool)
	default:
		return nil, nil, errorf(ErrValueType, "recode: unsupported argument %s", data.Describe(x))
	}
	dm, err := data.DenseFromCells(x.ValueType(), cellsLen(d), 1, d)
	if err != nil {
		return nil, nil, err
	}
	return data.DenseFrom(len(c), 1, c), dm, nil
}

func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case b:
		return -1
	}
	return 1
}

// recode assigns codes; NaN (v != v) is one distinct value, kept out of the
// map (where it would never match) and ordered last.
func recode[T comparable](vals []T, ordered bool, compare func(a, b T) int) ([]int64, []T) {
	codes := make([]int64, len(vals))
	index := make(map[T]int64)
	distinct := make([]T, 0)
	nanCode, hasNaN := int64(-1), false
	var nanVal T
	for _, v := range vals {
		if v != v {
			if !hasNaN {
				hasNaN, nanVal = true, v
				if !ordered {
					nanCode = int64(len(distinct))
					distinct = append(distinct, v)
				}
			}
			continue
		}
		if _, ok := index[v]; !ok {
			index[v] = int64(len(distinct))
			distinct = append(distinct, v)
		}
	}
	if ordered {
		slices.SortFunc(distinct, compare)
		for i, v := range distinct {
			index[v] = int64(i)
		}
		if hasNaN {
			nanCode = int64(len(distinct))
			distinct = append(distinct, nanVal)
		}
	}
	for i, v := range vals {
		if v != v {
			codes[i] = nanCode
		} else {
			codes[i] = index[v]
		}
	}
	return codes, distinct
}

// cellsLen returns the length of a cell slice.
func cellsLen(cells any) int {
	switch c := cells.(type) {
	case []float64:
		return len(c)
	case []float32:
		return len(c)
	case []int64:
		return len(c)
	case []int32:
		return len(c)
	case []int8:
		return len(c)
	case []uint64:
		return len(c)
	case []uint32:
		return len(c)
	case []uint8:
		return len(c)
	case []bool:
		return len(c)
	case []string:
		return len(c)
	}
	return 0
}
