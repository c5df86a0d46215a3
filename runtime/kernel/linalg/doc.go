// Package linalg implements DaphneDSL's linear-algebra ops on dense and CSR
// matrices: matMul (@), syrk (t(A)@A), gemv (t(A)@x), solve, eigen,
// diagMatrix, diagVector, lowerTri, upperTri, replace, ctable and the
// fused spRowAggMul (rowagg.go). Register
// adds them to an ops.Registry under their IR op names; the exported
// functions (MatMul, Syrk, ...) are the same kernels for direct use.
//
// # Types
//
// Each op converts its operands once, at the op boundary, to the promoted
// value type (types.Promote) and then runs a generic kernel on one Go
// element type; there are no per-element interface calls. Integer
// arithmetic wraps as in C. syrk, gemv, solve and eigen are float-only, as
// in DAPHNE.
//
// # Kernels
//
// Dense f32/f64 products are blocked and packed (GotoBLAS style, see
// gemm.go); the f64 and f32 micro-kernels use AVX2+FMA assembly when the
// CPU has it (chosen at run time by CPUID, so the default build is fast),
// NEON assembly on arm64 (backend "neon", kernel_arm64.go; tested under
// qemu-aarch64 in CI, not timed on arm64 hardware) and a portable Go kernel
// otherwise. On CPUs that report AVX-512F the f64
// micro-kernel is an AVX-512 one (backend "avx512"), offered only after it
// passes a self-test against the portable kernel at package initialisation
// (kernel_avx512_amd64.go): it was written on a machine without AVX-512
// and has not been executed on hardware (a test interprets its
// disassembly instead, kernel_avx512_model_amd64_test.go); on an AVX-512
// machine, `go test -run Conformance ./runtime/kernel/linalg` runs it
// through the conformance suite. With -tags openblas (and cgo) dense f32/f64 matMul, syrk and gemv
// call the system OpenBLAS instead; Backend names the implementation in
// use (backend.go; the default build is cgo-free). The environment
// variable DAPHNE_LINALG_BACKEND (purego, avx2, avx512, neon or openblas) picks
// another available backend, read once at initialisation, for A/B
// comparisons; an unknown or unavailable name keeps the default and logs
// a warning. syrk reuses the same micro-kernel on packed blocks of
// rows, computes only the upper triangle and mirrors it, so its result is
// exactly symmetric. gemv and the sparse products stream their operands
// row by row; no transpose is ever materialised.
//
// # Sparse operands
//
// matMul takes every dense/CSR combination (CSR @ CSR gives CSR, the others
// dense); syrk, gemv, diagVector and lowerTri/upperTri read CSR arguments
// directly; solve, eigen, diagMatrix, ctable and replace with a zero pattern
// densify them. Rows of CSR products are split over goroutines by numbers
// of non-zeros, so skewed (R-MAT) degree distributions stay balanced.
//
// # Concurrency
//
// matMul, syrk and gemv split their work by rows into at most Ctx.Threads
// ranges, run as tasks on the persistent scheduler pool (sched.Default(),
// parallel.go); all have finished when the op returns and a panic in one
// becomes an error. spRowAggMul (the fused rowMaxs/rowMins/rowSums of
// G * t(c) that physical operator selection emits, rowagg.go) runs its
// row ranges on the same pool; its results are those of the unfused ewMul
// and row aggregation, exactly, for every thread count. The OpenBLAS
// backend uses OpenBLAS's own threads (as many as Ctx.Threads). The row-range kernels (gemmPacked, gemmSimple,
// syrkPacked, spmvRows, ...) are pure functions of their slices and range,
// ready for a scheduler to drive.
//
// # Errors
//
// Errors a user can cause read as one sentence naming the op, what was
// given and what was expected; each wraps one of the sentinels
// ErrShape, ErrValueType, ErrSingular, ErrNotSymmetric, ErrNoConvergence,
// ErrArgument or ErrTooLarge (test with errors.Is). Kernels do not panic on
// user input.
//
// # Ownership
//
// Kernels never write into their inputs and results never alias them:
// every result is freshly allocated. Internal value-type conversions may
// alias an input (same Go element type), but only for reading.
package linalg
