package linalg

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"reflect"
	"slices"
	"strings"
	"syscall"
	"testing"
)

func TestChooseBackend(t *testing.T) {
	t.Parallel()
	pg, a2, a5 := &backend{name: backendPureGo}, &backend{name: backendAVX2}, &backend{name: backendAVX512}
	cases := []struct {
		name    string
		value   string
		avail   []*backend
		want    *backend
		wantErr string // part of the error, "" for none
	}{
		{"unset: the default", "", []*backend{pg, a2, a5}, a5, ""},
		{"blank: the default", "  ", []*backend{pg, a2}, a2, ""},
		{"purego", "purego", []*backend{pg, a2, a5}, pg, ""},
		{"avx2 below the default", "avx2", []*backend{pg, a2, a5}, a2, ""},
		{"the default by name", "avx512", []*backend{pg, a2, a5}, a5, ""},
		{"case and blanks ignored", " AVX2\n", []*backend{pg, a2, a5}, a2, ""},
		{"unavailable", "avx512", []*backend{pg, a2}, a2,
			`DAPHNE_LINALG_BACKEND="avx512": backend not available in this binary or on this CPU (available: purego, avx2); using avx2`},
		{"openblas without the tag", "openblas", []*backend{pg}, pg, "not available"},
		{"unknown", "mkl", []*backend{pg, a2}, a2,
			`DAPHNE_LINALG_BACKEND="mkl" is not a backend (known: purego, avx2, avx512, neon, openblas; available here: purego, avx2); using avx2`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := chooseBackend(tc.value, tc.avail)
			if got != tc.want {
				t.Fatalf("chooseBackend(%q) = %q, want %q", tc.value, got.name, tc.want.name)
			}
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Fatalf("error %v, want it to contain %q", err, tc.wantErr)
			}
		})
	}
}

// envChild is set in the environment of the subprocesses of
// TestEnvBackend; the child only prints Backend() and the native backend
// whose f64 and f32 micro-kernels the row-range entry points use
// (microF64, microF32).
const envChild = "LINALG_TEST_ENV_CHILD"

func TestEnvBackendChild(t *testing.T) {
	if os.Getenv(envChild) != "1" {
		t.Skip("helper of TestEnvBackend")
	}
	micro := "none"
	for _, be := range nativeBackends() {
		if reflect.ValueOf(be.micro64).Pointer() == reflect.ValueOf(microF64).Pointer() {
			micro = be.name
		}
	}
	var micro32 []string // avx2 and avx512 share their f32 kernel
	for _, be := range nativeBackends() {
		if reflect.ValueOf(be.micro32).Pointer() == reflect.ValueOf(microF32).Pointer() {
			micro32 = append(micro32, be.name)
		}
	}
	fmt.Printf("backend=%s\nmicro=%s\nmicro32=%s\n", Backend(), micro, strings.Join(micro32, ","))
}

// TestEnvBackend runs this test binary with DAPHNE_LINALG_BACKEND set and
// checks that package initialisation picked the named backend, or kept the
// default with a warning, and that the row-range entry points use the
// micro-kernel of the named native backend (else of the native default).
func TestEnvBackend(t *testing.T) {
	if testing.Short() {
		t.Skip("runs subprocesses")
	}
	t.Parallel()
	bs, nat := allBackends(), nativeBackends()
	def, natDef := bs[len(bs)-1].name, nat[len(nat)-1].name
	type envCase struct{ name, value, want, micro, warn string }
	cases := []envCase{
		{"unset", "", def, natDef, ""},
		{"unknown", "fastest", def, natDef, `DAPHNE_LINALG_BACKEND=\"fastest\" is not a backend`},
	}
	for _, be := range bs {
		micro := natDef
		if be.micro64 != nil {
			micro = be.name
		}
		cases = append(cases, envCase{"available " + be.name, be.name, be.name, micro, ""})
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			cmd := exec.Command(os.Args[0], "-test.run=^TestEnvBackendChild$", "-test.count=1")
			cmd.Env = append(os.Environ(), envChild+"=1", envBackend+"="+tc.value)
			var stderr strings.Builder
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			if errors.Is(err, syscall.ENOEXEC) {
				t.Skip("cannot re-execute the test binary (user-mode emulation without binfmt_misc?):", err)
			}
			if err != nil {
				t.Fatalf("child: %v\n%s%s", err, out, stderr.String())
			}
			if want := "backend=" + tc.want + "\nmicro=" + tc.micro + "\n"; !strings.Contains(string(out), want) {
				t.Fatalf("child printed %q, want %q", out, want)
			}
			_, m32, _ := strings.Cut(string(out), "micro32=")
			m32, _, _ = strings.Cut(m32, "\n")
			if !slices.Contains(strings.Split(m32, ","), tc.micro) {
				t.Fatalf("child's f32 micro-kernel is that of %q, want that of %s", m32, tc.micro)
			}
			logs := stderr.String() + string(out)
			switch {
			case tc.warn == "" && strings.Contains(logs, envBackend):
				t.Fatalf("unexpected warning: %s", logs)
			case tc.warn != "" && !strings.Contains(logs, tc.warn):
				t.Fatalf("output %q, want a warning containing %q", logs, tc.warn)
			}
		})
	}
}
