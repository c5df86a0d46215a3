package fileio

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
)

var benchSink data.Matrix

// genGraphMtx writes a pseudo-random graph with n nodes and e edges as a
// Matrix Market pattern or real file (deterministic xorshift, unsorted
// entries like many published graphs).
func genGraphMtx(tb testing.TB, path string, n, e int, pattern bool) {
	tb.Helper()
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	field := "real"
	if pattern {
		field = "pattern"
	}
	fmt.Fprintf(w, "%%%%MatrixMarket matrix coordinate %s general\n%d %d %d\n", field, n, n, e)
	s := uint64(88172645463325252)
	buf := make([]byte, 0, 64)
	for k := 0; k < e; k++ {
		s ^= s << 13
		s ^= s >> 7
		s ^= s << 17
		buf = strconv.AppendInt(buf[:0], int64(s%uint64(n))+1, 10)
		buf = append(buf, ' ')
		buf = strconv.AppendInt(buf, int64((s>>32)%uint64(n))+1, 10)
		if !pattern {
			buf = append(buf, ' ')
			buf = strconv.AppendFloat(buf, float64(s%1000)/7, 'g', -1, 64)
		}
		buf = append(buf, '\n')
		w.Write(buf)
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	f.Close()
}

func benchmarkReadMtx(b *testing.B, n, e int, pattern bool) {
	path := filepath.Join(b.TempDir(), "g.mtx")
	genGraphMtx(b, path, n, e, pattern)
	st, _ := os.Stat(path)
	b.SetBytes(st.Size())
	b.ReportAllocs()
	for b.Loop() {
		m, err := ReadMatrix(path)
		if err != nil {
			b.Fatal(err)
		}
		benchSink = m
	}
}

func BenchmarkReadMtx_1M_real(b *testing.B)    { benchmarkReadMtx(b, 100000, 1000000, false) }
func BenchmarkReadMtx_1M_pattern(b *testing.B) { benchmarkReadMtx(b, 100000, 1000000, true) }
func BenchmarkReadMtx_graph400k(b *testing.B)  { benchmarkReadMtx(b, 400000, 3400000, true) }

func benchmarkReadCSV(b *testing.B, m data.Matrix) {
	path := filepath.Join(b.TempDir(), "m.csv")
	if err := WriteMatrix(path, m); err != nil {
		b.Fatal(err)
	}
	st, _ := os.Stat(path)
	b.SetBytes(st.Size())
	b.ReportAllocs()
	for b.Loop() {
		got, err := ReadMatrix(path)
		if err != nil {
			b.Fatal(err)
		}
		benchSink = got
	}
}

func BenchmarkReadCSV_1M_f64(b *testing.B) {
	m := data.NewDense[float64](10000, 100)
	for i := range m.Data {
		m.Data[i] = float64(i%9973) / 13
	}
	benchmarkReadCSV(b, m)
}

func BenchmarkReadCSV_1M_si64(b *testing.B) {
	m := data.NewDense[int64](10000, 100)
	for i := range m.Data {
		m.Data[i] = int64(i*7919) - 5000000
	}
	benchmarkReadCSV(b, m)
}

func BenchmarkWriteCSV_1M_f64(b *testing.B) {
	m := data.NewDense[float64](10000, 100)
	for i := range m.Data {
		m.Data[i] = float64(i%9973) / 13
	}
	path := filepath.Join(b.TempDir(), "m.csv")
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteMatrix(path, m); err != nil {
			b.Fatal(err)
		}
	}
}
