//go:build amd64 && !purego && linux

package agg

import (
	"os"
	"slices"
	"strings"
	"testing"

	"golang.org/x/sys/cpu"
)

// TestColAsmChosenWithAVX checks the CPUID detection against the kernel's
// view of the CPU: where /proc/cpuinfo lists avx, the column updates must
// run in assembly (and not, silently, in the Go loops), and vice versa.
func TestColAsmChosenWithAVX(t *testing.T) {
	raw, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		t.Skipf("no /proc/cpuinfo: %v", err)
	}
	var flags []string
	for line := range strings.Lines(string(raw)) {
		if name, val, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(name) == "flags" {
			flags = strings.Fields(val)
			break
		}
	}
	if flags == nil {
		t.Skip("no flags line in /proc/cpuinfo")
	}
	// Under an emulator (qemu-x86_64 -cpu qemu64) CPUID describes the
	// emulated CPU and /proc/cpuinfo the host: skip when they disagree on
	// SSE4.2 (CPUID leaf 1, ECX bit 20), which every AVX CPU has.
	if slices.Contains(flags, "sse4_2") != cpu.X86.HasSSE42 {
		t.Skip("CPUID and /proc/cpuinfo disagree on sse4_2 (an emulator?)")
	}
	if want := slices.Contains(flags, "avx"); useAsm != want {
		t.Fatalf("useAsm = %v, but /proc/cpuinfo lists avx: %v", useAsm, want)
	}
}
