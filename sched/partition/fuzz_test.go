package partition

import (
	"testing"
	"time"
)

// FuzzNext: any scheme, row count, worker count, grain, chunk size, mode and
// worker sequence gives chunks in [min(g, R), R], never 0 while rows remain,
// (checked for the first 2000 chunks), and n <= 2000 rows are all handed out.
func FuzzNext(f *testing.F) {
	f.Add(uint8(0), int64(1000), int16(4), int16(1), int16(7), false, []byte{0, 1, 2, 3})
	f.Add(uint8(5), int64(1)<<61, int16(64), int16(0), int16(1), true, []byte{9})
	f.Add(uint8(9), int64(3), int16(7), int16(-3), int16(0), true, []byte{})
	f.Fuzz(func(t *testing.T, si uint8, n64 int64, p, g, cs int16, compat bool, ws []byte) {
		names := Names()
		name := names[int(si)%len(names)]
		n := int(n64)
		if n < 0 {
			n = -n
		}
		if n < 0 {
			return
		}
		o := Options{Workers: int(p), MinChunk: int(g), ChunkSize: max(int(cs), 1), Compat: compat}
		pt, err := New(name, n, o)
		if err != nil {
			if o.Workers < 0 {
				return
			}
			t.Fatalf("%s n=%d %+v: %v", name, n, o, err)
		}
		P := max(o.Workers, 1)
		gmin := max(o.MinChunk, 1)
		fb, _ := pt.(Feedback)
		rem := n
		for k := 0; rem > 0 && k < 2000; k++ {
			w := k % P
			if len(ws) > 0 {
				w = int(ws[k%len(ws)]) % P
			}
			c := pt.Next(w)
			if c <= 0 || c > rem || c < min(gmin, rem) {
				t.Fatalf("%s n=%d %+v: chunk %d = %d with %d left", name, n, o, k, c, rem)
			}
			rem -= c
			if fb != nil {
				fb.Done(w, c, time.Duration(k%7)*time.Microsecond)
			}
		}
		if n <= 2000 && rem != 0 { // chunks are >= 1, so n <= 2000 rows must be done
			t.Fatalf("%s n=%d %+v: %d rows left after 2000 chunks", name, n, o, rem)
		}
	})
}
