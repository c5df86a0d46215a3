package fileio

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// writeFiles creates name (and name.meta if meta is not "") in a new
// temporary directory and returns the path of name.
func writeFiles(t *testing.T, name, content, meta string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	if meta != "" {
		if err := os.WriteFile(path+".meta", []byte(meta), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

func TestReadCSV(t *testing.T) {
	t.Parallel()
	nan := math.NaN()
	tests := []struct {
		name    string
		content string
		meta    string
		want    data.Matrix
	}{
		{"f64", "1,2.5\n-3e2,.5\n", `{"numRows":2,"numCols":2,"valueType":"f64"}`,
			data.DenseFrom(2, 2, []float64{1, 2.5, -300, 0.5})},
		{"f64 crlf and spaces", " 1 ,2\r\n3,\t4\r\n", `{"numRows":2,"numCols":2,"valueType":"f64"}`,
			data.DenseFrom(2, 2, []float64{1, 2, 3, 4})},
		{"f64 no final newline", "1,2\n3,4", `{"numRows":2,"numCols":2,"valueType":"f64"}`,
			data.DenseFrom(2, 2, []float64{1, 2, 3, 4})},
		{"f64 unparsable is nan", "abc,\n", `{"numRows":1,"numCols":2,"valueType":"f64"}`,
			data.DenseFrom(1, 2, []float64{nan, nan})},
		{"f64 specials and prefixes", "inf,-nan,1.5x,0x10\n", `{"numRows":1,"numCols":4,"valueType":"f64"}`,
			data.DenseFrom(1, 4, []float64{math.Inf(1), nan, 1.5, 16})},
		{"f64 17 digits", "0.10000000000000001,123456789012345678\n", `{"numRows":1,"numCols":2,"valueType":"f64"}`,
			data.DenseFrom(1, 2, []float64{0.1, 123456789012345678})},
		{"f32", "0.1,3.4e38\n", `{"numRows":1,"numCols":2,"valueType":"f32"}`,
			data.DenseFrom(1, 2, []float32{0.1, 3.4e38})},
		{"si64 leading part", "12abc,-7,3.9,x\n", `{"numRows":1,"numCols":4,"valueType":"si64"}`,
			data.DenseFrom(1, 4, []int64{12, -7, 3, 0})},
		{"si64 extremes", "9223372036854775807,-9223372036854775808\n", `{"numRows":1,"numCols":2,"valueType":"si64"}`,
			data.DenseFrom(1, 2, []int64{math.MaxInt64, math.MinInt64})},
		{"ui64 max", "18446744073709551615\n", `{"numRows":1,"numCols":1,"valueType":"ui64"}`,
			data.DenseFrom(1, 1, []uint64{math.MaxUint64})},
		{"si8 wraps", "200,-1\n", `{"numRows":1,"numCols":2,"valueType":"si8"}`,
			data.DenseFrom(1, 2, []int8{-56, -1})},
		{"ui8", "255,0\n", `{"numRows":1,"numCols":2,"valueType":"ui8"}`,
			data.DenseFrom(1, 2, []uint8{255, 0})},
		{"si32 and ui32", "-5\n", `{"numRows":1,"numCols":1,"valueType":"si32"}`,
			data.DenseFrom(1, 1, []int32{-5})},
		{"extra fields ignored", "1,2,3\n4,5,6\n", `{"numRows":2,"numCols":2,"valueType":"si64"}`,
			data.DenseFrom(2, 2, []int64{1, 2, 4, 5})},
		{"extra lines ignored", "1\n2\n3\n", `{"numRows":2,"numCols":1,"valueType":"si64"}`,
			data.DenseFrom(2, 1, []int64{1, 2})},
		{"strings quoted", "a,\"b,c\"\n\"say \"\"hi\"\"\",\"two\nlines\"\n", `{"numRows":2,"numCols":2,"valueType":"str"}`,
			data.DenseFrom(2, 2, []string{"a", "b,c", `say "hi"`, "two\nlines"})},
		{"strings in DAPHNE's quoting dialect",
			"\"p, q\",\"say \"\"hi\"\"\",\"back\\\"slash\"\n\"\\\"lead\",plain,\"\"\n\"multi\nline\",x,\"tail\"junk\n",
			`{"numRows":3,"numCols":3,"valueType":"str"}`,
			data.DenseFrom(3, 3, []string{"p, q", `say "hi"`, `back\"slash`, `\"lead`, "plain", "", "multi\nline", "x", "tailjunk"})},
		{"strings empty and crlf", ",x\r\n", `{"numRows":1,"numCols":2,"valueType":"str"}`,
			data.DenseFrom(1, 2, []string{"", "x"})},
		{"zero rows", "", `{"numRows":0,"numCols":3,"valueType":"f64"}`, data.NewDense[float64](0, 3)},
		{"meta with extra keys", "1\n", `{"numRows":1,"numCols":1,"valueType":"si64","numNonZeros":1,"hdfs":{}}`,
			data.DenseFrom(1, 1, []int64{1})},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := ReadMatrix(writeFiles(t, "m.csv", tc.content, tc.meta))
			if err != nil {
				t.Fatal(err)
			}
			equalMatrices(t, got, tc.want)
		})
	}
}

func TestReadCSVErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		content string
		meta    string // "" means no meta file
		want    []string
	}{
		{"no meta", "1\n", "", []string{"could not open file '", "m.csv.meta' for reading meta data"}},
		{"too few rows", "1,2\n", `{"numRows":3,"numCols":2,"valueType":"f64"}`, []string{"m.csv' has 1 lines", "3 rows"}},
		{"too few columns", "1,2\n3\n", `{"numRows":2,"numCols":2,"valueType":"si64"}`, []string{"line 2", "expected 2 columns, found 1"}},
		{"too few string columns", "a\n", `{"numRows":1,"numCols":3,"valueType":"str"}`, []string{"line 1", "expected 3 columns"}},
		{"unclosed quote", "\"abc\n", `{"numRows":1,"numCols":1,"valueType":"str"}`, []string{"line 1", "not closed"}},
		{"bogus shape", "1\n", `{"numRows":1000000,"numCols":1000000,"valueType":"f64"}`, []string{"too short"}},
		{"columns zero, a cell", "\n1\n", `{"numRows":2,"numCols":0,"valueType":"f64"}`, []string{"line 2", "expected an empty line", "0 columns"}},
		{"columns zero, lines missing", "\n", `{"numRows":3,"numCols":0,"valueType":"f64"}`, []string{"after 1 of the 3 empty lines"}},
		{"columns zero, lines left", "\n\n\n", `{"numRows":2,"numCols":0,"valueType":"f64"}`, []string{"line 3", "more lines than the 2 rows"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := ReadMatrix(writeFiles(t, "m.csv", tc.content, tc.meta))
			if err == nil {
				t.Fatal("ReadMatrix succeeded, want an error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

func TestCSVWriteFormat(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		m    data.Matrix
		want string
	}{
		{"floats shortest", data.DenseFrom(1, 4, []float64{0.1, 1.0 / 3, 1e21, -0.5}), "0.1,0.3333333333333333,1e+21,-0.5\n"},
		{"float specials", data.DenseFrom(1, 3, []float64{math.NaN(), math.Inf(1), math.Inf(-1)}), "nan,inf,-inf\n"},
		{"f32 shortest", data.DenseFrom(1, 1, []float32{0.1}), "0.1\n"},
		{"ints", data.DenseFrom(2, 1, []int8{-128, 127}), "-128\n127\n"},
		{"quote after backslash not doubled", data.DenseFrom(1, 1, []string{`a\"b,`}), "\"a\\\"b,\"\n"},
		{"strings quoted when needed", data.DenseFrom(1, 4, []string{"plain", "a,b", `q"`, "n\n"}), "plain,\"a,b\",\"q\"\"\",\"n\n\"\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var b strings.Builder
			if err := writeCSV(&b, tc.m); err != nil {
				t.Fatal(err)
			}
			if b.String() != tc.want {
				t.Errorf("CSV = %q, want %q", b.String(), tc.want)
			}
		})
	}
}

func TestReadSizeMatrixAsUI64(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "s.csv")
	if err := WriteMatrix(path, data.DenseFromVT(types.Size, 1, 2, []uint64{3, 4})); err != nil {
		t.Fatal(err)
	}
	got, err := ReadMatrix(path)
	if err != nil {
		t.Fatal(err)
	}
	if want := data.DenseFrom(1, 2, []uint64{3, 4}); !reflect.DeepEqual(got, data.Matrix(want)) {
		t.Errorf("got %#v, want %#v", got, want)
	}
}

// TestReadCSVParallelChunks reads files large enough to be parsed in
// several chunks: values, a short file, and a bad line far into the file.
func TestReadCSVParallelChunks(t *testing.T) {
	t.Parallel()
	const rows, cols = 60000, 8
	var b strings.Builder
	want := make([]int64, rows*cols)
	for r := 0; r < rows; r++ {
		for c := 0; c < cols; c++ {
			if c > 0 {
				b.WriteByte(',')
			}
			v := int64(r*cols+c) * 7919
			want[r*cols+c] = v
			b.WriteString(strconv.FormatInt(v, 10))
		}
		b.WriteByte('\n')
	}
	content := b.String()
	if len(splitLines([]byte(content), 4)) < 3 {
		t.Fatalf("test file of %d bytes is not split into chunks", len(content))
	}
	meta := func(r int) string {
		return `{"numRows":` + strconv.Itoa(r) + `,"numCols":8,"valueType":"si64"}`
	}
	t.Run("values", func(t *testing.T) {
		t.Parallel()
		got, err := ReadMatrix(writeFiles(t, "big.csv", content, meta(rows)))
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, data.Matrix(data.DenseFrom(rows, cols, want))) {
			t.Error("cells differ from the file")
		}
	})
	t.Run("fewer rows than lines", func(t *testing.T) {
		t.Parallel()
		got, err := ReadMatrix(writeFiles(t, "big.csv", content, meta(rows-1)))
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, data.Matrix(data.DenseFrom(rows-1, cols, want[:(rows-1)*cols]))) {
			t.Error("cells differ from the file")
		}
	})
	t.Run("no final newline", func(t *testing.T) {
		t.Parallel()
		got, err := ReadMatrix(writeFiles(t, "big.csv", strings.TrimSuffix(content, "\n"), meta(rows)))
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, data.Matrix(data.DenseFrom(rows, cols, want))) {
			t.Error("cells differ from the file")
		}
	})
	t.Run("too few rows", func(t *testing.T) {
		t.Parallel()
		_, err := ReadMatrix(writeFiles(t, "big.csv", content, meta(rows+5)))
		if err == nil || !strings.Contains(err.Error(), "has 60000 lines") {
			t.Errorf("error %v, want one saying the file has 60000 lines", err)
		}
	})
	t.Run("short line late in the file", func(t *testing.T) {
		t.Parallel()
		lines := strings.SplitAfter(content, "\n")
		lines[50000] = "1,2\n"
		_, err := ReadMatrix(writeFiles(t, "big.csv", strings.Join(lines, ""), meta(rows)))
		if err == nil || !strings.Contains(err.Error(), "line 50001") {
			t.Errorf("error %v, want one naming line 50001", err)
		}
	})
}

