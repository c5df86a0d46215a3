package check

import (
	"strings"
	"testing"

	"github.com/daphne-go/daphne/types"
)

func TestCreateFrameArgs(t *testing.T) {
	t.Parallel()
	m := types.MatrixOf(types.F64)
	s := types.ScalarOf(types.Str)
	tests := []struct {
		name string
		args []types.Type
		bad  int
		msg  string // "" = ok
	}{
		{"one column", []types.Type{m}, -1, ""},
		{"columns and labels", []types.Type{m, m, s, s}, -1, ""},
		{"unknown argument", []types.Type{m, types.Any, s}, -1, ""},
		{"label first", []types.Type{s, m}, 0, "but argument 0 is a scalar str"},
		{"matrix after label", []types.Type{m, s, m}, 2, "but argument 2 is a matrix<f64>"},
		{"number", []types.Type{m, types.ScalarOf(types.SI64)}, 1, "argument 1 is a scalar si64"},
		{"frame column", []types.Type{FrameType()}, 0, "argument 0 is a frame"},
		{"too few labels", []types.Type{m, m, s}, -1, "got 2 columns and 1 labels"},
		{"too many labels", []types.Type{m, s, s}, -1, "got 1 columns and 2 labels"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			bad, msg, ok := CreateFrameArgs(tc.args)
			if tc.msg == "" {
				if !ok {
					t.Fatalf("rejected: %d %s", bad, msg)
				}
				return
			}
			if ok || bad != tc.bad || !strings.Contains(msg, tc.msg) {
				t.Errorf("got (%d, %q, %v), want (%d, ...%q...)", bad, msg, ok, tc.bad, tc.msg)
			}
		})
	}
}
