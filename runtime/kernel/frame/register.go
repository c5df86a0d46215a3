package frame

import (
	"fmt"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
	"github.com/daphne-go/daphne/types"
)

// Register adds the IR ops createFrame, setColLabels and setColLabelsPrefix.
func Register(r *ops.Registry) {
	r.Register("createFrame", createFrameOp)
	r.Register("setColLabels", setColLabelsOp)
	r.Register("setColLabelsPrefix", setColLabelsPrefixOp)
}

// createFrameOp reads createFrame(c1, ..., cn[, l1, ..., ln]): matrices
// first, then string labels.
func createFrameOp(_ *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
	var cols []data.Matrix
	var labels []string
	for i, a := range args {
		switch x := a.(type) {
		case data.Matrix:
			if labels != nil {
				return nil, fmt.Errorf("createFrame: argument %d is a matrix after the labels: the column matrices must come first, then the labels", i)
			}
			cols = append(cols, x)
			continue
		case *data.Scalar:
			if x.VT == types.Str {
				labels = append(labels, x.S)
				continue
			}
		}
		return nil, fmt.Errorf("createFrame expects one or more column matrices optionally followed by equally many string labels, but argument %d is %s",
			i, data.Describe(a))
	}
	f, err := Create(cols, labels)
	if err != nil {
		return nil, err
	}
	return ops.Results(f), nil
}

// frameArg returns argument i as a frame.
func frameArg(op string, v data.Value) (*data.Frame, error) {
	f, ok := v.(*data.Frame)
	if !ok {
		return nil, fmt.Errorf("%s needs a frame as its first argument, got %s", op, data.Describe(v))
	}
	return f, nil
}

func setColLabelsOp(_ *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
	if len(args) < 1 {
		return nil, fmt.Errorf("setColLabels expects a frame and its new labels")
	}
	f, err := frameArg("setColLabels", args[0])
	if err != nil {
		return nil, err
	}
	labels := make([]string, len(args)-1)
	for i, a := range args[1:] {
		if labels[i], err = data.StringArg(a, fmt.Sprintf("setColLabels: label %d", i)); err != nil {
			return nil, err
		}
	}
	res, err := SetColLabels(f, labels)
	if err != nil {
		return nil, err
	}
	return ops.Results(res), nil
}

func setColLabelsPrefixOp(_ *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
	if len(args) != 2 {
		return nil, fmt.Errorf("setColLabelsPrefix expects 2 arguments (frame, prefix), got %d", len(args))
	}
	f, err := frameArg("setColLabelsPrefix", args[0])
	if err != nil {
		return nil, err
	}
	prefix, err := data.StringArg(args[1], "setColLabelsPrefix: prefix")
	if err != nil {
		return nil, err
	}
	res, err := SetColLabelsPrefix(f, prefix)
	if err != nil {
		return nil, err
	}
	return ops.Results(res), nil
}
