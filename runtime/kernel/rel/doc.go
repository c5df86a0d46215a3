// Package rel holds the relational operators on frames (daphnedsl.md
// section 9.8): cartesian, innerJoin, semiJoin, groupJoin, groupSum, and the
// operators DAPHNE only parses, done the way SQL defines them:
// leftOuterJoin, fullOuterJoin, antiJoin, intersect, except and merge.
//
// # Semantics
//
// Where DAPHNE has a kernel, its result is followed (columns, labels, value
// types, row order); where DAPHNE's order is unspecified (its hash-map
// iteration order), the order below is chosen and documented.
//
//   - Cartesian(lhs, rhs): every lhs row paired with every rhs row, lhs-major
//     (row i*rhs.Rows()+j is lhs row i with rhs row j); columns are lhs's then
//     rhs's, with their labels (DAPHNE's Cartesian.h).
//   - InnerJoin(lhs, rhs, lhsOn, rhsOn): the lhs and rhs columns of every pair
//     of rows whose keys are equal, in lhs row order and, for one lhs row, in
//     rhs row order (the order of DAPHNE's nested-loop InnerJoin.h); columns
//     lhs's then rhs's. numRowRes is DAPHNE's allocation hint for the result
//     size: -1 (unknown) or a non-negative number; it never changes the
//     result (this implementation counts the result before allocating it).
//   - SemiJoin: a one-column frame, labelled lhsOn, holding the key of every
//     lhs row that has a match in rhs (duplicates kept, lhs row order), and a
//     size matrix of those rows' positions (DAPHNE's SemiJoin.h).
//   - GroupJoin(lhs, rhs, lhsOn, rhsOn, rhsAgg): for every distinct lhs key
//     that matches at least one rhs row, the key and the sum of rhsAgg over
//     the matching rhs rows (labels lhsOn and "SUM(rhsAgg)", value types those
//     of the two columns), and a size matrix with the position of the first
//     lhs row with that key. DAPHNE keeps the first lhs row per key as well
//     but emits the groups in hash-map order; here they come in the order of
//     their first lhs row.
//   - GroupSum(f, grp..., sumCol): one row per distinct combination of the
//     group columns, sorted ascending by them (first column first, as
//     DAPHNE's Group.h sorts with its order kernel: numbers numerically with
//     NaN first, strings bytewise, false before true), with the group columns
//     (labels and value types kept) and "SUM(sumCol)" in sumCol's value type.
//   - LeftOuterJoin(lhs, rhs, on...): the inner join plus, for every lhs row
//     without a match, one row with the rhs columns set to the null stand-in
//     of their value type, all in lhs row order.
//   - FullOuterJoin: the left outer join followed by the unmatched rhs rows
//     (rhs row order), their lhs columns set to the null stand-in.
//   - AntiJoin: the lhs rows without a match in rhs (all lhs columns, lhs
//     row order).
//   - Intersect(lhs, rhs) / Except(lhs, rhs): the distinct rows of lhs that do
//     (do not) occur in rhs, whole rows compared, in the order of their first
//     occurrence in lhs; labels from lhs. Merge(lhs, rhs) is SQL's UNION ALL:
//     the lhs rows followed by the rhs rows, labels from lhs. All three
//     require the same number of columns with the same value types. (DAPHNE
//     parses all three into one intersect op and has no kernel for it.)
//
// The multi-key joins (leftOuterJoin, fullOuterJoin, antiJoin) take their
// key labels as DAPHNE's parser orders them: lhs, rhs, then the k lhs labels,
// then the k rhs labels (DaphneDSLBuiltins' createJoinOp).
//
// Null stand-ins (frames have no nulls): NaN for f64/f32, 0 for integer and
// size columns, "" for strings and false for bool.
//
// # Keys
//
// Key columns may have any value type. When the two sides' key columns differ
// in value type, both are converted to the more general one (daphnedsl.md
// 5.2: si64 and f64 compare as f64, a number and a string compare as
// strings). In joins NaN keys match nothing (NaN != NaN, as DAPHNE's ==);
// in grouping and in the set operations all NaNs are one value, as SQL's
// GROUP BY and INTERSECT treat NULLs, and -0 equals +0 everywhere.
//
// Result labels must be unique, as a frame's are: a join of two frames that
// share a label is an error that names the label and suggests
// setColLabelsPrefix, as in DAPHNE, whose Frame constructor rejects the
// result ("a frame's column labels must be unique") and whose own scripts
// prefix the labels before joins.
//
// # Algorithms
//
// Every operator is linear in its input plus its output (cartesian and
// joins producing many pairs are linear in the output). Keys are factorized:
// a hash table (open addressing on 64-bit key bits for numbers, a Go map for
// strings) gives every distinct key a dense code in first-occurrence order;
// several key columns are combined pairwise into one code. Joins build on
// the rhs (groupJoin on the lhs, as DAPHNE), turn the codes into a
// counting-sorted index, probe with the other side and gather the columns.
// Hot loops are generic over the column's Go type: no interface call or
// boxing per row.
//
// # Parallelism and determinism
//
// With Options.Threads > 1, every phase over at least Options.ParallelRows
// rows (default 1<<20) runs in chunks on the persistent worker pool of
// package sched (sched.Default(), self-scheduled): the factorization of key
// columns (one hash table per thread, merged in chunk order), the probes
// with the pair counting, the writing of the pairs and the gathering of the
// result columns. The counting sort of the build side, the per-group sums
// and the sort of the groups run on the calling goroutine. Results are
// identical to the sequential path, bit for bit, for any thread count and
// chunking: codes are assigned in first-occurrence order either way (a chunk
// table lists its keys in first-occurrence order, so merging the tables in
// chunk order reproduces the sequential numbering), every output row has a
// position fixed by counts and prefix sums, and sums are accumulated in row
// order per group.
//
// The merge of the chunk tables is sequential and costs one insert per
// distinct key per chunk: with few distinct keys (foreign keys, groups) the
// parallel factorization scales with the threads; with mostly distinct keys
// it would be slower than the sequential one, so a column whose first 65536
// keys are more than half distinct is factorized sequentially (the probes
// and gathers stay parallel).
//
// Row counts above math.MaxInt32 (inputs or results) are rejected with
// ErrTooLarge.
package rel
