package config

import (
	"fmt"
	"sort"
	"strings"
)

var optionTable map[string]option

// options returns the table of accepted options, built once.
func options() map[string]option {
	if optionTable != nil {
		return optionTable
	}
	t := map[string]option{
		"help":    boolOpt("show this help and exit", func(c *Config) *bool { return &c.Help }),
		"version": boolOpt("show the version and exit", func(c *Config) *bool { return &c.Version }),
		"args": {kString, "script arguments as name=value,name2=value2", func(c *Config, v string) error {
			for _, a := range strings.Split(v, ",") {
				if a == "" {
					continue
				}
				if err := c.AddArg(a); err != nil {
					return err
				}
			}
			return nil
		}},
		"config": {kString, "JSON user configuration file (the command line overrides it)", nil},
		"explain": {kString, "print the IR to stderr after the given stages (comma-separated): " +
			strings.Join(ExplainStages, ", "), func(c *Config, v string) error {
			for _, s := range strings.Split(v, ",") {
				s = strings.TrimSpace(s)
				if !oneOf(s, ExplainStages) {
					return fmt.Errorf("unknown stage %q, expected one of %s", s, strings.Join(ExplainStages, ", "))
				}
				c.Explain = append(c.Explain, s)
			}
			return nil
		}},
		"timing":         boolOpt("print timing JSON to stderr at the end", func(c *Config) *bool { return &c.Timing }),
		"vec":            boolOpt("use the vectorized engine", func(c *Config) *bool { return &c.Vec }),
		"vec-restricted": boolOpt("vectorize only ops carrying the attribute vec=true (none does yet: fuses nothing)", func(c *Config) *bool { return &c.VecRestricted }),
		"cst-task-size": intOpt("chunk size in rows of --partitioning=CST (daphne-go extension; overrides DAPHNE_CST_TASK_SIZE)", 1,
			func(c *Config) *int { return &c.CSTTaskSize }),
		"trace": strOpt("write a task trace of the vectorized pipelines (Chrome trace-event JSON, opens in Perfetto) to the given file",
			func(c *Config) *string { return &c.Trace }),
		"num-threads":    intOpt("number of worker threads (0 = number of cores)", 0, func(c *Config) *int { return &c.NumThreads }),
		"grain-size":     intOpt("minimum task size in rows", 1, func(c *Config) *int { return &c.GrainSize }),
		"phy-batch-size": intOpt("bytes per physical batch", 1, func(c *Config) *int { return &c.PhyBatchSize }),
		"partitioning": enumOpt("task partitioning scheme", Partitionings,
			func(c *Config) *string { return &c.Partitioning }),
		"queue_layout": enumOpt("task queue layout", QueueLayouts,
			func(c *Config) *string { return &c.QueueLayout }),
		"victim_selection": enumOpt("work-stealing victim selection", VictimSelections,
			func(c *Config) *string { return &c.VictimSelection }),
		"pre-partition":  boolOpt("partition rows into the queues before scheduling", func(c *Config) *bool { return &c.PrePartition }),
		"pin-workers":    boolOpt("pin worker threads to cores", func(c *Config) *bool { return &c.PinWorkers }),
		"hyperthreading": boolOpt("count logical CPUs (SMT siblings), not physical cores, for the default thread count", func(c *Config) *bool { return &c.Hyperthreading }),
		"debug-mt":       boolOpt("print each vectorized pipeline's scheduling (scheme, layout, threads, chunks) to stderr", func(c *Config) *bool { return &c.DebugMT }),
		"select-matrix-repr": boolOpt("choose dense or sparse (CSR) representation automatically",
			func(c *Config) *bool { return &c.SelectMatrixRepr }),
		"no-obj-ref-mgnt":      boolOpt("disable reference-count-based freeing", func(c *Config) *bool { return &c.NoObjRefMgnt }),
		"no-ipa-const-propa":   boolOpt("disable inter-procedural constant propagation", func(c *Config) *bool { return &c.NoIPAConstPropa }),
		"no-phy-op-selection":  boolOpt("disable physical operator selection (t(X)@X to syrk)", func(c *Config) *bool { return &c.NoPhyOpSelection }),
		"columnar":             boolOpt("use columnar ops for relational queries", func(c *Config) *bool { return &c.Columnar }),
		"optimistic-splitting": boolOpt("optimistic splitting for grouped SUM (needs --columnar)", func(c *Config) *bool { return &c.OptimisticSplitting }),
		"codegen":              boolOpt("code generation (accepted; daphne-go interprets)", func(c *Config) *bool { return &c.Codegen }),
		"mlir-codegen":         boolOpt("same as --codegen (older spelling)", func(c *Config) *bool { return &c.Codegen }),
		"mlir-hybrid-codegen":  boolOpt("hybrid code generation (accepted; no effect)", func(c *Config) *bool { return &c.MLIRHybridCodegen }),
		"statistics":           boolOpt("print runtime statistics (accepted; no effect yet)", func(c *Config) *bool { return &c.Statistics }),
		"enable-profiling":     boolOpt("PAPI profiling (accepted; no effect)", func(c *Config) *bool { return &c.EnableProfiling }),
		"distributed":          boolOpt("use the distributed runtime (not available yet)", func(c *Config) *bool { return &c.Distributed }),
		"dist_backend": enumOpt("distributed backend", []string{"MPI", "SYNC-GRPC", "ASYNC-GRPC"},
			func(c *Config) *string { return &c.DistBackend }),
		"cuda":        boolOpt("use CUDA kernels (none here: runs on the CPU)", func(c *Config) *bool { return &c.CUDA }),
		"fpgaopencl":  boolOpt("use FPGA kernels (none here: runs on the CPU)", func(c *Config) *bool { return &c.FPGAOpenCL }),
		"enable-hdfs": boolOpt("HDFS support (accepted; no effect)", func(c *Config) *bool { return &c.EnableHDFS }),
		"libdir":      strOpt("kernel library directory (accepted; no effect)", func(c *Config) *string { return &c.Libdir }),
	}
	t["select-matrix-representations"] = t["select-matrix-repr"]
	t["pin-threads"] = t["pin-workers"]
	for _, name := range []string{"kernel-ext", "matmul-fixed-tile-sizes", "properties-file-path", "hdfs-ip", "hdfs-username"} {
		t[name] = otherOpt(kString, name, "accepted for compatibility; no effect")
	}
	for _, name := range []string{"matmul-vec-size-bits", "matmul-unroll-factor", "matmul-unroll-jam-factor",
		"matmul-num-vec-registers", "max-distr-chunk-size"} {
		t[name] = otherOpt(kString, name, "accepted for compatibility; no effect")
	}
	// update-in-place: newer DAPHNE's in-place update optimisation, a
	// performance option that never changes results.
	for _, name := range []string{"matmul-tile", "matmul-invert-loops", "enable-property-recording", "enable-property-insert",
		"help-list", "help-hidden", "update-in-place"} {
		t[name] = otherOpt(kBool, name, "accepted for compatibility; no effect")
	}
	// Old one-flag-per-value spellings of doc/SchedulingOptions.md.
	for _, s := range Partitionings {
		t[s] = fixedOpt("same as --partitioning="+s, s, func(c *Config) *string { return &c.Partitioning })
	}
	for _, s := range QueueLayouts {
		t[s] = fixedOpt("same as --queue_layout="+s, s, func(c *Config) *string { return &c.QueueLayout })
	}
	for _, s := range VictimSelections {
		t[s] = fixedOpt("same as --victim_selection="+s, s, func(c *Config) *string { return &c.VictimSelection })
	}
	optionTable = t
	return t
}

// Usage returns the --help text.
func Usage() string {
	var b strings.Builder
	b.WriteString("usage: daphne [options] script.daph [name=value ...]\n")
	b.WriteString("       daphne gen graph [flags]   (generate an input graph; see daphne gen -h)\n\n")
	b.WriteString("Options (-opt and --opt both work; values as --opt=value or --opt value):\n")
	names := make([]string, 0, len(options()))
	for n := range options() {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		o := options()[n]
		arg := ""
		if o.kind != kBool {
			arg = "=<value>"
		}
		fmt.Fprintf(&b, "  --%-34s %s\n", n+arg, o.help)
	}
	return b.String()
}
