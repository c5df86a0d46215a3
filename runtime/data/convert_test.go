package data

import (
	"fmt"
	"testing"

	"github.com/daphne-go/daphne/types"
)

// base holds the cells of the test matrices: values every value type can
// represent (bool holds them as 0/1).
var base = []int64{0, 1, 2, 100, 0, 7}

func baseMatrix(t *testing.T, vt types.ValueType) Matrix {
	t.Helper()
	m, err := ConvertMatrix(DenseFrom(2, 3, append([]int64(nil), base...)), vt)
	if err != nil {
		t.Fatalf("building %v matrix: %v", vt, err)
	}
	return m
}

func expectedCell(k int, from, to types.ValueType) (num float64, str string) {
	v := base[k]
	if from == types.Bool && v != 0 {
		v = 1
	}
	if to == types.Bool && v != 0 {
		v = 1
	}
	str = fmt.Sprint(v)
	if from.IsFloat() {
		str += ".000000"
	}
	return float64(v), str
}

func checkConverted(t *testing.T, got Matrix, from, to types.ValueType) {
	t.Helper()
	if got.ValueType() != to || got.Rows() != 2 || got.Cols() != 3 {
		t.Fatalf("got %s, want a 2x3 matrix of %v", Describe(got), to)
	}
	for k := range base {
		c, err := MatrixCell(got, k/3, k%3)
		if err != nil {
			t.Fatal(err)
		}
		num, str := expectedCell(k, from, to)
		if to == types.Str {
			if c.S != str {
				t.Errorf("cell %d = %q, want %q", k, c.S, str)
			}
		} else if c.Float64() != num {
			t.Errorf("cell %d = %v, want %v", k, c.Float64(), num)
		}
	}
}

func TestConvertMatrixAllPairs(t *testing.T) {
	t.Parallel()
	for _, from := range types.AllValueTypes {
		for _, to := range types.AllValueTypes {
			t.Run(from.String()+"_to_"+to.String(), func(t *testing.T) {
				t.Parallel()
				src := baseMatrix(t, from)
				got, err := ConvertMatrix(src, to)
				if err != nil {
					t.Fatal(err)
				}
				if got.IsSparse() {
					t.Fatalf("dense input gave %s", Describe(got))
				}
				checkConverted(t, got, from, to)
			})
		}
	}
}

func TestConvertCSRAllPairs(t *testing.T) {
	t.Parallel()
	for _, from := range types.AllValueTypes {
		if from == types.Str {
			continue // string CSR matrices are not produced by any kernel
		}
		for _, to := range types.AllValueTypes {
			t.Run(from.String()+"_to_"+to.String(), func(t *testing.T) {
				t.Parallel()
				src := toCSR(t, baseMatrix(t, from))
				got, err := ConvertMatrix(src, to)
				if err != nil {
					t.Fatal(err)
				}
				if got.IsSparse() == (to == types.Str) {
					t.Fatalf("got %s: want CSR except for str", Describe(got))
				}
				checkConverted(t, got, from, to)
				if got.IsSparse() {
					checkNoStoredZeros(t, got)
				}
			})
		}
	}
}

func toCSR(t *testing.T, m Matrix) Matrix {
	t.Helper()
	switch x := m.(type) {
	case *Dense[float64]:
		return DenseToCSR(x)
	case *Dense[float32]:
		return DenseToCSR(x)
	case *Dense[int64]:
		return DenseToCSR(x)
	case *Dense[int32]:
		return DenseToCSR(x)
	case *Dense[int8]:
		return DenseToCSR(x)
	case *Dense[uint64]:
		return DenseToCSR(x)
	case *Dense[uint32]:
		return DenseToCSR(x)
	case *Dense[uint8]:
		return DenseToCSR(x)
	case *Dense[bool]:
		return DenseToCSR(x)
	}
	t.Fatalf("no CSR for %T", m)
	return nil
}

func checkNoStoredZeros(t *testing.T, m Matrix) {
	t.Helper()
	rowPtr, _, vals, err := csrParts(m)
	if err != nil {
		t.Fatal(err)
	}
	d, err := csrToDense(m)
	if err != nil {
		t.Fatal(err)
	}
	nz := 0
	for k := range base {
		c, _ := MatrixCell(d, k/3, k%3)
		if c.Truth() {
			nz++
		}
	}
	if rowPtr[len(rowPtr)-1] != nz {
		t.Errorf("CSR stores %d values (%v), want the %d non-zeros", rowPtr[len(rowPtr)-1], vals, nz)
	}
}

func TestConvertCSRDropsNewZeros(t *testing.T) {
	t.Parallel()
	src := mustCSR(t, types.F64, 2, 2, []int{0, 2, 3}, []int{0, 1, 1}, []float64{0.5, 2.5, -0.25})
	got, err := ConvertMatrix(src, types.SI64)
	if err != nil {
		t.Fatal(err)
	}
	c := got.(*CSR[int64])
	if c.NNZ() != 1 || c.At(0, 1) != 2 {
		t.Errorf("got %v %v %v, want only cell (0,1)=2", c.RowPtr, c.ColIdx, c.Values)
	}
	if _, err := NewCSR(2, 2, c.RowPtr, c.ColIdx, c.Values); err != nil {
		t.Errorf("result is not a valid CSR matrix: %v", err)
	}
}

func TestConvertMatrixSameTypeIsIdentity(t *testing.T) {
	t.Parallel()
	m := NewDense[float64](2, 2)
	got, err := ConvertMatrix(m, types.F64)
	if err != nil || got != Matrix(m) {
		t.Errorf("ConvertMatrix to its own type = %p, %v; want the same matrix", got, err)
	}
	if _, err := ConvertMatrix(m, types.Unknown); err == nil {
		t.Error("conversion to an unknown value type succeeded")
	}
}

var convertSink Matrix

func BenchmarkConvertF64ToSI64(b *testing.B) {
	m := NewDense[float64](1000, 1000)
	for i := range m.Data {
		m.Data[i] = float64(i) * 0.5
	}
	b.SetBytes(int64(len(m.Data) * 8))
	b.ReportAllocs()
	for b.Loop() {
		convertSink, _ = ConvertMatrix(m, types.SI64)
	}
}

// TestConvertMatrixFreshCells checks the ownership promise: a converted
// dense matrix never shares cells with its input.
func TestConvertMatrixFreshCells(t *testing.T) {
	t.Parallel()
	for _, from := range types.AllValueTypes {
		for _, to := range types.AllValueTypes {
			if from == to {
				continue
			}
			src := baseMatrix(t, from)
			got, err := ConvertMatrix(src, to)
			if err != nil {
				t.Fatal(err)
			}
			a, _ := denseCells(src)
			b, _ := denseCells(got)
			if cellsLen(a) > 0 && sameBacking(a, b) {
				t.Errorf("%v to %v: result shares its cells with the input", from, to)
			}
		}
	}
}

func sameBacking(a, b any) bool {
	return fmt.Sprintf("%p", a) == fmt.Sprintf("%p", b)
}
