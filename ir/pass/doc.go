// Package pass holds daphne-go's IR pass pipeline: a table of named passes
// run in a fixed order over an ir.Module, in the style of the Go compiler's
// SSA backend (cmd/compile/internal/ssa/compile.go).
//
// # Pipeline
//
// The table in pass.go lists, in order:
//
//	fold           constant folding through the runtime's Evaluator, and ifs
//	               with constant conditions; an integer division or modulo
//	               by zero on constants is an error (DivByZeroError)
//	pushdown       ewAbs(rand(.., min, max, ..)) -> rand(.., -max, -min, ..)
//	               and rand(.., min, max, 1, ..) + s -> rand(.., min+s,
//	               max+s, 1, ..) for constants, as DAPHNE's canonicalizer
//	deadcode       removal of unused effect-free ops       -> parsing_simplified
//	infer          value types and shapes where derivable  -> property_inference
//	repr           rand with a constant sparsity < 0.25 and constant matrix
//	               literals with < 25% non-zeros -> repr=csr (run only under
//	               --select-matrix-repr)               -> select_matrix_repr
//	phyop          t(X)@X -> syrk(X), t(X)@y -> gemv(X, y),
//	               rowMaxs/rowMins/rowSums(G * t(c)) -> spRowAggMul(G, c)
//	               (skipped under --no-phy-op-selection)
//	late-deadcode  removes transposes the rewrites left dead -> phy_op_selection
//	vectorize      fuses elementwise ops and row/column aggregations into
//	               vectorizedPipeline ops (vectorize.go; run only under
//	               Options.Vec, --vec)                    -> vectorized
//
// after which Run reports the "kernels" stage. The "parsing" stage (the
// module as lowered) is the caller's to report before Run. The arrows name the --explain stages (daphnedsl.md 2.3)
// reported after a table entry, whether the pass ran or was disabled.
// Ordering constraints between passes ("a before b, because ...") are a
// second table, checked by init.
//
// The package does not import the runtime: constant folding evaluates ops
// through the Evaluator the caller supplies.
//
// # Invariants
//
// Every pass maps a module that passes ir.Verify to one that does
// (Options.VerifyEach checks this after each pass, naming the pass on
// failure; the tests always set it). Passes keep values' identity where
// they can (a folded op becomes a const op defining the same *ir.Value) and
// never renumber values, so --explain dumps of successive stages can be
// compared line by line.
//
// # Purity
//
// Which ops have effects (print, write, stop, reads, ...) or are
// nondeterministic (now, rand, sample) is a table with reasons in
// purity.go; every other op is treated as pure. Ops with a kernel hint are
// neither folded nor removed, so an invalid hint still fails at run time.
package pass
