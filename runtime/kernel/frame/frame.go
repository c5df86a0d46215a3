package frame

import (
	"fmt"
	"strings"

	"github.com/daphne-go/daphne/runtime/data"
)

// Create returns a frame whose columns are the given single-column
// matrices (shared, not copied) labelled by labels (nil: col_0, col_1, ...).
// Every column must be n x 1 with the same n, and labels must be unique and
// as many as the columns.
func Create(cols []data.Matrix, labels []string) (*data.Frame, error) {
	if len(cols) == 0 {
		return nil, fmt.Errorf("createFrame needs at least one column matrix")
	}
	if labels != nil && len(labels) != len(cols) {
		return nil, fmt.Errorf("createFrame expects either no column labels or as many labels as columns, got %d columns and %d labels",
			len(cols), len(labels))
	}
	for j, c := range cols {
		if c.Cols() != 1 {
			return nil, fmt.Errorf("createFrame: column %d must be a matrix with one column, got %s", j, data.Describe(c))
		}
	}
	f, err := data.NewFrame(cols, labels)
	if err != nil {
		return nil, fmt.Errorf("createFrame: %w", err)
	}
	return f, nil
}

// SetColLabels returns f with new labels: exactly one per column, unique.
func SetColLabels(f *data.Frame, labels []string) (*data.Frame, error) {
	if len(labels) != f.Cols() {
		return nil, fmt.Errorf("setColLabels: the frame has %d columns but %d labels were given (%s)",
			f.Cols(), len(labels), f.Header())
	}
	res, err := data.NewFrameRows(f.Rows(), f.Columns(), labels)
	if err != nil {
		return nil, fmt.Errorf("setColLabels: %w", err)
	}
	return res, nil
}

// PrefixLabel sets the prefix of one label as DAPHNE's LabelUtils::setPrefix
// does: prefix + "." + label when the label has no "."; otherwise the part
// before the first "." is replaced by prefix.
func PrefixLabel(prefix, label string) string {
	if i := strings.IndexByte(label, '.'); i >= 0 {
		return prefix + label[i:]
	}
	return prefix + "." + label
}

// SetColLabelsPrefix returns f with PrefixLabel(prefix, l) for every label
// l. Two labels that differ only in their old prefix ("a.x", "b.x") would
// collide; that is an error naming the label.
func SetColLabelsPrefix(f *data.Frame, prefix string) (*data.Frame, error) {
	labels := f.Labels()
	for j, l := range labels {
		labels[j] = PrefixLabel(prefix, l)
	}
	res, err := data.NewFrameRows(f.Rows(), f.Columns(), labels)
	if err != nil {
		return nil, fmt.Errorf("setColLabelsPrefix: %w", err)
	}
	return res, nil
}
