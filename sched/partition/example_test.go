package partition_test

import (
	"fmt"

	"github.com/daphne-go/daphne/sched/partition"
)

// halving gives each request half of the rows left (at least the grain).
type halving struct{ rem, g int }

func (h *halving) Next(worker int) int {
	if h.rem == 0 {
		return 0
	}
	c := min(max(h.rem/2, h.g), h.rem)
	h.rem -= c
	return c
}

// A user-defined scheme is a Factory registered under a name; New (and the
// scheduler's Options.Scheme) then accept that name like a built-in one.
func ExampleRegister() {
	err := partition.Register("HALF", func(n int, o partition.Options) (partition.Partitioner, error) {
		return &halving{rem: n, g: o.MinChunk}, nil
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	p, err := partition.New("HALF", 100, partition.Options{Workers: 2, MinChunk: 10})
	if err != nil {
		fmt.Println(err)
		return
	}
	var chunks []int
	for c := p.Next(0); c > 0; c = p.Next(0) {
		chunks = append(chunks, c)
	}
	fmt.Println(chunks)
	// Output: [50 25 12 10 3]
}

// Schemes follow the textbook formulas; Compat selects DAPHNE's own.
func ExampleNew() {
	for _, compat := range []bool{false, true} {
		p, _ := partition.New(partition.TFSS, 1000, partition.Options{Workers: 4, Compat: compat})
		var first []int
		for i := 0; i < 6; i++ {
			first = append(first, p.Next(i%4))
		}
		fmt.Println(first)
	}
	// Output:
	// [113 113 113 113 81 81]
	// [125 110 96 84 74 64]
}
