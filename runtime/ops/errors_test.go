package ops

import (
	"errors"
	"testing"
)

func TestErrorf(t *testing.T) {
	kind := errors.New("kind")
	err := Errorf(kind, "bad %s %d", "x", 3)
	if err.Error() != "bad x 3" {
		t.Errorf("message %q", err.Error())
	}
	if !errors.Is(err, kind) {
		t.Error("errors.Is does not find the kind")
	}
	var ke *KindError
	if !errors.As(err, &ke) || ke.Kind != kind {
		t.Errorf("errors.As: %v", ke)
	}
}
