// Package bench is the experiments harness of issue 3: the DaphneSched
// paper's Figures 7 to 10 (execution time per partitioning scheme, and
// heatmaps victim selection x scheme per queue layout) reproduced three
// ways, and the per-chunk scheduling overhead against OpenMP.
//
//   - Simulator (RunSim, SimFigures): sched/sim sweeps every scheme x
//     layout x victim x pre-partitioning on 20 and 56 virtual cores (the
//     paper's 2x10 Broadwell and 2x28 Cascade Lake) for three cost models:
//     connected components (row cost from the row non-zeros of an R-MAT
//     graph made by examples/graphgen), the same rows sorted by descending
//     degree, and linear regression (uniform rows).
//   - Real runs (RunReal, RealFigures): the real daphne binary on the two
//     example scripts with --vec and the scheduling flags, 1 and 2 threads.
//   - Overhead (RunOMP, RunGoOverhead, WriteOverhead): bench/omp/ss.c
//     (OpenMP schedule(dynamic,1)) beside sched's BenchmarkOverheadSS*.
//
// Charts (BarChart, Heatmap) are written as SVG text by hand, without a
// plotting dependency; CSV via sim.WriteCSV and WriteRealCSV. The command
// is bench/cmd/experiments; bench/README.md explains the output and
// compares it with the paper.
//
// # Invariants
//
//   - Every figure is drawn from the CSV data written beside it (same
//     results, no extra measurement); SS is left out of the figures (its
//     one-row chunks flatten every other bar, as the paper says) but kept
//     in the CSV.
//   - A real run that fails is recorded with its error in the CSV and
//     drawn as a missing (grey) cell, never silently dropped.
//   - The harness never changes results: it only passes flags to daphne,
//     and for the deterministic connected-components pipeline it checks
//     that stdout equals the run without any scheduling flag.
//
// # Ownership and concurrency
//
// The package belongs to the bench/ harness. Charts and results are plain
// values owned by the caller. RunSim simulates in parallel via sim.Sweep
// (GOMAXPROCS goroutines); RunReal runs one daphne process at a time (the
// machine has 2 cores and the runs are what is measured). Nothing here
// keeps global mutable state, so separate calls may run concurrently
// (though concurrent real runs disturb each other's timings).
package bench
