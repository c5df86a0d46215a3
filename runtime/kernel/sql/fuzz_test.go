package sql

import (
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	sqlast "github.com/daphne-go/daphne/sql"
)

// FuzzExec runs arbitrary queries over fixed views: the executor must
// never panic, every error must be a mistake in the query (*sqlast.Error)
// or a run-time failure (*RunError), and a result must be a valid frame.
func FuzzExec(f *testing.F) {
	r := rand.New(rand.NewPCG(9, 10))
	for i := 0; i < 40; i++ {
		q, _ := randomQuery(r)
		f.Add(q)
	}
	for _, q := range []string{"SELECT 1 FROM a", "SELECT count(*) FROM a WHERE 1 = 0", "SELECT 'x' FROM a GROUP BY 1",
		"SELECT min(a.s) FROM b, a WHERE a.k = b.k AND b.k = a.x", "SELECT DISTINCT a.k > 1 FROM a ORDER BY 1",
		"SELECT * FROM a JOIN b ON a.k = b.k JOIN a AS c ON c.k = b.k AND c.x = a.x + 1"} {
		f.Add(q)
	}
	views := randomViews(f, rand.New(rand.NewPCG(11, 12)), 25, 9)
	views["e"] = frame(f, []string{"k", "flag"}, col[int64](), col[bool]())
	f.Fuzz(func(t *testing.T, q string) {
		res, err := Run(views, q)
		if err != nil {
			var qe *sqlast.Error
			var re *RunError
			if !errors.As(err, &qe) && !errors.As(err, &re) {
				t.Fatalf("%q: error of type %T: %v", q, err, err)
			}
			return
		}
		for j := 0; j < res.Cols(); j++ {
			if c := res.Column(j); c.Rows() != res.Rows() || c.Cols() != 1 {
				t.Fatalf("%q: column %d is %s in a frame of %d rows", q, j, data.Describe(c), res.Rows())
			}
		}
	})
}
