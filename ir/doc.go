// Package ir is daphne-go's intermediate representation: SSA values defined
// by operations, grouped in blocks, with structured control flow (if, while,
// for) expressed as operations that own regions, in the style of MLIR's scf
// dialect. A script lowers to a Module holding one Func per (specialised)
// user-defined function plus "main".
//
// # Operations
//
// Every operation has a Kind. Calls of builtins and operators are KindCall
// ops whose Name is the IR op name of the builtin (see package builtin for
// the table: "ewAdd", "sumRow", "fill", "readMatrix", ...); their arguments
// are positional, keyword arguments resolved and defaults filled by the
// lowering. Calls of user-defined functions are KindCallFunc with the
// function's symbol in Name.
//
// Control flow:
//
//   - if:    Args = [cond]; Regions = [then, else]; each region's block ends
//     in a yield whose arguments become the op's Results.
//   - while: Args = initial values of the loop-carried variables;
//     Regions = [cond, body]; both blocks take the carried values as block
//     arguments; cond ends in yield(%c) with the scalar condition, body ends
//     in yield(new carried values...). Results are the final carried values.
//     Attrs["do"] = "true" for do-while (body runs before the first test).
//   - for:   Args = [from, to, step, init carried...] (step absent when
//     Attrs["step"] = "auto"); Regions = [body] whose block arguments are the
//     loop variable followed by the carried values; body ends in
//     yield(new carried values...). Results are the final carried values.
//   - return: ends a function body (it may also appear nested inside an if
//     for an early return; the interpreter unwinds).
//
// # Text form
//
// Module.String prints the text form and Parse reads it back; the two are
// inverse (golden tests and --explain depend on it).
package ir
