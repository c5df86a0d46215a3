package check

import (
	"fmt"

	"github.com/daphne-go/daphne/types"
)

// FrameType returns the static type of every frame: a frame has a value
// type and a shape per column, which the static types do not track (the IR
// text form writes it as "frame").
func FrameType() types.Type {
	return types.Type{DT: types.Frame, VT: types.Unknown, Rows: types.UnknownDim, Cols: types.UnknownDim}
}

// CreateFrameArgs checks the arguments of createFrame(c1, ..., cn[, l1,
// ..., ln]) as far as their static types are known, as DAPHNE's parser
// does: one or more column matrices, then either no labels or exactly as
// many string labels. It returns the index of the offending argument (-1
// for the call as a whole) and a message, or ok.
func CreateFrameArgs(args []types.Type) (bad int, msg string, ok bool) {
	const form = "createFrame expects one or more column matrices optionally followed by equally many string labels"
	cols, labels := 0, 0
	for i, t := range args {
		isStr := t.DT == types.Scalar && t.VT == types.Str
		switch {
		case t.DT == types.AnyData:
			return -1, "", true // unknown: left to the kernel
		case t.DT == types.Matrix && labels == 0:
			cols++
		case isStr && cols > 0:
			labels++
		default:
			return i, fmt.Sprintf("%s, but argument %d is a %s", form, i, Describe(t)), false
		}
	}
	if labels != 0 && labels != cols {
		return -1, fmt.Sprintf("createFrame expects either no column labels or as many labels as columns, got %d columns and %d labels", cols, labels), false
	}
	return -1, "", true
}
