package index

import (
	"bytes"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// printFrame renders a frame in DAPHNE's print format.
func printFrame(t *testing.T, f *data.Frame) string {
	t.Helper()
	var b bytes.Buffer
	if err := data.Print(&b, f, true); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// typesFrame is a 3-row frame with a column of every value type.
func typesFrame(t *testing.T) *data.Frame {
	t.Helper()
	f, err := data.NewFrame([]data.Matrix{
		data.DenseFrom(3, 1, []float64{0.5, 1.5, 2.5}),
		data.DenseFrom(3, 1, []float32{3, 4, 5}),
		data.DenseFrom(3, 1, []int64{-1, -2, -3}),
		data.DenseFrom(3, 1, []int32{6, 7, 8}),
		data.DenseFrom(3, 1, []int8{9, 10, 11}),
		data.DenseFrom(3, 1, []uint64{12, 13, 14}),
		data.DenseFromVT(types.Size, 3, 1, []uint64{15, 16, 17}),
		data.DenseFrom(3, 1, []uint32{18, 19, 20}),
		data.DenseFrom(3, 1, []uint8{21, 22, 23}),
		data.DenseFrom(3, 1, []bool{true, false, true}),
		data.DenseFrom(3, 1, []string{"x", "y", "z"}),
	}, []string{"f64", "f32", "si64", "si32", "si8", "ui64", "sz", "ui32", "ui8", "b", "s"})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

const typesHeader = "[f64:double, f32:float, si64:int64_t, si32:int32_t, si8:int8_t, ui64:uint64_t, sz:uint64_t, ui32:uint32_t, ui8:uint8_t, b:bool, s:std::string]"

func str(s string) data.Value { return data.Str(s) }

func strCol(vals ...string) data.Value { return data.DenseFrom(len(vals), 1, vals) }

func TestExtractFrame(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		rowForm   string
		rowBounds []data.Value
		colForm   string
		colBounds []data.Value
		want      string // print, or "error: substring"
	}{
		{"all", "all", nil, "all", nil, "Frame(3x11, " + typesHeader + ")\n" +
			"0.5 3 -1 6 9 12 15 18 21 1 x\n1.5 4 -2 7 10 13 16 19 22 0 y\n2.5 5 -3 8 11 14 17 20 23 1 z\n"},
		{"one row every type", "at", []data.Value{data.SI64(1)}, "all", nil,
			"Frame(1x11, " + typesHeader + ")\n1.5 4 -2 7 10 13 16 19 22 0 y\n"},
		{"last row negative", "at", []data.Value{data.SI64(-1)}, ":", nil,
			"Frame(1x11, " + typesHeader + ")\n2.5 5 -3 8 11 14 17 20 23 1 z\n"},
		{"label", "all", nil, "at", []data.Value{str("s")}, "Frame(3x1, [s:std::string])\nx\ny\nz\n"},
		{"cell by label", "at", []data.Value{data.F64(2.9)}, "at", []data.Value{str("sz")}, "Frame(1x1, [sz:uint64_t])\n17\n"},
		{"range and label", "lo:hi", []data.Value{data.SI64(1), data.SI64(3)}, "at", []data.Value{str("si8")},
			"Frame(2x1, [si8:int8_t])\n10\n11\n"},
		{"column range", "all", nil, "lo:hi", []data.Value{data.SI64(8), data.SI64(11)},
			"Frame(3x3, [ui8:uint8_t, b:bool, s:std::string])\n21 1 x\n22 0 y\n23 1 z\n"},
		{"column positions", ":hi", []data.Value{data.SI64(2)}, "at", []data.Value{colVec(10, 0)},
			"Frame(2x2, [s:std::string, f64:double])\nx 0.5\ny 1.5\n"},
		{"row positions", "at", []data.Value{colVec(2, 0, 2)}, "at", []data.Value{str("f32")},
			"Frame(3x1, [f32:float])\n5\n3\n5\n"},
		{"label list", "lo:", []data.Value{data.SI64(2)}, "at", []data.Value{strCol("b", "ui32")},
			"Frame(1x2, [b:bool, ui32:uint32_t])\n1 20\n"},
		{"empty row range", "lo:hi", []data.Value{data.SI64(1), data.SI64(1)}, "at", []data.Value{colVec(0, 10)},
			"Frame(0x2, [f64:double, s:std::string])\n"},
		{"empty row list", "at", []data.Value{data.NewDense[int64](0, 1)}, "at", []data.Value{str("ui64")},
			"Frame(0x1, [ui64:uint64_t])\n"},
		{"no column", "all", nil, "lo:hi", []data.Value{data.SI64(2), data.SI64(2)}, "Frame(3x0, [])\n\n\n\n"},
		{"unknown label", "all", nil, "at", []data.Value{str("nope")},
			`error: frame has no column labelled "nope" (its labels are ["f64", "f32", "si64", "si32", "si8", "ui64", "sz", "ui32", "ui8", "b", "s"])`},
		{"unknown label in list", "all", nil, "at", []data.Value{strCol("s", "q")}, `error: no column labelled "q"`},
		{"label range", "all", nil, "lo:hi", []data.Value{str("a"), data.SI64(2)}, `error: a range of frame columns must be given by positions, not by the label "a"`},
		{"row out of bounds", "at", []data.Value{data.SI64(3)}, "all", nil, "error: row position 3 is out of bounds for a frame with 3 rows"},
		{"column out of bounds", "all", nil, "at", []data.Value{data.SI64(11)}, "error: column position 11 is out of bounds for a frame with 11 columns"},
		{"row label", "at", []data.Value{str("s")}, "all", nil, `error: cannot index rows by label "s"`},
		{"duplicate column", "all", nil, "at", []data.Value{colVec(0, 0)}, `error: column label "f64" is used twice`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res, err := ExtractFrame(typesFrame(t), tc.rowForm, tc.rowBounds, tc.colForm, tc.colBounds)
			checkFrame(t, res, err, tc.want)
		})
	}
}

func TestFilterFrame(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		bits data.Value
		want string
	}{
		{"some", colVec(1, 0, 1), "Frame(2x11, " + typesHeader + ")\n0.5 3 -1 6 9 12 15 18 21 1 x\n2.5 5 -3 8 11 14 17 20 23 1 z\n"},
		{"none", data.DenseFrom(3, 1, []float64{0, 0, 0}), "Frame(0x11, " + typesHeader + ")\n"},
		{"nil is all", nil, "Frame(3x11, " + typesHeader + ")\n" +
			"0.5 3 -1 6 9 12 15 18 21 1 x\n1.5 4 -2 7 10 13 16 19 22 0 y\n2.5 5 -3 8 11 14 17 20 23 1 z\n"},
		{"wrong length", colVec(1, 0), "error: row filter must be a column matrix of 3 0/1 values"},
		{"not 0/1", colVec(1, 2, 0), "error: row filter must hold only 0 and 1, got 2 at position 1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res, err := FilterFrame(typesFrame(t), tc.bits)
			checkFrame(t, res, err, tc.want)
		})
	}
}

