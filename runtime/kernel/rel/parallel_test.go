package rel

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
)

// The parallel path (chunks on the scheduler's pool) must give the same
// frames, bit for bit, as the sequential path, for any thread count.

// sameValues compares two matrices cell by cell (floats by their bits, so
// that NaN equals NaN and -0 differs from +0).
func sameValues(t *testing.T, what string, a, b data.Matrix) {
	t.Helper()
	if a.ValueType() != b.ValueType() || a.Rows() != b.Rows() || a.Cols() != b.Cols() {
		t.Fatalf("%s: %s vs %s", what, data.Describe(a), data.Describe(b))
	}
	ca, err := data.DenseCells(a)
	if err != nil {
		t.Fatal(err)
	}
	cb, err := data.DenseCells(b)
	if err != nil {
		t.Fatal(err)
	}
	equal := false
	switch x := ca.(type) {
	case []float64:
		y := cb.([]float64)
		equal = slices.EqualFunc(x, y, func(p, q float64) bool { return math.Float64bits(p) == math.Float64bits(q) })
	case []float32:
		y := cb.([]float32)
		equal = slices.EqualFunc(x, y, func(p, q float32) bool { return math.Float32bits(p) == math.Float32bits(q) })
	case []int64:
		equal = slices.Equal(x, cb.([]int64))
	case []int32:
		equal = slices.Equal(x, cb.([]int32))
	case []uint64:
		equal = slices.Equal(x, cb.([]uint64))
	case []string:
		equal = slices.Equal(x, cb.([]string))
	default:
		t.Fatalf("%s: no comparison for %T", what, ca)
	}
	if !equal {
		t.Fatalf("%s: the parallel result differs from the sequential one", what)
	}
}

func sameFrames(t *testing.T, what string, a, b *data.Frame) {
	t.Helper()
	if !slices.Equal(a.Labels(), b.Labels()) || a.Header() != b.Header() {
		t.Fatalf("%s: %s vs %s", what, a.Header(), b.Header())
	}
	for j := 0; j < a.Cols(); j++ {
		sameValues(t, what+" column "+a.Label(j), a.Column(j), b.Column(j))
	}
}

// largeSide returns n rows: key k (int64, f64 with NaNs, or string) from a
// domain of size domain, a second int key j in [0, 3), and an f64 value.
func largeSide(r *rand.Rand, p, kind string, n, domain int) *data.Frame {
	var key data.Matrix
	switch strings.Fields(kind)[0] {
	case "si64":
		v := make([]int64, n)
		for i := range v {
			v[i] = r.Int64N(int64(domain))
		}
		key = data.DenseFrom(n, 1, v)
	case "f64":
		v := make([]float64, n)
		for i := range v {
			v[i] = float64(r.IntN(domain)) / 4
			if r.IntN(50) == 0 {
				v[i] = math.NaN()
			}
		}
		key = data.DenseFrom(n, 1, v)
	case "str":
		v := make([]string, n)
		for i := range v {
			v[i] = "k" + strconv.Itoa(r.IntN(domain))
		}
		key = data.DenseFrom(n, 1, v)
	}
	j, x := make([]int32, n), make([]float64, n)
	for i := range j {
		j[i], x[i] = int32(r.IntN(3)), r.Float64()*100
	}
	f, err := data.NewFrame([]data.Matrix{key, data.DenseFrom(n, 1, j), data.DenseFrom(n, 1, x)},
		[]string{p + "k", p + "j", p + "x"})
	if err != nil {
		panic(err)
	}
	return f
}

func TestParallelSameAsSequential(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs")
	}
	t.Parallel()
	ctx := context.Background()
	seq := Options{}
	// Domains: few distinct keys (parallel factorization) and nearly unique
	// keys (the sample keeps the factorization sequential).
	for _, kind := range []string{"si64", "f64", "str", "si64 unique", "str few"} {
		r := rand.New(rand.NewPCG(3, uint64(len(kind))))
		lhs := largeSide(r, "l", kind, 120_000, 2_000)
		rhs := largeSide(r, "r", kind, 30_000, 2_500)
		if strings.HasSuffix(kind, "unique") {
			lhs = largeSide(r, "l", kind, 120_000, 10_000_000)
			rhs = largeSide(r, "r", kind, 30_000, 10_000_000)
		}
		small := mkFrame(t, []string{"a", "b"}, lhs.Column(0), lhs.Column(1))
		small2 := mkFrame(t, []string{"a", "b"}, rhs.Column(0), rhs.Column(1))
		ops := map[string]func(o Options) (*data.Frame, error){
			"inner": func(o Options) (*data.Frame, error) { return InnerJoin(ctx, lhs, rhs, "lk", "rk", o) },
			"leftOuter": func(o Options) (*data.Frame, error) {
				return LeftOuterJoin(ctx, lhs, rhs, []string{"lk", "lj"}, []string{"rk", "rj"}, o)
			},
			"fullOuter": func(o Options) (*data.Frame, error) {
				return FullOuterJoin(ctx, rhs, lhs, []string{"rk"}, []string{"lk"}, o)
			},
			"anti": func(o Options) (*data.Frame, error) {
				return AntiJoin(ctx, lhs, rhs, []string{"lk", "lj"}, []string{"rk", "rj"}, o)
			},
			"groupSum":  func(o Options) (*data.Frame, error) { return GroupSum(ctx, lhs, []string{"lk", "lj"}, "lx", o) },
			"groupSum1": func(o Options) (*data.Frame, error) { return GroupSum(ctx, lhs, []string{"lk"}, "lx", o) },
			"intersect": func(o Options) (*data.Frame, error) { return Intersect(ctx, small, small2, o) },
			"except":    func(o Options) (*data.Frame, error) { return Except(ctx, small, small2, o) },
			"semi": func(o Options) (*data.Frame, error) {
				f, _, err := SemiJoin(ctx, lhs, rhs, "lk", "rk", o)
				return f, err
			},
			"groupJoin": func(o Options) (*data.Frame, error) {
				f, _, err := GroupJoin(ctx, lhs, rhs, "lk", "rk", "rx", o)
				return f, err
			},
		}
		for name, run := range ops {
			want, err := run(seq)
			if err != nil {
				t.Fatal(err)
			}
			for _, threads := range []int{2, 5} {
				got, err := run(Options{Threads: threads, ParallelRows: 1000})
				if err != nil {
					t.Fatal(err)
				}
				sameFrames(t, fmt.Sprintf("%s %s threads=%d", kind, name, threads), want, got)
			}
		}
	}
}

func TestCancelled(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r := rand.New(rand.NewPCG(5, 5))
	lhs := largeSide(r, "l", "si64", 5000, 100)
	_, err := GroupSum(ctx, lhs, []string{"lk"}, "lx", Options{Threads: 2, ParallelRows: 100})
	if err == nil {
		t.Fatal("a cancelled context must stop the parallel path")
	}
}
