package sql

import (
	"errors"
	"fmt"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
	sqlast "github.com/daphne-go/daphne/sql"
)

// Register adds registerView and sql to r.
func Register(r *ops.Registry) {
	r.Register("registerView", opRegisterView)
	r.Register("sql", opSQL)
}

// opRegisterView implements registerView(name, frame): later sql calls
// of the run see the frame under name (registering a name again replaces
// the frame).
func opRegisterView(c *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
	if len(args) != 2 {
		return nil, fmt.Errorf("registerView expects 2 arguments (name, frame), got %d", len(args))
	}
	name, err := data.StringArg(args[0], "registerView: name")
	if err != nil {
		return nil, err
	}
	f, ok := args[1].(*data.Frame)
	if !ok {
		return nil, fmt.Errorf("registerView: the view %q must be a frame, got %s", name, describe(args[1]))
	}
	if c.Views == nil {
		c.Views = map[string]*data.Frame{}
	}
	c.Views[name] = f
	return nil, nil
}

// opSQL implements sql(query). A mistake in the query is returned as an
// ops.CompileError (exit code 2, as DAPHNE reports it while compiling).
func opSQL(c *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
	if len(args) != 1 {
		return nil, fmt.Errorf("sql expects 1 argument (the query), got %d", len(args))
	}
	q, err := data.StringArg(args[0], "sql: query")
	if err != nil {
		return nil, err
	}
	f, err := Run(c.Views, q)
	if err != nil {
		var qe *sqlast.Error
		if errors.As(err, &qe) {
			return nil, &ops.CompileError{Err: err}
		}
		return nil, err
	}
	return ops.Results(f), nil
}

func describe(v data.Value) string {
	if m, ok := v.(data.Matrix); ok {
		return data.Describe(m)
	}
	return fmt.Sprintf("a %v", v.DataType())
}
