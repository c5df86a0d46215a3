package vec_test

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/daphne-go/daphne/ir"
	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
	"github.com/daphne-go/daphne/runtime/opset"
	"github.com/daphne-go/daphne/runtime/vec"
	"github.com/daphne-go/daphne/types"
)

// progInputs are the pipeline inputs of the program tests: X, Y (n x m,
// split), c (n x 1, split), r (1 x m, broadcast), one (1 x 1, broadcast) and
// the scalar s (broadcast).
type progInputs struct{ X, Y, c, r, one, s *ir.Value }

// progCase builds a region from the inputs and returns its yields and their
// combine modes.
type progCase struct {
	name  string
	build func(b *builder, in progInputs) ([]*ir.Value, []string)
	// compiles is false for regions Compile must refuse; fails for regions
	// whose batches must fail (a domain error).
	compiles, fails bool
	// noInt: Compile refuses the region for si64 (integer division, sqrt).
	noInt bool
}

type builder struct {
	*ir.Builder
	vt types.ValueType
}

func (b *builder) op(name string, args ...*ir.Value) *ir.Value {
	return b.Call(name, types.Type{DT: types.Matrix, VT: b.vt, Rows: types.UnknownDim, Cols: types.UnknownDim}, args...)
}

var progCases = []progCase{
	{"standardise", func(b *builder, in progInputs) ([]*ir.Value, []string) {
		return []*ir.Value{b.op("ewDiv", b.op("ewSub", in.X, in.r), in.r)}, []string{"rows"}
	}, true, false, true},
	{"scalar chain", func(b *builder, in progInputs) ([]*ir.Value, []string) {
		z := b.op("ewAbs", b.op("ewAdd", b.op("ewMul", b.op("ewSub", in.X, in.r), in.s), in.one))
		return []*ir.Value{b.op("ewSub", in.s, b.op("ewMinus", z)), b.op("ewDiv", in.s, in.Y)}, []string{"rows", "rows"}
	}, true, false, true},
	{"min max compare", func(b *builder, in progInputs) ([]*ir.Value, []string) {
		return []*ir.Value{b.op("ewMin", in.X, in.Y), b.op("ewMax", in.s, in.X), b.op("ewMax", in.X, in.r),
				b.op("ewLt", in.X, in.Y), b.op("ewGe", in.s, in.X), b.op("ewEq", in.X, in.X),
				b.op("ewNeq", in.X, in.Y), b.op("ewLe", in.r, in.X), b.op("ewGt", in.X, in.s)},
			[]string{"rows", "rows", "rows", "rows", "rows", "rows", "rows", "rows", "rows"}
	}, true, false, false},
	{"column broadcast", func(b *builder, in progInputs) ([]*ir.Value, []string) {
		return []*ir.Value{b.op("ewMul", in.X, in.c), b.op("ewSub", in.c, in.Y), b.op("ewMin", in.c, in.r),
			b.op("ewAdd", in.c, in.s)}, []string{"rows", "rows", "rows", "rows"}
	}, true, false, false},
	{"row aggregates", func(b *builder, in progInputs) ([]*ir.Value, []string) {
		return []*ir.Value{b.op("sumRow", b.op("ewMul", in.X, in.Y)), b.op("aggMinRow", in.X),
			b.op("aggMaxRow", b.op("ewSub", in.X, in.c))}, []string{"rows", "rows", "rows"}
	}, true, false, false},
	{"column aggregates", func(b *builder, in progInputs) ([]*ir.Value, []string) {
		return []*ir.Value{b.op("sumCol", b.op("ewMul", in.X, in.s)), b.op("aggMinCol", in.X),
			b.op("aggMaxCol", in.Y)}, []string{"add", "min", "max"}
	}, true, false, false},
	{"statistics and rows", func(b *builder, in progInputs) ([]*ir.Value, []string) {
		z := b.op("ewSub", in.X, in.r)
		return []*ir.Value{z, b.op("sumCol", z), b.op("sumRow", z), z, in.Y},
			[]string{"rows", "add", "rows", "moments:mean", "moments:stddev"}
	}, true, false, false},
	{"input passed through", func(b *builder, in progInputs) ([]*ir.Value, []string) {
		return []*ir.Value{in.X, b.op("ewAdd", in.X, in.one)}, []string{"rows", "rows"}
	}, true, false, false},
	{"rounding", func(b *builder, in progInputs) ([]*ir.Value, []string) {
		return []*ir.Value{b.op("ewRound", b.op("ewMul", in.X, in.s)), b.op("ewFloor", in.Y), b.op("ewCeil", in.X),
			b.op("ewAbs", in.Y), b.op("ewMinus", in.X)}, []string{"rows", "rows", "rows", "rows", "rows"}
	}, true, false, false},
	{"exp ln", func(b *builder, in progInputs) ([]*ir.Value, []string) {
		return []*ir.Value{b.op("ewExp", in.X), b.op("ewLn", b.op("ewAbs", in.Y)), b.op("ewSqrt", b.op("ewAbs", in.X))},
			[]string{"rows", "rows", "rows"}
	}, true, false, true},
	{"cbind", func(b *builder, in progInputs) ([]*ir.Value, []string) {
		z := b.op("cbind", b.op("ewDiv", b.op("ewSub", in.X, in.r), in.s), in.c)
		return []*ir.Value{z, b.op("cbind", in.c, in.Y), b.op("sumRow", b.op("cbind", z, z))}, []string{"rows", "rows", "rows"}
	}, true, false, true},
	{"unsupported op", func(b *builder, in progInputs) ([]*ir.Value, []string) {
		return []*ir.Value{b.op("ewPow", in.X, in.Y)}, []string{"rows"}
	}, false, false, false},
	{"sqrt of negatives", func(b *builder, in progInputs) ([]*ir.Value, []string) {
		return []*ir.Value{b.op("ewSqrt", b.op("ewSub", in.X, in.s))}, []string{"rows"}
	}, true, true, true},
}

