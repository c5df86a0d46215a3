// Package ew implements DaphneDSL's elementwise operations: the binary
// operators and functions (+ - * / ^ % log min max concat == != < <= > >= &&
// ||), their outer forms (outerAdd, ...), the unary functions (abs, sign,
// exp, ln, sqrt, trigonometry, round, floor, ceil, isNan, lower, upper,
// minus) and the conditional c ? a : b. Register adds them to an op registry
// under the IR op names of package builtin (ewAdd, outerAdd, ewSqrt, cond).
//
// # Value types
//
// Operands are promoted to their most general value type (types.Promote)
// before the operation, which then runs with C++ semantics in that type:
// integer division truncates toward zero, % is fmod (sign of the dividend),
// ^ is pow(double, double) cast back to the type, integer overflow wraps,
// min/max are std::min/std::max. Comparisons give 0/1 in the promoted type
// (str becomes si64); && and || give 0/1 in the promoted integer type, ui64
// for float operands, bool for bool operands (truth is "non-zero" in each
// operand's promoted type, so 0.5 && 1 is 1). + with a string operand, and
// concat, join texts (numbers by std::to_string: "a" + 1.5 is "a1.500000").
// Arithmetic on bool is computed as ui8 and converted back (true + true is
// true). ResultType and UnaryResultType state the rules for the type checker.
//
// Integer division or modulo by zero is an error wrapping ErrDivByZero;
// sqrt and ln of negative numbers and asin/acos outside [-1, 1] are errors
// wrapping ErrDomain (NaN passes through, ln(0) is -inf).
//
// # Broadcasting
//
// Both operands may be scalars or matrices. Two matrices combine when, in
// each dimension, their sizes are equal or one of them is 1 (numpy's rule):
// equal shapes; n x m with a 1 x m row vector or an n x 1 column vector on
// either side; a 1 x 1 matrix with anything; and a 1 x m row vector with an
// n x 1 column vector, giving n x m. A scalar works on either side for every
// operator (a - X is computed as such, not rewritten). Any other pair is an
// error wrapping ErrShape that names both shapes and the operator. This is a
// superset of DAPHNE, whose kernels only broadcast a right-hand vector.
//
// # Representation
//
// Results are dense, except that a CSR operand with the result's shape keeps
// the result CSR whenever the operation maps its zeros to zero (see
// sparse.go): CSR * dense, CSR * vector, CSR && x, CSR / non-zero dense,
// CSR + CSR, CSR * CSR, CSR > 0.5, abs(CSR), sqrt(CSR), ... without expanding
// the matrix. Other combinations expand CSR operands to dense first; a dense
// result of more than MaxDenseCells cells (G + 1 with G a 1e6 x 1e6 graph) is
// an error wrapping ErrTooLarge instead of an allocation that kills the
// process.
//
// # Implementation
//
// Each operation is three generic slice loops (vector∘vector, vector∘scalar,
// scalar∘vector, type kern) instantiated per element type and selected by a
// type switch at the op boundary; broadcasting calls them once per row, so
// loops run over Data slices with no per-element calls, boxing or index
// division. The loop sets of each element type are built once and cached.
// Two scalars take a direct path (scalar.go) that allocates only the result,
// for the interpreter's scalar arithmetic; the tests check that it agrees
// with the loops for every op and type pair. No goroutines: parallelism comes
// from the scheduler.
//
// # Aliasing
//
// Inputs are never written. A result may share index arrays (CSR RowPtr and
// ColIdx) or a whole matrix (Cond with a scalar condition) with an input,
// which is safe because values are immutable once created.
package ew
