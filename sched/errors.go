package sched

import (
	"errors"
	"fmt"
)

var (
	// ErrClosed is returned by Run on a closed Pool.
	ErrClosed = errors.New("sched: pool closed")
)

// ChunkError is the error a body returned for the chunk [Lo, Hi) on Worker.
// Unwrap gives the body's error.
type ChunkError struct {
	Lo, Hi, Worker int
	Err            error
}

// Error implements error.
func (e *ChunkError) Error() string {
	return fmt.Sprintf("sched: rows [%d, %d) on worker %d: %v", e.Lo, e.Hi, e.Worker, e.Err)
}

// Unwrap returns the body's error.
func (e *ChunkError) Unwrap() error { return e.Err }

// PanicError is a panic recovered from a body, with the chunk's rows, the
// worker and the stack of the panicking goroutine.
type PanicError struct {
	Lo, Hi, Worker int
	Value          any    // the value passed to panic
	Stack          []byte // runtime/debug.Stack() at the recovery
}

// Error implements error; it includes the stack.
func (e *PanicError) Error() string {
	return fmt.Sprintf("sched: panic in rows [%d, %d) on worker %d: %v\n%s", e.Lo, e.Hi, e.Worker, e.Value, e.Stack)
}

// Unwrap returns the panic value if it is an error (e.g. a runtime.Error).
func (e *PanicError) Unwrap() error {
	err, _ := e.Value.(error)
	return err
}
