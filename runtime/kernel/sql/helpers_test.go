package sql

import (
	"bytes"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
)

// col makes an n x 1 column.
func col[T data.Elem](xs ...T) data.Matrix { return data.DenseFrom(len(xs), 1, xs) }

// frame makes a frame or fails the test.
func frame(t testing.TB, labels []string, cols ...data.Matrix) *data.Frame {
	t.Helper()
	f, err := data.NewFrame(cols, labels)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// printed returns DAPHNE's print of a value.
func printed(t testing.TB, v data.Value) string {
	t.Helper()
	var b bytes.Buffer
	if err := data.Print(&b, v, true); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
