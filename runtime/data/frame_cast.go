package data

import (
	"fmt"

	"github.com/daphne-go/daphne/types"
)

// castFrame implements the casts to and from frames (see Cast).
func castFrame(v Value, dt types.DataType, vt types.ValueType) (Value, error) {
	if f, ok := v.(*Frame); ok {
		switch dt {
		case types.Frame, types.AnyData:
			if vt == types.Unknown || vt == f.ValueType() {
				return f, nil
			}
			cols := make([]Matrix, f.Cols())
			for j, c := range f.cols {
				m, err := ConvertMatrix(c, vt)
				if err != nil {
					return nil, fmt.Errorf("cast: column %q: %w", f.labels[j], err)
				}
				cols[j] = m
			}
			return NewFrame(cols, f.labels)
		case types.Matrix:
			return FrameToMatrix(f, vt)
		case types.Scalar:
			if f.rows != 1 || len(f.cols) != 1 {
				return nil, fmt.Errorf("cast: only a 1x1 frame can become a scalar, got %s", f.Header())
			}
			s, err := MatrixCell(f.cols[0], 0, 0)
			if err != nil {
				return nil, err
			}
			if vt == types.Unknown {
				return s, nil
			}
			return ConvertScalar(s, vt)
		}
		return nil, fmt.Errorf("cast: cannot cast a frame to %v", dt)
	}
	var m Matrix
	switch x := v.(type) {
	case *Scalar:
		mv, err := castScalar(x, types.Matrix, x.VT)
		if err != nil {
			return nil, err
		}
		m = mv.(Matrix)
	case Matrix:
		m = x
	case *List:
		return nil, fmt.Errorf("cast: cannot cast a list to a frame")
	default:
		return nil, fmt.Errorf("cast: cannot cast a value of type %T", v)
	}
	f, err := MatrixToFrame(m, nil)
	if err != nil {
		return nil, err
	}
	if vt != types.Unknown && vt != m.ValueType() {
		return castFrame(f, types.Frame, vt)
	}
	return f, nil
}

// MatrixToFrame splits a matrix into a frame with one column per matrix
// column, labelled by labels (nil: col_0, col_1, ...).
func MatrixToFrame(m Matrix, labels []string) (*Frame, error) {
	d, err := ToDenseMatrix(m)
	if err != nil {
		return nil, err
	}
	cells, err := denseCells(d)
	if err != nil {
		return nil, err
	}
	rows, ncols := d.Rows(), d.Cols()
	cols := make([]Matrix, ncols)
	for j := range cols {
		cols[j] = denseOf(d.ValueType(), rows, 1, columnOf(cells, rows, ncols, j))
	}
	return NewFrame(cols, labels)
}

// FrameToMatrix joins a frame's columns into a dense matrix of value type vt
// (types.Unknown: the value type of the first column, as DAPHNE's cast).
func FrameToMatrix(f *Frame, vt types.ValueType) (Matrix, error) {
	if vt == types.Unknown {
		vt = types.F64
		if len(f.cols) > 0 {
			vt = f.cols[0].ValueType() // DAPHNE: the first column's type
		}
	}
	out, err := NewDenseOf(vt, f.rows, len(f.cols))
	if err != nil {
		return nil, err
	}
	outCells, _ := denseCells(out)
	for j, c := range f.cols {
		cc, err := ConvertMatrix(c, vt)
		if err != nil {
			return nil, fmt.Errorf("cast: column %q: %w", f.labels[j], err)
		}
		src, _ := denseCells(cc)
		setColumn(outCells, src, f.rows, len(f.cols), j)
	}
	return out, nil
}

// columnOf copies column j of a row-major rows x cols cell slice.
func columnOf(cells any, rows, cols, j int) any {
	switch c := cells.(type) {
	case []float64:
		return colOf(c, rows, cols, j)
	case []float32:
		return colOf(c, rows, cols, j)
	case []int64:
		return colOf(c, rows, cols, j)
	case []int32:
		return colOf(c, rows, cols, j)
	case []int8:
		return colOf(c, rows, cols, j)
	case []uint64:
		return colOf(c, rows, cols, j)
	case []uint32:
		return colOf(c, rows, cols, j)
	case []uint8:
		return colOf(c, rows, cols, j)
	case []bool:
		return colOf(c, rows, cols, j)
	case []string:
		return colOf(c, rows, cols, j)
	}
	panic(fmt.Sprintf("data: unknown cells %T", cells))
}

func colOf[T Elem](c []T, rows, cols, j int) []T {
	out := make([]T, rows)
	for i := range out {
		out[i] = c[i*cols+j]
	}
	return out
}

// setColumn writes src (rows cells) into column j of dst (row-major, cols wide).
func setColumn(dst, src any, rows, cols, j int) {
	switch d := dst.(type) {
	case []float64:
		setCol(d, src.([]float64), cols, j)
	case []float32:
		setCol(d, src.([]float32), cols, j)
	case []int64:
		setCol(d, src.([]int64), cols, j)
	case []int32:
		setCol(d, src.([]int32), cols, j)
	case []int8:
		setCol(d, src.([]int8), cols, j)
	case []uint64:
		setCol(d, src.([]uint64), cols, j)
	case []uint32:
		setCol(d, src.([]uint32), cols, j)
	case []uint8:
		setCol(d, src.([]uint8), cols, j)
	case []bool:
		setCol(d, src.([]bool), cols, j)
	case []string:
		setCol(d, src.([]string), cols, j)
	default:
		panic(fmt.Sprintf("data: unknown cells %T", dst))
	}
}

func setCol[T Elem](d, s []T, cols, j int) {
	for i, v := range s {
		d[i*cols+j] = v
	}
}