// randomCells returns k values of T: for floats with NaN, infinities, -0
// and huge values among them.
func randomCells[T float64 | float32 | int64](rng *rand.Rand, k int, specials bool) []T {
	out := make([]T, k)
	sp := []float64{math.NaN(), math.Inf(1), math.Inf(-1), math.Copysign(0, -1), 0, 1e300}
	for i := range out {
		var z T
		switch any(z).(type) {
		case int64:
			out[i] = T(rng.IntN(101) - 50)
		default:
			x := rng.Float64()*4 - 1
			if specials && rng.IntN(10) == 0 {
				x = sp[rng.IntN(len(sp))]
			}
			out[i] = T(x)
		}
	}
	return out
}

func TestProgramMatchesKernels(t *testing.T) {
	t.Parallel()
	reg := opset.Default()
	for _, vt := range []types.ValueType{types.F64, types.F32, types.SI64} {
		for _, tc := range progCases {
			for _, specials := range []bool{false, true} {
				name := fmt.Sprintf("%s/%s/specials=%v", vt, tc.name, specials)
				t.Run(name, func(t *testing.T) {
					t.Parallel()
					switch vt {
					case types.F64:
						checkProgram[float64](t, reg, tc, vt, types.F64, specials)
					case types.F32:
						checkProgram[float32](t, reg, tc, vt, types.F32, specials)
					default:
						checkProgram[int64](t, reg, tc, vt, types.SI64, specials)
					}
				})
			}
		}
	}
}

