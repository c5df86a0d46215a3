package index

import (
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
)

var fuzzForms = []string{"all", "at", "lo:hi", "lo:", ":hi", ":", "at-list"}

// refAxis is a naive model of section 8 for one axis: the selected
// positions, or ok=false when the bounds are invalid.
func refAxis(form string, a, b int64, n int) ([]int, bool) {
	n64 := int64(n)
	span := func(lo, hi int64) ([]int, bool) {
		if lo < 0 {
			lo += n64
			if hi <= 0 {
				hi += n64
			}
		} else if hi < 0 {
			hi += n64
		}
		if lo < 0 || lo >= n64 || hi < lo || hi > n64 {
			return nil, false
		}
		var out []int
		for i := lo; i < hi; i++ {
			out = append(out, int(i))
		}
		return out, true
	}
	switch form {
	case "all", ":":
		out := []int{}
		for i := 0; i < n; i++ {
			out = append(out, i)
		}
		return out, true
	case "at":
		return span(a, a+1)
	case "lo:hi":
		return span(a, b)
	case "lo:":
		return span(a, n64)
	case ":hi":
		return span(0, a)
	}
	var out []int
	for _, p := range []int64{a, b} {
		if p < 0 {
			p += n64
		}
		if p < 0 || p >= n64 {
			return nil, false
		}
		out = append(out, int(p))
	}
	return out, true
}

// fuzzBounds builds the attribute form and bound arguments of one axis;
// frac turns scalar bounds into floats with a fractional part, truncated
// by the kernels (the returned a, b are the truncated values).
func fuzzBounds(form string, a, b int64, frac bool) (string, []data.Value, int64, int64) {
	scalar := func(x int64) (data.Value, int64) {
		if !frac {
			return data.SI64(x), x
		}
		f := float64(x) + 0.7
		return data.F64(f), int64(f)
	}
	switch form {
	case "at", "lo:", ":hi":
		s, ta := scalar(a)
		return form, []data.Value{s}, ta, b
	case "lo:hi":
		s1, ta := scalar(a)
		s2, tb := scalar(b)
		return form, []data.Value{s1, s2}, ta, tb
	case "at-list":
		return "at", []data.Value{colVec(a, b)}, a, b
	}
	return form, nil, a, b
}

// FuzzExtract checks that random bounds never panic: extract either fails
// exactly when the model says the bounds are invalid, or returns a matrix
// of the model's shape with the model's cells, for dense and CSR input.
func FuzzExtract(f *testing.F) {
	f.Add(uint8(3), uint8(4), uint8(1), uint8(0), int64(1), int64(2), int64(0), int64(0), false)
	f.Add(uint8(3), uint8(4), uint8(2), uint8(2), int64(-2), int64(0), int64(1), int64(3), true)
	f.Add(uint8(0), uint8(2), uint8(5), uint8(6), int64(0), int64(0), int64(-1), int64(5), false)
	f.Add(uint8(5), uint8(1), uint8(3), uint8(4), int64(5), int64(5), int64(-9), int64(-1), true)
	f.Add(uint8(4), uint8(4), uint8(6), uint8(1), int64(-1), int64(9), int64(-4), int64(3), false)
	f.Fuzz(func(t *testing.T, nr, nc, rf, cf uint8, a, b, c, d int64, frac bool) {
		rows, cols := int(nr%7), int(nc%7)
		rowForm, rargs, ta, tb := fuzzBounds(fuzzForms[int(rf)%len(fuzzForms)], a, b, frac)
		colForm, cargs, tc, td := fuzzBounds(fuzzForms[int(cf)%len(fuzzForms)], c, d, frac)
		rsel, rok := refAxis(fuzzForms[int(rf)%len(fuzzForms)], ta, tb, rows)
		csel, cok := refAxis(fuzzForms[int(cf)%len(fuzzForms)], tc, td, cols)
		x := seqMat(rows, cols)
		for _, in := range []data.Matrix{x, sparse(x)} {
			res, err := Extract(in, rowForm, rargs, colForm, cargs)
			if !rok || !cok {
				if err == nil {
					t.Fatalf("%s[%s %v, %s %v]: want an error, got %s", render(in), rowForm, rargs, colForm, cargs, render(res))
				}
				continue
			}
			if err != nil {
				t.Fatalf("%s[%s %v, %s %v]: unexpected error %v", render(in), rowForm, rargs, colForm, cargs, err)
			}
			if res.Rows() != len(rsel) || res.Cols() != len(csel) || res.IsSparse() != in.IsSparse() {
				t.Fatalf("got %s, want %dx%d sparse=%v", render(res), len(rsel), len(csel), in.IsSparse())
			}
			var got *data.Dense[int64]
			if res.IsSparse() {
				got = res.(*data.CSR[int64]).ToDense()
			} else {
				got = res.(*data.Dense[int64])
			}
			for i, r := range rsel {
				for j, cc := range csel {
					if got.At(i, j) != x.At(r, cc) {
						t.Fatalf("cell (%d,%d) = %d, want X[%d,%d] = %d", i, j, got.At(i, j), r, cc, x.At(r, cc))
					}
				}
			}
		}
	})
}
