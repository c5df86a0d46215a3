package bench

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
)

// Series is one named row of values of a BarChart, one value per category.
// A NaN value draws no bar (a missing measurement).
type Series struct {
	Name   string
	Values []float64
}

// BarChart is a grouped bar chart: one group of bars per category (a
// scheme), one bar per series (a layout, a thread count). It is the shape of
// the paper's Figures 7 and 10 (execution time per scheme).
type BarChart struct {
	Title      string
	YLabel     string
	Categories []string
	Series     []Series
}

// Heatmap is a matrix of values with labelled rows and columns, coloured
// from light (smallest) to dark (largest), each cell printed. It is the
// shape of the paper's Figures 8 and 9 (victim selection x scheme). A NaN
// cell is drawn grey and left empty.
type Heatmap struct {
	Title     string
	Unit      string
	RowLabels []string
	ColLabels []string
	Values    [][]float64
}

// ErrChart is returned (wrapped) when a chart's data do not fit its labels.
var ErrChart = errors.New("bench: invalid chart")

// svgWriter accumulates SVG text and remembers the first write error.
type svgWriter struct {
	w   *bufio.Writer
	err error
}

func (s *svgWriter) printf(format string, a ...any) {
	if s.err == nil {
		_, s.err = fmt.Fprintf(s.w, format, a...)
	}
}

// text writes a <text> element with escaped content.
func (s *svgWriter) text(x, y float64, anchor, extra, content string) {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(content))
	s.printf(`<text x="%.1f" y="%.1f" text-anchor="%s"%s>%s</text>`+"\n", x, y, anchor, extra, b.String())
}

func (s *svgWriter) flush() error {
	if s.err != nil {
		return s.err
	}
	return s.w.Flush()
}

// niceStep returns a round tick step (1, 2 or 5 times a power of ten) that
// splits span into about n parts.
func niceStep(span float64, n int) float64 {
	if span <= 0 || math.IsNaN(span) || math.IsInf(span, 0) {
		return 1
	}
	raw := span / float64(n)
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= raw {
			return m * p
		}
	}
	return 10 * p
}

// palette holds the series colours (colour-blind safe, Okabe-Ito).
var palette = []string{"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"}