// checkProgram compiles tc's region and runs it batch by batch (batches of
// 1, 3 and all rows), and compares every output with what the kernels
// give on the same batches: bit for bit.
func checkProgram[T float64 | float32 | int64](t *testing.T, reg *ops.Registry, tc progCase, vt, svt types.ValueType, specials bool) {
	const n, m = 23, 5
	rng := rand.New(rand.NewPCG(uint64(len(tc.name)), 7))
	dense := func(r, c int) *data.Dense[T] { return data.DenseFromVT(vt, r, c, randomCells[T](rng, r*c, specials)) }
	var sval data.Value = data.ScalarOf(svt, T(2))
	if vt == types.SI64 {
		sval = data.SI64(-3)
	}
	args := []data.Value{dense(n, m), dense(n, m), dense(n, 1), dense(1, m), dense(1, 1), sval}
	splits := []string{vec.SplitRows, vec.SplitRows, vec.SplitRows, vec.SplitBcast, vec.SplitBcast, vec.SplitBcast}
	f := ir.NewFunc("main", nil, nil)
	region := &ir.Block{}
	mt := types.Type{DT: types.Matrix, VT: vt, Rows: types.UnknownDim, Cols: types.UnknownDim}
	for range 5 {
		region.Args = append(region.Args, f.NewValue(mt, nil))
	}
	region.Args = append(region.Args, f.NewValue(types.ScalarOf(sval.ValueType()), nil))
	a := region.Args
	b := &builder{ir.NewBuilder(f, region), vt}
	yields, combines := tc.build(b, progInputs{a[0], a[1], a[2], a[3], a[4], a[5]})
	b.Yield(yields...)
	octx := &ops.Ctx{Context: context.Background()}
	for _, batch := range []int{1, 3, n} {
		got, want := newSinks(combines, n), newSinks(combines, n)
		prog, ok := vec.Compile(region, splits, args, n, got.outputs())
		compiles := tc.compiles && !(tc.noInt && vt == types.SI64)
		if !ok || !compiles {
			if ok != compiles {
				t.Fatalf("Compile: %v, want %v", ok, tc.compiles)
			}
			return
		}
		s := vec.DefaultArena().Get()
		failed := false
		for lo := 0; lo < n; lo += batch {
			hi := min(n, lo+batch)
			if err := prog.Run(s, lo, hi); err != nil {
				failed = true
				continue
			}
			ref, err := evalBatch(reg, octx, region, args, splits, lo, hi)
			if err != nil {
				t.Fatalf("kernels on rows %d..%d: %v", lo, hi, err)
			}
			want.add(t, lo, ref)
		}
		vec.DefaultArena().Put(s)
		if failed != tc.fails {
			t.Fatalf("batch %d: failed %v, want %v", batch, failed, tc.fails)
		}
		if !failed {
			got.compare(t, want, combines, batch)
		}
	}
}

// evalBatch runs the region's ops through the kernels on rows [lo, hi).
func evalBatch(reg *ops.Registry, octx *ops.Ctx, region *ir.Block, args []data.Value, splits []string, lo, hi int) ([]data.Value, error) {
	vals := map[*ir.Value]data.Value{}
	for i, a := range region.Args {
		vals[a] = args[i]
		if splits[i] == vec.SplitRows {
			vals[a], _ = vec.RowView(args[i], lo, hi)
		}
	}
	for _, op := range region.Ops {
		var in []data.Value
		for _, a := range op.Args {
			in = append(in, vals[a])
		}
		if op.Kind == ir.KindYield {
			return in, nil
		}
		f, _ := reg.Lookup(op.Name)
		out, err := f(octx, in, nil)
		if err != nil {
			return nil, err
		}
		vals[op.Results[0]] = out[0]
	}
	return nil, fmt.Errorf("no yield")
}

// sinks are the outputs of one run.
type sinks struct {
	rows    []*vec.Rows
	parts   []*vec.Partials
	moments []*vec.MomentParts
}

func newSinks(combines []string, n int) *sinks {
	s := &sinks{rows: make([]*vec.Rows, len(combines)), parts: make([]*vec.Partials, len(combines)),
		moments: make([]*vec.MomentParts, len(combines))}
	for i, c := range combines {
		switch {
		case c == vec.CombineRows:
			s.rows[i] = vec.NewRows(n)
		case vec.IsMoments(c):
			s.moments[i] = &vec.MomentParts{}
		default:
			s.parts[i] = &vec.Partials{}
		}
	}
	return s
}

