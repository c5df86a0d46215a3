// Package frame implements the DaphneDSL builtins that build frames or
// change their labels (daphnedsl.md sections 9.1 and 9.8): the IR ops
// createFrame, setColLabels and setColLabelsPrefix. Frame cases of the
// generic builtins live beside their matrix kernels (extract and filter in
// runtime/kernel/index, cbind, rbind and order in runtime/kernel/reorg,
// nrow/ncol/ncell in runtime/kernel/meta).
//
// # Semantics (checked against DAPHNE's kernels)
//
//   - createFrame(c1, ..., cn[, l1, ..., ln]): one or more single-column
//     matrices of equal length, optionally followed by exactly as many
//     string labels (default col_0, col_1, ...); labels must be unique.
//     DAPHNE's CreateFrame shares the column arrays; so do we.
//   - setColLabels(F, l1, ..., ln): exactly ncol(F) unique string labels.
//   - setColLabelsPrefix(F, p): every label l becomes p + "." + l, or, if l
//     already has a prefix (contains a "."), everything before its first
//     "." is replaced by p (DAPHNE's LabelUtils::setPrefix): "a" -> "p.a",
//     "q.a" -> "p.a", "q.r.a" -> "p.r.a".
//
// # Aliasing
//
// Frames are immutable: every kernel here returns a new frame that shares
// the column matrices of its input; nothing is copied or written.
//
// # Deviations from DAPHNE
//
// CSR columns are densified (DAPHNE asserts dense columns); bool columns
// are allowed (DAPHNE's frames have no bool value type).
package frame
