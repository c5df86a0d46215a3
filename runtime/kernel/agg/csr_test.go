package agg

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
)

// randomDense returns a rows x cols matrix whose cells are zero with
// probability 1-density and otherwise small non-zero integers of either
// sign (so no negative zeros, which CSR cannot store).
func randomDense[T data.Number](r *rand.Rand, rows, cols int, density float64) *data.Dense[T] {
	m := data.NewDense[T](rows, cols)
	for i := range m.Data {
		if r.Float64() < density {
			v := r.IntN(19) - 9
			if v == 0 {
				v = 7
			}
			m.Data[i] = T(v)
		}
	}
	return m
}

// TestCSRMatchesDense checks that every aggregation over a CSR matrix gives
// exactly the result over its dense equivalent.
func TestCSRMatchesDense(t *testing.T) {
	t.Parallel()
	shapes := [][2]int{{0, 0}, {0, 4}, {4, 0}, {1, 1}, {1, 7}, {7, 1}, {5, 6}, {20, 13}}
	densities := []float64{0, 0.1, 0.5, 0.9, 1}
	t.Run("f64", func(t *testing.T) { t.Parallel(); csrProperty[float64](t, shapes, densities) })
	t.Run("si64", func(t *testing.T) { t.Parallel(); csrProperty[int64](t, shapes, densities) })
	t.Run("f32", func(t *testing.T) { t.Parallel(); csrProperty[float32](t, shapes, densities) })
	t.Run("ui8", func(t *testing.T) {
		t.Parallel()
		csrProperty[uint8](t, shapes, densities)
	})
}

func csrProperty[T data.Number](t *testing.T, shapes [][2]int, densities []float64) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, sh := range shapes {
		for _, dens := range densities {
			for trial := 0; trial < 3; trial++ {
				d := randomDense[T](r, sh[0], sh[1], dens)
				c := data.DenseToCSR(d)
				for _, op := range []Op{Sum, Min, Max, Mean, Var, Stddev} {
					for _, ax := range []Axis{All, Row, Col} {
						want, werr := Aggregate(op, ax, d)
						got, gerr := Aggregate(op, ax, c)
						if (werr == nil) != (gerr == nil) {
							t.Fatalf("%s on %dx%d: dense error %v, CSR error %v", opName(op, ax), sh[0], sh[1], werr, gerr)
						}
						if werr != nil {
							continue
						}
						if show(got) != show(want) {
							t.Fatalf("%s on %v (density %v):\nCSR   %s\ndense %s", opName(op, ax), cellsOf(d), dens, show(got), show(want))
						}
					}
				}
			}
		}
	}
}

func TestCSRImplicitZeros(t *testing.T) {
	t.Parallel()
	// Row 0: only negative stored values and a zero gap; row 1: all stored.
	c, err := data.NewCSR(2, 3, []int{0, 2, 5}, []int{0, 2, 0, 1, 2}, []float64{-1, -2, 4, 5, 6})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		op   Op
		ax   Axis
		want string
	}{
		{"aggMaxRow counts the gap", Max, Row, "2x1 f64 [0 6]"},
		{"aggMinRow", Min, Row, "2x1 f64 [-2 4]"},
		{"aggMaxAll", Max, All, "f64 6"},
		{"aggMinCol", Min, Col, "1x3 f64 [-1 0 -2]"},
		{"aggMaxCol", Max, Col, "1x3 f64 [4 5 6]"},
		{"meanRow", Mean, Row, "2x1 f64 [-1 5]"},
		{"sumCol", Sum, Col, "1x3 f64 [3 5 4]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := Aggregate(tc.op, tc.ax, c)
			if err != nil {
				t.Fatal(err)
			}
			if s := show(got); s != tc.want {
				t.Fatalf("got %s, want %s", s, tc.want)
			}
		})
	}
}

// TestCSRMatchesDenseWithNaN repeats the property with NaNs sprinkled in,
// some in first positions.
func TestCSRMatchesDenseWithNaN(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(5, 5))
	for trial := 0; trial < 200; trial++ {
		rows, cols := 1+r.IntN(5), 1+r.IntN(5)
		d := randomDense[float64](r, rows, cols, 0.6)
		for i := range d.Data {
			if r.Float64() < 0.15 {
				d.Data[i] = math.NaN()
			}
		}
		c := data.DenseToCSR(d)
		for _, op := range []Op{Sum, Min, Max, Mean, Var, Stddev} {
			for _, ax := range []Axis{All, Row, Col} {
				want, err := Aggregate(op, ax, d)
				if err != nil {
					t.Fatal(err)
				}
				got, err := Aggregate(op, ax, c)
				if err != nil {
					t.Fatal(err)
				}
				if show(got) != show(want) {
					t.Fatalf("%s on %v:\nCSR   %s\ndense %s", opName(op, ax), d.Data, show(got), show(want))
				}
			}
		}
	}
}