func (s *sinks) outputs() vec.Outputs {
	return vec.Outputs{Rows: s.rows, Parts: s.parts, Moments: s.moments}
}

// add records the kernels' results of one batch.
func (s *sinks) add(t *testing.T, lo int, vals []data.Value) {
	for i, v := range vals {
		switch {
		case s.rows[i] != nil:
			if !s.rows[i].Put(lo, v) {
				t.Fatalf("output %d: kernel result %s does not fit", i, data.Describe(v))
			}
		case s.parts[i] != nil:
			s.parts[i].Add(lo, v)
		case s.moments[i] != nil:
			if err := s.moments[i].Add(lo, v); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// compare checks got's outputs against want's, bit for bit.
func (s *sinks) compare(t *testing.T, want *sinks, combines []string, batch int) {
	t.Helper()
	for i := range combines {
		var g, w data.Value
		switch {
		case s.rows[i] != nil:
			g, w = s.rows[i].Matrix(), want.rows[i].Matrix()
		case s.parts[i] != nil:
			g, _ = s.parts[i].Stacked()
			w, _ = want.parts[i].Stacked()
		default:
			var gok, wok bool
			g, gok, _ = s.moments[i].Finish(combines[i])
			w, wok, _ = want.moments[i].Finish(combines[i])
			if gok != wok {
				t.Errorf("batch %d, output %d: finished %v, want %v", batch, i, gok, wok)
			}
			if !wok {
				continue // infinities: the interpreter reruns unfused
			}
		}
		if !sameBits(g, w) {
			t.Errorf("batch %d, output %d (%s):\n got %v\nwant %v", batch, i, combines[i], g, w)
		}
	}
}

// sameBits reports whether two dense matrices have the same type, shape and
// cells (NaN equals NaN, -0 differs from 0).
func sameBits(a, b data.Value) bool {
	switch x := a.(type) {
	case *data.Dense[float64]:
		y, ok := b.(*data.Dense[float64])
		return ok && sameShape(x, y) && eqCells(x.Data, y.Data, func(v float64) uint64 { return math.Float64bits(v) })
	case *data.Dense[float32]:
		y, ok := b.(*data.Dense[float32])
		return ok && sameShape(x, y) && eqCells(x.Data, y.Data, func(v float32) uint64 { return uint64(math.Float32bits(v)) })
	case *data.Dense[int64]:
		y, ok := b.(*data.Dense[int64])
		return ok && sameShape(x, y) && eqCells(x.Data, y.Data, func(v int64) uint64 { return uint64(v) })
	}
	return false
}

func sameShape(a, b data.Matrix) bool {
	return a.Rows() == b.Rows() && a.Cols() == b.Cols() && a.ValueType() == b.ValueType()
}

func eqCells[T any](a, b []T, bits func(T) uint64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := bits(a[i]), bits(b[i])
		// All NaNs compare equal (their payload is not part of DaphneDSL).
		if x != y && !(isNaNBits(a[i]) && isNaNBits(b[i])) {
			return false
		}
	}
	return true
}

func isNaNBits[T any](v T) bool {
	switch x := any(v).(type) {
	case float64:
		return x != x
	case float32:
		return x != x
	}
	return false
}

// TestProgramRefuses lists regions and inputs Compile leaves to the kernels.
func TestProgramRefuses(t *testing.T) {
	t.Parallel()
	f := ir.NewFunc("main", nil, nil)
	mt := func(vt types.ValueType) types.Type {
		return types.Type{DT: types.Matrix, VT: vt, Rows: types.UnknownDim, Cols: types.UnknownDim}
	}
	x64 := data.DenseFrom(4, 2, []float64{1, 2, 3, 4, 5, 6, 7, 8})
	x32 := data.DenseFrom(4, 2, []float32{1, 2, 3, 4, 5, 6, 7, 8})
	tests := []struct {
		name   string
		args   []data.Value
		splits []string
		resVT  types.ValueType
	}{
		{"f64 scalar promotes f32 matrix", []data.Value{x32, data.F64(2)}, []string{"rows", "bcast"}, types.F32},
		{"ui64 matrix", []data.Value{data.DenseFromVT(types.UI64, 4, 1, []uint64{1, 2, 3, 4}), data.SI64(1)}, []string{"rows", "bcast"}, types.UI64},
		{"CSR input", []data.Value{data.DenseToCSR(x64), data.F64(1)}, []string{"rows", "bcast"}, types.F64},
		{"string scalar", []data.Value{x64, data.Str("a")}, []string{"rows", "bcast"}, types.F64},
		{"broadcast of several rows", []data.Value{x64, x64.RowRange(0, 2)}, []string{"rows", "bcast"}, types.F64},
		{"split input of another length", []data.Value{x64, x64.RowRange(0, 3)}, []string{"rows", "rows"}, types.F64},
		{"result type differs", []data.Value{x64, data.F64(1)}, []string{"rows", "bcast"}, types.F32},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			region := &ir.Block{}
			for _, a := range tc.args {
				ty := types.ScalarOf(a.ValueType())
				if m, ok := a.(data.Matrix); ok {
					ty = mt(m.ValueType())
				}
				region.Args = append(region.Args, f.NewValue(ty, nil))
			}
			b := ir.NewBuilder(f, region)
			b.Yield(b.Call("ewAdd", mt(tc.resVT), region.Args[0], region.Args[1]))
			if _, ok := vec.Compile(region, tc.splits, tc.args, 4, vec.Outputs{Rows: []*vec.Rows{vec.NewRows(4)}}); ok {
				t.Error("compiled")
			}
		})
	}
}

