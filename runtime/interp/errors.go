package interp

import (
	"errors"
	"fmt"

	"github.com/daphne-go/daphne/ir"
	"github.com/daphne-go/daphne/runtime/ops"
)

// RuntimeError is an error raised while executing an op.
type RuntimeError struct {
	Loc      ir.Loc // where in the script
	Op       string // IR op name or function symbol
	Err      error
	Internal bool // a recovered panic: a bug in daphne-go, not in the script
}

func (e *RuntimeError) Error() string {
	var stop *ops.StopError
	if errors.As(e.Err, &stop) {
		return stop.Error()
	}
	msg := e.Err.Error()
	if e.Internal {
		msg = fmt.Sprintf("internal error in %s (please report): %s", e.Op, msg)
	}
	if e.Loc.IsValid() {
		return e.Loc.String() + ": " + msg
	}
	return msg
}

// Unwrap returns the underlying error.
func (e *RuntimeError) Unwrap() error { return e.Err }

func opError(op *ir.Op, err error) error {
	var re *RuntimeError
	if errors.As(err, &re) {
		return err // already positioned (e.g. inside a called function)
	}
	return &RuntimeError{Loc: op.Loc, Op: opLabel(op), Err: err}
}

func opLabel(op *ir.Op) string {
	if op.Name != "" {
		return op.Name
	}
	return op.Kind.String()
}
