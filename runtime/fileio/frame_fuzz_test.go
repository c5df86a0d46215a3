package fileio

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// TestFrameCSVParallel reads a file of several MiB (parsed in line chunks
// in parallel) and compares every cell with the values it was made from.
func TestFrameCSVParallel(t *testing.T) {
	const n = 120000
	var b bytes.Buffer
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "%d,name%d,%d.25,%d\n", i-n/2, i%977, i, i%256)
	}
	meta := `{"numRows":120000,"numCols":4,"schema":[{"label":"i","valueType":"si64"},{"label":"s","valueType":"str"},{"label":"f","valueType":"f64"},{"label":"u","valueType":"ui8"}]}`
	if b.Len() < 3*parallelChunk {
		t.Fatalf("test file of %d bytes is too small to be split", b.Len())
	}
	p := writeFiles(t, "big.csv", b.String(), meta)
	for _, procs := range []int{1, 4} {
		t.Run(fmt.Sprintf("GOMAXPROCS=%d", procs), func(t *testing.T) {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
			for _, opt := range []FrameReadOptions{{Header: HeaderDetect}, {Schema: "i:si64,s:str,f:f64,u:ui8", Header: HeaderDetect}} {
				f, err := ReadFrame(p, opt)
				if err != nil {
					t.Fatal(err)
				}
				is := f.Column(0).(*data.Dense[int64]).Data
				ss := f.Column(1).(*data.Dense[string]).Data
				fs := f.Column(2).(*data.Dense[float64]).Data
				us := f.Column(3).(*data.Dense[uint8]).Data
				for i := 0; i < n; i++ {
					if is[i] != int64(i-n/2) || ss[i] != fmt.Sprintf("name%d", i%977) || fs[i] != float64(i)+0.25 || us[i] != uint8(i%256) {
						t.Fatalf("row %d: %d %q %v %d", i, is[i], ss[i], fs[i], us[i])
					}
				}
			}
		})
	}
	t.Run("inferred", func(t *testing.T) {
		// A header line, an integer column that turns f64 at the very end
		// and a ragged line deep inside: each found by the parallel survey.
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
		body := "i,s,f,u\n" + b.String()
		p := writeFiles(t, "inf.csv", body+"1,x,2,3.5\n", "")
		for _, procs := range []int{1, 4} {
			runtime.GOMAXPROCS(procs)
			f, err := ReadFrame(p, FrameReadOptions{Header: HeaderDetect})
			if err != nil {
				t.Fatal(err)
			}
			want := "Frame(120001x4, [i:int64_t, s:std::string, f:double, u:double])"
			if f.Header() != want || f.Column(3).(*data.Dense[float64]).Data[n] != 3.5 || f.Column(0).(*data.Dense[int64]).Data[n-1] != int64(n-1-n/2) {
				t.Fatalf("GOMAXPROCS=%d: got %s", procs, f.Header())
			}
		}
		lines := bytes.SplitAfter([]byte(body), []byte("\n"))
		lines[100000] = []byte("1,2,3\n")
		bad := writeFiles(t, "bad.csv", string(bytes.Join(lines, nil)), "")
		for _, procs := range []int{1, 4} {
			runtime.GOMAXPROCS(procs)
			_, err := ReadFrame(bad, FrameReadOptions{Header: HeaderDetect})
			if want := "line 100001: 3 fields, but the first line has 4"; err == nil || !strings.Contains(err.Error(), want) {
				t.Fatalf("GOMAXPROCS=%d: error %v, want %q", procs, err, want)
			}
		}
	})
	t.Run("missing rows reported", func(t *testing.T) {
		short := writeFiles(t, "short.csv", b.String(), `{"numRows":120001,"numCols":4,"valueType":"si64"}`)
		if _, err := ReadFrame(short, FrameReadOptions{Header: HeaderDetect}); err == nil {
			t.Fatal("a file one line short was accepted")
		}
	})
}

func FuzzParseFrameMeta(f *testing.F) {
	for _, s := range []string{
		`{"numCols":2,"numRows":3,"schema":[{"label":"a","valueType":"si64"},{"label":"b","valueType":"f64"}]}`,
		`{"numCols":1,"numRows":0,"valueType":"str"}`,
		`{"numCols":1,"numRows":0,"schema":[{"valueType":""}],"valueType":"ui8"}`,
		`{"schema":null}`, `[]`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := ParseFrameMeta(b, "fuzz.meta")
		if err != nil {
			return
		}
		out, err := MarshalFrameMeta(m)
		if err != nil {
			t.Fatalf("accepted meta %+v cannot be written: %v", m, err)
		}
		back, err := ParseFrameMeta(out, "again.meta")
		if err != nil || fmt.Sprint(back) != fmt.Sprint(m) {
			t.Fatalf("round trip of %+v gave %+v, %v", m, back, err)
		}
	})
}

func FuzzParseSchema(f *testing.F) {
	for _, s := range []string{"a:si64,b:f64,c:str", "si8", " x : ui32 ", "a:b:c", ",", ":"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		vts, labels, err := ParseSchema(s)
		if err != nil {
			return
		}
		if len(vts) == 0 || (labels != nil && len(labels) != len(vts)) {
			t.Fatalf("%q gave %d types and %d labels", s, len(vts), len(labels))
		}
		for _, vt := range vts {
			if _, ok := vt.MetaName(); !ok || vt == types.Size {
				t.Fatalf("%q gave the type %v", s, vt)
			}
		}
	})
}

// FuzzReadFrameCSV reads arbitrary bytes with schema inference and with a
// fixed schema: no panic, and an accepted frame has the announced shape
// and writes and reads back unchanged.
func FuzzReadFrameCSV(f *testing.F) {
	for _, s := range []string{"a,b\n1,2\n", "1,\"x\ny\",3\n", "\"", "1,2\n3\n", "x\r\n\"a\"\"b\"\n", ",\n,\n"} {
		f.Add([]byte(s))
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, b []byte) {
		p := filepath.Join(dir, "in.csv")
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, opt := range []FrameReadOptions{{Header: HeaderDetect}, {Schema: "si64,str", Header: HeaderDetect}} {
			fr, err := ReadFrame(p, opt)
			if err != nil {
				continue
			}
			out := filepath.Join(dir, "out.csv")
			if err := WriteFrame(out, fr); err != nil {
				continue // e.g. a quoted string ending in a backslash
			}
			back, err := ReadFrame(out, FrameReadOptions{Header: HeaderDetect})
			if err != nil {
				t.Fatalf("re-reading a written frame: %v", err)
			}
			equalFrames(t, back, fr)
		}
	})
}
