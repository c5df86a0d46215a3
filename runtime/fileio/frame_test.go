package fileio

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// allTypes are the value types a frame column in a file may have.
var allTypes = []types.ValueType{types.F64, types.F32, types.SI64, types.SI32, types.SI8,
	types.UI64, types.UI32, types.UI8, types.Str}

// sampleFrame returns a 12-row frame with one column per value type in
// allTypes (the cells of sample, reshaped), labelled by the type's name.
func sampleFrame(t *testing.T) *data.Frame {
	t.Helper()
	cols := make([]data.Matrix, len(allTypes))
	labels := make([]string, len(allTypes))
	for j, vt := range allTypes {
		col := column12(sample(t, vt))
		cols[j] = col
		labels[j] = "c " + vt.String()
	}
	f, err := data.NewFrame(cols, labels)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// column12 reshapes a 3x4 dense matrix to 12x1.
func column12(m data.Matrix) data.Matrix {
	switch x := m.(type) {
	case *data.Dense[float64]:
		return x.Reshaped(12, 1)
	case *data.Dense[float32]:
		return x.Reshaped(12, 1)
	case *data.Dense[int64]:
		return x.Reshaped(12, 1)
	case *data.Dense[int32]:
		return x.Reshaped(12, 1)
	case *data.Dense[int8]:
		return x.Reshaped(12, 1)
	case *data.Dense[uint64]:
		return x.Reshaped(12, 1)
	case *data.Dense[uint32]:
		return x.Reshaped(12, 1)
	case *data.Dense[uint8]:
		return x.Reshaped(12, 1)
	case *data.Dense[string]:
		return x.Reshaped(12, 1)
	}
	panic("column12: unexpected matrix")
}

// equalFrames compares labels, schemas and cells (NaN equal to NaN).
func equalFrames(t *testing.T, got, want *data.Frame) {
	t.Helper()
	if got.Header() != want.Header() {
		t.Fatalf("got %s, want %s", got.Header(), want.Header())
	}
	for j := 0; j < want.Cols(); j++ {
		equalMatrices(t, got.Column(j), want.Column(j))
	}
}

func TestFrameCSVRoundTrip(t *testing.T) {
	want := sampleFrame(t)
	for _, tc := range []struct {
		name string
		f    *data.Frame
	}{
		{"every type", want},
		{"no rows", mustEmpty(t)},
		{"awkward strings", strFrame(t, []string{"", ",", `"`, `""`, "a\nb", "a\r\nb", `\"x`, " ", "end,", `"quoted"`})},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "f.csv")
			if err := WriteFrame(p, tc.f); err != nil {
				t.Fatal(err)
			}
			got, err := ReadFrame(p, FrameReadOptions{Header: HeaderDetect})
			if err != nil {
				t.Fatal(err)
			}
			equalFrames(t, got, tc.f)
		})
	}
}

