package index

import (
	"errors"
	"fmt"
	"strings"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// Right indexing of frames (daphnedsl.md section 8). As in DAPHNE,
// extracting from a frame always gives a frame, even a single cell. Rows are
// selected as for matrices (position, range, column matrix of positions,
// bit vector); columns by position, range, column matrix of positions, or
// label: F[, "a"] (a string scalar) or, beyond DAPHNE, a column matrix of
// labels. The result shares the column storage of F where the rows are a
// range, and copies the selected cells otherwise. Selecting no column gives
// an empty frame with no rows (runtime/data builds the row count of a frame
// from its columns), where DAPHNE keeps the row count.

// ExtractFrame returns F[rows, cols]; the forms and bounds are those of
// Extract, and a column bound may also be a label (a string scalar) or a
// column matrix of labels.
func ExtractFrame(f *data.Frame, rowForm string, rowBounds []data.Value, colForm string, colBounds []data.Value) (*data.Frame, error) {
	rs, err := axis{name: "row", count: f.Rows()}.parseAxis(rowForm, rowBounds)
	if err != nil {
		return nil, frameErr(err)
	}
	cs, err := frameCols(f, colForm, colBounds)
	if err != nil {
		return nil, err
	}
	return selectFrame(f, rs, cs)
}

// FilterFrame returns F[[rowBits, ]]: the rows whose entry in the 0/1
// column vector rowBits is 1 (nil: all rows).
func FilterFrame(f *data.Frame, rowBits data.Value) (*data.Frame, error) {
	rs := sel{hi: f.Rows()}
	if rowBits != nil {
		var err error
		if rs, err = (axis{name: "row", count: f.Rows()}).bits(rowBits); err != nil {
			return nil, frameErr(err)
		}
	}
	return selectFrame(f, rs, sel{hi: f.Cols()})
}

// frameCols reads the column selection of a frame: labels, or positions as
// for matrices.
func frameCols(f *data.Frame, form string, args []data.Value) (sel, error) {
	a := axis{name: "column", count: f.Cols()}
	for _, v := range args {
		if s, ok := v.(*data.Scalar); ok && s.VT == types.Str && form != formAt {
			return sel{}, fmt.Errorf("a range of frame columns must be given by positions, not by the label %q", s.S)
		}
	}
	if form == formAt {
		switch x := args[0].(type) {
		case *data.Scalar:
			if x.VT == types.Str {
				j, err := f.ColumnByLabel(x.S)
				if err != nil {
					return sel{}, err
				}
				return sel{lo: j, hi: j + 1}, nil
			}
		case *data.Dense[string]:
			return labelList(f, x)
		}
	}
	s, err := a.parseAxis(form, args)
	if err != nil {
		return sel{}, frameErr(err)
	}
	return s, nil
}

// labelList selects the columns named by a column matrix of labels.
func labelList(f *data.Frame, m *data.Dense[string]) (sel, error) {
	if m.Cols() != 1 {
		return sel{}, fmt.Errorf("column labels must be a column matrix (n x 1), got %s", data.Describe(m))
	}
	idx := make([]int, m.Rows())
	for i, l := range m.Data {
		j, err := f.ColumnByLabel(l)
		if err != nil {
			return sel{}, fmt.Errorf("%w (entry %d of the labels)", err, i)
		}
		idx[i] = j
	}
	return sel{list: true, idx: idx}, nil
}

// selectFrame builds the frame of the selected rows and columns of f.
func selectFrame(f *data.Frame, rs, cs sel) (*data.Frame, error) {
	cols := make([]data.Matrix, cs.len())
	labels := make([]string, cs.len())
	all := sel{lo: 0, hi: 1}
	for k := range cols {
		j := cs.at(k)
		col := f.Column(j)
		kern, err := kernelOf(col)
		if err != nil {
			return nil, fmt.Errorf("column %q: %w", f.Label(j), err)
		}
		cols[k] = kern.extract(col, rs, all)
		labels[k] = f.Label(j)
	}
	return data.NewFrameRows(rs.len(), cols, labels)
}

// frameErr rewords the bounds errors of the matrix kernels for a frame.
func frameErr(err error) error {
	return errors.New(strings.Replace(err.Error(), "for a matrix with", "for a frame with", 1))
}

// frameResult wraps a frame kernel's result for an op.
func frameResult(f *data.Frame, err error) ([]data.Value, error) {
	if err != nil {
		return nil, err
	}
	return []data.Value{f}, nil
}

// filterFrameOp runs filter on a frame: rows only, as in DAPHNE.
func filterFrameOp(f *data.Frame, rowBits, colBits data.Value) ([]data.Value, error) {
	if colBits != nil {
		return nil, fmt.Errorf("bit-vector indexing of a frame selects rows only: the columns of %s cannot be filtered", f.Header())
	}
	return frameResult(FilterFrame(f, rowBits))
}
