package gen

import (
	"fmt"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
	"github.com/daphne-go/daphne/types"
)

// Register adds the data-generation ops fill, seq, rand and sample to r.
func Register(r *ops.Registry) {
	r.Register("fill", opFill)
	r.Register("seq", opSeq)
	r.Register("rand", opRand)
	r.Register("sample", opSample)
}

func checkArity(op string, args []data.Value, lo, hi int) error {
	if len(args) < lo || len(args) > hi {
		if lo == hi {
			return fmt.Errorf("%s expects %d arguments, got %d", op, lo, len(args))
		}
		return fmt.Errorf("%s expects %d to %d arguments, got %d", op, lo, hi, len(args))
	}
	return nil
}

func opFill(_ *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
	if err := checkArity("fill", args, 3, 3); err != nil {
		return nil, err
	}
	v, err := data.ScalarArg(args[0], "fill: value")
	if err != nil {
		return nil, err
	}
	rows, err := data.DimArg(args[1], "fill: numRows")
	if err != nil {
		return nil, err
	}
	cols, err := data.DimArg(args[2], "fill: numCols")
	if err != nil {
		return nil, err
	}
	m, err := FillScalar(v, rows, cols)
	if err != nil {
		return nil, err
	}
	return ops.Results(m), nil
}

// numFn instantiates a generic kernel for one value type.
type seqFn func(vt types.ValueType, from, to, inc *data.Scalar) (data.Matrix, error)

func seqOf[T data.Number](vt types.ValueType, from, to, inc *data.Scalar) (data.Matrix, error) {
	m, err := Seq(vt, data.Get[T](from), data.Get[T](to), data.Get[T](inc))
	if err != nil {
		return nil, err
	}
	return m, nil
}

var seqByVT = map[types.ValueType]seqFn{
	types.F64: seqOf[float64], types.F32: seqOf[float32],
	types.SI64: seqOf[int64], types.SI32: seqOf[int32], types.SI8: seqOf[int8],
	types.UI64: seqOf[uint64], types.UI32: seqOf[uint32], types.UI8: seqOf[uint8],
	types.Size: seqOf[uint64],
}

func opSeq(_ *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
	if err := checkArity("seq", args, 2, 3); err != nil {
		return nil, err
	}
	names := []string{"seq: from", "seq: to", "seq: inc"}
	sc := make([]*data.Scalar, 3)
	for i, a := range args {
		s, err := data.ScalarArg(a, names[i])
		if err != nil {
			return nil, err
		}
		if !s.VT.IsNumeric() || s.VT == types.Bool {
			return nil, fmt.Errorf("%s must be a number, got %s", names[i], data.Describe(a))
		}
		sc[i] = s
	}
	if sc[2] == nil {
		// The implicit inc is si8, so it never widens the value type.
		sc[2] = &data.Scalar{VT: types.SI8, I: 1}
	}
	vt := types.Promote(sc[0].VT, sc[1].VT, sc[2].VT)
	f, ok := seqByVT[vt]
	if !ok {
		return nil, fmt.Errorf("seq: unsupported value type %v", vt)
	}
	m, err := f(vt, sc[0], sc[1], sc[2])
	if err != nil {
		return nil, err
	}
	return ops.Results(m), nil
}

type randFn func(vt types.ValueType, rows, cols int, lo, hi *data.Scalar, sparsity float64, seed int64, csr bool) (data.Matrix, error)

func randOf[T data.Number](vt types.ValueType, rows, cols int, lo, hi *data.Scalar, sparsity float64, seed int64, csr bool) (data.Matrix, error) {
	if csr {
		m, err := RandCSR(vt, rows, cols, data.Get[T](lo), data.Get[T](hi), sparsity, seed)
		if err != nil {
			return nil, err
		}
		return m, nil
	}
	m, err := RandDense(vt, rows, cols, data.Get[T](lo), data.Get[T](hi), sparsity, seed)
	if err != nil {
		return nil, err
	}
	return m, nil
}

