package bench

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"math"
	"strings"
	"testing"
)

// parseSVG checks that b is well-formed XML with an <svg> root and returns
// the number of elements with each local name and all character data.
func parseSVG(t *testing.T, b []byte) (map[string]int, string) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	counts := map[string]int{}
	var text strings.Builder
	depth, root := 0, ""
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, b)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				root = x.Name.Local
			}
			depth++
			counts[x.Name.Local]++
		case xml.EndElement:
			depth--
		case xml.CharData:
			text.Write(x)
		}
	}
	if root != "svg" || depth != 0 {
		t.Fatalf("root %q, final depth %d", root, depth)
	}
	return counts, text.String()
}

func TestBarChartSVG(t *testing.T) {
	tests := []struct {
		name    string
		c       BarChart
		bars    int // expected <rect> with <title> (one per non-NaN value)
		wantErr bool
	}{
		{"two series", BarChart{Title: "t <&> \"q\"", YLabel: "s", Categories: []string{"STATIC", "GSS", "A&B"},
			Series: []Series{{"CENTRALIZED", []float64{1, 2, 3}}, {"LOCKFREE", []float64{0.5, math.NaN(), 0}}}}, 5, false},
		{"one value", BarChart{Categories: []string{"x"}, Series: []Series{{"s", []float64{7}}}}, 1, false},
		{"all zero", BarChart{Categories: []string{"x", "y"}, Series: []Series{{"s", []float64{0, 0}}}}, 2, false},
		{"length mismatch", BarChart{Categories: []string{"x", "y"}, Series: []Series{{"s", []float64{1}}}}, 0, true},
		{"negative", BarChart{Categories: []string{"x"}, Series: []Series{{"s", []float64{-1}}}}, 0, true},
		{"infinite", BarChart{Categories: []string{"x"}, Series: []Series{{"s", []float64{math.Inf(1)}}}}, 0, true},
		{"empty", BarChart{}, 0, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			err := tc.c.WriteSVG(&b)
			if tc.wantErr {
				if !errors.Is(err, ErrChart) {
					t.Fatalf("err = %v, want ErrChart", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			counts, text := parseSVG(t, b.Bytes())
			if counts["title"] != tc.bars {
				t.Errorf("%d bars, want %d", counts["title"], tc.bars)
			}
			for _, want := range append([]string{tc.c.Title}, tc.c.Categories...) {
				if !strings.Contains(text, want) {
					t.Errorf("text lacks %q", want)
				}
			}
		})
	}
}

func TestHeatmapSVG(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name    string
		h       Heatmap
		cells   int // cells printed with a value
		wantErr bool
	}{
		{"2x3", Heatmap{Title: "PERCPU <x>", Unit: "s", RowLabels: []string{"SEQ", "SEQPRI"}, ColLabels: []string{"A", "B", "C"},
			Values: [][]float64{{1, 2, 3}, {4, nan, 6}}}, 5, false},
		{"constant", Heatmap{RowLabels: []string{"r"}, ColLabels: []string{"c", "d"}, Values: [][]float64{{2, 2}}}, 2, false},
		{"all missing", Heatmap{RowLabels: []string{"r"}, ColLabels: []string{"c"}, Values: [][]float64{{nan}}}, 0, false},
		{"row count", Heatmap{RowLabels: []string{"r", "s"}, ColLabels: []string{"c"}, Values: [][]float64{{1}}}, 0, true},
		{"col count", Heatmap{RowLabels: []string{"r"}, ColLabels: []string{"c"}, Values: [][]float64{{1, 2}}}, 0, true},
		{"infinite", Heatmap{RowLabels: []string{"r"}, ColLabels: []string{"c"}, Values: [][]float64{{math.Inf(-1)}}}, 0, true},
		{"empty", Heatmap{}, 0, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			err := tc.h.WriteSVG(&b)
			if tc.wantErr {
				if !errors.Is(err, ErrChart) {
					t.Fatalf("err = %v, want ErrChart", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			counts, text := parseSVG(t, b.Bytes())
			// Cells + background; the colour bar adds 10 when any value exists.
			wantRects := 1 + len(tc.h.RowLabels)*len(tc.h.ColLabels)
			if tc.cells > 0 {
				wantRects += 10
			}
			if counts["rect"] != wantRects {
				t.Errorf("%d rects, want %d", counts["rect"], wantRects)
			}
			if !strings.Contains(text, tc.h.Title) {
				t.Errorf("text lacks the title %q", tc.h.Title)
			}
		})
	}
}

func TestHeatColorAndNiceStep(t *testing.T) {
	for _, tc := range []struct {
		f    float64
		want string
	}{{0, "#ffffcc"}, {0.5, "#fd8d3c"}, {1, "#800026"}, {-3, "#ffffcc"}, {9, "#800026"}} {
		if got := heatColor(tc.f); got != tc.want {
			t.Errorf("heatColor(%v) = %s, want %s", tc.f, got, tc.want)
		}
	}
	for _, tc := range []struct {
		span float64
		n    int
		want float64
	}{{10, 5, 2}, {1, 5, 0.2}, {13.5, 5, 5}, {0, 5, 1}, {math.NaN(), 5, 1}} {
		if got := niceStep(tc.span, tc.n); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("niceStep(%v, %d) = %v, want %v", tc.span, tc.n, got, tc.want)
		}
	}
}
