package rel

import (
	"errors"

	"github.com/daphne-go/daphne/runtime/ops"
)

// Sentinel errors. Every error a user can cause wraps one of them, so callers
// test the kind with errors.Is while the message stays the sentence written
// for the user.
var (
	// ErrLabel: a key label names no column of its frame.
	ErrLabel = errors.New("rel: unknown column label")
	// ErrDuplicateLabel: the result would have two columns with one label.
	ErrDuplicateLabel = errors.New("rel: duplicate result label")
	// ErrSchema: the set operations' frames differ in columns or value types.
	ErrSchema = errors.New("rel: schema mismatch")
	// ErrValueType: a column's value type does not fit the operator (a sum
	// over strings, say).
	ErrValueType = errors.New("rel: unsupported value type")
	// ErrArgument: an argument is malformed (wrong kind, odd label count).
	ErrArgument = errors.New("rel: invalid argument")
	// ErrTooLarge: an input or the result has more rows than supported.
	ErrTooLarge = errors.New("rel: too many rows")
)

// errorf formats a user-facing error of the given kind.
func errorf(kind error, format string, args ...any) error {
	return ops.Errorf(kind, format, args...)
}
