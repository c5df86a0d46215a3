// Package reorg implements DaphneDSL's reorganisation builtins: reshape,
// transpose (t), cbind, rbind, reverse and order (IR ops of the same names;
// see Register), for dense and CSR matrices of every value type including
// str and bool.
//
// # Representations
//
// reshape, transpose and reverse keep the representation: dense gives
// dense, CSR gives CSR (transpose of a CSR matrix is a counting sort by
// column, one pass over the non-zeros). cbind and rbind give CSR when both
// arguments are CSR and dense otherwise. order sorts dense data (a CSR
// argument is densified) and returns dense rows or a size-typed n x 1
// permutation.
//
// # Aliasing
//
// A dense reshape, and the transpose of a dense vector, share storage with
// their argument: values are immutable, and these are then O(1). Every
// other result is freshly allocated.
//
// # Value types
//
// cbind and rbind convert both arguments to the most general of their value
// types (data.ConvertMatrix: C static_cast between numbers, std::to_string
// to str); all other ops keep their argument's value type.
//
// # Errors
//
// reshape to a different number of cells, cbind of matrices with different
// row counts, rbind of matrices with different column counts, order with
// a column index out of range or the wrong number of arguments: each is an
// error naming the shapes or values given.
package reorg
