package gen

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// testdata/libstdcxx_seq.txt holds "name v1 v2 ..." (%.9g) lines printed by a
// C++ program that follows DAPHNE's Seq kernel in float and double.
func TestSeqMatchesCxx(t *testing.T) {
	t.Parallel()
	f, err := os.Open("testdata/libstdcxx_seq.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gen := map[string]func() (string, error){
		"f32_a": func() (string, error) { return seqStr(Seq[float32](types.F32, 0, 1, 0.1)) },
		"f32_b": func() (string, error) { return seqStr(Seq[float32](types.F32, 1, 0, -0.3)) },
		"f32_c": func() (string, error) { return seqStr(Seq[float32](types.F32, 0.5, 3, 0.7)) },
		"f64_a": func() (string, error) { return seqStr(Seq(types.F64, 0.0, 2.0, 0.2)) },
		"f64_b": func() (string, error) { return seqStr(Seq(types.F64, -1.0, 1.0, 1.0/3)) },
		"f64_c": func() (string, error) { return seqStr(Seq(types.F64, 10.0, 9.0, -0.05)) },
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		name, _, _ := strings.Cut(line, " ")
		t.Run(name, func(t *testing.T) {
			g, ok := gen[name]
			if !ok {
				t.Fatalf("no generator for %q", name)
			}
			got, err := g()
			if err != nil {
				t.Fatal(err)
			}
			if got = name + got; got != line {
				t.Fatalf("got  %s\nwant %s", got, line)
			}
		})
	}
}

// seqStr formats a sequence as C's %.9g of each value, space-prefixed.
func seqStr[T data.Number](m *data.Dense[T], err error) (string, error) {
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, v := range m.Data {
		// Go's %g writes exponents with two digits as C does.
		b.WriteString(" " + fmt.Sprintf("%.9g", float64(v)))
	}
	return b.String(), nil
}
