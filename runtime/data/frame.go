package data

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/daphne-go/daphne/types"
)

var _ Value = (*Frame)(nil)

// Frame is a columnar table: a list of equally long columns, each with its
// own value type and a label. Column j is a dense rows x 1 matrix (a
// *Dense[T]), so every matrix kernel works on a frame column without a copy.
//
// Frames are immutable once built: kernels make new frames and may share
// column matrices between frames, so no one may write into Column(j).
type Frame struct {
	rows   int
	cols   []Matrix
	labels []string
	index  map[string]int // label -> column position, built lazily
}

// DefaultLabels returns DAPHNE's default column labels col_0 ... col_{n-1}.
func DefaultLabels(n int) []string {
	l := make([]string, n)
	for i := range l {
		l[i] = "col_" + strconv.Itoa(i)
	}
	return l
}

// NewFrame builds a frame from column matrices and labels (nil labels means
// DefaultLabels). Every column must be a matrix with one column and the same
// number of rows as the others (CSR columns are densified), and labels must be
// unique. The column matrices are shared, not copied.
func NewFrame(cols []Matrix, labels []string) (*Frame, error) {
	if labels == nil {
		labels = DefaultLabels(len(cols))
	}
	if len(labels) != len(cols) {
		return nil, fmt.Errorf("frame: %d labels for %d columns", len(labels), len(cols))
	}
	f := &Frame{cols: make([]Matrix, len(cols)), labels: append([]string(nil), labels...)}
	for j, c := range cols {
		if c == nil {
			return nil, fmt.Errorf("frame: column %d is missing", j)
		}
		if c.Cols() != 1 {
			return nil, fmt.Errorf("frame: column %d (%q) must have exactly one column, got %s", j, labels[j], Describe(c))
		}
		if c.IsSparse() {
			d, err := ToDenseMatrix(c)
			if err != nil {
				return nil, fmt.Errorf("frame: column %d: %w", j, err)
			}
			c = d
		}
		if j == 0 {
			f.rows = c.Rows()
		} else if c.Rows() != f.rows {
			return nil, fmt.Errorf("frame: all columns must have the same number of rows, but column %d (%q) has %d and column 0 (%q) has %d",
				j, labels[j], c.Rows(), labels[0], f.rows)
		}
		f.cols[j] = c
	}
	seen := make(map[string]int, len(labels))
	for j, l := range f.labels {
		if k, dup := seen[l]; dup {
			return nil, fmt.Errorf("frame: column label %q is used twice (columns %d and %d)", l, k, j)
		}
		seen[l] = j
	}
	f.index = seen
	return f, nil
}

// NewFrameRows is NewFrame for a frame whose row count is given: it also
// builds frames without columns but with rows (DAPHNE's F[, 2:2] of a
// 10-row frame is a 10x0 frame). Columns, if any, must have rows rows.
func NewFrameRows(rows int, cols []Matrix, labels []string) (*Frame, error) {
	if rows < 0 {
		return nil, fmt.Errorf("frame: negative number of rows %d", rows)
	}
	f, err := NewFrame(cols, labels)
	if err != nil {
		return nil, err
	}
	if len(cols) == 0 {
		f.rows = rows
	} else if f.rows != rows {
		return nil, fmt.Errorf("frame: columns have %d rows, want %d", f.rows, rows)
	}
	return f, nil
}

// EmptyFrame returns a frame with the given schema and labels and no rows.
func EmptyFrame(schema []types.ValueType, labels []string) (*Frame, error) {
	cols := make([]Matrix, len(schema))
	for j, vt := range schema {
		c, err := NewDenseOf(vt, 0, 1)
		if err != nil {
			return nil, fmt.Errorf("frame: column %d: %w", j, err)
		}
		cols[j] = c
	}
	return NewFrame(cols, labels)
}

// DataType returns types.Frame.
func (f *Frame) DataType() types.DataType { return types.Frame }

// ValueType returns the value type shared by all columns, or types.Unknown
// when the columns differ (or there are none).
func (f *Frame) ValueType() types.ValueType {
	if len(f.cols) == 0 {
		return types.Unknown
	}
	vt := f.cols[0].ValueType()
	for _, c := range f.cols[1:] {
		if c.ValueType() != vt {
			return types.Unknown
		}
	}
	return vt
}

