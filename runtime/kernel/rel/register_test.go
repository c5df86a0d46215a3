package rel

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
	"github.com/daphne-go/daphne/types"
)

func str(s string) *data.Scalar         { return &data.Scalar{VT: types.Str, S: s} }
func si64(i int64) *data.Scalar         { return &data.Scalar{VT: types.SI64, I: i} }
func vals(v ...data.Value) []data.Value { return v }

func TestRegisteredOps(t *testing.T) {
	t.Parallel()
	r := ops.NewRegistry()
	Register(r)
	c, o := customers(t), orders(t)
	ctx := &ops.Ctx{Context: context.Background(), Threads: 2}
	tests := []struct {
		name string
		op   string
		args []data.Value
		want []string // printed results
	}{
		{"innerJoin with numRowRes", "innerJoin", vals(c, o, str("c.id"), str("o.cid"), si64(10)),
			[]string{lines("Frame(3x4, [c.id:int64_t, c.name:std::string, o.cid:int64_t, o.amt:double])", "1 ann 1 3", "2 bob 2 10.5", "2 bob 2 4.5")}},
		{"semiJoin", "semiJoin", vals(c, o, str("c.id"), str("o.cid"), si64(-1)),
			[]string{lines("Frame(2x1, [c.id:int64_t])", "1", "2"), lines("DenseMatrix(2x1, uint64_t)", "0", "1")}},
		{"groupJoin", "groupJoin", vals(c, o, str("c.id"), str("o.cid"), str("o.amt")),
			[]string{lines("Frame(2x2, [c.id:int64_t, SUM(o.amt):double])", "1 3", "2 15"), lines("DenseMatrix(2x1, uint64_t)", "0", "1")}},
		{"groupSum", "groupSum", vals(o, str("o.cid"), str("o.amt")),
			[]string{lines("Frame(3x2, [o.cid:int64_t, SUM(o.amt):double])", "1 3", "2 15", "4 7")}},
		{"antiJoin with two keys, DAPHNE's order", "antiJoin", vals(setA(t), setB(t), str("a"), str("b"), str("c"), str("d")),
			[]string{lines("Frame(1x2, [a:int64_t, b:std::string])", "3 w")}},
		{"leftOuterJoin", "leftOuterJoin", vals(c, o, str("c.id"), str("o.cid")),
			[]string{lines("Frame(4x4, [c.id:int64_t, c.name:std::string, o.cid:int64_t, o.amt:double])", "1 ann 1 3", "2 bob 2 10.5", "2 bob 2 4.5", "3 cy 0 nan")}},
		{"fullOuterJoin", "fullOuterJoin", vals(c, o, str("c.id"), str("o.cid")),
			[]string{lines("Frame(5x4, [c.id:int64_t, c.name:std::string, o.cid:int64_t, o.amt:double])", "1 ann 1 3", "2 bob 2 10.5", "2 bob 2 4.5", "3 cy 0 nan", "0  4 7")}},
		{"cartesian", "cartesian", vals(mkFrame(t, []string{"x"}, col[int64](1, 2)), mkFrame(t, []string{"y"}, col(0.5))),
			[]string{lines("Frame(2x2, [x:int64_t, y:double])", "1 0.5", "2 0.5")}},
		{"intersect", "intersect", vals(setA(t), setB(t)), []string{lines("Frame(2x2, [a:int64_t, b:std::string])", "1 u", "2 v")}},
		{"except", "except", vals(setA(t), setB(t)), []string{lines("Frame(1x2, [a:int64_t, b:std::string])", "3 w")}},
		{"merge", "merge", vals(setB(t), setA(t)), []string{lines("Frame(9x2, [c:int64_t, d:std::string])",
			"2 v", "3 x", "1 u", "1 u", "1 u", "2 v", "2 v", "3 w", "1 u")}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, ok := r.Lookup(tc.op)
			if !ok {
				t.Fatalf("%s is not registered", tc.op)
			}
			res, err := f(ctx, tc.args, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(res) != len(tc.want) {
				t.Fatalf("got %d results, want %d", len(res), len(tc.want))
			}
			for i, w := range tc.want {
				if s := printed(t, res[i]); s != w {
					t.Errorf("result %d: got\n%swant\n%s", i, s, w)
				}
			}
		})
	}
}

func TestRegisteredOpErrors(t *testing.T) {
	t.Parallel()
	r := ops.NewRegistry()
	Register(r)
	c, o := customers(t), orders(t)
	m := data.DenseFrom(1, 1, []float64{1})
	tests := []struct {
		name string
		op   string
		args []data.Value
		part string
	}{
		{"odd key count", "antiJoin", vals(c, o, str("c.id"), str("o.cid"), str("c.name")), "even number of at least 4 arguments"},
		{"too few keys", "leftOuterJoin", vals(c, o, str("c.id")), "got 3"},
		{"matrix instead of frame", "innerJoin", vals(m, o, str("c.id"), str("o.cid"), si64(-1)), "innerJoin: lhs must be a frame, got DenseMatrix(1x1, double)"},
		{"rhs not a frame", "cartesian", vals(c, m), "cartesian: rhs must be a frame"},
		{"number as label", "semiJoin", vals(c, o, si64(1), str("o.cid"), si64(-1)), "must be a string"},
		{"numRowRes below -1", "innerJoin", vals(c, o, str("c.id"), str("o.cid"), si64(-2)), "numRowRes must be -1 (unknown) or a number of rows, got -2"},
		{"numRowRes a string", "innerJoin", vals(c, o, str("c.id"), str("o.cid"), str("x")), "numRowRes must be a number"},
		{"groupSum without a group column", "groupSum", vals(o, str("o.amt")), "at least one column to group by"},
		{"groupSum on a matrix", "groupSum", vals(m, str("a"), str("b")), "must be a frame"},
		{"groupJoin arity", "groupJoin", vals(c, o, str("c.id"), str("o.cid")), "groupJoin expects 5 arguments, got 4"},
		{"intersect arity", "intersect", vals(c), "intersect expects 2 arguments, got 1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, _ := r.Lookup(tc.op)
			_, err := f(nil, tc.args, nil)
			if !errors.Is(err, ErrArgument) {
				t.Fatalf("got %v, want an ErrArgument", err)
			}
			if !strings.Contains(err.Error(), tc.part) {
				t.Errorf("error %q does not contain %q", err, tc.part)
			}
		})
	}
}
