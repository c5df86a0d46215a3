package linalg

import (
	"math/rand/v2"
	"os"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
)

func TestBackendName(t *testing.T) {
	if v := os.Getenv("DAPHNE_LINALG_BACKEND"); v != "" {
		t.Skipf("DAPHNE_LINALG_BACKEND=%q chooses the backend", v)
	}
	t.Parallel()
	bs := allBackends()
	// The default is the last backend offered: openblas when compiled in,
	// else the fastest native one the CPU runs.
	want := bs[len(bs)-1].name
	switch {
	case builtWithOpenBLAS:
		if want != backendOpenBLAS {
			t.Fatalf("built with openblas, but the last backend is %q", want)
		}
	case !HasAsmKernel():
		if want != backendPureGo {
			t.Fatalf("no assembly kernel, but the last backend is %q", want)
		}
	case want == backendPureGo:
		t.Fatalf("assembly kernels present, but the default backend is %q", want)
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
