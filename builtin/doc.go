// Package builtin is the table of DaphneDSL's builtin functions as the front
// end sees them: for each DSL name, its arity, keyword names, defaults,
// number of results, the IR op it lowers to, and its result-type rule. It is
// the one contract between the front end (dsl/check, ir/lower) and the
// runtime (runtime/ops implementations are registered under the same IR op
// names; a test checks that every op in this table has an implementation).
//
// # IR op names
//
// Calls lower to KindCall ops. The IR op name is the DSL name, except:
//
//   - operators: @ matMul, ^ ewPow, % ewMod, * ewMul, / ewDiv, + ewAdd,
//   - ewSub, == ewEq, != ewNeq, < ewLt, <= ewLe, > ewGt, >= ewGe,
//     && ewAnd, || ewOr, unary - ewMinus, c ? a : b cond(c, a, b);
//   - elementwise unary builtins are "ew" + the capitalised DSL name: ewAbs,
//     ewSign, ewExp, ewLn, ewSqrt, ewSin, ewCos, ewTan, ewAsin, ewAcos, ewAtan,
//     ewSinh, ewCosh, ewTanh, ewRound, ewFloor, ewCeil, ewIsNan, ewLower,
//     ewUpper, ewMinus (minus);
//   - elementwise binary builtins: pow ewPow, mod ewMod, log ewLog, min ewMin,
//     max ewMax, concat ewConcat;
//   - aggregations are split by form (the axis must be a constant):
//     sum(X) sumAll, sum(X, 0) sumRow (one value per row, n x 1),
//     sum(X, 1) sumCol (1 x m), sum(X, g, k) sumGrp; likewise aggMinAll/Row/
//     Col/Grp, aggMaxAll/..., meanAll/..., varAll/..., stddevAll/...;
//     idxMin(X, 0) idxMinRow, idxMin(X, 1) idxMinCol, idxMaxRow, idxMaxCol;
//     count(X, g, k) countGrp;
//   - t is transpose;
//   - legacy names of older DAPHNE scripts and the DaphneSched paper are
//     aliases: rowSums sumRow, colSums sumCol, rowMins aggMinRow, colMins
//     aggMinCol, rowMaxs aggMaxRow, colMaxs aggMaxCol, rowMeans meanRow,
//     colMeans meanCol, ...;
//   - indexing: X[r, c] is extract(X, bounds...), X[[r, c]] is filter(X, bits...),
//     X[r, c] = Y is insert(X, Y, bounds...) with attributes "rows" and
//     "cols" each one of "all", "at", "lo:hi", "lo:", ":hi", ":" telling which
//     bound arguments follow (row bounds first, then column bounds); "at" is
//     one argument (a scalar position, a column matrix of positions, or a
//     string label);
//   - casts are cast(x) with attributes "dt" (scalar|matrix|frame or "") and
//     "vt" (a value type or "");
//   - matrix literals are matrixLit(e1, ..., en, rows, cols) with attribute
//     "shape" one of "", "r,c", "r,", ",c", "," telling which of rows/cols
//     follow the n elements (attribute "n" holds n).
//
// Arguments are positional in the order of the keyword names given in
// daphnedsl.md section 9; keyword arguments are resolved and documented
// defaults filled by the lowering (print(x) becomes print(x, true, false)),
// so an op's implementation sees exactly the table's arity range.
package builtin
