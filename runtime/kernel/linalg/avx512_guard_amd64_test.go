//go:build amd64 && !purego

package linalg

import (
	"bytes"
	"log/slog"
	"os"
	"strings"
	"testing"
)

// brokenKernels are micro-kernels with one defect each, all of which the
// self-test must reject; want is a part of the error it must give.
var brokenKernels = []struct {
	name string
	kern microKernel[float64]
	want string
}{
	{"drops the last k step", func(kb int, a []float64, aStep int, b []float64, tile *[mr * nr]float64, c []float64, ldc int) {
		microGo(kb-1, a, aStep, b, tile, c, ldc)
	}, "kb=1, aStep=4: tile-store path"},
	{"drops the remainder step of odd kb > 1", func(kb int, a []float64, aStep int, b []float64, tile *[mr * nr]float64, c []float64, ldc int) {
		if kb > 1 && kb%2 == 1 {
			kb--
		}
		microGo(kb, a, aStep, b, tile, c, ldc)
	}, "kb=3, aStep=4: tile-store path"},
	{"writes one cell wrong", func(kb int, a []float64, aStep int, b []float64, tile *[mr * nr]float64, c []float64, ldc int) {
		microGo(kb, a, aStep, b, tile, nil, 0)
		tile[1*nr+5] += 1e-6
		if c != nil {
			addTile(c, ldc, 0, 0, mr, nr, tile)
		}
	}, "tile-store path: cell (1,5)"},
	{"ignores c's ldc", func(kb int, a []float64, aStep int, b []float64, tile *[mr * nr]float64, c []float64, ldc int) {
		microGo(kb, a, aStep, b, tile, nil, 0)
		if c != nil {
			addTile(c, nr, 0, 0, mr, nr, tile)
		}
	}, "accumulate path (ldc=13)"},
	{"overwrites c instead of adding", func(kb int, a []float64, aStep int, b []float64, tile *[mr * nr]float64, c []float64, ldc int) {
		microGo(kb, a, aStep, b, tile, nil, 0)
		for i := 0; c != nil && i < mr; i++ {
			copy(c[i*ldc:i*ldc+nr], tile[i*nr:i*nr+nr])
		}
	}, "accumulate path (ldc=13): cell (0,0)"},
	{"leaves the last tile cell unwritten", func(kb int, a []float64, aStep int, b []float64, tile *[mr * nr]float64, c []float64, ldc int) {
		var t [mr * nr]float64
		microGo(kb, a, aStep, b, &t, c, ldc)
		copy(tile[:mr*nr-1], t[:])
	}, "tile-store path: cell (3,7) is NaN"},
	{"ignores aStep", func(kb int, a []float64, _ int, b []float64, tile *[mr * nr]float64, c []float64, ldc int) {
		microGo(kb, a, mr, b, tile, c, ldc)
	}, "aStep=8"},
	{"reads past its panel", func(kb int, a []float64, aStep int, b []float64, tile *[mr * nr]float64, c []float64, ldc int) {
		_ = b[kb*nr]
		microGo(kb, a, aStep, b, tile, c, ldc)
	}, "panicked"},
}

func TestSelfTestRejectsBrokenKernels(t *testing.T) {
	t.Parallel()
	for _, tc := range brokenKernels {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			err := selfTestMicro64(tc.kern)
			if err == nil {
				t.Fatal("self-test accepted a broken kernel")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %q, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestSelfTestAcceptsCorrectKernels(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		kern microKernel[float64]
		run  bool // whether this CPU runs the kernel
	}{
		{"microGo", microGo[float64], true},
		{"AVX2", microAsm, useAsm},
		{"AVX-512", microAsm512, hasAVX512F()},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if !tc.run {
				t.Skip("this CPU does not run this kernel")
			}
			if err := selfTestMicro64(tc.kern); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestGuardAVX512 checks the decision and the warning: no self-test (and
// no backend) without CPU support, the backend for a kernel that passes,
// and a warning naming the failure for one that does not.
func TestGuardAVX512(t *testing.T) {
	var logged bytes.Buffer
	saved := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(&logged, nil)))
	defer slog.SetDefault(saved)

	cases := []struct {
		name      string
		supported bool
		kern      microKernel[float64]
		want      bool
		warn      string // part of the warning, "" for none
	}{
		{"unsupported CPU", false, microGo[float64], false, ""},
		{"unsupported CPU, kernel not run", false, brokenKernels[len(brokenKernels)-1].kern, false, ""},
		{"correct kernel", true, microGo[float64], true, ""},
		{"broken kernel", true, brokenKernels[0].kern, false, "failed its self-test"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			logged.Reset()
			if got := guardAVX512(tc.supported, tc.kern); got != tc.want {
				t.Fatalf("guardAVX512 = %v, want %v", got, tc.want)
			}
			out := logged.String()
			switch {
			case tc.warn == "" && out != "":
				t.Fatalf("unexpected log output %q", out)
			case tc.warn != "" && (strings.Count(out, "level=WARN") != 1 || !strings.Contains(out, tc.warn)):
				t.Fatalf("log output %q, want one warning containing %q", out, tc.warn)
			}
		})
	}
}

// TestAVX512DetectionMatchesCPUInfo compares hasAVX512F with the flags
// the Linux kernel reports for this CPU.
func TestAVX512DetectionMatchesCPUInfo(t *testing.T) {
	t.Parallel()
	info, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		t.Skip("no /proc/cpuinfo:", err)
	}
	var flags []string
	for line := range strings.Lines(string(info)) {
		if name, val, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(name) == "flags" {
			flags = strings.Fields(val)
			break
		}
	}
	has := func(f string) bool {
		for _, g := range flags {
			if g == f {
				return true
			}
		}
		return false
	}
	want := has("avx512f") && has("avx2") && has("fma")
	if got := hasAVX512F(); got != want {
		t.Fatalf("hasAVX512F() = %v, /proc/cpuinfo says avx512f+avx2+fma = %v", got, want)
	}
}

// TestAVX512Backend checks that the avx512 backend is offered exactly
// when the CPU supports it (and the self-test passed), as the default of
// the native backends, with its f64 kernel in the row-range entry points.
func TestAVX512Backend(t *testing.T) {
	t.Parallel()
	bs := nativeBackends()
	offered := false
	for _, be := range bs {
		offered = offered || be.name == backendAVX512
	}
	if offered != avx512Usable() {
		t.Fatalf("avx512 offered = %v, avx512Usable() = %v", offered, avx512Usable())
	}
	if avx512Usable() && bs[len(bs)-1] != avx512Backend {
		t.Fatalf("native default is %q, want avx512", bs[len(bs)-1].name)
	}
	if !hasAVX512F() && avx512Usable() {
		t.Fatal("avx512 usable on a CPU without AVX-512F")
	}
	if avx512Backend.name != backendAVX512 || avx512Backend.micro64 == nil || avx512Backend.micro32 == nil {
		t.Fatalf("avx512 backend incomplete: %+v", avx512Backend)
	}
}

// BenchmarkSelfTest measures the self-test (run once at package
// initialisation on AVX-512 CPUs) with the kernels this CPU runs.
func BenchmarkSelfTest(b *testing.B) {
	kernels := map[string]microKernel[float64]{"microGo": microGo[float64]}
	if useAsm {
		kernels["AVX2"] = microAsm
	}
	for name, kern := range kernels {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if err := selfTestMicro64(kern); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
