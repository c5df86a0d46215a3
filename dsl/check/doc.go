// Package check holds the static rules of DaphneDSL (daphnedsl.md section
// 6) that the lowering (package ir/lower) applies while it walks a script:
// block scopes of variables, the type rules for variables merged after an
// if-statement and carried through loops, the compatibility of arguments
// with typed UDF parameters, kernel-hint validation, constant aggregation
// axes, and the syntactic facts about statements the lowering needs before
// it lowers them (which variables a loop body assigns, whether a branch
// returns).
//
// It is independent of the IR: scopes are generic over the bound value, and
// rules take and return types.Type and plain messages; the lowering adds
// positions and exit codes.
package check
