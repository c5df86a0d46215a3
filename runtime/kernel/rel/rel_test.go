package rel

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
)

// Fixtures: customers (c.id, c.name) and orders (o.cid, o.amt).
func customers(t testing.TB) *data.Frame {
	return mkFrame(t, []string{"c.id", "c.name"}, col[int64](1, 2, 3), col("ann", "bob", "cy"))
}

func orders(t testing.TB) *data.Frame {
	return mkFrame(t, []string{"o.cid", "o.amt"}, col[int64](2, 1, 2, 4), col(10.5, 3, 4.5, 7))
}

func setA(t testing.TB) *data.Frame {
	return mkFrame(t, []string{"a", "b"}, col[int64](1, 2, 2, 3, 1), col("u", "v", "v", "w", "u"))
}

func setB(t testing.TB) *data.Frame {
	return mkFrame(t, []string{"c", "d"}, col[int64](2, 3, 1, 1), col("v", "x", "u", "u"))
}

func TestJoins(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, o := customers(t), orders(t)
	on := func(s string) []string { return []string{s} }
	tests := []struct {
		name string
		run  func() (data.Value, error)
		want string
	}{
		{"inner", func() (data.Value, error) { return InnerJoin(ctx, c, o, "c.id", "o.cid", Options{}) }, lines(
			"Frame(3x4, [c.id:int64_t, c.name:std::string, o.cid:int64_t, o.amt:double])",
			"1 ann 1 3", "2 bob 2 10.5", "2 bob 2 4.5")},
		{"inner reversed", func() (data.Value, error) { return InnerJoin(ctx, o, c, "o.cid", "c.id", Options{}) }, lines(
			"Frame(3x4, [o.cid:int64_t, o.amt:double, c.id:int64_t, c.name:std::string])",
			"2 10.5 2 bob", "1 3 1 ann", "2 4.5 2 bob")},
		{"left outer", func() (data.Value, error) { return LeftOuterJoin(ctx, c, o, on("c.id"), on("o.cid"), Options{}) }, lines(
			"Frame(4x4, [c.id:int64_t, c.name:std::string, o.cid:int64_t, o.amt:double])",
			"1 ann 1 3", "2 bob 2 10.5", "2 bob 2 4.5", "3 cy 0 nan")},
		{"full outer", func() (data.Value, error) { return FullOuterJoin(ctx, c, o, on("c.id"), on("o.cid"), Options{}) }, lines(
			"Frame(5x4, [c.id:int64_t, c.name:std::string, o.cid:int64_t, o.amt:double])",
			"1 ann 1 3", "2 bob 2 10.5", "2 bob 2 4.5", "3 cy 0 nan", "0  4 7")},
		{"left outer, unique rhs keys", func() (data.Value, error) { return LeftOuterJoin(ctx, o, c, on("o.cid"), on("c.id"), Options{}) }, lines(
			"Frame(4x4, [o.cid:int64_t, o.amt:double, c.id:int64_t, c.name:std::string])",
			"2 10.5 2 bob", "1 3 1 ann", "2 4.5 2 bob", "4 7 0 ")},
		{"full outer, unique rhs keys", func() (data.Value, error) { return FullOuterJoin(ctx, o, c, on("o.cid"), on("c.id"), Options{}) }, lines(
			"Frame(5x4, [o.cid:int64_t, o.amt:double, c.id:int64_t, c.name:std::string])",
			"2 10.5 2 bob", "1 3 1 ann", "2 4.5 2 bob", "4 7 0 ", "0 nan 3 cy")},
		{"inner, every lhs row matches once", func() (data.Value, error) {
			return InnerJoin(ctx, mkFrame(t, []string{"k"}, col[int64](3, 1, 3)), c, "k", "c.id", Options{})
		}, lines("Frame(3x3, [k:int64_t, c.id:int64_t, c.name:std::string])", "3 3 cy", "1 1 ann", "3 3 cy")},
		{"anti", func() (data.Value, error) { return AntiJoin(ctx, c, o, on("c.id"), on("o.cid"), Options{}) }, lines(
			"Frame(1x2, [c.id:int64_t, c.name:std::string])", "3 cy")},
		{"anti reversed", func() (data.Value, error) { return AntiJoin(ctx, o, c, on("o.cid"), on("c.id"), Options{}) }, lines(
			"Frame(1x2, [o.cid:int64_t, o.amt:double])", "4 7")},
		{"cartesian", func() (data.Value, error) {
			return Cartesian(ctx, mkFrame(t, []string{"x"}, col[int64](1, 2)), mkFrame(t, []string{"y"}, col("p", "q", "r")), Options{})
		}, lines("Frame(6x2, [x:int64_t, y:std::string])", "1 p", "1 q", "1 r", "2 p", "2 q", "2 r")},
		{"cartesian empty", func() (data.Value, error) {
			return Cartesian(ctx, mkFrame(t, []string{"x"}, col[int64]()), mkFrame(t, []string{"y"}, col("p")), Options{})
		}, lines("Frame(0x2, [x:int64_t, y:std::string])")},
		{"si64 key with f64 key", func() (data.Value, error) {
			return InnerJoin(ctx, mkFrame(t, []string{"k"}, col[int64](1, 2, 3)), mkFrame(t, []string{"f"}, col(2.0, 2.5, 1.0)), "k", "f", Options{})
		}, lines("Frame(2x2, [k:int64_t, f:double])", "1 1", "2 2")},
		{"NaN keys never match", func() (data.Value, error) {
			return InnerJoin(ctx, mkFrame(t, []string{"a"}, col(math.NaN(), 1, math.Copysign(0, -1))), mkFrame(t, []string{"b"}, col(math.NaN(), 1, 0)), "a", "b", Options{})
		}, lines("Frame(2x2, [a:double, b:double])", "1 1", "-0 0")},
		{"string keys", func() (data.Value, error) {
			return InnerJoin(ctx, mkFrame(t, []string{"s", "n"}, col("b", "a", "b"), col[int32](1, 2, 3)), mkFrame(t, []string{"t"}, col("b", "c", "b")), "s", "t", Options{})
		}, lines("Frame(4x3, [s:std::string, n:int32_t, t:std::string])", "b 1 b", "b 1 b", "b 3 b", "b 3 b")},
		{"multi-key left outer", func() (data.Value, error) {
			l := mkFrame(t, []string{"a", "b"}, col[int64](1, 1, 2), col("x", "y", "x"))
			r := mkFrame(t, []string{"c", "d", "v"}, col[uint8](1, 2, 1), col("y", "x", "x"), col[float32](0.5, 1.5, 2.5))
			return LeftOuterJoin(ctx, l, r, []string{"a", "b"}, []string{"c", "d"}, Options{})
		}, lines("Frame(3x5, [a:int64_t, b:std::string, c:uint8_t, d:std::string, v:float])",
			"1 x 1 x 2.5", "1 y 1 y 0.5", "2 x 2 x 1.5")},
		{"empty rhs", func() (data.Value, error) {
			return FullOuterJoin(ctx, c, mkFrame(t, []string{"k"}, col[int64]()), on("c.id"), on("k"), Options{})
		}, lines("Frame(3x3, [c.id:int64_t, c.name:std::string, k:int64_t])", "1 ann 0", "2 bob 0", "3 cy 0")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.run()
			if err != nil {
				t.Fatal(err)
			}
			if s := printed(t, got); s != tc.want {
				t.Errorf("got\n%swant\n%s", s, tc.want)
			}
		})
	}
}

