package linalg

import (
	"math/rand/v2"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
)

func TestBackendName(t *testing.T) {
	t.Parallel()
	want := backendPureGo
	switch {
	case builtWithOpenBLAS:
		want = backendOpenBLAS
	case HasAsmKernel():
		want = backendAVX2
	}
	if got := Backend(); got != want {
		t.Fatalf("Backend() = %q, want %q", got, want)
	}
	names := map[string]bool{}
	for _, be := range allBackends() {
		if names[be.name] {
			t.Fatalf("backend %q listed twice", be.name)
		}
		names[be.name] = true
	}
	if !names[backendPureGo] || !names[want] {
		t.Fatalf("allBackends() = %v, want purego and %s in it", names, want)
	}
}

// TestOpsUseActiveBackend checks that MatMul, Syrk and Gemv reach the
// active backend: a backend whose kernels record their calls is swapped in.
func TestOpsUseActiveBackend(t *testing.T) {
	calls := map[string]int{}
	spy := &backend{name: "spy", f64: kernelSet[float64]{
		gemm: func(nt, m, k, n int, a, b, c []float64) error {
			calls["gemm"]++
			return pureGoBackend.f64.gemm(nt, m, k, n, a, b, c)
		},
		syrk: func(nt, m, n int, a, c []float64) error {
			calls["syrk"]++
			return pureGoBackend.f64.syrk(nt, m, n, a, c)
		},
		gemvT: func(nt, m, n int, a, x, y []float64) error {
			calls["gemvT"]++
			return pureGoBackend.f64.gemvT(nt, m, n, a, x, y)
		},
	}}
	saved := active
	active = spy
	defer func() { active = saved }()
	rng := rand.New(rand.NewPCG(1, 2))
	a, v := randDense(rng, 5, 3, 0), randDense(rng, 5, 1, 0)
	checkClose(t, must(MatMul(1, transpose(a), a)), naiveMul(transpose(a), a), 1e-12)
	checkClose(t, must(Syrk(1, a)), naiveMul(transpose(a), a), 1e-12)
	checkClose(t, must(Gemv(1, a, v)), naiveMul(transpose(a), v), 1e-12)
	_ = must(MatMul(1, data.NewDense[float64](0, 5), a)) // empty: no kernel call
	if calls["gemm"] != 1 || calls["syrk"] != 1 || calls["gemvT"] != 1 {
		t.Fatalf("calls %v, want one of each", calls)
	}
}
