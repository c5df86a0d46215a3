package prep

import (
	"errors"
	"fmt"
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

// opError is an error of a kind (one of the sentinels) with its own message.
type opError struct {
	kind error
	msg  string
}

func (e *opError) Error() string { return e.msg }

// Unwrap returns the sentinel, for errors.Is.
func (e *opError) Unwrap() error { return e.kind }

// errorf formats a user-facing error of the given kind.
func errorf(kind error, format string, args ...any) error {
	return &opError{kind: kind, msg: fmt.Sprintf(format, args...)}
}
