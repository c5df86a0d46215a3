// Package prep implements DaphneDSL's preprocessing ops: oneHot, recode,
// bin and quantize. Register adds them to an ops.Registry under their IR
// op names; the exported functions are the same kernels for direct use.
//
// Each op converts its argument once at the op boundary (CSR matrices are
// densified: every op here produces dense data) and dispatches on the Go
// element type to a generic kernel; there are no per-element interface
// calls. Results are freshly allocated; inputs are never written.
//
// oneHot on a string matrix recodes each column (codes in order of first
// appearance) and returns si64, as DAPHNE's CLI tests show.
//
// # Errors
//
// Errors a user can cause read as one sentence naming the op, what was
// given and what was expected; each wraps one of the sentinels
// ErrShape, ErrValueType, ErrArgument or ErrTooLarge (test with errors.Is). Kernels do not panic on
// user input.
//
// # Deviations from DAPHNE
//
//   - oneHot: info value 0 drops the column (DAPHNE's kernel rejects 0
//     although its message allows it); a value outside [0, k) is an error
//     naming the value and column instead of an out-of-bounds write.
//   - recode: NaN is one distinct value (sorted after every number) instead
//     of one code per NaN occurrence.
//   - bin: the bin width is computed in f64 from f64 min and max, so
//     narrow signed types cannot overflow; NaN stays NaN also when
//     min == max.
//   - quantize: f64 input is accepted as well as f32 (computed in f32 as
//     DAPHNE does); min > max, and min = max = 0, are errors instead of
//     producing undefined values.
package prep
