package index

import (
	"fmt"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
)

// Register adds the IR ops extract, filter, insert and matrixLit.
func Register(r *ops.Registry) {
	r.Register("extract", extractOp)
	r.Register("filter", filterOp)
	r.Register("insert", insertOp)
	r.Register("matrixLit", matrixLitOp)
}

// splitBounds checks the number of bound arguments against the "rows" and
// "cols" forms and splits them into row and column bounds.
func splitBounds(op string, bounds []data.Value, attrs map[string]string) (rowForm, colForm string, rb, cb []data.Value, err error) {
	rowForm, colForm = attrs["rows"], attrs["cols"]
	nr, err := formArity(rowForm)
	if err != nil {
		return "", "", nil, nil, fmt.Errorf("%s: rows: %w", op, err)
	}
	nc, err := formArity(colForm)
	if err != nil {
		return "", "", nil, nil, fmt.Errorf("%s: cols: %w", op, err)
	}
	if len(bounds) != nr+nc {
		return "", "", nil, nil, fmt.Errorf("%s: rows=%q cols=%q take %d bound arguments, got %d",
			op, rowForm, colForm, nr+nc, len(bounds))
	}
	return rowForm, colForm, bounds[:nr], bounds[nr:], nil
}

// indexedMatrix returns the indexed object as a matrix.
func indexedMatrix(v data.Value) (data.Matrix, error) {
	m, ok := v.(data.Matrix)
	if !ok {
		return nil, fmt.Errorf("cannot index %s: indexing needs a matrix", data.Describe(v))
	}
	return m, nil
}

func rowAxis(m data.Matrix) axis { return axis{name: "row", count: m.Rows()} }
func colAxis(m data.Matrix) axis { return axis{name: "column", count: m.Cols()} }

// Extract returns X[rows, cols] (right indexing). rowForm and colForm are
// the forms of builtin's "rows"/"cols" attributes; rowBounds and colBounds
// the matching bound arguments. The result is always a matrix; a dense row
// range over all columns and a CSR row selection stay in X's representation.
func Extract(x data.Matrix, rowForm string, rowBounds []data.Value, colForm string, colBounds []data.Value) (data.Matrix, error) {
	k, err := kernelOf(x)
	if err != nil {
		return nil, err
	}
	rs, err := rowAxis(x).parseAxis(rowForm, rowBounds)
	if err != nil {
		return nil, err
	}
	cs, err := colAxis(x).parseAxis(colForm, colBounds)
	if err != nil {
		return nil, err
	}
	return k.extract(x, rs, cs), nil
}

func extractOp(_ *ops.Ctx, args []data.Value, attrs map[string]string) ([]data.Value, error) {
	if len(args) < 1 {
		return nil, fmt.Errorf("extract: missing the indexed matrix")
	}
	rf, cf, rb, cb, err := splitBounds("extract", args[1:], attrs)
	if err != nil {
		return nil, err
	}
	if f, ok := args[0].(*data.Frame); ok {
		return frameResult(ExtractFrame(f, rf, rb, cf, cb))
	}
	x, err := indexedMatrix(args[0])
	if err != nil {
		return nil, err
	}
	res, err := Extract(x, rf, rb, cf, cb)
	if err != nil {
		return nil, err
	}
	return ops.Results(res), nil
}

// Filter returns X[[rowBits, colBits]]: the rows and columns whose entry in
// the 0/1 column vector is 1. A nil bit vector selects everything.
func Filter(x data.Matrix, rowBits, colBits data.Value) (data.Matrix, error) {
	k, err := kernelOf(x)
	if err != nil {
		return nil, err
	}
	rs, cs := sel{hi: x.Rows()}, sel{hi: x.Cols()}
	if rowBits != nil {
		if rs, err = rowAxis(x).bits(rowBits); err != nil {
			return nil, err
		}
	}
	if colBits != nil {
		if cs, err = colAxis(x).bits(colBits); err != nil {
			return nil, err
		}
	}
	return k.extract(x, rs, cs), nil
}

func filterOp(_ *ops.Ctx, args []data.Value, attrs map[string]string) ([]data.Value, error) {
	if len(args) < 1 {
		return nil, fmt.Errorf("filter: missing the filtered matrix")
	}
	rf, cf, rb, cb, err := splitBounds("filter", args[1:], attrs)
	if err != nil {
		return nil, err
	}
	for _, f := range []string{rf, cf} {
		if f != formAt && f != formAll && f != "" {
			return nil, fmt.Errorf("filter: index form %q is not a bit vector (want at or all)", f)
		}
	}
	var rowBits, colBits data.Value
	if len(rb) == 1 {
		rowBits = rb[0]
	}
	if len(cb) == 1 {
		colBits = cb[0]
	}
	if f, ok := args[0].(*data.Frame); ok {
		return filterFrameOp(f, rowBits, colBits)
	}
	x, err := indexedMatrix(args[0])
	if err != nil {
		return nil, err
	}
	res, err := Filter(x, rowBits, colBits)
	if err != nil {
		return nil, err
	}
	return ops.Results(res), nil
}

func insertOp(_ *ops.Ctx, args []data.Value, attrs map[string]string) ([]data.Value, error) {
	if len(args) < 2 {
		return nil, fmt.Errorf("insert: want the target matrix and the inserted value, got %d arguments", len(args))
	}
	rf, cf, rb, cb, err := splitBounds("insert", args[2:], attrs)
	if err != nil {
		return nil, err
	}
	x, ok := args[0].(data.Matrix)
	if !ok {
		return nil, fmt.Errorf("left indexing needs a matrix, got %s", data.Describe(args[0]))
	}
	res, err := Insert(x, args[1], rf, rb, cf, cb)
	if err != nil {
		return nil, err
	}
	return ops.Results(res), nil
}
