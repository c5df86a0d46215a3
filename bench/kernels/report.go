package main

import (
	"fmt"
	"io"
	"runtime"
	"text/tabwriter"
	"time"

	"github.com/daphne-go/daphne/runtime/kernel/linalg"
)

// gbps returns bytes per duration in GB/s (10^9 bytes).
func gbps(bytes float64, d time.Duration) float64 { return bytes / d.Seconds() / 1e9 }

// ms formats a duration in milliseconds.
func ms(d time.Duration) string { return fmt.Sprintf("%.1f", d.Seconds()*1e3) }

// report writes the measurements as text tables.
func report(w io.Writer, c config, r *results) {
	fmt.Fprintf(w, "kernels: %d x %d f64, gemm %d, copy %d MiB, best of %d after a first run, %d threads, linalg backend %s, GOMAXPROCS %d, %s\n",
		c.rows, c.cols, c.gemmN, c.copyMiB, c.reps, c.threads, linalg.Backend(), runtime.GOMAXPROCS(0), runtime.Version())
	if r.np != nil {
		fmt.Fprintf(w, "numpy %s, OPENBLAS_NUM_THREADS=%d\n", r.np.version, c.threads)
	} else {
		fmt.Fprintln(w, r.npNote)
	}
	copyBytes := 2 * float64(c.copyMiB<<20) // read + written
	ref := max(gbps(copyBytes, r.copy1.best), gbps(copyBytes, r.copy2.best))
	fmt.Fprintf(w, "\nmemory copy (GB/s of bytes read + written): Go 1 goroutine %.2f, 2 goroutines %.2f",
		gbps(copyBytes, r.copy1.best), gbps(copyBytes, r.copy2.best))
	if r.np != nil {
		fmt.Fprintf(w, ", numpy %.2f", gbps(copyBytes, r.np.copy.best))
	}
	fmt.Fprintf(w, "; best Go: %.2f GB/s\n", ref)
	fmt.Fprintln(w, "memory-bound kernels: GB/s of bytes read + written; each run follows a 1-goroutine copy run (A B A B).")
	fmt.Fprintln(w, "% of copy: against the best of those copies counted the same way (read + written, as STREAM does; in brackets")
	fmt.Fprintln(w, "against the best Go copy above); % of copy rate: against the bytes those copies copied per second (half of that)")
	fmt.Fprintln(w)

	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "kernel\tfirst ms\tbest ms\tGB/s\tcopy GB/s\t% of copy\t% of copy rate\tnumpy first ms\tnumpy best ms\tnumpy GB/s\tspeed-up vs numpy\t")
	for _, wl := range memWorkloads(c.rows, c.cols) {
		t, ok := r.goT[wl.name]
		if !ok {
			continue
		}
		g := gbps(wl.bytes, t.best)
		pc := gbps(copyBytes, r.pairCopy[wl.name].best)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%.2f\t%.2f\t%.0f%% (%.0f%%)\t%.0f%%\t", wl.name, ms(t.first), ms(t.best), g, pc, 100*g/pc, 100*g/ref, 200*g/pc)
		if r.np != nil {
			n := r.np.mem[wl.name]
			fmt.Fprintf(tw, "%s\t%s\t%.2f\t%.2fx\t\n", ms(n.first), ms(n.best), gbps(wl.bytes, n.best), n.best.Seconds()/t.best.Seconds())
		} else {
			fmt.Fprintln(tw, "-\t-\t-\t-\t")
		}
	}
	tw.Flush()

	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "kernel\tfirst ms\tbest ms\tGFLOP/s\tnumpy best ms\tnumpy GFLOP/s\t% of numpy\t")
	n := float64(c.gemmN)
	flops := []struct {
		key, name string
		flops     float64
		np        func() timing
	}{
		{"gemm", fmt.Sprintf("dgemm %dx%d", c.gemmN, c.gemmN), 2 * n * n * n, func() timing { return r.np.gemm }},
		// syrk computes one triangle: m*n*(n+1) flops (as OpenBLAS counts).
		{"syrk", fmt.Sprintf("syrk %dx%d", c.rows, c.cols), float64(c.rows) * float64(c.cols) * float64(c.cols+1),
			func() timing { return r.np.syrk }},
	}
	for _, f := range flops {
		t, ok := r.goT[f.key]
		if !ok {
			continue
		}
		g := f.flops / t.best.Seconds() / 1e9
		fmt.Fprintf(tw, "%s\t%s\t%s\t%.1f\t", f.name, ms(t.first), ms(t.best), g)
		if r.np != nil {
			nt := f.np()
			ng := f.flops / nt.best.Seconds() / 1e9
			fmt.Fprintf(tw, "%s\t%.1f\t%.0f%%\t\n", ms(nt.best), ng, 100*g/ng)
		} else {
			fmt.Fprintln(tw, "-\t-\t-\t")
		}
	}
	tw.Flush()
}