func mustEmpty(t *testing.T) *data.Frame {
	f, err := data.EmptyFrame([]types.ValueType{types.SI64, types.Str}, []string{"a", "b"})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func strFrame(t *testing.T, vs []string) *data.Frame {
	f, err := data.NewFrame([]data.Matrix{data.DenseFrom(len(vs), 1, vs), data.DenseFrom(len(vs), 1, make([]int64, len(vs)))}, []string{"s", "n"})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestWriteFrameMeta(t *testing.T) {
	f, err := data.NewFrame([]data.Matrix{data.DenseFrom(3, 1, []int64{1, 2, 3}), data.DenseFrom(3, 1, []float64{.5, 1, 2})}, []string{"a", `b"<`})
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "f.csv")
	if err := WriteFrame(p, f); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(p + ".meta")
	want := `{"numCols":2,"numRows":3,"schema":[{"label":"a","valueType":"si64"},{"label":"b\"<","valueType":"f64"}]}`
	if string(b) != want {
		t.Errorf("meta\n got %s\nwant %s", b, want)
	}
	body, _ := os.ReadFile(p)
	if string(body) != "1,0.5\n2,1\n3,2\n" {
		t.Errorf("csv %q", body)
	}
}

func TestReadFrameCSV(t *testing.T) {
	const meta3 = `{"numRows":2,"numCols":3,"schema":[{"label":"a","valueType":"si64"},{"label":"b","valueType":"str"},{"label":"c","valueType":""}],"valueType":"f32"}`
	for _, tc := range []struct {
		name, body, meta string
		opt              FrameReadOptions
		want             string // data.Frame print
	}{
		{"meta", "1,\"x,y\",1.5\n-2,z,abc\n", meta3, FrameReadOptions{Header: HeaderDetect},
			"Frame(2x3, [a:int64_t, b:std::string, c:float])\n1 x,y 1.5\n-2 z nan\n"},
		{"atoi prefix and crlf", " 7x,\"multi\nline\",2e3\r\n+3,,-inf\r\n", meta3, FrameReadOptions{Header: HeaderDetect},
			"Frame(2x3, [a:int64_t, b:std::string, c:float])\n7 multi\nline 2000\n3  -inf\n"},
		{"meta header line skipped", "a,b,c\n1,x,2\n2,y,3\n", meta3, FrameReadOptions{Header: HeaderLine},
			"Frame(2x3, [a:int64_t, b:std::string, c:float])\n1 x 2\n2 y 3\n"},
		{"meta without schema", "1,2\n3,4\n", `{"numRows":2,"numCols":2,"valueType":"ui8"}`, FrameReadOptions{Header: HeaderDetect},
			"Frame(2x2, [col_0:uint8_t, col_1:uint8_t])\n1 2\n3 4\n"},
		{"infer with header", "id,name,price\n1,apple,0.5\n2,\"pear, green\",3\n", "", FrameReadOptions{Header: HeaderDetect},
			"Frame(2x3, [id:int64_t, name:std::string, price:double])\n1 apple 0.5\n2 pear, green 3\n"},
		{"infer without header", "1,apple,0.5\n2,pear,\n", "", FrameReadOptions{Header: HeaderDetect},
			"Frame(2x3, [col_0:int64_t, col_1:std::string, col_2:double])\n1 apple 0.5\n2 pear nan\n"},
		{"infer strings only", "a,b\nc,d\n", "", FrameReadOptions{Header: HeaderDetect},
			"Frame(2x2, [col_0:std::string, col_1:std::string])\na b\nc d\n"},
		{"infer forced header", "a,b\nc,d\n", "", FrameReadOptions{Header: HeaderLine},
			"Frame(1x2, [a:std::string, b:std::string])\nc d\n"},
		{"infer forced no header", "x,y\n1,2\n", "", FrameReadOptions{Header: HeaderNone},
			"Frame(2x2, [col_0:std::string, col_1:std::string])\nx y\n1 2\n"},
		{"infer big ints become f64", "1\n99999999999999999999\n", "", FrameReadOptions{Header: HeaderDetect},
			"Frame(2x1, [col_0:double])\n1\n1e+20\n"},
		{"infer quoted number is a string", "\"1\"\n2\n", "", FrameReadOptions{Header: HeaderNone},
			"Frame(2x1, [col_0:std::string])\n1\n2\n"},
		{"schema", "1,a\n2,b\n", "", FrameReadOptions{Schema: "k:ui32, v:str", Header: HeaderDetect},
			"Frame(2x2, [k:uint32_t, v:std::string])\n1 a\n2 b\n"},
		{"schema ignores meta", "1,a\n2,b\n", `{"numRows":1,"numCols":1,"valueType":"f64"}`, FrameReadOptions{Schema: "k:si8,v:str", Header: HeaderDetect},
			"Frame(2x2, [k:int8_t, v:std::string])\n1 a\n2 b\n"},
		{"schema header equal to labels", "k,v\n1,a\n", "", FrameReadOptions{Schema: "k:str,v:str", Header: HeaderDetect},
			"Frame(1x2, [k:std::string, v:std::string])\n1 a\n"},
		{"schema header not fitting", "key,val\n1,a\n", "", FrameReadOptions{Schema: "si64,str", Header: HeaderDetect},
			"Frame(1x2, [key:int64_t, val:std::string])\n1 a\n"},
		{"schema no labels", "1,a\n", "", FrameReadOptions{Schema: "f64,str", Header: HeaderNone},
			"Frame(1x2, [col_0:double, col_1:std::string])\n1 a\n"},
		{"empty file with meta", "", `{"numRows":0,"numCols":1,"schema":[{"label":"x","valueType":"si64"}]}`, FrameReadOptions{Header: HeaderDetect},
			"Frame(0x1, [x:int64_t])\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := writeFiles(t, "f.csv", tc.body, tc.meta)
			f, err := ReadFrame(p, tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			var sb strings.Builder
			if err := data.Print(&sb, f, true); err != nil {
				t.Fatal(err)
			}
			if sb.String() != tc.want {
				t.Errorf("got\n%s\nwant\n%s", sb.String(), tc.want)
			}
		})
	}
}

func TestReadFrameErrors(t *testing.T) {
	const meta2 = `{"numRows":2,"numCols":2,"schema":[{"label":"a","valueType":"si64"},{"label":"b","valueType":"str"}]}`
	for _, tc := range []struct {
		name, file, body, meta string
		opt                    FrameReadOptions
		want                   string
	}{
		{"short line", "f.csv", "1,x\n2\n", meta2, FrameReadOptions{}, "f.csv', line 2, column 2 (\"b\"): the line ends after 1 of 2 fields"},
		{"too few lines", "f.csv", "1,x\n", meta2, FrameReadOptions{}, "has 1 data lines, but 2 rows were expected"},
		{"open quote", "f.csv", "1,x\n2,\"abc\n", meta2, FrameReadOptions{}, "line 2: quoted field is not closed before the end of the file (column 2, \"b\")"},
		{"bad meta type", "f.csv", "1\n", `{"numRows":1,"numCols":1,"schema":[{"label":"a","valueType":"int"}]}`, FrameReadOptions{}, "f.csv.meta': \"schema\"[0] has the unknown value type \"int\""},
		{"meta count", "f.csv", "1\n", `{"numRows":1,"numCols":2,"schema":[{"label":"a","valueType":"si64"}]}`, FrameReadOptions{}, "\"schema\" has 1 entries, but \"numCols\" is 2"},
		{"meta no types", "f.csv", "1\n", `{"numRows":1,"numCols":1}`, FrameReadOptions{}, "has neither a \"schema\" nor a \"valueType\""},
		{"meta dup label", "f.csv", "1,2\n", `{"numRows":1,"numCols":2,"valueType":"f64","schema":[{"label":"a"},{"label":"a"}]}`, FrameReadOptions{}, "the label \"a\" is used by \"schema\"[0] and \"schema\"[1]"},
		{"meta not json", "f.csv", "1\n", `{"numRows":1,`, FrameReadOptions{}, "f.csv.meta' is not a valid JSON object"},
		{"infer ragged", "f.csv", "1,2\n3\n", "", FrameReadOptions{}, "file '%s', line 2: 1 fields, but the first line has 2"},
		{"infer too many", "f.csv", "1,2\n3,4,5\n", "", FrameReadOptions{}, "line 2, column 3: more fields than the 2 of the first line"},
		{"infer empty", "f.csv", "", "", FrameReadOptions{}, "is empty and has no meta data file"},
		{"schema columns", "f.csv", "1,2\n", "", FrameReadOptions{Schema: "si64"}, "has 2 columns, but the schema given to readFrame has 1"},
		{"schema type", "f.csv", "1,2\n", "", FrameReadOptions{Schema: "a:si64,b:int"}, "schema entry 2 (\"b:int\") has the unknown value type \"int\""},
		{"schema dup", "f.csv", "1,2\n", "", FrameReadOptions{Schema: "a:si64,a:f64"}, "schema entries 1 and 2 have the same label \"a\""},
		{"header value", "f.csv", "1\n", "", FrameReadOptions{Header: 2}, "header must be"},
		{"extension", "f.txt", "1\n", "", FrameReadOptions{}, "unsupported file extension \".txt\""},
		{"missing file", "f.csv", "", "", FrameReadOptions{Schema: "si64"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := writeFiles(t, tc.file, tc.body, tc.meta)
			if tc.name == "missing file" {
				os.Remove(p)
				tc.want = "could not read file '" + p + "'"
			}
			_, err := ReadFrame(p, tc.opt)
			want := tc.want
			if strings.Contains(want, "%s") {
				want = strings.ReplaceAll(want, "%s", p)
			}
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Fatalf("got error %v, want one containing %q", err, want)
			}
		})
	}
}