func TestTwoResultJoins(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, o := customers(t), orders(t)
	tests := []struct {
		name      string
		run       func() (*data.Frame, data.Matrix, error)
		want, pos string
	}{
		{"semiJoin", func() (*data.Frame, data.Matrix, error) { return SemiJoin(ctx, c, o, "c.id", "o.cid", Options{}) },
			lines("Frame(2x1, [c.id:int64_t])", "1", "2"), lines("DenseMatrix(2x1, uint64_t)", "0", "1")},
		{"semiJoin keeps duplicate lhs keys", func() (*data.Frame, data.Matrix, error) { return SemiJoin(ctx, o, c, "o.cid", "c.id", Options{}) },
			lines("Frame(3x1, [o.cid:int64_t])", "2", "1", "2"), lines("DenseMatrix(3x1, uint64_t)", "0", "1", "2")},
		{"groupJoin", func() (*data.Frame, data.Matrix, error) {
			return GroupJoin(ctx, c, o, "c.id", "o.cid", "o.amt", Options{})
		},
			lines("Frame(2x2, [c.id:int64_t, SUM(o.amt):double])", "1 3", "2 15"), lines("DenseMatrix(2x1, uint64_t)", "0", "1")},
		{"groupJoin first lhs row per key", func() (*data.Frame, data.Matrix, error) {
			l := mkFrame(t, []string{"k"}, col("b", "a", "b", "c"))
			r := mkFrame(t, []string{"rk", "v"}, col("a", "b", "a", "z"), col[int32](1, 2, 3, 4))
			return GroupJoin(ctx, l, r, "k", "rk", "v", Options{})
		}, lines("Frame(2x2, [k:std::string, SUM(v):int32_t])", "b 2", "a 4"), lines("DenseMatrix(2x1, uint64_t)", "0", "1")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, pos, err := tc.run()
			if err != nil {
				t.Fatal(err)
			}
			if s := printed(t, f); s != tc.want {
				t.Errorf("frame: got\n%swant\n%s", s, tc.want)
			}
			if s := printed(t, pos); s != tc.pos {
				t.Errorf("positions: got\n%swant\n%s", s, tc.pos)
			}
		})
	}
}