// TestProgramReusesScratch checks that a compiled pipeline with a row-wise
// output allocates nothing per batch once its worker's scratch has grown.
func TestProgramReusesScratch(t *testing.T) {
	f := ir.NewFunc("main", nil, nil)
	mt := types.Type{DT: types.Matrix, VT: types.F64, Rows: types.UnknownDim, Cols: types.UnknownDim}
	region := &ir.Block{Args: []*ir.Value{f.NewValue(mt, nil), f.NewValue(mt, nil)}}
	b := ir.NewBuilder(f, region)
	z := b.Call("ewAbs", mt, b.Call("ewDiv", mt, b.Call("ewSub", mt, region.Args[0], region.Args[1]), region.Args[1]))
	b.Yield(b.Call("sumRow", mt, z), z)
	const n, m = 1000, 50
	x := data.DenseFrom(n, m, randomCells[float64](rand.New(rand.NewPCG(1, 2)), n*m, false))
	r := data.DenseFrom(1, m, randomCells[float64](rand.New(rand.NewPCG(3, 4)), m, false))
	out := vec.Outputs{Rows: []*vec.Rows{vec.NewRows(n), vec.NewRows(n)}}
	prog, ok := vec.Compile(region, []string{"rows", "bcast"}, []data.Value{x, r}, n, out)
	if !ok {
		t.Fatal("not compiled")
	}
	s := vec.DefaultArena().Get()
	defer vec.DefaultArena().Put(s)
	lo := 0
	allocs := testing.AllocsPerRun(50, func() {
		if err := prog.Run(s, lo, lo+20); err != nil {
			t.Fatal(err)
		}
		lo = (lo + 20) % n
	})
	if allocs != 0 {
		t.Errorf("%v allocations per batch, want 0", allocs)
	}
}

