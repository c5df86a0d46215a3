// Package index implements DaphneDSL's indexing and matrix literals: the IR
// ops extract (X[r, c]), filter (X[[r, c]]), insert (X[r, c] = Y) and
// matrixLit ([e1, ..., en](r, c)); see daphnedsl.md sections 7.1 and 8 and
// the argument conventions in package builtin.
//
// # Positions and ranges
//
// Positions are 0-based; float positions are truncated toward zero. Ranges
// are half-open. Negative bounds follow DAPHNE's rule exactly: a single
// position p is the range p:p+1; when the lower bound is negative, it and
// an upper bound <= 0 count from the end (so X[-1,] is the last row and
// X[-3:0,] the last three rows); otherwise only a negative upper bound
// counts from the end (X[1:-1,] drops the first and last row). After this
// adjustment a range must satisfy 0 <= lower < count and lower <= upper <=
// count (X[2:2,] is empty, X[n:n,] an error). Errors name the dimension,
// the bounds as given and the valid range.
//
// A column matrix of positions gathers rows or columns in any order with
// duplicates; each position may be negative (counted from the end). A
// string position is a column label, which needs a frame: on a matrix it is
// an error saying so. Filter takes 0/1 column vectors of length nrow/ncol;
// any other value is an error.
//
// Left indexing counts negative positions from the end as right indexing
// does, as current DAPHNE does (its left_indexing_success_6 and
// left_indexing_failure_8/9 tests); older versions did not.
//
// Deviations from DAPHNE (deliberate supersets): the ":" form (X[:, ]) is
// treated like an omitted bound, so it also works on an empty axis, where
// DAPHNE's slice kernel rejects 0:0; insert converts Y's value type to X's
// (DAPHNE requires equal types, issue #624) and accepts a scalar Y for a
// single cell.
//
// # Representation and aliasing
//
// Results are always matrices (X[i, j] is 1x1). Dense row ranges over all
// columns share X's storage, as do CSR row ranges over all columns (column
// and value arrays); that is safe because values are immutable. Every other
// extraction copies. CSR inputs give CSR results for extract and filter in
// every form; insert on a CSR matrix densifies, inserts and compresses
// again, returning CSR. Insert never writes into X.
//
// # Implementation
//
// Kernels are generic over the element types of runtime/data; the op
// boundary selects the instantiation with one switch on the value type
// (kernelFor), so inner loops are concretely typed.
package index
