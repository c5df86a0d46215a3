// Package vec holds the data side of the vectorized engine (--vec): zero-
// copy row views of pipeline inputs, row-wise outputs allocated once and
// filled by the tasks, and the collection and combination of per-task column
// aggregates. The interpreter (runtime/interp, pipeline.go) runs a
// vectorizedPipeline op's region per row range as tasks of a sched.Pool and
// uses this package for the inputs and outputs; ir/pass's vectorize pass
// creates the ops.
//
// # Compiled pipelines and scratch
//
// Compile turns a region whose values share one value type (f64, f32 or
// si64) and whose ops are elementwise (+ - * / min max comparisons, abs,
// minus, sqrt, exp, ln, round, floor, ceil), cbind, sum/min/max by rows
// or columns, or the products syrk and gemv (f32/f64; combine "sum": each
// worker accumulates t(X_b) @ X_b or t(X_b) @ y_b of its batches with
// linalg's row-range kernels, Sums adds the accumulators, see its
// tolerance) into a Program of typed loops (loops.go, cell for cell the
// kernels' arithmetic; program_test.go compares them bit for bit, NaN,
// infinities and -0 included). Each batch reads its rows of the split
// inputs in place, writes every intermediate into a buffer of its
// worker's Scratch, and writes row-wise outputs straight into their rows of
// the result, so a task allocates nothing batch- or full-sized (column
// aggregates allocate their 1 x m partial, statistics their summary). The
// Scratch buffers come from an Arena (a free list that, unlike a
// sync.Pool, the garbage collector does not empty), one per worker index
// of a run (Workers), and go back after the run: batch after batch and
// pipeline call after pipeline call the same memory is reused. Regions
// Compile refuses (other ops, mixed value types, CSR inputs) run their ops
// through the kernels, batch by batch, as before.
//
// # Invariants
//
//   - A row view shares the input's storage; inputs are immutable (see
//     runtime/data), so views are never written.
//   - Rows.Put copies a task's rows into its range of the result only if
//     the task output is a dense matrix of the result's value type and
//     width, or keeps it as a part of a CSR result if the first part was
//     CSR (joined in row order by Rows.Matrix, which is nil unless the
//     parts cover every row once); otherwise it reports false and the
//     caller falls back to running the pipeline unsplit, so a result never
//     has a different representation or value type than without --vec.
//   - A CSR row view (csr.go) shares the input's values and column
//     indexes and has its own rebased row pointers; batches of CSR
//     pipelines are sized by stored values per row (Width).
//   - Partials are combined in row order: the partials are stacked with
//     the partial of the first rows on top, and the same column aggregation
//     (sumCol, aggMinCol, aggMaxCol) is applied to the stack. Integer sums,
//     min and max are therefore exact; floating-point sums add the same
//     numbers in a different association, see below.
//
// # Floating-point tolerance
//
// A fused sumCol over f64 (f32) adds per-task partial sums; the result
// differs from the sequential sum by at most about (k + h) * eps * sum|x|
// for k tasks of at most h rows (eps = 2^-53, resp. 2^-24), far below the 6
// significant digits print shows for data of one sign.
//
// Column statistics (meanCol, varCol, stddevCol; combine modes
// "moments:mean|var|stddev", MomentParts) are computed in one pass: every
// batch summarises its rows as count, mean and M2 per column (agg.MomentsOf,
// sums shifted by the batch's first row, in float64), the summaries are
// merged in row order (Chan et al.'s pairwise update) and finished in the
// kernel's value type (f32 for f32 input, f64 otherwise). The unfused
// kernels compute mean as a left-to-right sum in the result type and var
// with sums shifted by the column's first value (DAPHNE itself uses two
// passes, mean first). For f64 data the fused results differ from the
// unfused ones by rounding only, a relative error of about (k + h) * 2^-53
// times the condition number (mean|x| / stddev for var) for k batches of
// at most h rows, 1e-12 relative in the tests; for f32 input the fused
// statistics accumulate in float64 and are rounded to f32 once, so they
// are at least as accurate as the kernel's f32 mean, and differ from it by
// the kernel's own f32 accumulation error (up to n * 2^-24 relative in the
// worst case for n rows, about sqrt(n) * 2^-24 typically; 1e-6 relative in
// the tests at 103 rows), which for f32 columns of millions of rows can
// exceed the e2e comparison's 1e-5. A
// constant column's var and stddev are exactly 0 both ways, and a NaN in a
// column makes its var and stddev NaN both ways. Infinities are where the
// one-pass formulas differ from the kernels (the shifted mean of inf, 1 is
// NaN, the kernel's inf): a mean whose batch summaries hold a NaN or an
// infinity, or a var or stddev whose summaries hold an infinity, makes
// the interpreter rerun the pipeline unsplit, so such results are the
// kernel's exactly (at the cost of a second pass). The e2e comparison
// of --vec runs accepts numbers that differ by a relative 1e-5 (see
// e2e/vec_test.go); everything else (row-wise outputs, min, max, integer
// sums) must match exactly.
//
// # Concurrency
//
// Rows.Put may be called concurrently for disjoint row ranges; Partials.Add
// and MomentParts.Add are safe for concurrent use; Stacked, Matrix and
// MomentParts.Finish are called after the run.
// A Trace (--trace) is safe for concurrent use: runs register under a
// mutex, chunks go lock-free into the per-worker buffers of their run
// (sched gives a worker index to one goroutine at a time within a run), and
// Events/WriteTo read them after the runs have finished.
//
// # Seeing the scheduler
//
// Options.Begin wraps one pipeline run: with Options.Trace it records the
// run's chunks (Chrome trace-event JSON, one process per run, one track per
// worker, read back by sched/sim.ReadChromeTrace); with Options.Logger it
// logs the run's scheduling (scheme, layout, victim, threads, chunks,
// stolen) at debug level (--debug-mt). Without either it returns
// Options.Sched unchanged, so the default path reads no clocks. The fused
// sparse row aggregation of runtime/kernel/linalg runs on the pool too but
// is not traced.
package vec
