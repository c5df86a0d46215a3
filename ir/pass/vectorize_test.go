package pass

import (
	"reflect"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/ir"
)

// vecSrc has a fusable chain whose shapes only the infer pass derives.
const vecSrc = `func @main(%0: matrix<f64>[6x3]) -> () {
  %1 = const 2 : f64
  %2 = call ewMul(%0, %1) : ?
  %3 = call sumRow(%2) : ?
  %4 = const true : bool
  %5 = const false : bool
  call print(%3, %4, %5)
  return
}
`

// TestRunVec checks that the vectorize pass runs, after inference and
// physical operator selection, only under Options.Vec and that the
// "vectorized" stage is reported only then.
func TestRunVec(t *testing.T) {
	t.Parallel()
	for _, vec := range []bool{false, true} {
		var stages []string
		m := mustParse(t, vecSrc)
		err := Run(m, Options{Vec: vec, VerifyEach: true, Explain: func(s string, _ *ir.Module) {
			stages = append(stages, s)
		}})
		if err != nil {
			t.Fatal(err)
		}
		want := Stages()
		if vec {
			want = []string{StageSimplified, StagePropertyInference, StageSelectMatrixRepr, StagePhyOpSelection, StageVectorized, StageKernels}
		}
		if !reflect.DeepEqual(stages, want) {
			t.Errorf("vec=%v: stages %v, want %v", vec, stages, want)
		}
		if got := strings.Contains(m.String(), ir.PipelineOp); got != vec {
			t.Errorf("vec=%v: pipeline created = %v:\n%s", vec, got, m)
		}
	}
}