// TestNoColumnsRoundTrip writes r x 0 matrices and frames (one empty line
// per row) and reads them back with their row counts.
func TestNoColumnsRoundTrip(t *testing.T) {
	t.Parallel()
	for _, rows := range []int{0, 1, 3} {
		t.Run(fmt.Sprintf("matrix %dx0", rows), func(t *testing.T) {
			t.Parallel()
			path := filepath.Join(t.TempDir(), "m.csv")
			if err := WriteMatrix(path, data.NewDense[int64](rows, 0)); err != nil {
				t.Fatal(err)
			}
			m, err := ReadMatrix(path)
			if err != nil {
				t.Fatal(err)
			}
			if m.Rows() != rows || m.Cols() != 0 || m.ValueType() != types.SI64 {
				t.Fatalf("read %dx%d %v, want %dx0 si64", m.Rows(), m.Cols(), m.ValueType(), rows)
			}
		})
		t.Run(fmt.Sprintf("frame %dx0", rows), func(t *testing.T) {
			t.Parallel()
			path := filepath.Join(t.TempDir(), "f.csv")
			f, err := data.NewFrameRows(rows, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			if err := WriteFrame(path, f); err != nil {
				t.Fatal(err)
			}
			g, err := ReadFrame(path, FrameReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if g.Rows() != rows || g.Cols() != 0 {
				t.Fatalf("read %dx%d, want %dx0", g.Rows(), g.Cols(), rows)
			}
		})
	}
	t.Run("no trailing newline", func(t *testing.T) {
		t.Parallel()
		m, err := ReadMatrix(writeFiles(t, "m.csv", "\n\r\n", `{"numRows":3,"numCols":0,"valueType":"f64"}`))
		if err == nil {
			t.Fatalf("read %dx%d from 2 lines, want an error", m.Rows(), m.Cols())
		}
		m, err = ReadMatrix(writeFiles(t, "m.csv", "\n\r\n", `{"numRows":2,"numCols":0,"valueType":"f64"}`))
		if err != nil || m.Rows() != 2 {
			t.Fatalf("got %v, %v; want a 2x0 matrix", m, err)
		}
	})
}
