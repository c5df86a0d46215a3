// Package parser turns DaphneDSL source into the syntax tree of package ast.
//
// It is a hand-written scanner and recursive-descent parser for the grammar
// of DAPHNE's DaphneDSLGrammar.g4 as described in daphnedsl.md sections 3
// and 4. Entry points:
//
//   - ParseFile parses a script; on syntax errors it returns the partial
//     script (BadStmt where statements failed) and an ErrorList.
//   - ParseExpr parses one expression (tools and tests).
//   - ParseLiteral parses a script argument value (name=value on the
//     command line) by DAPHNE's literal rule.
//   - Tokenize returns the token stream.
//
// # Precedence
//
// From tightest to loosest: postfix indexing X[r, c] and X[[r, c]]; unary
// + and -; @; ^; %; * and /; binary + and -; comparisons; &&; ||; ?:. Every
// binary level is left-associative (2^3^2 is 64, a<b<c is (a<b)<c) and so
// is ?: (a ? b : c ? d : e is (a ? b : c) ? d : e). Unary minus binds
// tighter than ^, so -2^2 is 4, and 10.0^-3 is 10.0^(-3).
//
// # Deliberate supersets of DAPHNE
//
// Each only accepts input that DAPHNE rejects; no valid script changes
// meaning.
//
//   - A single & or | is read as && or || (the DaphneSched paper's
//     Listing 1 writes them that way).
//   - "]]" where a "]" is expected is split in two, so X[1, Y[0, 0]] and
//     X[[, [1, 0, 1]]] parse as meant; "[[" where an expression starts is
//     split likewise. "[[" directly after an expression stays bit-vector
//     indexing, as in DAPHNE, so X[[1, 2], ] is an error that says a space
//     is needed.
//   - A UTF-8 byte order mark at the start of a file is skipped.
//   - parfor (i in a:b[:s]) body parses as a for loop marked Parallel (newer
//     DAPHNE versions have parfor; daphnedsl.md predates it). Its iterations
//     run in order, which is correct for every loop whose iterations are
//     independent, as parfor requires; dependences between iterations are
//     not diagnosed. parfor remains an ordinary name elsewhere.
//   - fun name(params) ... defines a function like def (the spelling of
//     some older DAPHNE test scripts); fun remains an ordinary name.
//
// # Errors and recovery
//
// Messages name what was found and what was expected, e.g.
// `unexpected ")", expected expression` or `invalid number literal "007"`.
// A syntax error abandons the innermost statement, which becomes a BadStmt;
// parsing resumes after the next ";" at the same brace level or before the
// "}" that closes the enclosing block, so one run reports the errors of
// several statements. Scanner errors (bad characters, numbers, strings,
// comments) are reported once; the parser does not add a second message
// for the ILLEGAL token. Nesting deeper than 1000 statements or
// expressions stops the parse with an error, so no input can overflow the
// stack, and every loop consumes a token per turn, so none can hang.
//
// # Literals
//
// Integer literals without suffix or with l are si64, with u or ull ui64,
// with z the size type; 9223372036854775808 is accepted and stored as
// math.MinInt64 so that -9223372036854775808 is INT64_MIN. Float literals
// are f64, or f32 with suffix f (the value rounded to float32). As in DAPHNE,
// nanf and inff give f64 constants. Digit separators _ and ' may stand
// between digits of the integer and fraction parts. Leading zeros ("007",
// "01.0"), a bare dot ("1.", ".5") and letters glued to a number ("10xyz")
// are errors.
package parser
