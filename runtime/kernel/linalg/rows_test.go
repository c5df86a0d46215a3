package linalg

import (
	"math/rand/v2"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

func TestRowKernels(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(31, 32))
	for _, s := range []struct{ m, k, n, split int }{{9, 5, 1, 4}, {10, 7, 6, 3}, {70, 90, 45, 33}, {200, 101, 101, 77}} {
		a, b := randDense(rng, s.m, s.k, 0), randDense(rng, s.k, s.n, 0)
		c := data.NewDense[float64](s.m, s.n)
		GemmRows(a.Data, b.Data, c.Data, s.k, s.n, 0, s.split)
		GemmRows(a.Data, b.Data, c.Data, s.k, s.n, s.split, s.m)
		checkClose(t, c, naiveMul(a, b), 1e-12*float64(s.k+1))

		// syrk and gemv of a (m x k) from two partial results
		p0, p1 := make([]float64, s.k*s.k), make([]float64, s.k*s.k)
		SyrkRows(a.Data, p0, s.k, 0, s.split)
		SyrkRows(a.Data, p1, s.k, s.split, s.m)
		for i := range p0 {
			p0[i] += p1[i]
		}
		MirrorUpper(p0, s.k)
		checkClose(t, data.DenseFrom(s.k, s.k, p0), naiveMul(transpose(a), a), 1e-12*float64(s.m+1))

		x := randDense(rng, s.m, 1, 0)
		y := make([]float64, s.k)
		GemvTRows(a.Data, x.Data, y, s.k, 0, s.split)
		GemvTRows(a.Data, x.Data, y, s.k, s.split, s.m)
		checkClose(t, data.DenseFrom(s.k, 1, y), naiveMul(transpose(a), x), 1e-12*float64(s.m+1))
	}
	t.Run("f32", func(t *testing.T) {
		a := must(denseAs[float32](randDense(rng, 50, 40, 0), types.F32))
		b := must(denseAs[float32](randDense(rng, 40, 30, 0), types.F32))
		c := make([]float32, 50*30)
		GemmRows(a.Data, b.Data, c, 40, 30, 0, 50)
		checkClose(t, data.DenseFrom(50, 30, c), naiveMul(asF64(t, a), asF64(t, b)), 1e-5*41)
	})
}