var randByVT = map[types.ValueType]randFn{
	types.F64: randOf[float64], types.F32: randOf[float32],
	types.SI64: randOf[int64], types.SI32: randOf[int32], types.SI8: randOf[int8],
	types.UI64: randOf[uint64], types.UI32: randOf[uint32], types.UI8: randOf[uint8],
	types.Size: randOf[uint64],
}

// sizeArg reads a row or column count that may be given as any number;
// range checks are left to the kernel so that its messages match DAPHNE's.
// A 1x1 matrix stands for its cell (data.SizeValue).
func sizeArg(v data.Value, what string) (int, error) {
	n, err := data.IntArg(data.SizeValue(v), what)
	if err != nil {
		return 0, err
	}
	if n > maxCells {
		return 0, fmt.Errorf("%s is too large: %d", what, n)
	}
	return int(n), nil
}

// opRand generates a dense matrix, or a CSR one (with DAPHNE's CSR
// algorithm) when the op carries the attribute repr=csr, which a
// representation-selection pass sets for sparse results.
func opRand(_ *ops.Ctx, args []data.Value, attrs map[string]string) ([]data.Value, error) {
	if err := checkArity("rand", args, 6, 6); err != nil {
		return nil, err
	}
	rows, err := sizeArg(args[0], "rand: numRows")
	if err != nil {
		return nil, err
	}
	cols, err := sizeArg(args[1], "rand: numCols")
	if err != nil {
		return nil, err
	}
	lo, err := data.ScalarArg(args[2], "rand: min")
	if err != nil {
		return nil, err
	}
	hi, err := data.ScalarArg(args[3], "rand: max")
	if err != nil {
		return nil, err
	}
	if hi.VT == types.Str {
		return nil, fmt.Errorf("rand: max must be a number, got string %q", hi.S)
	}
	sparsity, err := data.FloatArg(args[4], "rand: sparsity")
	if err != nil {
		return nil, err
	}
	seed, err := data.IntArg(args[5], "rand: seed")
	if err != nil {
		return nil, err
	}
	f, ok := randByVT[lo.VT]
	if !ok {
		return nil, fmt.Errorf("rand: min must be a number (its type is the result's value type), got %s", data.Describe(lo))
	}
	m, err := f(lo.VT, rows, cols, lo, hi, sparsity, seed, attrs["repr"] == "csr")
	if err != nil {
		return nil, err
	}
	return ops.Results(m), nil
}

type sampleFn func(vt types.ValueType, rng *data.Scalar, size int, withReplacement bool, seed int64) (data.Matrix, error)

func sampleOf[T data.Number](vt types.ValueType, rng *data.Scalar, size int, withReplacement bool, seed int64) (data.Matrix, error) {
	m, err := Sample(vt, data.Get[T](rng), size, withReplacement, seed)
	if err != nil {
		return nil, err
	}
	return m, nil
}

var sampleByVT = map[types.ValueType]sampleFn{
	types.F64: sampleOf[float64], types.F32: sampleOf[float32],
	types.SI64: sampleOf[int64], types.SI32: sampleOf[int32], types.SI8: sampleOf[int8],
	types.UI64: sampleOf[uint64], types.UI32: sampleOf[uint32], types.UI8: sampleOf[uint8],
	types.Size: sampleOf[uint64],
}

func opSample(_ *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
	if err := checkArity("sample", args, 4, 4); err != nil {
		return nil, err
	}
	rng, err := data.ScalarArg(args[0], "sample: range")
	if err != nil {
		return nil, err
	}
	size, err := sizeArg(args[1], "sample: size")
	if err != nil {
		return nil, err
	}
	withRepl, err := data.BoolArg(args[2], "sample: withReplacement")
	if err != nil {
		return nil, err
	}
	seed, err := data.IntArg(args[3], "sample: seed")
	if err != nil {
		return nil, err
	}
	f, ok := sampleByVT[rng.VT]
	if !ok {
		return nil, fmt.Errorf("sample: range must be a number (its type is the result's value type), got %s", data.Describe(rng))
	}
	m, err := f(rng.VT, rng, size, withRepl, seed)
	if err != nil {
		return nil, err
	}
	return ops.Results(m), nil
}
