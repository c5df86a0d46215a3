package data

import (
	"fmt"

	"github.com/daphne-go/daphne/types"
)

// Type-erased access to the cell arrays of matrices, for code that moves
// whole arrays without caring about the element type (file formats,
// serialization). A cell slice is one of []float64, []float32, []int64,
// []int32, []int8, []uint64, []uint32, []uint8, []bool or []string.

// DenseCells returns the row-major cell slice of a dense matrix (aliasing
// the matrix: do not modify it).
func DenseCells(m Matrix) (any, error) { return denseCells(m) }

// CSRArrays returns the arrays of a CSR matrix (aliasing the matrix: do not
// modify them), its values as a cell slice.
func CSRArrays(m Matrix) (rowPtr, colIdx []int, values any, err error) { return csrParts(m) }

// DenseFromCells wraps a cell slice of len rows*cols as a dense matrix of
// value type vt; the slice's Go type must be the one vt is stored as.
func DenseFromCells(vt types.ValueType, rows, cols int, cells any) (Matrix, error) {
	if err := checkCells(vt, cells); err != nil {
		return nil, err
	}
	if rows < 0 || cols < 0 || cellsLen(cells) != rows*cols {
		return nil, fmt.Errorf("%d cells cannot form a %dx%d matrix", cellsLen(cells), rows, cols)
	}
	return denseOf(vt, rows, cols, cells), nil
}

// CSRFromCells builds a CSR matrix of value type vt from its arrays after
// validating them (see NewCSR).
func CSRFromCells(vt types.ValueType, rows, cols int, rowPtr, colIdx []int, values any) (Matrix, error) {
	if err := checkCells(vt, values); err != nil {
		return nil, err
	}
	switch x := values.(type) {
	case []float64:
		return NewCSRVT(vt, rows, cols, rowPtr, colIdx, x)
	case []float32:
		return NewCSRVT(vt, rows, cols, rowPtr, colIdx, x)
	case []int64:
		return NewCSRVT(vt, rows, cols, rowPtr, colIdx, x)
	case []int32:
		return NewCSRVT(vt, rows, cols, rowPtr, colIdx, x)
	case []int8:
		return NewCSRVT(vt, rows, cols, rowPtr, colIdx, x)
	case []uint64:
		return NewCSRVT(vt, rows, cols, rowPtr, colIdx, x)
	case []uint32:
		return NewCSRVT(vt, rows, cols, rowPtr, colIdx, x)
	case []uint8:
		return NewCSRVT(vt, rows, cols, rowPtr, colIdx, x)
	case []bool:
		return NewCSRVT(vt, rows, cols, rowPtr, colIdx, x)
	case []string:
		return NewCSRVT(vt, rows, cols, rowPtr, colIdx, x)
	}
	return nil, fmt.Errorf("unsupported cell slice %T", values)
}

// checkCells reports whether cells is the slice type vt is stored as.
func checkCells(vt types.ValueType, cells any) error {
	ok := false
	switch cells.(type) {
	case []float64:
		ok = vt == types.F64
	case []float32:
		ok = vt == types.F32
	case []int64:
		ok = vt == types.SI64
	case []int32:
		ok = vt == types.SI32
	case []int8:
		ok = vt == types.SI8
	case []uint64:
		ok = vt == types.UI64 || vt == types.Size
	case []uint32:
		ok = vt == types.UI32
	case []uint8:
		ok = vt == types.UI8
	case []bool:
		ok = vt == types.Bool
	case []string:
		ok = vt == types.Str
	}
	if !ok {
		return fmt.Errorf("cells of type %T cannot hold value type %v", cells, vt)
	}
	return nil
}

func cellsLen(cells any) int {
	switch x := cells.(type) {
	case []float64:
		return len(x)
	case []float32:
		return len(x)
	case []int64:
		return len(x)
	case []int32:
		return len(x)
	case []int8:
		return len(x)
	case []uint64:
		return len(x)
	case []uint32:
		return len(x)
	case []uint8:
		return len(x)
	case []bool:
		return len(x)
	case []string:
		return len(x)
	}
	return -1
}