// Rows returns the number of rows.
func (f *Frame) Rows() int { return f.rows }

// Cols returns the number of columns.
func (f *Frame) Cols() int { return len(f.cols) }

// Column returns column j as a rows x 1 dense matrix. It must not be modified.
func (f *Frame) Column(j int) Matrix { return f.cols[j] }

// Columns returns the column matrices (a new slice; the matrices are shared).
func (f *Frame) Columns() []Matrix { return append([]Matrix(nil), f.cols...) }

// Label returns the label of column j.
func (f *Frame) Label(j int) string { return f.labels[j] }

// Labels returns a copy of the column labels.
func (f *Frame) Labels() []string { return append([]string(nil), f.labels...) }

// Schema returns the value type of every column.
func (f *Frame) Schema() []types.ValueType {
	s := make([]types.ValueType, len(f.cols))
	for j, c := range f.cols {
		s[j] = c.ValueType()
	}
	return s
}

// ColumnIndex returns the position of the column with the given label.
func (f *Frame) ColumnIndex(label string) (int, bool) {
	j, ok := f.index[label]
	return j, ok
}

// ColumnByLabel returns the position of a column, or an error that names the
// label and the labels the frame has.
func (f *Frame) ColumnByLabel(label string) (int, error) {
	if j, ok := f.index[label]; ok {
		return j, nil
	}
	return 0, fmt.Errorf("frame has no column labelled %q (its labels are %s)", label, quoteLabels(f.labels))
}

// WithLabels returns a frame with the same columns and new labels.
func (f *Frame) WithLabels(labels []string) (*Frame, error) {
	if len(labels) != len(f.cols) {
		return nil, fmt.Errorf("frame has %d columns but %d labels were given", len(f.cols), len(labels))
	}
	return NewFrame(f.cols, labels)
}

// Header returns the first line DAPHNE prints for the frame and what typeOf
// reports: "Frame(3x2, [a:int64_t, b:double])".
func (f *Frame) Header() string {
	b := make([]byte, 0, 32+16*len(f.cols))
	b = append(b, "Frame("...)
	b = strconv.AppendInt(b, int64(f.rows), 10)
	b = append(b, 'x')
	b = strconv.AppendInt(b, int64(len(f.cols)), 10)
	b = append(b, ", ["...)
	for j, c := range f.cols {
		if j > 0 {
			b = append(b, ", "...)
		}
		b = append(b, f.labels[j]...)
		b = append(b, ':')
		b = append(b, c.ValueType().CppName()...)
	}
	b = append(b, "])"...)
	return string(b)
}

func quoteLabels(ls []string) string {
	b := []byte{'['}
	for i, l := range ls {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = strconv.AppendQuote(b, l)
	}
	return string(append(b, ']'))
}

// NewDenseOf returns a zeroed rows x cols dense matrix of value type vt.
func NewDenseOf(vt types.ValueType, rows, cols int) (Matrix, error) {
	if rows < 0 || cols < 0 {
		return nil, fmt.Errorf("negative dimensions %dx%d", rows, cols)
	}
	switch vt {
	case types.F64:
		return NewDense[float64](rows, cols), nil
	case types.F32:
		return NewDense[float32](rows, cols), nil
	case types.SI64:
		return NewDense[int64](rows, cols), nil
	case types.SI32:
		return NewDense[int32](rows, cols), nil
	case types.SI8:
		return NewDense[int8](rows, cols), nil
	case types.UI64, types.Size:
		return NewDenseVT[uint64](vt, rows, cols), nil
	case types.UI32:
		return NewDense[uint32](rows, cols), nil
	case types.UI8:
		return NewDense[uint8](rows, cols), nil
	case types.Bool:
		return NewDense[bool](rows, cols), nil
	case types.Str:
		return NewDense[string](rows, cols), nil
	}
	return nil, fmt.Errorf("no matrix of value type %v", vt)
}

// ErrFrameUnsupported is returned by the few operations that do not take
// frames yet.
var ErrFrameUnsupported = errors.New("frames are not supported here yet")
