// Package lower translates a parsed DaphneDSL script (package dsl/ast) into
// the IR (package ir), applying the language's static rules on the way
// (package dsl/check, daphnedsl.md section 6). The entry point is Lower; its
// errors are positioned and carry DAPHNE's exit codes (ExitCode): 1 for
// front-end errors, 2 for the data-type change of a loop-carried variable,
// which DAPHNE reports from its inference pass.
//
// # Values and scopes
//
// Variables are names bound to SSA values in block scopes
// (check.Scope): a block, each if-branch, each loop body and each function
// body opens one. Assigning a visible name rebinds it where it was defined;
// a new name lives until its scope ends. Every value gets the best static
// type known (literal types, the result-type rules of package builtin,
// casts, constant matrix-literal and fill/rand/reshape shapes); unknown
// parts stay unknown.
//
// # Control flow
//
// An if yields the new values of the pre-existing variables either branch
// assigns (sorted by name); both branches must agree on known data and
// value types. A while, do-while or for loop carries the visible variables
// its body assigns (check.Assigned) as block arguments of its regions; the
// body is lowered again with generalised types until the carried types are
// stable, so a value type or shape that changes in the loop becomes unknown
// (a documented superset of DAPHNE, which rejects value-type changes). Loops
// nested deeper than maxPreciseLoopDepth start from unknown types to keep
// lowering linear.
//
// # Functions
//
// Each definition becomes one ir.Func whose symbol is its name, prefixed
// by its import prefix, with "#k" appended for the k-th overload (k >= 2).
// Calls choose the first definition whose arity and known parameter types
// fit. Returns are restructured as in DAPHNE: statements after an if that
// contains a return move into the branches that do not return, so every
// return ends up in tail position; an if in tail position yields the
// returned values and the function returns the if's results. The lowering
// therefore never emits a nested return.
//
// # Imports
//
// An import inlines the imported script's top-level statements at the
// import point (they run there, in main) with their own top-level scope;
// afterwards its variables and functions are visible as "<prefix>.<name>"
// where the prefix is the alias or the file stem (with the parent directory
// prepended when two imports share a stem). Files are found beside the
// importing script and in the default import directories (Options
// .ImportPaths); an extension-less import names a library directory, either
// an import path "name=dir" or a directory of that name in an import path,
// and imports every script in it as "<name>.<stem>".
//
// # Deviations from DAPHNE
//
//   - Untyped UDF parameters are not specialised per call site: one ir.Func
//     per definition, with unknown parameter types.
//   - A value-type change of a loop-carried variable is accepted (the
//     variable's static value type becomes unknown).
//   - Statements moved into a branch by the early-return restructuring can
//     see variables created in that branch.
//   - map(X, f) lowers to a call "map" with the one argument X and the
//     function symbol in attribute "func".
//   - Frames, SQL and deep-learning builtins are rejected as not supported
//     yet (exit code 1).
package lower