// TestProgramProducts checks syrk and gemv outputs (combine "sum") against
// the kernels on the whole input: batches of several sizes spread over two
// workers' scratch, within the documented rounding tolerance.
func TestProgramProducts(t *testing.T) {
	t.Parallel()
	reg := opset.Default()
	octx := &ops.Ctx{Context: context.Background(), Threads: 1}
	for _, vt := range []types.ValueType{types.F64, types.F32} {
		for _, batch := range []int{1, 7, 100} {
			t.Run(fmt.Sprintf("%s/batch=%d", vt, batch), func(t *testing.T) {
				const n, m = 100, 9
				rng := rand.New(rand.NewPCG(5, uint64(batch)))
				var x, r, c data.Value
				tol := 1e-12
				if vt == types.F64 {
					x, r, c = data.DenseFrom(n, m, randomCells[float64](rng, n*m, false)), data.DenseFrom(1, m, randomCells[float64](rng, m, false)), data.DenseFrom(n, 1, randomCells[float64](rng, n, false))
				} else {
					x, r, c = data.DenseFrom(n, m, randomCells[float32](rng, n*m, false)), data.DenseFrom(1, m, randomCells[float32](rng, m, false)), data.DenseFrom(n, 1, randomCells[float32](rng, n, false))
					tol = 1e-5
				}
				f := ir.NewFunc("main", nil, nil)
				mt := types.Type{DT: types.Matrix, VT: vt, Rows: types.UnknownDim, Cols: types.UnknownDim}
				region := &ir.Block{Args: []*ir.Value{f.NewValue(mt, nil), f.NewValue(mt, nil), f.NewValue(mt, nil)}}
				b := ir.NewBuilder(f, region)
				z := b.Call("ewSub", mt, region.Args[0], region.Args[1])
				b.Yield(b.Call("syrk", mt, z), b.Call("gemv", mt, z, region.Args[2]), z)
				out := vec.Outputs{Sums: []*vec.Sums{{}, {}, nil}, Rows: []*vec.Rows{nil, nil, vec.NewRows(n)}}
				prog, ok := vec.Compile(region, []string{"rows", "bcast", "rows"}, []data.Value{x, r, c}, n, out)
				if !ok {
					t.Fatal("not compiled")
				}
				workers := []*vec.Scratch{vec.DefaultArena().Get(), vec.DefaultArena().Get()}
				for lo, k := 0, 0; lo < n; lo, k = lo+batch, k+1 {
					if err := prog.Run(workers[k%2], lo, min(n, lo+batch)); err != nil {
						t.Fatal(err)
					}
				}
				zs, _ := evalOne(reg, octx, "ewSub", x, r)
				for i, name := range []string{"syrk", "gemv"} {
					args := []data.Value{zs}
					if name == "gemv" {
						args = append(args, c)
					}
					f, _ := reg.Lookup(name)
					want, err := f(octx, args, nil)
					if err != nil {
						t.Fatal(err)
					}
					if d := maxRelDiff(out.Sums[i].Matrix(), want[0]); !(d <= tol) {
						t.Errorf("%s: relative difference %g > %g", name, d, tol)
					}
				}
				if !sameBits(out.Rows[2].Matrix(), zs) {
					t.Error("row-wise output beside the products differs")
				}
			})
		}
	}
}

func evalOne(reg *ops.Registry, octx *ops.Ctx, name string, args ...data.Value) (data.Value, error) {
	f, _ := reg.Lookup(name)
	out, err := f(octx, args, nil)
	if err != nil {
		return nil, err
	}
	return out[0], nil
}

// maxRelDiff returns max |a - b| / max |b| over the cells of two dense
// float matrices of one shape (+Inf if they are not).
func maxRelDiff(a, b data.Value) float64 {
	af, bf := asFloats(a), asFloats(b)
	if af == nil || len(af) != len(bf) {
		return math.Inf(1)
	}
	d, s := 0.0, 0.0
	for i := range af {
		d, s = math.Max(d, math.Abs(af[i]-bf[i])), math.Max(s, math.Abs(bf[i]))
	}
	return d / s
}

func asFloats(v data.Value) []float64 {
	switch m := v.(type) {
	case *data.Dense[float64]:
		return m.Data
	case *data.Dense[float32]:
		out := make([]float64, len(m.Data))
		for i, x := range m.Data {
			out[i] = float64(x)
		}
		return out
	}
	return nil
}