// WriteSVG draws the chart as a standalone SVG document. The y axis starts
// at 0. It fails if a series has a different length than Categories or a
// value is negative or infinite.
func (c *BarChart) WriteSVG(w io.Writer) error {
	if len(c.Categories) == 0 || len(c.Series) == 0 {
		return fmt.Errorf("%w: bar chart %q has no categories or no series", ErrChart, c.Title)
	}
	maxv := 0.0
	for _, s := range c.Series {
		if len(s.Values) != len(c.Categories) {
			return fmt.Errorf("%w: series %q has %d values for %d categories", ErrChart, s.Name, len(s.Values), len(c.Categories))
		}
		for _, v := range s.Values {
			if math.IsNaN(v) {
				continue
			}
			if v < 0 || math.IsInf(v, 0) {
				return fmt.Errorf("%w: series %q has value %v", ErrChart, s.Name, v)
			}
			maxv = max(maxv, v)
		}
	}
	if maxv == 0 {
		maxv = 1
	}
	step := niceStep(maxv, 5)
	top := math.Ceil(maxv*1.05/step) * step
	const left, right, topM, plotH, bottom = 80.0, 20.0, 50.0, 300.0, 110.0
	barW := 14.0
	groupW := barW*float64(len(c.Series)) + 12
	plotW := groupW * float64(len(c.Categories))
	legendH := 18.0 * float64(len(c.Series))
	width := max(left+plotW+right, titleWidth(c.Title))
	height := topM + plotH + bottom + legendH
	s := &svgWriter{w: bufio.NewWriter(w)}
	s.printf(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	s.printf(`<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" font-family="sans-serif" font-size="11">`+"\n", width, height, width, height)
	s.printf(`<rect x="0" y="0" width="%.0f" height="%.0f" fill="white"/>`+"\n", width, height)
	s.text(width/2, 24, "middle", ` font-size="14"`, c.Title)
	y := func(v float64) float64 { return topM + plotH - v/top*plotH }
	for t := 0.0; t <= top+step/2; t += step {
		s.printf(`<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#ddd"/>`+"\n", left, y(t), left+plotW, y(t))
		s.text(left-6, y(t)+4, "end", "", fmt.Sprintf("%.4g", t))
	}
	s.printf(`<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="black"/>`+"\n", left, topM, left, topM+plotH)
	s.printf(`<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="black"/>`+"\n", left, topM+plotH, left+plotW, topM+plotH)
	s.text(18, topM+plotH/2, "middle", fmt.Sprintf(` transform="rotate(-90 18 %.1f)"`, topM+plotH/2), c.YLabel)
	for i, cat := range c.Categories {
		gx := left + float64(i)*groupW + 6
		for j, se := range c.Series {
			v := se.Values[i]
			if math.IsNaN(v) {
				continue
			}
			s.printf(`<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"><title>%s</title></rect>`+"\n",
				gx+float64(j)*barW, y(v), barW-1, topM+plotH-y(v), palette[j%len(palette)], escape(fmt.Sprintf("%s %s: %.4g", cat, se.Name, v)))
		}
		cx := gx + barW*float64(len(c.Series))/2
		ly := topM + plotH + 14
		s.text(cx, ly, "end", fmt.Sprintf(` transform="rotate(-45 %.1f %.1f)"`, cx, ly), cat)
	}
	for j, se := range c.Series {
		ly := topM + plotH + bottom + 18*float64(j)
		s.printf(`<rect x="%.1f" y="%.1f" width="12" height="12" fill="%s"/>`+"\n", left, ly-10, palette[j%len(palette)])
		s.text(left+18, ly, "start", "", se.Name)
	}
	s.printf("</svg>\n")
	return s.flush()
}

// escape returns s with XML special characters escaped.
func escape(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// heatColor maps f in [0, 1] to a colour from light yellow (0) to dark red (1).
func heatColor(f float64) string {
	f = min(max(f, 0), 1)
	// Three anchors: #ffffcc -> #fd8d3c -> #800026 (ColorBrewer YlOrRd).
	a := [3][3]float64{{255, 255, 204}, {253, 141, 60}, {128, 0, 38}}
	var lo, hi [3]float64
	t := f * 2
	if t <= 1 {
		lo, hi = a[0], a[1]
	} else {
		lo, hi, t = a[1], a[2], t-1
	}
	return fmt.Sprintf("#%02x%02x%02x", int(lo[0]+(hi[0]-lo[0])*t), int(lo[1]+(hi[1]-lo[1])*t), int(lo[2]+(hi[2]-lo[2])*t))
}

// WriteSVG draws the heatmap as a standalone SVG document with a colour
// bar. It fails if Values does not have len(RowLabels) rows of
// len(ColLabels) values, or a value is infinite.
func (h *Heatmap) WriteSVG(w io.Writer) error {
	if len(h.RowLabels) == 0 || len(h.ColLabels) == 0 {
		return fmt.Errorf("%w: heatmap %q has no rows or no columns", ErrChart, h.Title)
	}
	if len(h.Values) != len(h.RowLabels) {
		return fmt.Errorf("%w: heatmap %q has %d rows of values for %d labels", ErrChart, h.Title, len(h.Values), len(h.RowLabels))
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for i, row := range h.Values {
		if len(row) != len(h.ColLabels) {
			return fmt.Errorf("%w: heatmap %q row %d has %d values for %d columns", ErrChart, h.Title, i, len(row), len(h.ColLabels))
		}
		for _, v := range row {
			if math.IsInf(v, 0) {
				return fmt.Errorf("%w: heatmap %q has an infinite value", ErrChart, h.Title)
			}
			if !math.IsNaN(v) {
				lo, hi = min(lo, v), max(hi, v)
			}
		}
	}
	const left, topM, cellW, cellH, bottom = 110.0, 50.0, 58.0, 30.0, 70.0
	plotW := cellW * float64(len(h.ColLabels))
	plotH := cellH * float64(len(h.RowLabels))
	width := max(left+plotW+130, titleWidth(h.Title))
	height := topM + plotH + bottom
	s := &svgWriter{w: bufio.NewWriter(w)}
	s.printf(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	s.printf(`<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" font-family="sans-serif" font-size="11">`+"\n", width, height, width, height)
	s.printf(`<rect x="0" y="0" width="%.0f" height="%.0f" fill="white"/>`+"\n", width, height)
	s.text(width/2, 24, "middle", ` font-size="14"`, h.Title)
	frac := func(v float64) float64 {
		if hi <= lo {
			return 0.5
		}
		return (v - lo) / (hi - lo)
	}
	for i, row := range h.Values {
		cy := topM + float64(i)*cellH
		s.text(left-6, cy+cellH/2+4, "end", "", h.RowLabels[i])
		for j, v := range row {
			cx := left + float64(j)*cellW
			fill := "#cccccc"
			if !math.IsNaN(v) {
				fill = heatColor(frac(v))
			}
			s.printf(`<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s" stroke="white"/>`+"\n", cx, cy, cellW, cellH, fill)
			if !math.IsNaN(v) {
				color := "black"
				if frac(v) > 0.6 {
					color = "white"
				}
				s.text(cx+cellW/2, cy+cellH/2+4, "middle", fmt.Sprintf(` fill="%s"`, color), fmt.Sprintf("%.4g", v))
			}
		}
	}
	for j, l := range h.ColLabels {
		cx := left + float64(j)*cellW + cellW/2
		ly := topM + plotH + 14
		s.text(cx, ly, "end", fmt.Sprintf(` transform="rotate(-45 %.1f %.1f)"`, cx, ly), l)
	}
	// Colour bar: ten steps from lo (top) to hi (bottom), labelled at both ends.
	bx := left + plotW + 20
	if !math.IsInf(lo, 0) {
		for k := range 10 {
			s.printf(`<rect x="%.1f" y="%.1f" width="16" height="%.1f" fill="%s"/>`+"\n", bx, topM+float64(k)*plotH/10, plotH/10, heatColor(float64(k)/9))
		}
		s.text(bx+20, topM+10, "start", "", fmt.Sprintf("%.4g", lo))
		s.text(bx+20, topM+plotH, "start", "", fmt.Sprintf("%.4g", hi))
	}
	s.text(bx, topM-8, "start", "", h.Unit)
	s.printf("</svg>\n")
	return s.flush()
}

// titleWidth is a width that fits a title of 14 px text with a margin
// (about 7.5 px per character), so long titles are not clipped.
func titleWidth(title string) float64 { return float64(len(title))*7.5 + 40 }
