package data

import (
	"strings"
	"testing"
)

func TestNewCSRValidates(t *testing.T) {
	for _, tc := range []struct {
		name   string
		rows   int
		rowPtr []int
		colIdx []int
		want   string
	}{
		{"ok", 2, []int{0, 1, 2}, []int{0, 1}, ""},
		{"pointer rises past the values then falls", 2, []int{0, 5, 2}, []int{0, 1}, "out of order or beyond"},
		{"decreasing", 2, []int{0, 2, 1}, []int{0, 1}, "disagree"},
		{"wrong length", 2, []int{0, 2}, []int{0, 1}, "row pointer has 2 entries"},
		{"column out of range", 1, []int{0, 1}, []int{7}, "column index 7"},
		{"columns unsorted", 1, []int{0, 2}, []int{1, 0}, "out of order or range"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			vals := make([]float64, len(tc.colIdx))
			_, err := NewCSR(tc.rows, 3, tc.rowPtr, tc.colIdx, vals)
			if tc.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want %q", err, tc.want)
			}
		})
	}
}
