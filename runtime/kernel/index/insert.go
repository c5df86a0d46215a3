package index

import (
	"fmt"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// Insert implements left indexing X[rows, cols] = Y and returns a NEW
// matrix: X is never modified (values are shared between variables, so
// assignment is copy-on-write).
//
// Rows and columns are addressed by scalar positions or ranges (forms all,
// at with a scalar, lo:hi, lo:, :hi, :), with the same negative-position
// rule as Extract (as current DAPHNE; older versions did not count negative
// positions from the end in left indexing). Y must be a matrix of exactly the
// addressed shape; as a superset of DAPHNE a scalar Y is accepted for a
// single cell, and Y's value type is converted to X's when both are
// numbers (C static_cast: floats truncate) or when X holds strings (numbers
// are formatted with std::to_string). DAPHNE requires equal value types
// (issue #624). Strings are never converted to numbers.
//
// A CSR X gives a CSR result (built by densifying, inserting and
// compressing again: O(rows*cols)).
func Insert(x data.Matrix, y data.Value, rowForm string, rowBounds []data.Value, colForm string, colBounds []data.Value) (data.Matrix, error) {
	k, err := kernelOf(x)
	if err != nil {
		return nil, err
	}
	rs, err := rowAxis(x).insertAxis(rowForm, rowBounds)
	if err != nil {
		return nil, err
	}
	cs, err := colAxis(x).insertAxis(colForm, colBounds)
	if err != nil {
		return nil, err
	}
	ym, err := insertedMatrix(k, x, y, rs.len(), cs.len())
	if err != nil {
		return nil, err
	}
	return k.insert(x, ym, rs, cs), nil
}

// insertAxis reads the bounds of one axis for left indexing: scalar
// positions and ranges only.
func (a axis) insertAxis(form string, args []data.Value) (sel, error) {
	switch form {
	case formAll, formColonly, "":
		return sel{lo: 0, hi: a.count}, nil
	case formAt:
		if m, ok := args[0].(data.Matrix); ok {
			return sel{}, fmt.Errorf("left indexing with a matrix of %s positions (%s) is not supported: use a scalar position or a range",
				a.name, data.Describe(m))
		}
		p, err := a.position(args[0], "position")
		if err != nil {
			return sel{}, err
		}
		return a.single(p)
	}
	lo, hi, err := a.rangeBounds(form, args)
	if err != nil {
		return sel{}, err
	}
	alo, ahi := a.adjust(lo, hi)
	return a.insertRange(alo, ahi, lo, hi)
}

// insertedMatrix checks Y against the addressed shape and returns it with
// X's value type.
func insertedMatrix(k kernel, x data.Matrix, y data.Value, rows, cols int) (data.Matrix, error) {
	xvt := x.ValueType()
	switch v := y.(type) {
	case *data.Scalar:
		if rows != 1 || cols != 1 {
			return nil, fmt.Errorf("cannot insert scalar %s into a %dx%d region of %s: a scalar fills exactly one cell",
				v.VT, rows, cols, data.Describe(x))
		}
		if err := checkConvertible(v.VT, xvt); err != nil {
			return nil, err
		}
		s, err := data.ConvertScalar(v, xvt)
		if err != nil {
			return nil, err
		}
		return k.fromScalars([]*data.Scalar{s}, 1, 1), nil
	case data.Matrix:
		if v.Rows() != rows || v.Cols() != cols {
			return nil, fmt.Errorf("cannot insert %s into a %dx%d region of %s: the shapes must be equal",
				data.Describe(v), rows, cols, data.Describe(x))
		}
		if v.ValueType() == xvt {
			return v, nil
		}
		if err := checkConvertible(v.ValueType(), xvt); err != nil {
			return nil, err
		}
		return data.ConvertMatrix(v, xvt)
	}
	return nil, fmt.Errorf("cannot insert %s into %s: want a matrix (or a scalar for one cell)",
		data.Describe(y), data.Describe(x))
}

// checkConvertible rejects inserting strings into a non-string matrix.
func checkConvertible(from, to types.ValueType) error {
	if from == types.Str && to != types.Str {
		return fmt.Errorf("cannot insert str values into a matrix of %s: use an explicit cast", to)
	}
	return nil
}
