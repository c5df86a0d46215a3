package meta

import (
	"fmt"
	"time"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
)

// clock is the time source of now (replaced in tests).
var clock = time.Now

// nowOp returns the nanoseconds since the Unix epoch as an si64 scalar.
func nowOp(_ *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
	if len(args) != 0 {
		return nil, fmt.Errorf("now takes no arguments, got %d", len(args))
	}
	return ops.Results(data.SI64(clock().UnixNano())), nil
}

// unspecified is the message of stop() without an argument, as in DAPHNE.
const unspecified = "unspecified reason"

// stopOp aborts the script: it returns an *ops.StopError carrying the
// optional string message, which the interpreter reports as "system
// stopped: <msg>" with exit code 3.
func stopOp(_ *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
	switch len(args) {
	case 0:
		return nil, &ops.StopError{Msg: unspecified}
	case 1:
		msg, err := data.StringArg(args[0], "the message of stop")
		if err != nil {
			return nil, err
		}
		return nil, &ops.StopError{Msg: msg}
	}
	return nil, fmt.Errorf("stop takes at most 1 argument (a message), got %d", len(args))
}

// profilingOp accepts a region argument and does nothing (PAPI profiling is
// not available); it has no results.
func profilingOp(name string) ops.Func {
	return func(_ *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
		if len(args) > 1 {
			return nil, fmt.Errorf("%s takes at most 1 argument (a region), got %d", name, len(args))
		}
		if len(args) == 1 {
			if _, err := data.ScalarArg(args[0], "the region of "+name); err != nil {
				return nil, err
			}
		}
		return nil, nil
	}
}
