package linalg

import (
	"errors"

	"github.com/daphne-go/daphne/runtime/ops"
)

// Sentinel errors. Every error a user can cause wraps one of them, so
// callers test the kind with errors.Is while the message stays the
// sentence written for the user ("solve: matrix is singular").
var (
	// ErrShape: operand shapes do not fit the op (ncol(A) != nrow(B), ...).
	ErrShape = errors.New("linalg: shape mismatch")
	// ErrValueType: the op has no kernel for the (promoted) value type.
	ErrValueType = errors.New("linalg: unsupported value type")
	// ErrSingular: solve got a singular or numerically singular matrix.
	ErrSingular = errors.New("linalg: matrix is singular")
	// ErrNotSymmetric: eigen got an asymmetric matrix.
	ErrNotSymmetric = errors.New("linalg: matrix is not symmetric")
	// ErrNoConvergence: an iterative LAPACK routine gave up.
	ErrNoConvergence = errors.New("linalg: no convergence")
	// ErrArgument: a scalar argument or a position is out of its domain.
	ErrArgument = errors.New("linalg: invalid argument")
	// ErrTooLarge: the result would have too many cells to allocate.
	ErrTooLarge = errors.New("linalg: result too large")
)

// errorf formats a user-facing error of the given kind.
func errorf(kind error, format string, args ...any) error {
	return ops.Errorf(kind, format, args...)
}