func TestGroupSumAndSets(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	g := mkFrame(t, []string{"a", "b", "v"}, col("x", "y", "x", "x", "y"), col[int64](1, 1, 2, 1, 1), col[int64](1, 2, 3, 4, 5))
	tests := []struct {
		name string
		run  func() (*data.Frame, error)
		want string
	}{
		{"groupSum one key", func() (*data.Frame, error) { return GroupSum(ctx, orders(t), []string{"o.cid"}, "o.amt", Options{}) },
			lines("Frame(3x2, [o.cid:int64_t, SUM(o.amt):double])", "1 3", "2 15", "4 7")},
		{"groupSum two keys", func() (*data.Frame, error) { return GroupSum(ctx, g, []string{"a", "b"}, "v", Options{}) },
			lines("Frame(3x3, [a:std::string, b:int64_t, SUM(v):int64_t])", "x 1 5", "x 2 3", "y 1 7")},
		{"groupSum NaN is one group, first", func() (*data.Frame, error) {
			f := mkFrame(t, []string{"k", "v"}, col(2, math.NaN(), 1, math.NaN(), 2), col[float32](1, 2, 3, 4, 5))
			return GroupSum(ctx, f, []string{"k"}, "v", Options{})
		}, lines("Frame(3x2, [k:double, SUM(v):float])", "nan 6", "1 3", "2 6")},
		{"groupSum bool key", func() (*data.Frame, error) {
			f := mkFrame(t, []string{"k", "v"}, col(true, false, true), col[uint8](1, 2, 3))
			return GroupSum(ctx, f, []string{"k"}, "v", Options{})
		}, lines("Frame(2x2, [k:bool, SUM(v):uint8_t])", "0 2", "1 4")},
		{"groupSum empty", func() (*data.Frame, error) {
			return GroupSum(ctx, mkFrame(t, []string{"k", "v"}, col[int64](), col[float64]()), []string{"k"}, "v", Options{})
		}, lines("Frame(0x2, [k:int64_t, SUM(v):double])")},
		{"intersect", func() (*data.Frame, error) { return Intersect(ctx, setA(t), setB(t), Options{}) },
			lines("Frame(2x2, [a:int64_t, b:std::string])", "1 u", "2 v")},
		{"except", func() (*data.Frame, error) { return Except(ctx, setA(t), setB(t), Options{}) },
			lines("Frame(1x2, [a:int64_t, b:std::string])", "3 w")},
		{"except empty rhs is distinct", func() (*data.Frame, error) {
			return Except(ctx, setA(t), mkFrame(t, []string{"c", "d"}, col[int64](), col[string]()), Options{})
		}, lines("Frame(3x2, [a:int64_t, b:std::string])", "1 u", "2 v", "3 w")},
		{"intersect NaN rows equal", func() (*data.Frame, error) {
			return Intersect(ctx, mkFrame(t, []string{"x"}, col(math.NaN(), 1, math.NaN())), mkFrame(t, []string{"y"}, col(math.NaN())), Options{})
		}, lines("Frame(1x1, [x:double])", "nan")},
		// Frames of rows without columns (found by the opset shape property
		// test): every row is the empty tuple, printed as an empty line.
		{"merge rows without columns", func() (*data.Frame, error) { return Merge(rowsOnly(t, 3), rowsOnly(t, 2)) }, lines("Frame(5x0, [])", "", "", "", "", "")},
		{"intersect rows without columns", func() (*data.Frame, error) { return Intersect(ctx, rowsOnly(t, 3), rowsOnly(t, 2), Options{}) }, lines("Frame(1x0, [])", "")},
		{"intersect rows without columns, none in rhs", func() (*data.Frame, error) { return Intersect(ctx, rowsOnly(t, 3), rowsOnly(t, 0), Options{}) }, lines("Frame(0x0, [])")},
		{"except rows without columns", func() (*data.Frame, error) { return Except(ctx, rowsOnly(t, 3), rowsOnly(t, 2), Options{}) }, lines("Frame(0x0, [])")},
		{"except rows without columns, none in rhs", func() (*data.Frame, error) { return Except(ctx, rowsOnly(t, 3), rowsOnly(t, 0), Options{}) }, lines("Frame(1x0, [])", "")},
		{"cartesian rows without columns", func() (*data.Frame, error) { return Cartesian(ctx, rowsOnly(t, 3), rowsOnly(t, 2), Options{}) }, lines("Frame(6x0, [])", "", "", "", "", "", "")},
		{"merge", func() (*data.Frame, error) { return Merge(setA(t), setB(t)) },
			lines("Frame(9x2, [a:int64_t, b:std::string])", "1 u", "2 v", "2 v", "3 w", "1 u", "2 v", "3 x", "1 u", "1 u")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := tc.run()
			if err != nil {
				t.Fatal(err)
			}
			if s := printed(t, f); s != tc.want {
				t.Errorf("got\n%swant\n%s", s, tc.want)
			}
		})
	}
}

