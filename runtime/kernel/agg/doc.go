// Package agg implements DaphneDSL's aggregations: full, row-wise,
// column-wise and grouped sum, aggMin, aggMax, mean, var and stddev;
// idxMin and idxMax per row or column; count per group; and the cumulative
// cumSum, cumProd, cumMin and cumMax. Register adds them to an op registry
// under the IR op names of package builtin; Aggregate, Index, Grouped, Count
// and Cumulative are the same kernels for direct use, and Moments supports
// aggregating in parts.
//
// # Forms and shapes
//
// For an n x m matrix X: the All form gives a scalar, Row gives n x 1 (one
// value per row, DSL axis 0), Col gives 1 x m (axis 1). Grouped forms take
// (X, groupIds, k) with groupIds an n x 1 matrix of integral ids in [0, k)
// and give k x m: row q aggregates the rows of X in group q, per column.
// countGrp gives the number of rows in each group, repeated in every column
// (k x m, size-typed). Cumulative forms work down each column and keep X's
// shape.
//
// # Value types
//
// sum, aggMin, aggMax and cum* keep the input's value type (integer sums
// wrap as in C++); mean, var and stddev give f32 for f32 input and f64 for
// everything else; idxMin, idxMax and countGrp give size-typed results
// (printed as uint64_t). Every numeric value type is supported on dense
// matrices; aggMin, aggMax, idxMin and idxMax also work on string matrices
// (lexicographic order). bool matrices are not supported.
//
// # Empty inputs
//
// A sum over no values is 0. A mean, var or stddev over no values is NaN
// (0/0, as in C++). A minimum or maximum (and idxMin/idxMax) over no values
// is an error naming the shape: aggMin of a 0x3 matrix, aggMinRow of an
// n x 0 one with n > 0, aggMinCol of a 0 x m one with m > 0. Row forms of a
// 0 x m matrix and column forms of an n x 0 matrix are simply empty. In the
// grouped forms a group without rows sums to 0, counts 0, has NaN mean, var
// and stddev, and is an error for aggMin and aggMax.
//
// # NaN
//
// As in DAPHNE's C++ kernels: sums and statistics propagate NaN; min and
// max fold with std::min(acc, x) / std::max(acc, x), which skips a NaN x.
// Row, column, grouped and cumulative forms start from their first value,
// so a NaN there propagates; the full forms (aggMinAll, aggMaxAll) start
// from +inf/-inf as DAPHNE's AggAll does, so they skip every NaN and give
// +inf/-inf when all values are NaN. idxMin and idxMax compare strictly,
// so a NaN in the first position wins and later NaNs never do. CSR kernels
// reproduce the dense results exactly, NaN included (see sparse.go).
//
// # Precision
//
// Sums and means add left to right in the result type, as DAPHNE does.
// var and stddev are computed in one pass with sums of values shifted by the
// first value of the reduction, in float64 (see stats.go): accurate also
// for data with a large mean, where the textbook sum-of-squares formula
// fails; results agree with DAPHNE's two-pass computation to about 1e-15
// relative on well-conditioned data. They are population statistics
// (divide by N).
//
// # Sparse matrices
//
// sum, aggMin, aggMax and mean of every form run natively on CSR matrices in
// one pass over the stored values and count the implicit zeros (aggMaxRow
// of a row whose stored values are all negative but which has a gap is 0).
// var, stddev, idx*, cum* and grouped forms convert a CSR argument to dense
// first. Results are always dense (or scalars).
//
// # Partial aggregation
//
// A caller that splits a matrix into row ranges combines partial sums,
// minima and maxima (All and Col forms) with the same operation, and
// concatenates Row forms. Mean, var and stddev combine through Moments
// (MomentsOf per range, Merge, Finish).
//
// # Assembly
//
// On amd64 CPUs with AVX the column updates of sumCol, meanCol, varCol,
// stddevCol and MomentsOf(Col) on f64 and f32 data run in assembly
// (colstats.go, colstats_amd64.s), chosen by CPUID at start-up. They give
// the same bits as the Go loops (no FMA; only NaN payloads may differ), so
// results do not depend on the CPU or the platform. -tags purego runs the
// Go loops everywhere.
//
// All kernels are sequential; parallelism comes from the scheduler.
package agg
