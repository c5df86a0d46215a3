package ops

import "fmt"

// KindError is a user-facing error of a kind: a sentinel error the kernel
// package exports (linalg.ErrShape, rel.ErrLabel, ...) so callers can test it
// with errors.Is, with its own message written for the user.
type KindError struct {
	Kind error
	Msg  string
}

func (e *KindError) Error() string { return e.Msg }

// Unwrap returns the sentinel, for errors.Is.
func (e *KindError) Unwrap() error { return e.Kind }

// Errorf formats a user-facing error of the given kind.
func Errorf(kind error, format string, args ...any) error {
	return &KindError{Kind: kind, Msg: fmt.Sprintf(format, args...)}
}
