package rel

import (
	"errors"
	"fmt"
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
