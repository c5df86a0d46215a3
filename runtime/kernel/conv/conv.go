// Package conv implements the IR ops for casts, printing and typeOf:
//
//   - cast(x) with attributes "dt" (scalar, matrix, frame or "" for keep)
//     and "vt" (a value type, "size", or "" for keep): data.Cast;
//   - print(arg, newline, err): writes data.Print's output to the run's
//     stdout, or to its stderr when err is true; no result;
//   - typeOf(x): a str scalar holding data.TypeName(x).
package conv

import (
	"errors"
	"fmt"
	"io"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
	"github.com/daphne-go/daphne/types"
)

// Register adds cast, print and typeOf to r.
func Register(r *ops.Registry) {
	r.Register("cast", opCast)
	r.Register("print", opPrint)
	r.Register("typeOf", opTypeOf)
}

func arity(op string, args []data.Value, n int) error {
	if len(args) != n {
		return fmt.Errorf("%s expects %d arguments, got %d", op, n, len(args))
	}
	return nil
}

// castTarget parses the "dt" and "vt" attributes of a cast.
func castTarget(attrs map[string]string) (types.DataType, types.ValueType, error) {
	dt, vt := types.AnyData, types.Unknown
	if s := attrs["dt"]; s != "" {
		d, ok := types.ParseDataType(s)
		if !ok {
			return dt, vt, fmt.Errorf("cast: unknown data type %q (want scalar, matrix or frame)", s)
		}
		dt = d
	}
	if s := attrs["vt"]; s != "" {
		v, ok := types.ParseValueType(s)
		if s == "size" {
			v, ok = types.Size, true
		}
		if !ok {
			return dt, vt, fmt.Errorf("cast: unknown value type %q", s)
		}
		vt = v
	}
	return dt, vt, nil
}

func opCast(_ *ops.Ctx, args []data.Value, attrs map[string]string) ([]data.Value, error) {
	if err := arity("cast", args, 1); err != nil {
		return nil, err
	}
	dt, vt, err := castTarget(attrs)
	if err != nil {
		return nil, err
	}
	v, err := data.Cast(args[0], dt, vt)
	if err != nil {
		return nil, err
	}
	return ops.Results(v), nil
}

func opPrint(c *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
	if err := arity("print", args, 3); err != nil {
		return nil, err
	}
	newline, err := data.BoolArg(args[1], "print: newline")
	if err != nil {
		return nil, err
	}
	toErr, err := data.BoolArg(args[2], "print: err")
	if err != nil {
		return nil, err
	}
	var w io.Writer
	if c != nil {
		w = c.Stdout
		if toErr {
			w = c.Stderr
		}
	}
	if w == nil {
		return nil, errors.New("print: no output stream is set up for this run")
	}
	if err := (data.Style{ShowSparse: c.ShowSparse}).Print(w, args[0], newline); err != nil {
		return nil, err
	}
	return nil, nil
}

func opTypeOf(c *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
	if err := arity("typeOf", args, 1); err != nil {
		return nil, err
	}
	if args[0] == nil {
		return nil, errors.New("typeOf: no value given")
	}
	return ops.Results(data.Str(data.Style{ShowSparse: c != nil && c.ShowSparse}.TypeName(args[0]))), nil
}
