// Package gen implements DaphneDSL's data-generation builtins: fill, seq,
// rand and sample (IR ops of the same names; see Register).
//
// # Random numbers
//
// rand and sample reproduce DAPHNE's seeded output: MT19937 is a port of
// std::mt19937, and the distributions follow libstdc++ (GCC 11 and later):
// generate_canonical, uniform_real_distribution, uniform_int_distribution
// (Lemire's method below 2^32 values, upscaling above) and std::shuffle.
// Dense rand draws values from an engine seeded with seed and cell
// positions from one seeded with seed*3 (see RandDense). Seeds are reduced
// modulo 2^32 as C++ does. seed -1 picks a seed from the clock.
//
// CSR rand (RandCSR) follows DAPHNE's CSR kernel with
// std::default_random_engine (minstd_rand0, MinStdRand0) and libstdc++'s
// distributions over it. The rand op produces CSR when it carries the
// attribute repr=csr (set by representation selection), dense otherwise.
//
// # Value types
//
// fill's result has the value's type (any type, including str and bool);
// rand's the type of min (max is cast to it); sample's the type of range;
// seq's the most general of from, to and inc, where an omitted inc is an
// si8 1 and so never widens the type.
//
// # Errors
//
// Argument errors follow DAPHNE's kernels (rand: numRows and numCols > 0,
// min <= max, not both zero, sparsity in [0, 1]; seq: inc 0 or NaN
// arguments; sample: size > 0, range > 0, range >= size without
// replacement for integers) and are returned as errors, never panics.
// Requests of more than 2^34 cells are refused.
//
// All kernels are sequential; parallelism is the scheduler's business.
package gen
