package linalg

import (
	"reflect"
	"testing"
)

func TestNNZBounds(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		rowPtr []int
		p      int
		want   []int
	}{
		{"one part", []int{0, 3, 5}, 1, []int{0, 2}},
		{"uniform", []int{0, 1, 2, 3, 4}, 2, []int{0, 2, 4}},
		{"one heavy row first", []int{0, 100, 101, 102, 103}, 2, []int{0, 1, 4}},
		{"heavy row last", []int{0, 1, 2, 3, 103}, 2, []int{0, 3, 4}},
		{"empty rows", []int{0, 0, 0, 0, 0}, 2, []int{0, 2, 4}},
		{"more parts than rows", []int{0, 5}, 3, []int{0, 0, 1, 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := nnzBounds(tc.rowPtr, tc.p); !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
		})
	}
}