func TestParseSchema(t *testing.T) {
	for _, tc := range []struct {
		in     string
		vts    string
		labels string
	}{
		{"a:si64,b:f64,c:str", "[si64 f64 str]", "[a b c]"},
		{" si8 , ui64 ", "[si8 ui64]", "[]"},
		{"x:y:f32,ui8", "[f32 ui8]", "[x:y col_1]"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			vts, labels, err := ParseSchema(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(strings.Fields(strings.Trim(fmtVTs(vts), "")), " "); "["+got+"]" != tc.vts {
				t.Errorf("types %s, want %s", got, tc.vts)
			}
			if got := "[" + strings.Join(labels, " ") + "]"; got != tc.labels {
				t.Errorf("labels %s, want %s", got, tc.labels)
			}
		})
	}
	for _, bad := range []string{"", " ", "a:", "bool", "a:si64,", "a:si64,a:str"} {
		t.Run("bad "+bad, func(t *testing.T) {
			if _, _, err := ParseSchema(bad); err == nil {
				t.Errorf("ParseSchema(%q) accepted", bad)
			}
		})
	}
}

func fmtVTs(vts []types.ValueType) string {
	s := make([]string, len(vts))
	for i, v := range vts {
		s[i] = v.String()
	}
	return strings.Join(s, " ")
}

func TestClassify(t *testing.T) {
	for _, tc := range []struct {
		in    string
		kind  fieldKind
		empty bool
	}{
		{"0", kindInt, false}, {"+5", kindInt, false}, {"-123456789012345678", kindInt, false},
		{" 7 ", kindInt, false}, {"9223372036854775807", kindInt, false}, {"9223372036854775808", kindFloat, false},
		{"1.5", kindFloat, false}, {"1e3", kindFloat, false}, {"nan", kindFloat, false}, {"-inf", kindFloat, false},
		{"", kindStr, true}, {"  ", kindStr, true}, {"-", kindStr, false}, {"12abc", kindStr, false}, {"x", kindStr, false},
	} {
		t.Run(tc.in, func(t *testing.T) {
			k, empty := classify([]byte(tc.in))
			if k != tc.kind || empty != tc.empty {
				t.Errorf("classify(%q) = %v, %v; want %v, %v", tc.in, k, empty, tc.kind, tc.empty)
			}
		})
	}
}
