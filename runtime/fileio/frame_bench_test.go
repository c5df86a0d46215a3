package fileio

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
)

var benchFrame *data.Frame

// benchPurchases returns a rows x 4 frame like the recommendation
// example's purchases table (si64, si64, str, f64).
func benchPurchases(rows int) *data.Frame {
	cs, ps, ns, fs := make([]int64, rows), make([]int64, rows), make([]string, rows), make([]float64, rows)
	s := uint64(88172645463325252)
	for i := range cs {
		s ^= s << 13
		s ^= s >> 7
		s ^= s << 17
		cs[i], ps[i] = int64(s%100000), int64((s>>20)%5000)
		ns[i] = fmt.Sprintf("product %d", ps[i])
		if i%10 == 0 {
			ns[i] += ", large"
		}
		fs[i] = float64(s%10000) / 100
	}
	f, err := data.NewFrame([]data.Matrix{data.DenseFrom(rows, 1, cs), data.DenseFrom(rows, 1, ps), data.DenseFrom(rows, 1, ns), data.DenseFrom(rows, 1, fs)},
		[]string{"customer", "product", "name", "price"})
	if err != nil {
		panic(err)
	}
	return f
}

// BenchmarkFrameIO writes and reads a 1M-row frame as CSV (with .meta,
// with an explicit schema, with inference; with and without quoted fields)
// and as Parquet. Run: go test -run XXX -bench FrameIO -benchtime 3x ./runtime/fileio
func BenchmarkFrameIO(b *testing.B) {
	const rows = 1 << 20
	dir := b.TempDir()
	f := benchPurchases(rows)
	noQuotes, _ := data.NewFrame([]data.Matrix{f.Column(0), f.Column(1), f.Column(3)}, []string{"customer", "product", "price"})
	for _, tc := range []struct {
		name string
		f    *data.Frame
		file string
		opt  FrameReadOptions
	}{
		{"csv meta quoted", f, "q.csv", FrameReadOptions{Header: HeaderDetect}},
		{"csv meta numeric", noQuotes, "n.csv", FrameReadOptions{Header: HeaderDetect}},
		{"csv schema numeric", noQuotes, "s.csv", FrameReadOptions{Schema: "customer:si64,product:si64,price:f64", Header: HeaderNone}},
		{"parquet", f, "p.parquet", FrameReadOptions{Header: HeaderDetect}},
	} {
		path := filepath.Join(dir, tc.file)
		if err := WriteFrame(path, tc.f); err != nil { // for the read benchmark
			b.Fatal(err)
		}
		b.Run("write "+tc.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if err := WriteFrame(path, tc.f); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("read "+tc.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				var err error
				if benchFrame, err = ReadFrame(path, tc.opt); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("read csv inferred numeric", func(b *testing.B) {
		path := filepath.Join(dir, "i.csv")
		if err := WriteFrame(path, noQuotes); err != nil {
			b.Fatal(err)
		}
		if err := os.Remove(MetaPath(path)); err != nil {
			b.Fatal(err)
		}
		for i := 0; i < b.N; i++ {
			var err error
			if benchFrame, err = ReadFrame(path, FrameReadOptions{Header: HeaderDetect}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
