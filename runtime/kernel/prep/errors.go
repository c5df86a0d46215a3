package prep

import (
	"errors"

	"github.com/daphne-go/daphne/runtime/ops"
)

// Sentinel errors. Every error a user can cause wraps one of them, so
// callers test the kind with errors.Is while the message stays the
// sentence written for the user ("bin: numBins must be greater than zero").
var (
	// ErrShape: operand shapes do not fit the op (info not 1 x ncol, ...).
	ErrShape = errors.New("prep: shape mismatch")
	// ErrValueType: the op has no kernel for the (promoted) value type.
	ErrValueType = errors.New("prep: unsupported value type")
	// ErrArgument: an argument or a cell value is out of its domain.
	ErrArgument = errors.New("prep: invalid argument")
	// ErrTooLarge: the result would have too many cells to allocate.
	ErrTooLarge = errors.New("prep: result too large")
)

// errorf formats a user-facing error of the given kind.
func errorf(kind error, format string, args ...any) error {
	return ops.Errorf(kind, format, args...)
}
