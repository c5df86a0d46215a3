package check

import (
	"fmt"
	"strings"
)

// hintMnemonics lists, for IR ops whose DAPHNE kernel mnemonic differs
// from the IR op name, the mnemonics DAPHNE's kernel names use. Every other
// op's mnemonic is its IR op name (ewAdd, sumAll, print, fill, ...).
var hintMnemonics = map[string][]string{
	"rand":       {"randMatrix"},
	"readMatrix": {"read"},
	"write":      {"write"},
	"cond":       {"condMatrix", "condScalar"},
	"extract":    {"sliceRow", "sliceCol", "extractRow", "extractCol"},
	"insert":     {"insertRow", "insertCol"},
	"matMul":     {"matMul"},
	"nrow":       {"numRows"},
	"ncol":       {"numCols"},
	"ncell":      {"numCells"},
	"typeOf":     {"typeOf"},
}

// ValidateHint checks a kernel hint for an op with the given IR op name. A
// hint names a pre-compiled kernel as _<mnemonic>__<types...>; it must
// start with "_", the op's mnemonic and "__" (daphnedsl.md 6.5). Hints are
// otherwise ignored.
func ValidateHint(op, hint string) error {
	if !strings.HasPrefix(hint, "_") {
		return fmt.Errorf("kernel hint `%s` is not a kernel name: kernel names look like `_%s__...`", hint, op)
	}
	mn, _, ok := strings.Cut(hint[1:], "__")
	if !ok || mn == "" {
		return fmt.Errorf("kernel hint `%s` is not a kernel name: kernel names look like `_%s__...`", hint, op)
	}
	if mn == op {
		return nil
	}
	for _, m := range hintMnemonics[op] {
		if m == mn {
			return nil
		}
	}
	return fmt.Errorf("kernel hint `%s` names a kernel of operation `%s`, not of `%s`", hint, mn, op)
}