func TestFrameOps(t *testing.T) {
	t.Parallel()
	f := typesFrame(t)
	res, err := extractOp(nil, []data.Value{f, data.SI64(0), str("b")}, map[string]string{"rows": "at", "cols": "at"})
	if err != nil || printFrame(t, res[0].(*data.Frame)) != "Frame(1x1, [b:bool])\n1\n" {
		t.Errorf("extract op: %v %v", res, err)
	}
	_, err = filterOp(nil, []data.Value{f, colVec(1, 1, 1), colVec(1)}, map[string]string{"rows": "at", "cols": "at"})
	if err == nil || !strings.Contains(err.Error(), "selects rows only") {
		t.Errorf("filter op on frame columns: %v", err)
	}
	res, err = filterOp(nil, []data.Value{f, colVec(0, 1, 0)}, map[string]string{"rows": "at", "cols": "all"})
	if err != nil || res[0].(*data.Frame).Rows() != 1 {
		t.Errorf("filter op rows: %v %v", res, err)
	}
}

func TestExtractFrameSharesRowRanges(t *testing.T) {
	t.Parallel()
	f := typesFrame(t)
	res, err := ExtractFrame(f, "lo:hi", []data.Value{data.SI64(0), data.SI64(2)}, "at", []data.Value{str("si64")})
	if err != nil {
		t.Fatal(err)
	}
	got := res.Column(0).(*data.Dense[int64]).Data
	want := f.Column(2).(*data.Dense[int64]).Data
	if &got[0] != &want[0] {
		t.Errorf("a row range of a frame column was copied, want a shared view")
	}
}

