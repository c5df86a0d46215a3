package bench

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// OverheadResult is the per-chunk overhead comparison: OpenMP
// schedule(dynamic,1) against sched's SS benchmarks, 2 workers, empty body.
type OverheadResult struct {
	// OMPNs is the median ns per chunk of bench/omp/ss.c (NaN if gcc is
	// missing; OMPErr says why).
	OMPNs  float64
	OMPErr string
	// Go lists the BenchmarkOverheadSS* sub-benchmarks with their ns per
	// chunk, in output order.
	Go []GoBench
}

// GoBench is one parsed Go benchmark line.
type GoBench struct {
	Name       string
	NsPerChunk float64
}

// RunOMP compiles bench/omp/ss.c (under root) into dir with gcc -O2
// -fopenmp and runs it with OMP_NUM_THREADS=2, returning the median ns per
// chunk. It returns ErrNoCompiler if gcc is not on the PATH.
func RunOMP(ctx context.Context, root, dir string) (float64, error) {
	gcc, err := exec.LookPath("gcc")
	if err != nil {
		return math.NaN(), ErrNoCompiler
	}
	bin := filepath.Join(dir, "ss")
	if out, err := exec.CommandContext(ctx, gcc, "-O2", "-fopenmp", filepath.Join(root, "bench", "omp", "ss.c"), "-o", bin).CombinedOutput(); err != nil {
		return math.NaN(), fmt.Errorf("bench: compiling ss.c: %v: %s", err, out)
	}
	cmd := exec.CommandContext(ctx, bin)
	cmd.Env = append(os.Environ(), "OMP_NUM_THREADS=2")
	out, err := cmd.Output()
	if err != nil {
		return math.NaN(), fmt.Errorf("bench: running ss: %v", err)
	}
	return parseOMP(out)
}

// parseOMP reads the "median_ns_per_chunk X" line of ss's output.
func parseOMP(out []byte) (float64, error) {
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		if f := strings.Fields(sc.Text()); len(f) == 2 && f[0] == "median_ns_per_chunk" {
			return strconv.ParseFloat(f[1], 64)
		}
	}
	return math.NaN(), fmt.Errorf("bench: no median_ns_per_chunk line in ss output")
}

// RunGoOverhead runs `go test -run '^$' -bench OverheadSS -count 1
// ./sched` in root and parses the ns/chunk metric of every benchmark.
func RunGoOverhead(ctx context.Context, root, benchtime string) ([]GoBench, error) {
	args := []string{"test", "-run", "^$", "-bench", "OverheadSS", "-count", "1"}
	if benchtime != "" {
		args = append(args, "-benchtime", benchtime)
	}
	cmd := exec.CommandContext(ctx, "go", append(args, "./sched")...)
	cmd.Dir = root
	out, err := cmd.CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("bench: go %s: %v: %s", strings.Join(args, " "), err, out)
	}
	return parseGoBench(out), nil
}

// parseGoBench extracts "ns/chunk" metrics from go test -bench output.
func parseGoBench(out []byte) []GoBench {
	var bs []GoBench
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 3 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		for i := 2; i < len(f); i++ {
			if f[i] == "ns/chunk" {
				if v, err := strconv.ParseFloat(f[i-1], 64); err == nil {
					bs = append(bs, GoBench{Name: f[0], NsPerChunk: v})
				}
			}
		}
	}
	return bs
}

// WriteOverhead prints the comparison table: every Go benchmark with its ns
// per chunk and its ratio to OpenMP.
func WriteOverhead(w io.Writer, r OverheadResult) error {
	var b strings.Builder
	if math.IsNaN(r.OMPNs) {
		fmt.Fprintf(&b, "OpenMP schedule(dynamic,1), 2 threads: not measured (%s)\n", r.OMPErr)
	} else {
		fmt.Fprintf(&b, "OpenMP schedule(dynamic,1), 2 threads: %.2f ns/chunk\n", r.OMPNs)
	}
	fmt.Fprintf(&b, "%-48s %12s %10s\n", "Go benchmark (SS, 2 workers)", "ns/chunk", "Go/OpenMP")
	for _, g := range r.Go {
		ratio := "-"
		if !math.IsNaN(r.OMPNs) && r.OMPNs > 0 {
			ratio = fmt.Sprintf("%.2fx", g.NsPerChunk/r.OMPNs)
		}
		fmt.Fprintf(&b, "%-48s %12.2f %10s\n", g.Name, g.NsPerChunk, ratio)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
