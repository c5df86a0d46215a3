// Package sql plans and runs DaphneDSL's SQL queries (daphnedsl.md 9.12)
// over the frames registered with registerView, and registers the ops
// registerView(name, frame) and sql(query). Queries are parsed by package
// github.com/daphne-go/daphne/sql.
//
// # Evaluation
//
// A query is bound first (names resolved, kinds checked), then run column
// at a time: expressions compute whole columns (int64, float64, string or
// truth-value slices; literals broadcast), never a row through an
// interface. The rows of the FROM views are kept as a join index (one row
// number array per view) until the output columns are gathered. The FROM,
// JOIN and WHERE conditions are split at AND: a conjunct over one view
// filters it before it is joined, equalities between a view and the views
// before it become hash-join keys (dense codes, build on the new view,
// probe in order), and the rest filter as soon as their views are joined;
// see plan.go. GROUP BY, DISTINCT and the joins code key values densely
// (an array for small integer ranges, a map otherwise). All of this is
// sequential.
//
// # Semantics and DAPHNE
//
// Result labels are DAPHNE's: an alias if given, otherwise the item's
// token text without white space ("f.a", "sum(f.b)", "SUM(f.b)", "1*2.5",
// "f.a+1"); a star yields "view.column" for each column, the view named by
// its alias if it has one. A view's label that already has a prefix
// ("x.a") is referenced and labelled with the prefix replaced ("v.a").
//
// Value types: a selected column (or group key that is a column) keeps its
// value type; sum, min and max of a column keep the column's value type,
// avg is f64; count is si64 without GROUP BY and ui64 with it (DAPHNE's
// group kernel counts in ui64). Expressions compute integers as si64 and
// anything involving a float as f64 (an f32 column times 2 is f64, where
// DAPHNE keeps f32); a selected comparison yields 0/1 as f64 if it
// compares floats (as DAPHNE's element-wise comparison of f64 columns) and
// as si64 otherwise; AND, OR, NOT and BETWEEN yield si64 0/1. Integer division
// truncates; by zero it is a run-time error (exit 3). ui64 values are read
// as int64 in expressions (values of 2^63 and more wrap).
//
// Row order, deterministic and the same as the naive plan (cartesian
// product, then filters): joins and cartesian products are left-major;
// GROUP BY and DISTINCT return their groups in ascending order of the key
// values, as DAPHNE's sort-based group kernel (floats as cmp.Compare: NaN
// first; -0 and 0 are one group; all NaNs one group); ORDER BY is a stable
// sort applied after DISTINCT; LIMIT after ORDER BY.
//
// Beyond DAPHNE's grammar (see package sql): unqualified columns when
// unambiguous, expressions after GROUP BY, ON and ORDER BY, ORDER BY by
// alias or position, NOT, NOT BETWEEN, count(*), HAVING without GROUP BY
// (one group), LIMIT. Not done: DAPHNE's "GROUP BY f.*" with "SELECT *"
// returns only f's columns; here every selected column must be grouped.
// An aggregate without GROUP BY over no rows gives sum 0, count 0, avg NaN
// and a run-time error for min and max.
//
// # Errors
//
// Mistakes in a query (syntax, unknown view, alias or column, ambiguous
// column, a column neither grouped nor aggregated, nested aggregates, type
// errors such as a string plus a number) are *sql.Error values
// "sql: line:col: message" with the position in the query; the sql op
// returns them as ops.CompileError, so the driver exits with code 2 as
// DAPHNE does. The ir/pass sqlcheck pass finds syntax errors, unknown views
// and (for views made from frame literals or createFrame with constant
// labels) unknown or ambiguous columns of constant queries before the
// script runs; the rest can only be found when the op runs, after the
// output of earlier statements, where DAPHNE would print nothing. Failures while running (division by zero, min of no rows,
// results of more than 2^31 rows) are *RunError (exit code 3), and so is
// a result label used twice ("SELECT x.a AS a, x.b AS a"), which DAPHNE
// reports when it builds the result frame (its test
// basic_execution_failure_1 expects exit code 3).
//
// Known debt: joins and grouping here code key values with their own
// dictionaries (codes.go, group.go) over row-index vectors, beside the
// parallel key dictionaries of package rel (factorize.go), which work on
// whole frames. The two should share one key-coding layer (rel's, exported
// for row-index use); until then the executor runs on one thread.
package sql
