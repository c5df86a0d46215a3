// Package sql is the front end of DaphneDSL's SQL dialect (daphnedsl.md
// section 9.12): a lexer, a recursive-descent parser and the syntax tree of
// one query, with positions. It knows nothing of frames or the runtime;
// runtime/kernel/sql plans and runs the queries, and the ir/pass sqlcheck
// pass parses the constant queries of a script at compile time.
//
// # Dialect
//
// The grammar is a superset of DAPHNE's SQLGrammar.g4:
//
//	query    = SELECT [DISTINCT] item {"," item} FROM table {"," table} {join}
//	           [WHERE expr] [GROUP BY expr {"," expr}] [HAVING expr]
//	           [ORDER BY expr [ASC|DESC] {"," expr [ASC|DESC]}] [LIMIT int] [";"]
//	item     = "*" | name "." "*" | expr [AS name]
//	table    = name [[AS] name]
//	join     = [INNER] JOIN table ON expr
//	expr     = or-expression over OR, AND, NOT, comparisons (= <> != < <= > >=),
//	           [NOT] BETWEEN x AND y, + -, * /, unary -, parentheses,
//	           column references c or v.c, literals 12, 1.5, 1e3, 'text',
//	           "text" and the aggregates sum, count, avg, min, max (count(*))
//
// Keywords and function names are case-insensitive; names (views, aliases,
// columns) are case-sensitive, as frame labels are. DAPHNE accepts only
// qualified column references, only column names after GROUP BY and ORDER
// BY, and only column comparisons after ON; this parser takes expressions
// in all three places (ORDER BY also takes an output alias or a 1-based
// output position). HAVING needs no GROUP BY.
//
// # Positions and errors
//
// Positions are 1-based line:column pairs in the query text, columns
// counted in characters (runes). Parse returns the first error as an
// *Error, whose message says what was found and what was expected.
//
// # Result labels
//
// SelectItem.Text is the item's expression as DAPHNE labels an unaliased
// result column: the source text of its tokens concatenated without the
// white space between them (ANTLR's getText), so "sum(f.b)" for
// "sum( f.b )" and "f.a+1" for "f.a + 1"; keywords and function names keep
// the case they were written in.
package sql
