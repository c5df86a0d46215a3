package frame

import (
	"bytes"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// render prints v in DAPHNE's format.
func render(t *testing.T, v data.Value) string {
	t.Helper()
	var b bytes.Buffer
	if err := data.Print(&b, v, true); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// everyTypeCols returns one 2 x 1 column of every value type and the
// expected print of a frame of them (labels col_0...).
func everyTypeCols() []data.Matrix {
	return []data.Matrix{
		data.DenseFrom(2, 1, []float64{1.5, -2}),
		data.DenseFrom(2, 1, []float32{0.25, 3}),
		data.DenseFrom(2, 1, []int64{-7, 8}),
		data.DenseFrom(2, 1, []int32{9, -10}),
		data.DenseFrom(2, 1, []int8{-1, 2}),
		data.DenseFrom(2, 1, []uint64{11, 12}),
		data.DenseFromVT(types.Size, 2, 1, []uint64{13, 14}),
		data.DenseFrom(2, 1, []uint32{15, 16}),
		data.DenseFrom(2, 1, []uint8{17, 18}),
		data.DenseFrom(2, 1, []bool{true, false}),
		data.DenseFrom(2, 1, []string{"x y", ""}),
	}
}

const everyTypePrint = "Frame(2x11, [col_0:double, col_1:float, col_2:int64_t, col_3:int32_t, col_4:int8_t, col_5:uint64_t, col_6:uint64_t, col_7:uint32_t, col_8:uint8_t, col_9:bool, col_10:std::string])\n" +
	"1.5 0.25 -7 9 -1 11 13 15 17 1 x y\n" +
	"-2 3 8 -10 2 12 14 16 18 0 \n"

func TestCreate(t *testing.T) {
	t.Parallel()
	col := func(v ...int64) data.Matrix { return data.DenseFrom(len(v), 1, v) }
	tests := []struct {
		name   string
		cols   []data.Matrix
		labels []string
		want   string // print, or the error substring when err is set
		err    bool
	}{
		{"every value type", everyTypeCols(), nil, everyTypePrint, false},
		{"labels", []data.Matrix{col(1, 2), data.DenseFrom(2, 1, []float64{1.5, 2.5})}, []string{"a", "b"},
			"Frame(2x2, [a:int64_t, b:double])\n1 1.5\n2 2.5\n", false},
		{"empty rows", []data.Matrix{col(), data.NewDense[string](0, 1)}, []string{"a", "s"},
			"Frame(0x2, [a:int64_t, s:std::string])\n", false},
		{"csr column densified", []data.Matrix{data.DenseToCSR(data.DenseFrom(3, 1, []float64{0, 2, 0}))}, nil,
			"Frame(3x1, [col_0:double])\n0\n2\n0\n", false},
		{"no columns", nil, nil, "at least one column matrix", true},
		{"label count", []data.Matrix{col(1), col(2)}, []string{"a"}, "either no column labels or as many labels as columns, got 2 columns and 1 labels", true},
		{"duplicate label", []data.Matrix{col(1), col(2)}, []string{"a", "a"}, `column label "a" is used twice`, true},
		{"two columns", []data.Matrix{data.DenseFrom(1, 2, []int64{1, 2})}, nil, "column 0 must be a matrix with one column, got DenseMatrix(1x2, int64_t)", true},
		{"ragged", []data.Matrix{col(1, 2), col(3)}, []string{"a", "b"}, `column 1 ("b") has 1 and column 0 ("a") has 2`, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f, err := Create(tc.cols, tc.labels)
			if tc.err {
				if err == nil || !strings.Contains(err.Error(), tc.want) {
					t.Fatalf("error %v, want one containing %q", err, tc.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := render(t, f); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

func TestCreateSharesColumns(t *testing.T) {
	t.Parallel()
	c := data.DenseFrom(2, 1, []int64{1, 2})
	f, err := Create([]data.Matrix{c}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if f.Column(0) != data.Matrix(c) {
		t.Errorf("column was copied; frames share their column matrices")
	}
}

func TestPrefixLabel(t *testing.T) {
	t.Parallel()
	tests := []struct{ prefix, label, want string }{
		{"p", "a", "p.a"},
		{"p", "q.a", "p.a"},
		{"p", "q.r.a", "p.r.a"},
		{"p", ".a", "p.a"},
		{"", "a", ".a"},
		{"p", "a.", "p."},
		{"p.q", "a", "p.q.a"},
	}
	for _, tc := range tests {
		t.Run(tc.prefix+"|"+tc.label, func(t *testing.T) {
			t.Parallel()
			if got := PrefixLabel(tc.prefix, tc.label); got != tc.want {
				t.Errorf("PrefixLabel(%q, %q) = %q, want %q", tc.prefix, tc.label, got, tc.want)
			}
		})
	}
}

func mustFrame(t *testing.T, labels ...string) *data.Frame {
	t.Helper()
	cols := make([]data.Matrix, len(labels))
	for j := range cols {
		cols[j] = data.DenseFrom(1, 1, []int64{int64(j)})
	}
	f, err := data.NewFrame(cols, labels)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestSetColLabels(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		in     []string
		labels []string
		want   string
	}{
		{"rename", []string{"a", "b"}, []string{"x", "y"}, "Frame(1x2, [x:int64_t, y:int64_t])\n0 1\n"},
		{"swap", []string{"a", "b"}, []string{"b", "a"}, "Frame(1x2, [b:int64_t, a:int64_t])\n0 1\n"},
		{"too few", []string{"a", "b"}, []string{"x"}, "error: the frame has 2 columns but 1 labels were given"},
		{"too many", []string{"a"}, []string{"x", "y"}, "error: the frame has 1 columns but 2 labels were given"},
		{"duplicate", []string{"a", "b"}, []string{"x", "x"}, `error: setColLabels: frame: column label "x" is used twice`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			in := mustFrame(t, tc.in...)
			res, err := SetColLabels(in, tc.labels)
			check(t, res, err, tc.want)
			if got := strings.Join(in.Labels(), ","); got != strings.Join(tc.in, ",") {
				t.Errorf("input labels changed to %s", got)
			}
		})
	}
}

func TestSetColLabelsPrefix(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		in     []string
		prefix string
		want   string
	}{
		{"plain", []string{"a", "b"}, "t", "Frame(1x2, [t.a:int64_t, t.b:int64_t])\n0 1\n"},
		{"replace", []string{"s.a", "b"}, "t", "Frame(1x2, [t.a:int64_t, t.b:int64_t])\n0 1\n"},
		{"collision", []string{"s.a", "u.a"}, "t", `error: setColLabelsPrefix: frame: column label "t.a" is used twice`},
		{"no columns", nil, "t", "Frame(0x0, [])\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res, err := SetColLabelsPrefix(mustFrame(t, tc.in...), tc.prefix)
			check(t, res, err, tc.want)
		})
	}
}

// check compares a result frame's print, or an error ("error: substring").
func check(t *testing.T, res *data.Frame, err error, want string) {
	t.Helper()
	if msg, isErr := strings.CutPrefix(want, "error: "); isErr {
		if err == nil || !strings.Contains(err.Error(), msg) {
			t.Fatalf("error %v, want one containing %q", err, msg)
		}
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	if got := render(t, res); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestLabelsKeepRowsWithoutColumns: relabelling a frame of rows without
// columns keeps its rows (found by the opset shape property test).
func TestLabelsKeepRowsWithoutColumns(t *testing.T) {
	t.Parallel()
	in, err := data.NewFrameRows(3, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		run  func() (*data.Frame, error)
	}{
		{"setColLabels", func() (*data.Frame, error) { return SetColLabels(in, nil) }},
		{"setColLabelsPrefix", func() (*data.Frame, error) { return SetColLabelsPrefix(in, "p") }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res, err := tc.run()
			check(t, res, err, "Frame(3x0, [])\n\n\n\n") // an empty line per row
		})
	}
}
