package reorg

import (
	"bytes"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
	"github.com/daphne-go/daphne/types"
)

// frameOf builds a frame from columns and labels, failing the test on error.
func frameOf(t *testing.T, labels []string, cols ...data.Matrix) *data.Frame {
	t.Helper()
	f, err := data.NewFrame(cols, labels)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func col[T data.Elem](vals ...T) data.Matrix { return data.DenseFrom(len(vals), 1, vals) }

// printed renders a value in DAPHNE's print format.
func printed(t *testing.T, v data.Value) string {
	t.Helper()
	var b bytes.Buffer
	if err := data.Print(&b, v, true); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// allTypes is a frame of two rows with a column of every value type,
// labelled by prefix + the type's name.
func allTypes(t *testing.T, prefix string, shift int) *data.Frame {
	t.Helper()
	s := func(v int) int { return v + shift }
	return frameOf(t, []string{prefix + "f64", prefix + "f32", prefix + "si64", prefix + "si32", prefix + "si8",
		prefix + "ui64", prefix + "sz", prefix + "ui32", prefix + "ui8", prefix + "b", prefix + "s"},
		col(float64(s(1))+0.5, -2), col(float32(s(3)), 4), col(int64(s(5)), -6), col(int32(s(7)), 8), col(int8(s(9)), -10),
		col(uint64(s(11)), 12), data.DenseFromVT(types.Size, 2, 1, []uint64{uint64(s(13)), 14}), col(uint32(s(15)), 16),
		col(uint8(s(17)), 18), col(shift == 0, true), col("a"+strings.Repeat("!", shift), "b"))
}

// check compares a result's print, or an error ("error: substring").
func checkValue(t *testing.T, res data.Value, err error, want string) {
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
	if got := printed(t, res); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestCbindFrames(t *testing.T) {
	t.Parallel()
	ab := frameOf(t, []string{"a", "b"}, col[int64](1, 2), col(0.5, 1.5))
	tests := []struct {
		name string
		a, b *data.Frame
		want string
	}{
		{"two", ab, frameOf(t, []string{"c"}, col("x", "y")), "Frame(2x3, [a:int64_t, b:double, c:std::string])\n1 0.5 x\n2 1.5 y\n"},
		{"every type", allTypes(t, "l.", 0), allTypes(t, "r.", 1),
			"Frame(2x22, [l.f64:double, l.f32:float, l.si64:int64_t, l.si32:int32_t, l.si8:int8_t, l.ui64:uint64_t, l.sz:uint64_t, l.ui32:uint32_t, l.ui8:uint8_t, l.b:bool, l.s:std::string, " +
				"r.f64:double, r.f32:float, r.si64:int64_t, r.si32:int32_t, r.si8:int8_t, r.ui64:uint64_t, r.sz:uint64_t, r.ui32:uint32_t, r.ui8:uint8_t, r.b:bool, r.s:std::string])\n" +
				"1.5 3 5 7 9 11 13 15 17 1 a 2.5 4 6 8 10 12 14 16 18 0 a!\n" +
				"-2 4 -6 8 -10 12 14 16 18 1 b -2 4 -6 8 -10 12 14 16 18 1 b\n"},
		{"empty rows", frameOf(t, []string{"a"}, col[int64]()), frameOf(t, []string{"s"}, col[string]()), "Frame(0x2, [a:int64_t, s:std::string])\n"},
		{"no columns right", frameOf(t, []string{"a"}, col[int64]()), frameOf(t, nil), "Frame(0x1, [a:int64_t])\n"},
		{"rows without columns", rowsOnly(t, 3), rowsOnly(t, 3), "Frame(3x0, [])\n\n\n\n"}, // an empty line per row
		{"duplicate", ab, frameOf(t, []string{"b"}, col[int64](1, 2)), `error: column label "b" is in both frames (column 1 of the first and 0 of the second)`},
		{"rows", ab, frameOf(t, []string{"c"}, col[int64](1)), "error: cbind: both frames must have the same number of rows, got Frame(2x2, [a:int64_t, b:double]) and Frame(1x1, [c:int64_t])"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res, err := CbindFrames(tc.a, tc.b)
			checkValue(t, res, err, tc.want)
		})
	}
}

func TestRbindFrames(t *testing.T) {
	t.Parallel()
	ab := frameOf(t, []string{"a", "b"}, col[int64](1, 2), col("x", "y"))
	tests := []struct {
		name string
		a, b *data.Frame
		want string
	}{
		{"two", ab, frameOf(t, []string{"a", "b"}, col[int64](3), col("z")), "Frame(3x2, [a:int64_t, b:std::string])\n1 x\n2 y\n3 z\n"},
		{"every type", allTypes(t, "", 0), allTypes(t, "", 1),
			"Frame(4x11, [f64:double, f32:float, si64:int64_t, si32:int32_t, si8:int8_t, ui64:uint64_t, sz:uint64_t, ui32:uint32_t, ui8:uint8_t, b:bool, s:std::string])\n" +
				"1.5 3 5 7 9 11 13 15 17 1 a\n-2 4 -6 8 -10 12 14 16 18 1 b\n" +
				"2.5 4 6 8 10 12 14 16 18 0 a!\n-2 4 -6 8 -10 12 14 16 18 1 b\n"},
		{"empty below", ab, frameOf(t, []string{"a", "b"}, col[int64](), col[string]()), "Frame(2x2, [a:int64_t, b:std::string])\n1 x\n2 y\n"},
		{"both empty", frameOf(t, []string{"a"}, col[float64]()), frameOf(t, []string{"a"}, col[float64]()), "Frame(0x1, [a:double])\n"},
		{"rows without columns", rowsOnly(t, 3), rowsOnly(t, 2), "Frame(5x0, [])\n" + strings.Repeat("\n", 5)},
		{"columns", ab, frameOf(t, []string{"a"}, col[int64](1)), "error: rbind: both frames must have the same number of columns"},
		{"schema", ab, frameOf(t, []string{"a", "b"}, col(1.0), col("z")), `error: same schema, but column 0 ("a") is int64_t in the first and double in the second`},
		{"labels", ab, frameOf(t, []string{"a", "c"}, col[int64](3), col("z")), `error: same column labels, but column 1 is "b" in the first and "c" in the second`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res, err := RbindFrames(tc.a, tc.b)
			checkValue(t, res, err, tc.want)
		})
	}
}

func TestBindOps(t *testing.T) {
	t.Parallel()
	r := ops.NewRegistry()
	Register(r)
	f := frameOf(t, []string{"a"}, col[int64](1))
	m := data.DenseFrom(1, 1, []int64{2})
	for _, name := range []string{"cbind", "rbind"} {
		op, _ := r.Lookup(name)
		if _, err := op(nil, []data.Value{f, m}, nil); err == nil || !strings.Contains(err.Error(), "both arguments must be frames or both matrices") {
			t.Errorf("%s(frame, matrix): %v", name, err)
		}
		res, err := op(nil, []data.Value{m, m}, nil)
		if err != nil || res[0].(data.Matrix).Cols()*res[0].(data.Matrix).Rows() != 2 {
			t.Errorf("%s of matrices: %v %v", name, res, err)
		}
	}
	op, _ := r.Lookup("cbind")
	res, err := op(nil, []data.Value{f, frameOf(t, []string{"b"}, col("s"))}, nil)
	checkValue(t, res[0], err, "Frame(1x2, [a:int64_t, b:std::string])\n1 s\n")
}

// rowsOnly is a frame of n rows and no columns (DAPHNE's F[, 2:2] of a
// 2-column frame).
func rowsOnly(t *testing.T, n int) *data.Frame {
	t.Helper()
	f, err := data.NewFrameRows(n, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	return f
}
