package e2e

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	// The tests run the binary built from cmd/daphne; importing the driver
	// makes go test's cache notice changes anywhere in the pipeline.
	_ "github.com/daphne-go/daphne/driver"
)

var update = flag.Bool("update", false, "rewrite the expected outputs of the script tests")

// daphneBin is the binary under test, built by TestMain.
var daphneBin string

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "daphne-e2e")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	daphneBin = filepath.Join(dir, "daphne")
	build := exec.Command("go", "build", "-o", daphneBin, "../cmd/daphne")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building daphne:", err)
		os.Exit(2)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// result is what one run of the binary produced.
type result struct {
	stdout, stderr string
	code           int
}

// runDaphne runs the binary with args in dir, with a time limit.
func runDaphne(t *testing.T, dir string, args ...string) result {
	t.Helper()
	cmd := exec.Command(daphneBin, args...)
	cmd.Dir = dir
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var err error
	select {
	case err = <-done:
	case <-time.After(5 * time.Minute):
		cmd.Process.Kill()
		t.Fatalf("daphne %v: timed out", args)
	}
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(errb.String(), "goroutine ") || strings.Contains(out.String(), "goroutine ") {
		t.Errorf("daphne %v printed a Go stack trace:\n%s%s", args, out.String(), errb.String())
	}
	return result{out.String(), errb.String(), code}
}

func TestScripts(t *testing.T) {
	dir, _ := filepath.Abs("testdata/scripts")
	scripts, _ := filepath.Glob(filepath.Join(dir, "*.daph"))
	if len(scripts) == 0 {
		t.Fatal("no scripts in testdata/scripts")
	}
	for _, script := range scripts {
		name := strings.TrimSuffix(filepath.Base(script), ".daph")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			base := strings.TrimSuffix(script, ".daph")
			args := []string{filepath.Base(script)}
			if raw, err := os.ReadFile(base + ".cmd"); err == nil {
				args = nil
				for _, line := range strings.Split(strings.TrimRight(string(raw), "\n"), "\n") {
					line = strings.ReplaceAll(line, "$SCRIPT", filepath.Base(script))
					args = append(args, strings.ReplaceAll(line, "$DIR", dir))
				}
			}
			r := runDaphne(t, dir, args...)
			if *update {
				os.WriteFile(base+".out", []byte(r.stdout), 0o644)
				if r.code != 0 {
					os.WriteFile(base+".code", []byte(strconv.Itoa(r.code)+"\n"), 0o644)
				} else {
					os.Remove(base + ".code")
				}
				return
			}
			want, err := os.ReadFile(base + ".out")
			if err != nil {
				t.Fatalf("missing expected output: %v (run with -update to create it)", err)
			}
			wantCode := 0
			if raw, err := os.ReadFile(base + ".code"); err == nil {
				wantCode, _ = strconv.Atoi(strings.TrimSpace(string(raw)))
			}
			if r.code != wantCode {
				t.Errorf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, wantCode, r.stdout, r.stderr)
			}
			if r.stdout != string(want) {
				t.Errorf("stdout differs\n--- got\n%s--- want\n%s--- stderr\n%s", r.stdout, want, r.stderr)
			}
		})
	}
}
