package builtin

import (
	"testing"

	"github.com/daphne-go/daphne/types"
)

// TestInferFrames covers the result types of builtins given frames: a frame
// is always the plain type "frame", and an argument of unknown data type
// may be a frame, so binding it gives an unknown type.
func TestInferFrames(t *testing.T) {
	t.Parallel()
	fr := frameT()
	tests := []struct {
		name string
		sig  func() *Sig
		args []types.Type
		want string
	}{
		{"createFrame", fnc("createFrame"), []types.Type{mq, mq, str, str}, "frame"},
		{"cbind frames", fnc("cbind"), []types.Type{fr, fr}, "frame"},
		{"rbind frames", fnc("rbind"), []types.Type{fr, fr}, "frame"},
		{"cbind unknown and matrix", fnc("cbind"), []types.Type{types.Any, m3x4}, "?"},
		{"rbind matrix and unknown", fnc("rbind"), []types.Type{m3x4, types.Any}, "?"},
		{"setColLabels", fnc("setColLabels"), []types.Type{fr, str}, "frame"},
		{"setColLabelsPrefix", fnc("setColLabelsPrefix"), []types.Type{fr, str}, "frame"},
		{"nrow of frame", fnc("nrow"), []types.Type{fr}, "size"},
		{"typeOf frame", fnc("typeOf"), []types.Type{fr}, "str"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := tc.sig().ResultTypes(tc.args)
			if len(got) != 1 || got[0].String() != tc.want {
				t.Errorf("got %v, want %s", got, tc.want)
			}
		})
	}
}
