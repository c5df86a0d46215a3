package opset

import (
	"testing"

	"github.com/daphne-go/daphne/builtin"
)

// TestEveryOpImplemented checks that each IR op the lowering can emit has a
// runtime implementation (map is run by the interpreter itself).
func TestEveryOpImplemented(t *testing.T) {
	r := Default()
	for _, name := range builtin.OpNames() {
		if name == "map" {
			continue
		}
		if _, ok := r.Lookup(name); !ok {
			t.Errorf("IR op %q has no implementation", name)
		}
	}
}
