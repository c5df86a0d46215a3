// Package meta implements DaphneDSL's metadata builtins and miscellaneous
// control ops (daphnedsl.md sections 9.2 and 9.10): nrow, ncol, ncell,
// sparsity, isSymmetric, now, stop, startProfiling and stopProfiling.
//
// # Deviations from DAPHNE
//
// DAPHNE's sparsity(X) is a compile-time estimate (-1 when unknown); here
// it is the exact fraction of non-zero cells computed at run time (0 for a
// matrix without cells). Non-zero means != 0 for numbers (NaN counts as
// non-zero), true for bools and non-empty for strings. Explicit zeros
// stored in a CSR matrix do not count. startProfiling/stopProfiling accept
// their region argument and do nothing (DAPHNE only acts on them when built
// with PAPI).
package meta