func TestErrors(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, o := customers(t), orders(t)
	tests := []struct {
		name  string
		run   func() error
		kind  error
		parts []string
	}{
		{"unknown lhs label", func() error { _, err := InnerJoin(ctx, c, o, "id", "o.cid", Options{}); return err },
			ErrLabel, []string{`innerJoin: the lhs frame has no column labelled "id"`, `["c.id", "c.name"]`}},
		{"unknown rhs label", func() error {
			_, err := LeftOuterJoin(ctx, c, o, []string{"c.id"}, []string{"cid"}, Options{})
			return err
		}, ErrLabel, []string{`the rhs frame has no column labelled "cid"`, `"o.amt"`}},
		{"duplicate labels", func() error { _, err := InnerJoin(ctx, c, c, "c.id", "c.id", Options{}); return err },
			ErrDuplicateLabel, []string{`column labelled "c.id"`, "setColLabelsPrefix"}},
		{"cartesian duplicate labels", func() error { _, err := Cartesian(ctx, o, o, Options{}); return err },
			ErrDuplicateLabel, []string{`"o.cid"`}},
		{"set op schemas", func() error { _, err := Intersect(ctx, c, o, Options{}); return err },
			ErrSchema, []string{"intersect:", "Frame(3x2, [c.id:int64_t, c.name:std::string])", "Frame(4x2, [o.cid:int64_t, o.amt:double])"}},
		{"merge schemas", func() error { _, err := Merge(c, o); return err }, ErrSchema, []string{"merge:"}},
		{"sum of strings", func() error { _, err := GroupSum(ctx, c, []string{"c.id"}, "c.name", Options{}); return err },
			ErrValueType, []string{`cannot sum column "c.name" of value type str`}},
		{"groupJoin sum of strings", func() error { _, _, err := GroupJoin(ctx, o, c, "o.cid", "c.id", "c.name", Options{}); return err },
			ErrValueType, []string{`"c.name"`}},
		{"groupSum unknown group column", func() error { _, err := GroupSum(ctx, o, []string{"x"}, "o.amt", Options{}); return err },
			ErrLabel, []string{`"x"`}},
		{"groupSum twice the same column", func() error {
			_, err := GroupSum(ctx, o, []string{"o.cid", "o.cid"}, "o.amt", Options{})
			return err
		}, ErrDuplicateLabel, []string{`two columns labelled "o.cid"`}},
		{"key label counts differ", func() error {
			_, err := AntiJoin(ctx, c, o, []string{"c.id", "c.name"}, []string{"o.cid"}, Options{})
			return err
		}, ErrArgument, []string{"2 and 1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.run()
			if !errors.Is(err, tc.kind) {
				t.Fatalf("got error %v, want kind %v", err, tc.kind)
			}
			for _, p := range tc.parts {
				if !strings.Contains(err.Error(), p) {
					t.Errorf("error %q does not contain %q", err, p)
				}
			}
		})
	}
}

// rowsOnly is a frame of n rows and no columns.
func rowsOnly(t *testing.T, n int) *data.Frame {
	t.Helper()
	f, err := data.NewFrameRows(n, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	return f
}
