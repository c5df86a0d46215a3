package main

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"time"
)

//go:embed numpy_ref.py
var numpyScript []byte

// numpyResults are numpy_ref.py's timings.
type numpyResults struct {
	version string
	copy    timing
	mem     map[string]timing // by memWorkload name
	gemm    timing
	syrk    timing
}

// runNumpy runs numpy_ref.py with the harness's sizes and OpenBLAS thread
// count. It returns nil and the reason when numpy is not available or
// fails (the Go side is reported anyway).
func runNumpy(c config) (*numpyResults, string) {
	if !c.numpy {
		return nil, "numpy skipped (-numpy=false)"
	}
	candidates := []string{"python3", "/usr/bin/python3"}
	if c.python != "" {
		candidates = []string{c.python}
	}
	py := ""
	for _, p := range candidates {
		if path, err := exec.LookPath(p); err == nil && exec.Command(path, "-c", "import numpy").Run() == nil {
			py = path
			break
		}
	}
	if py == "" {
		return nil, fmt.Sprintf("numpy skipped: none of %v imports numpy", candidates)
	}
	dir, err := os.MkdirTemp("", "kernels-bench")
	if err != nil {
		return nil, "numpy skipped: " + err.Error()
	}
	defer os.RemoveAll(dir)
	script := filepath.Join(dir, "numpy_ref.py")
	if err := os.WriteFile(script, numpyScript, 0o600); err != nil {
		return nil, "numpy skipped: " + err.Error()
	}
	cmd := exec.Command(py, script, strconv.Itoa(c.rows), strconv.Itoa(c.cols),
		strconv.Itoa(c.copyMiB), strconv.Itoa(c.gemmN), strconv.Itoa(c.reps))
	cmd.Env = append(os.Environ(), "OPENBLAS_NUM_THREADS="+strconv.Itoa(c.threads))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Sprintf("numpy failed: %v: %s", err, bytes.TrimSpace(stderr.Bytes()))
	}
	r, err := parseNumpy(out)
	if err != nil {
		return nil, "numpy output: " + err.Error()
	}
	return r, ""
}

// parseNumpy decodes numpy_ref.py's JSON: "numpy" (the version) and, per
// workload, [first, best] in seconds.
func parseNumpy(out []byte) (*numpyResults, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(out, &raw); err != nil {
		return nil, err
	}
	r := &numpyResults{mem: map[string]timing{}}
	if err := json.Unmarshal(raw["numpy"], &r.version); err != nil {
		return nil, fmt.Errorf("numpy version: %w", err)
	}
	get := func(name string) (timing, error) {
		var p [2]float64
		msg, ok := raw[name]
		if !ok {
			return timing{}, fmt.Errorf("no %q timing", name)
		}
		if err := json.Unmarshal(msg, &p); err != nil {
			return timing{}, fmt.Errorf("%s: %w", name, err)
		}
		sec := func(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }
		return timing{first: sec(p[0]), best: sec(p[1])}, nil
	}
	var err error
	if r.copy, err = get("copy"); err != nil {
		return nil, err
	}
	if r.gemm, err = get("gemm"); err != nil {
		return nil, err
	}
	if r.syrk, err = get("syrk"); err != nil {
		return nil, err
	}
	for _, wl := range memWorkloads(1, 1) {
		if r.mem[wl.name], err = get(wl.name); err != nil {
			return nil, err
		}
	}
	return r, nil
}
