package agg

import (
	"fmt"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// matrixOfType returns the 3x2 matrix [1 6; 4 2; 5 3] with value type vt.
func matrixOfType(vt types.ValueType) data.Matrix {
	vals := []float64{1, 6, 4, 2, 5, 3}
	switch vt {
	case types.F64:
		return data.DenseFrom(3, 2, vals)
	case types.F32:
		return data.DenseFrom(3, 2, conv[float32](vals))
	case types.SI64:
		return data.DenseFrom(3, 2, conv[int64](vals))
	case types.SI32:
		return data.DenseFrom(3, 2, conv[int32](vals))
	case types.SI8:
		return data.DenseFrom(3, 2, conv[int8](vals))
	case types.UI64:
		return data.DenseFrom(3, 2, conv[uint64](vals))
	case types.UI32:
		return data.DenseFrom(3, 2, conv[uint32](vals))
	case types.UI8:
		return data.DenseFrom(3, 2, conv[uint8](vals))
	case types.Size:
		return data.DenseFromVT(types.Size, 3, 2, conv[uint64](vals))
	}
	panic("no matrix for " + vt.String())
}

func conv[T data.Number](vals []float64) []T {
	out := make([]T, len(vals))
	for i, v := range vals {
		out[i] = T(v)
	}
	return out
}

// numbers renders a value's numbers as float64s, whatever its type.
func numbers(v data.Value) string {
	if s, ok := v.(*data.Scalar); ok {
		return fmt.Sprint([]float64{s.Float64()})
	}
	m := v.(data.Matrix)
	var out []float64
	for i := range m.Rows() {
		for j := range m.Cols() {
			out = append(out, cellFloat(m, i, j))
		}
	}
	return fmt.Sprint(out)
}

func cellFloat(m data.Matrix, i, j int) float64 {
	switch x := m.(type) {
	case *data.Dense[float64]:
		return x.At(i, j)
	case *data.Dense[float32]:
		return float64(x.At(i, j))
	case *data.Dense[int64]:
		return float64(x.At(i, j))
	case *data.Dense[int32]:
		return float64(x.At(i, j))
	case *data.Dense[int8]:
		return float64(x.At(i, j))
	case *data.Dense[uint64]:
		return float64(x.At(i, j))
	case *data.Dense[uint32]:
		return float64(x.At(i, j))
	case *data.Dense[uint8]:
		return float64(x.At(i, j))
	}
	panic("unexpected " + data.Describe(m))
}

// TestEveryValueType runs every op of the package over every numeric value
// type and checks the numbers and the result value type.
func TestEveryValueType(t *testing.T) {
	t.Parallel()
	ids := denseOf([][]int64{{1}, {0}, {1}})
	cases := []struct {
		op      string
		want    string
		floatVT bool // mean/var/stddev: f32 stays f32, others become f64
		sizeVT  bool
	}{
		{"sumAll", "[21]", false, false},
		{"sumRow", "[7 6 8]", false, false},
		{"sumCol", "[10 11]", false, false},
		{"aggMinAll", "[1]", false, false},
		{"aggMaxRow", "[6 4 5]", false, false},
		{"aggMinCol", "[1 2]", false, false},
		{"meanAll", "[3.5]", true, false},
		{"meanRow", "[3.5 3 4]", true, false},
		{"varCol", "[2.8888888888888893 2.8888888888888893]", true, false}, // 78/27, one ulp high
		{"stddevRow", "[2.5 1 1]", true, false},
		{"idxMaxRow", "[1 0 0]", false, true},
		{"idxMinCol", "[0 1]", false, true},
		{"cumSum", "[1 6 5 8 10 11]", false, false},
		{"cumMax", "[1 6 4 6 5 6]", false, false},
		{"sumGrp", "[4 2 6 9]", false, false},
		{"aggMaxGrp", "[4 2 5 6]", false, false},
		{"meanGrp", "[4 2 3 4.5]", true, false},
		{"countGrp", "[1 1 2 2]", false, true},
	}
	r := registry()
	vts := []types.ValueType{types.F64, types.F32, types.SI64, types.SI32, types.SI8,
		types.UI64, types.UI32, types.UI8, types.Size}
	for _, vt := range vts {
		for _, tc := range cases {
			t.Run(vt.String()+"/"+tc.op, func(t *testing.T) {
				t.Parallel()
				f, _ := r.Lookup(tc.op)
				args := []data.Value{matrixOfType(vt)}
				if tc.op[len(tc.op)-3:] == "Grp" {
					args = append(args, ids, data.SI64(2))
				}
				res, err := f(nil, args, nil)
				if err != nil {
					t.Fatal(err)
				}
				got := numbers(res[0])
				want := tc.want
				if vt == types.F32 && tc.op == "varCol" {
					v := float64(float32(78.0 / 27))
					want = fmt.Sprint([]float64{v, v})
				}
				if got != want {
					t.Fatalf("got %s, want %s", got, want)
				}
				wantVT := vt
				switch {
				case tc.sizeVT:
					wantVT = types.Size
				case tc.floatVT:
					wantVT = types.FloatOf(vt)
				}
				if gotVT := res[0].ValueType(); gotVT != wantVT {
					t.Fatalf("value type %v, want %v", gotVT, wantVT)
				}
			})
		}
	}
}
