package agg

import (
	"math/rand/v2"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
)

var sink data.Value

var bigDense *data.Dense[float64]

// big returns a shared 1e6 x 101 f64 matrix of uniform values.
func big() *data.Dense[float64] {
	if bigDense == nil {
		r := rand.New(rand.NewPCG(3, 4))
		bigDense = data.NewDense[float64](1000000, 101)
		for i := range bigDense.Data {
			bigDense.Data[i] = r.Float64()
		}
	}
	return bigDense
}

func benchAgg(b *testing.B, op Op, ax Axis, m data.Matrix, bytes int64) {
	b.ReportAllocs()
	b.SetBytes(bytes)
	for b.Loop() {
		v, err := Aggregate(op, ax, m)
		if err != nil {
			b.Fatal(err)
		}
		sink = v
	}
}

func BenchmarkSumCol1e6x101(b *testing.B)    { benchAgg(b, Sum, Col, big(), 8*101e6) }
func BenchmarkMeanCol1e6x101(b *testing.B)   { benchAgg(b, Mean, Col, big(), 8*101e6) }
func BenchmarkStddevCol1e6x101(b *testing.B) { benchAgg(b, Stddev, Col, big(), 8*101e6) }
func BenchmarkSumRow1e6x101(b *testing.B)    { benchAgg(b, Sum, Row, big(), 8*101e6) }

// BenchmarkAggMaxRowCSR1M runs aggMaxRow over a 1e5 x 1e5 CSR matrix with
// 1e6 non-zeros (10 per row).
func BenchmarkAggMaxRowCSR1M(b *testing.B) {
	const rows, cols, perRow = 100000, 100000, 10
	r := rand.New(rand.NewPCG(5, 6))
	rowPtr := make([]int, rows+1)
	colIdx := make([]int, 0, rows*perRow)
	vals := make([]float64, 0, rows*perRow)
	for i := range rows {
		base := r.IntN(cols - perRow*100)
		for k := range perRow {
			colIdx = append(colIdx, base+k*100)
			vals = append(vals, r.Float64()-0.5)
		}
		rowPtr[i+1] = len(vals)
	}
	m, err := data.NewCSR(rows, cols, rowPtr, colIdx, vals)
	if err != nil {
		b.Fatal(err)
	}
	benchAgg(b, Max, Row, m, int64(len(vals))*16)
}

var bigF32 *data.Dense[float32]

// bigSingle returns big() converted to f32.
func bigSingle() *data.Dense[float32] {
	if bigF32 == nil {
		b := big()
		bigF32 = data.NewDense[float32](b.Rows(), b.Cols())
		for i, v := range b.Data {
			bigF32.Data[i] = float32(v)
		}
	}
	return bigF32
}

// BenchmarkStatCol runs the column statistics on 1e6 x 101 f64 and f32
// (bytes = bytes read).
func BenchmarkStatCol(b *testing.B) {
	for _, op := range []Op{Sum, Mean, Stddev} {
		b.Run(op.String()+"/f64", func(b *testing.B) { benchAgg(b, op, Col, big(), 8*101e6) })
		b.Run(op.String()+"/f32", func(b *testing.B) { benchAgg(b, op, Col, bigSingle(), 4*101e6) })
	}
}

// BenchmarkStatColLoop compares the column updates (assembly where the CPU
// has it) with their Go loops on the same f64 data, back to back: the 1e6 x
// 101 matrix (memory-bound) and a 250 x 101 block that stays in L2 (the
// compute limit).
func BenchmarkStatColLoop(b *testing.B) {
	for _, sz := range []struct {
		name string
		d    []float64
	}{{"mem", big().Data}, {"l2", big().Data[:250*101]}} {
		d, cols := sz.d, big().Cols()
		k, s1, s2 := make([]float64, cols), make([]float64, cols), make([]float64, cols)
		run := func(name string, f func()) {
			b.Run(sz.name+"/"+name, func(b *testing.B) {
				b.SetBytes(int64(8 * len(d)))
				for b.Loop() {
					f()
				}
			})
		}
		run("shifted/fast", func() { colShifted(d, cols, k, s1, s2) })
		run("shifted/go", func() { colShiftedGo(d, cols, k, s1, s2) })
		run("add/fast", func() { colAdd(d, cols, s1) })
		run("add/go", func() { colAddGo(d, cols, s1) })
	}
}

// BenchmarkMomentsCol runs MomentsOf(Col) on 1e6 x 101 f64, whole and in
// the 1000-row chunks of a vectorized pipeline.
func BenchmarkMomentsCol(b *testing.B) {
	m := big()
	b.Run("whole", func(b *testing.B) {
		b.SetBytes(8 * 101e6)
		for b.Loop() {
			if _, err := MomentsOf(Col, m); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("chunks1000", func(b *testing.B) {
		b.SetBytes(8 * 101e6)
		for b.Loop() {
			for lo := 0; lo < m.Rows(); lo += 1000 {
				if _, err := MomentsOf(Col, m.RowRange(lo, min(lo+1000, m.Rows()))); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