// checkFrame compares a result frame's print, or an error ("error: substring").
func checkFrame(t *testing.T, res *data.Frame, err error, want string) {
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
	if got := printFrame(t, res); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// FuzzExtractFrame checks that random bounds never panic on a frame: the
// extraction fails exactly when the matrix model of the bounds says so, and
// otherwise has the model's shape and cells.
func FuzzExtractFrame(f *testing.F) {
	f.Add(uint8(3), uint8(4), uint8(1), uint8(0), int64(1), int64(2), int64(0), int64(0), false)
	f.Add(uint8(3), uint8(4), uint8(2), uint8(2), int64(-2), int64(0), int64(1), int64(3), true)
	f.Add(uint8(0), uint8(2), uint8(5), uint8(6), int64(0), int64(0), int64(-1), int64(5), false)
	f.Add(uint8(5), uint8(1), uint8(3), uint8(4), int64(5), int64(5), int64(-9), int64(-1), true)
	f.Fuzz(func(t *testing.T, nr, nc, rf, cf uint8, a, b, c, d int64, frac bool) {
		rows, cols := int(nr%7), 1+int(nc%6)
		rowForm, rargs, ta, tb := fuzzBounds(fuzzForms[int(rf)%len(fuzzForms)], a, b, frac)
		colForm, cargs, tc, td := fuzzBounds(fuzzForms[int(cf)%len(fuzzForms)], c, d, frac)
		rsel, rok := refAxis(fuzzForms[int(rf)%len(fuzzForms)], ta, tb, rows)
		csel, cok := refAxis(fuzzForms[int(cf)%len(fuzzForms)], tc, td, cols)
		x := seqMat(rows, cols)
		fr, err := data.MatrixToFrame(x, nil)
		if err != nil {
			t.Fatal(err)
		}
		res, err := ExtractFrame(fr, rowForm, rargs, colForm, cargs)
		// Positions naming one column twice would repeat its label.
		dupCols := cok && len(csel) == 2 && csel[0] == csel[1]
		if !rok || !cok || dupCols {
			if err == nil {
				t.Fatalf("[%s %v, %s %v]: want an error, got %s", rowForm, rargs, colForm, cargs, res.Header())
			}
			return
		}
		if err != nil {
			t.Fatalf("[%s %v, %s %v]: unexpected error %v", rowForm, rargs, colForm, cargs, err)
		}
		// A frame without columns keeps its rows (DAPHNE's 10x0 frames).
		if res.Rows() != len(rsel) || res.Cols() != len(csel) {
			t.Fatalf("got %s, want %dx%d", res.Header(), len(rsel), len(csel))
		}
		for j, cc := range csel {
			col := res.Column(j).(*data.Dense[int64])
			for i, r := range rsel {
				if col.At(i, 0) != x.At(r, cc) {
					t.Fatalf("cell (%d,%d) = %d, want X[%d,%d] = %d", i, j, col.At(i, 0), r, cc, x.At(r, cc))
				}
			}
		}
	})
}

func TestExtractFrameEmpty(t *testing.T) {
	t.Parallel()
	empty, err := data.EmptyFrame([]types.ValueType{types.F64, types.Str, types.UI8}, []string{"x", "s", "u"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		rowForm   string
		rowBounds []data.Value
		colForm   string
		colBounds []data.Value
		want      string
	}{
		{"all", "all", nil, "all", nil, "Frame(0x3, [x:double, s:std::string, u:uint8_t])\n"},
		{"label", "all", nil, "at", []data.Value{str("s")}, "Frame(0x1, [s:std::string])\n"},
		{"column range", ":", nil, "lo:", []data.Value{data.SI64(1)}, "Frame(0x2, [s:std::string, u:uint8_t])\n"},
		{"no positions", "at", []data.Value{data.NewDense[int64](0, 1)}, "at", []data.Value{colVec(2)}, "Frame(0x1, [u:uint8_t])\n"},
		{"row position", "at", []data.Value{data.SI64(0)}, "all", nil, "error: row position 0 is out of bounds for a frame with 0 rows"},
		{"row range", "lo:hi", []data.Value{data.SI64(0), data.SI64(0)}, "all", nil, "error: row range 0:0 is out of bounds for a frame with 0 rows"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res, err := ExtractFrame(empty, tc.rowForm, tc.rowBounds, tc.colForm, tc.colBounds)
			checkFrame(t, res, err, tc.want)
		})
	}
	res, err := FilterFrame(empty, data.NewDense[float64](0, 1))
	checkFrame(t, res, err, "Frame(0x3, [x:double, s:std::string, u:uint8_t])\n")
}
