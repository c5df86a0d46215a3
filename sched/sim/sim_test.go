package sim

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/daphne-go/daphne/sched/partition"
)

// check asserts the package invariants of doc.go on one result: rows
// conserved, per-worker accounting exact, makespan within its bounds.
func check(t *testing.T, r *Result) {
	t.Helper()
	c := r.Config
	seen := make([]int, c.Rows)
	for _, ch := range r.Trace {
		if ch.Lo >= ch.Hi || ch.Start > ch.End || ch.Request > ch.Start {
			t.Fatalf("bad chunk %+v", ch)
		}
		for i := ch.Lo; i < ch.Hi; i++ {
			seen[i]++
		}
	}
	for i, n := range seen {
		if n != 1 && !c.NoTrace {
			t.Fatalf("row %d simulated %d times (%v)", i, n, r)
		}
	}
	rows := 0
	for w, s := range r.Workers {
		rows += s.Rows
		if s.Finish != s.Work+s.Overhead+s.Wait || s.Idle != r.Makespan-s.Finish || s.Idle < 0 {
			t.Fatalf("worker %d accounting broken: %+v, makespan %v", w, s, r.Makespan)
		}
	}
	wantTrace := r.Chunks
	if c.NoTrace {
		wantTrace = 0
	}
	if rows != c.Rows || len(r.Trace) != wantTrace {
		t.Fatalf("%d rows in stats, %d chunks in trace, want %d rows and %d chunks", rows, len(r.Trace), c.Rows, r.Chunks)
	}
	total := c.Cost.Cost(0, c.Rows)
	if c.Speed == nil && c.Noise == 0 && r.Work != total {
		t.Fatalf("work %v, want the cost model's %v", r.Work, total)
	}
	if c.Speed == nil && c.Noise > 0 {
		lo, hi := float64(total)*(1-c.Noise)-float64(r.Chunks), float64(total)*(1+c.Noise)+float64(r.Chunks)
		if w := float64(r.Work); w < lo || w > hi {
			t.Fatalf("work %v with noise %v outside [%v, %v]", r.Work, c.Noise, lo, hi)
		}
	}
	if low := r.Work / time.Duration(c.Cores); r.Makespan < low {
		t.Fatalf("makespan %v below work/cores %v", r.Makespan, low)
	}
	if r.Makespan > r.Work+r.Overhead {
		t.Fatalf("makespan %v above work %v + overhead %v", r.Makespan, r.Work, r.Overhead)
	}
}

func TestConfigErrors(t *testing.T) {
	t.Parallel()
	ok := Config{Scheme: "SS", Machine: Machine{Cores: 4}, Rows: 10, Cost: Uniform(1)}
	short, _ := Linear(5, 1, 2)
	tests := []struct {
		name string
		edit func(*Config)
		want []string // substrings of the message
		is   error
	}{
		{"unknown scheme", func(c *Config) { c.Scheme = "FOO" }, []string{`"FOO"`, "GSS", "STATIC"}, partition.ErrUnknownScheme},
		{"no scheme", func(c *Config) { c.Scheme = "" }, []string{"no scheme"}, ErrConfig},
		{"unknown layout", func(c *Config) { c.Layout = "PERNODE" }, []string{`"PERNODE"`, "CENTRALIZED, LOCKFREE, PERGROUP, PERCPU"}, ErrConfig},
		{"unknown victim", func(c *Config) { c.Victim = "LIFO" }, []string{`"LIFO"`, "SEQ, SEQPRI, RANDOM, RANDOMPRI"}, ErrConfig},
		{"no cores", func(c *Config) { c.Cores = 0 }, []string{"Cores = 0"}, ErrConfig},
		{"groups > cores", func(c *Config) { c.Groups = 5 }, []string{"Groups = 5"}, ErrConfig},
		{"speed length", func(c *Config) { c.Speed = []float64{1} }, []string{"1 speeds for 4 cores"}, ErrConfig},
		{"zero speed", func(c *Config) { c.Speed = []float64{1, 1, 0, 1} }, []string{"Speed[2]"}, ErrConfig},
		{"noise 1", func(c *Config) { c.Noise = 1 }, []string{"Noise = 1"}, ErrConfig},
		{"negative noise", func(c *Config) { c.Noise = -0.1 }, []string{"Noise = -0.1"}, ErrConfig},
		{"no cost", func(c *Config) { c.Cost = nil }, []string{"no cost model"}, ErrConfig},
		{"rows > table", func(c *Config) { c.Cost = short }, []string{"10 rows", "covers 5"}, ErrConfig},
		{"negative rows", func(c *Config) { c.Rows = -1 }, []string{"negative row count"}, ErrConfig},
		{"negative overhead", func(c *Config) { c.QueueLock = -1 }, []string{"negative overhead"}, ErrConfig},
		{"CST without size", func(c *Config) { c.Scheme = "CST" }, []string{"CST"}, partition.ErrOption},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := ok
			tc.edit(&c)
			_, err := Run(c)
			if !errors.Is(err, tc.is) {
				t.Fatalf("got %v, want %v", err, tc.is)
			}
			for _, s := range tc.want {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("message %q lacks %q", err, s)
				}
			}
		})
	}
	// Names are case-insensitive and canonicalized.
	c := ok
	c.Layout, c.Victim, c.Groups = "percpu", "seqpri", 2
	r, err := Run(c)
	if err != nil || r.Config.Layout != PerCPU || r.Config.Victim != SeqPri {
		t.Errorf("lower-case names: %v, %+v", err, r)
	}
}

// funcPart adapts a function to Partitioner (for custom test schemes).
type funcPart func(w int) int

func (f funcPart) Next(w int) int { return f(w) }

func TestBrokenPartitioner(t *testing.T) {
	t.Parallel()
	for _, layout := range Layouts() {
		for name, f := range map[string]Factory{
			"stops early": func(n, p int) (Partitioner, error) { return funcPart(func(int) int { return 0 }), nil },
			"too large":   func(n, p int) (Partitioner, error) { return funcPart(func(int) int { return n + 1 }), nil },
			"negative":    func(n, p int) (Partitioner, error) { return funcPart(func(int) int { return -3 }), nil },
		} {
			_, err := Run(Config{Partitioner: f, Layout: layout, Machine: Machine{Cores: 3}, Rows: 10, Cost: Uniform(1)})
			if !errors.Is(err, ErrPartitioner) {
				t.Errorf("%s/%s: got %v, want ErrPartitioner", layout, name, err)
			}
		}
	}
}

func TestKnownCases(t *testing.T) {
	t.Parallel()
	skew, _ := Linear(10_000, 10*time.Nanosecond, 2000*time.Nanosecond)
	t.Run("STATIC uniform is n/p*cost", func(t *testing.T) {
		for _, layout := range Layouts() {
			for _, p := range []int{1, 2, 4, 20, 56} {
				n := 56 * 20 * 3
				r, err := Run(Config{Scheme: "STATIC", Layout: layout, Machine: Machine{Cores: p, Groups: min(p, 2)},
					Rows: n, Cost: Uniform(7 * time.Nanosecond), ChunkOverhead: 5 * time.Nanosecond})
				if err != nil {
					t.Fatal(err)
				}
				check(t, r)
				want := time.Duration(n/p)*7*time.Nanosecond + 5*time.Nanosecond
				if r.Makespan != want || r.Chunks != p || r.Imbalance != 0 || r.Steals != 0 {
					t.Errorf("%s p=%d: %v, want makespan %v, %d chunks, no imbalance", layout, p, r, want, p)
				}
			}
		}
	})
	t.Run("SS balances skewed cost within one row", func(t *testing.T) {
		for _, p := range []int{2, 7, 20, 56} {
			r, err := Run(Config{Scheme: "SS", Machine: Machine{Cores: p}, Cost: skew})
			if err != nil {
				t.Fatal(err)
			}
			check(t, r)
			// Graham's list-scheduling bound for unit chunks.
			if bound := skew.Total()/time.Duration(p) + skew.Max(); r.Makespan > bound {
				t.Errorf("p=%d: makespan %v above work/p + max row %v", p, r.Makespan, bound)
			}
		}
	})
	t.Run("centralized lock serializes dequeues", func(t *testing.T) {
		lock := 50 * time.Nanosecond
		r, err := Run(Config{Scheme: "SS", Machine: Machine{Cores: 8}, Rows: 1000, Cost: Uniform(time.Nanosecond), QueueLock: lock})
		if err != nil {
			t.Fatal(err)
		}
		check(t, r)
		// 1000 successful dequeues plus one empty one per worker, one at a time.
		if min := time.Duration(1000+8-1) * lock; r.Makespan < min {
			t.Errorf("makespan %v below %v of serialized lock holds", r.Makespan, min)
		}
		var wait time.Duration
		for _, s := range r.Workers {
			wait += s.Wait
		}
		if wait == 0 {
			t.Error("no lock wait with 8 workers on one queue")
		}
	})
	t.Run("stealing balances per-CPU queues", func(t *testing.T) {
		// Pre-partitioned, queue 0 holds the cheapest rows and queue 3 the
		// dearest, 16 chunks each: the early finishers steal.
		r, err := Run(Config{Scheme: "MSTATIC", Layout: PerCPU, PrePartition: true, Machine: Machine{Cores: 4}, Cost: skew, StealOverhead: time.Nanosecond})
		if err != nil {
			t.Fatal(err)
		}
		check(t, r)
		if r.Steals == 0 {
			t.Errorf("no steals: %v", r)
		}
		if last := skew.Cost(7500, 10_000); r.Makespan >= last {
			t.Errorf("makespan %v not below the last queue's own work %v", r.Makespan, last)
		}
		for _, c := range r.Trace {
			if c.Stolen != (c.Queue != c.Worker) {
				t.Errorf("chunk %+v: Stolen does not match queue != worker", c)
			}
		}
	})
	t.Run("slow core gets fewer rows under SS", func(t *testing.T) {
		r, err := Run(Config{Scheme: "SS", Machine: Machine{Cores: 2, Speed: []float64{1, 0.25}}, Rows: 1000, Cost: Uniform(10)})
		if err != nil {
			t.Fatal(err)
		}
		check(t, r)
		if a, b := r.Workers[0].Rows, r.Workers[1].Rows; a != 800 || b != 200 {
			t.Errorf("rows %d/%d, want 800/200", a, b)
		}
	})
	t.Run("LOCKFREE pays AtomicClaim, CENTRALIZED QueueLock", func(t *testing.T) {
		base := Config{Scheme: "SS", Machine: Machine{Cores: 8}, Rows: 1000, Cost: Uniform(time.Nanosecond)}
		free, err := Run(base)
		if err != nil {
			t.Fatal(err)
		}
		lf := base
		lf.Layout, lf.QueueLock = LockFree, time.Microsecond
		r, err := Run(lf)
		if err != nil {
			t.Fatal(err)
		}
		check(t, r)
		if r.Makespan != free.Makespan {
			t.Errorf("LOCKFREE with a lock cost: makespan %v, want the uncontended %v", r.Makespan, free.Makespan)
		}
		lf.AtomicClaim = 10 * time.Nanosecond
		if r, err = Run(lf); err != nil || r.Makespan < 1000*10*time.Nanosecond {
			t.Errorf("LOCKFREE with 10 ns claims: makespan %v (%v), want >= 10 us", r.Makespan, err)
		}
	})
	t.Run("adaptive schemes get lazy pre-partitioned queues", func(t *testing.T) {
		r, err := Run(Config{Scheme: "AWFB", Layout: PerCPU, Machine: Machine{Cores: 4}, Rows: 1000, Cost: Uniform(1)})
		if err != nil {
			t.Fatal(err)
		}
		check(t, r)
		for _, c := range r.Trace {
			if lo := c.Queue * 250; c.Lo < lo || c.Hi > lo+250 {
				t.Fatalf("chunk %+v outside queue %d's block [%d, %d)", c, c.Queue, lo, lo+250)
			}
		}
	})
	t.Run("noise is seeded and bounded", func(t *testing.T) {
		c := Config{Scheme: "SS", Machine: Machine{Cores: 4}, Rows: 1000, Cost: Uniform(100), Noise: 0.5, Seed: 4}
		a, err := Run(c)
		if err != nil {
			t.Fatal(err)
		}
		check(t, a)
		for _, ch := range a.Trace {
			if d := ch.End - ch.Start; d < 50 || d > 150 {
				t.Fatalf("chunk %+v runs %v, outside [50, 150]", ch, d)
			}
		}
		c.Seed = 5
		b, _ := Run(c)
		if a.Work == b.Work || a.Work == 100*1000 {
			t.Errorf("noise does not depend on the seed or is absent: %v, %v", a.Work, b.Work)
		}
	})
	t.Run("zero rows", func(t *testing.T) {
		for _, layout := range Layouts() {
			r, err := Run(Config{Scheme: "GSS", Layout: layout, Machine: Machine{Cores: 3}, Rows: 0, Cost: Uniform(1), QueueLock: 1})
			if err != nil {
				t.Fatal(err)
			}
			if r.Chunks != 0 || r.Work != 0 {
				t.Errorf("%s: %v", layout, r)
			}
		}
	})
}

func TestPrePartition(t *testing.T) {
	t.Parallel()
	r, err := Run(Config{Scheme: "STATIC", Layout: PerCPU, PrePartition: true, Machine: Machine{Cores: 3}, Rows: 10, Cost: Uniform(1)})
	if err != nil {
		t.Fatal(err)
	}
	check(t, r)
	// Queue 0 gets 10/3 + 10%3 = 4 rows, the others 3, each in row order.
	want := map[int][2]int{0: {0, 4}, 1: {4, 7}, 2: {7, 10}}
	lo := map[int]int{}
	hi := map[int]int{}
	for _, c := range r.Trace {
		if _, ok := lo[c.Queue]; !ok {
			lo[c.Queue] = c.Lo
		}
		hi[c.Queue] = max(hi[c.Queue], c.Hi)
	}
	for q, w := range want {
		if lo[q] != w[0] || hi[q] != w[1] {
			t.Errorf("queue %d holds [%d, %d), want [%d, %d)", q, lo[q], hi[q], w[0], w[1])
		}
	}
}

func TestVictimOrder(t *testing.T) {
	t.Parallel()
	group := func(q int) int { return q / 2 } // 4 queues, groups {0,1} {2,3}
	seq := func(v victims) []int {
		var out []int
		for {
			q, ok := v.next()
			if !ok {
				return out
			}
			out = append(out, q)
			v.eof(q)
		}
	}
	tests := []struct {
		layout, victim string
		own            int
		want           []int
	}{
		{PerCPU, Seq, 1, []int{1, 2, 3, 0}},
		{PerCPU, SeqPri, 1, []int{1, 0, 2, 3, 0}},
		{PerCPU, SeqPri, 2, []int{2, 3, 3, 0, 1}},
		{PerGroup, SeqPri, 1, []int{1, 2, 3, 0}},
	}
	for _, tc := range tests {
		c := &Config{Layout: tc.layout, Victim: tc.victim}
		if got := seq(newVictims(c, tc.own, tc.own, 4, group)); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s/%s own %d: %v, want %v", tc.layout, tc.victim, tc.own, got, tc.want)
		}
	}
	for _, v := range []string{Random, RandomPri} {
		got := seq(newVictims(&Config{Layout: PerCPU, Victim: v, Seed: 5}, 1, 1, 4, group))
		if len(got) != 4 || got[0] != 1 {
			t.Fatalf("%s: %v, want own queue 1 first and every queue once", v, got)
		}
		if v == RandomPri && got[1] != 0 {
			t.Errorf("RANDOMPRI: %v, want the same-group queue 0 second", got)
		}
	}
}

// recorder is an adaptive test partitioner: SS that records Done calls.
type recorder struct {
	left, done, rows int
	elapsed          time.Duration
	overhead         bool
}

func (r *recorder) Next(int) int {
	if r.left == 0 {
		return 0
	}
	r.left--
	return 1
}

func (r *recorder) Done(_, size int, elapsed time.Duration) {
	r.done++
	r.rows += size
	r.elapsed += elapsed
}

func (r *recorder) IncludesOverhead() bool { return r.overhead }

func TestFeedback(t *testing.T) {
	t.Parallel()
	for _, layout := range Layouts() {
		for _, withOH := range []bool{false, true} {
			var recs []*recorder
			f := func(n, p int) (Partitioner, error) {
				recs = append(recs, &recorder{left: n, overhead: withOH})
				return recs[len(recs)-1], nil
			}
			r, err := Run(Config{Partitioner: f, Layout: layout, Machine: Machine{Cores: 3}, Rows: 100, Cost: Uniform(10),
				ChunkOverhead: 2, QueueLock: 1})
			if err != nil {
				t.Fatal(err)
			}
			check(t, r)
			var done, rows int
			var elapsed time.Duration
			for _, rec := range recs {
				done, rows, elapsed = done+rec.done, rows+rec.rows, elapsed+rec.elapsed
			}
			// Without overhead: exactly the work. With: from 0 to each
			// worker's last chunk end, which is everything but the final
			// empty dequeues of each worker.
			want := r.Work
			if withOH {
				want = 0
				for _, s := range r.Workers {
					want += s.Finish
				}
			}
			if done != 100 || rows != 100 || elapsed > want || elapsed < r.Work || !withOH && elapsed != want {
				t.Errorf("%s overhead %t: %d Done calls over %d rows, elapsed %v (want 100, 100, %v)", layout, withOH, done, rows, elapsed, want)
			}
		}
	}
}

// Worker 1 (group 0 with queue 0; queues 2 and 3 are group 1) runs out of
// cheap work first. SEQ steals from queue 2 first (ring 2, 3, 0); SEQPRI
// and RANDOMPRI from queue 0, its own group's.
func TestStealPreference(t *testing.T) {
	t.Parallel()
	cost, _ := FromFunc(4000, func(i int) time.Duration {
		if b := i / 1000; b == 0 || b == 2 {
			return time.Microsecond
		}
		return time.Nanosecond
	})
	for _, tc := range []struct {
		victim string
		first  int
	}{{Seq, 2}, {SeqPri, 0}, {RandomPri, 0}} {
		for seed := range int64(5) {
			r, err := Run(Config{Scheme: "SS", Layout: PerCPU, Victim: tc.victim, PrePartition: true,
				Machine: Machine{Cores: 4, Groups: 2}, Cost: cost, Seed: seed})
			if err != nil {
				t.Fatal(err)
			}
			check(t, r)
			for _, c := range r.Trace {
				if c.Worker == 1 && c.Stolen {
					if c.Queue != tc.first {
						t.Errorf("%s seed %d: worker 1 first stole from queue %d, want %d", tc.victim, seed, c.Queue, tc.first)
					}
					break
				}
			}
		}
	}
}

func TestCostOverflow(t *testing.T) {
	t.Parallel()
	_, err := Run(Config{Scheme: "SS", Machine: Machine{Cores: 2}, Rows: 1 << 40, Cost: Uniform(time.Hour)})
	if !errors.Is(err, ErrConfig) || !strings.Contains(err.Error(), "overflows") {
		t.Errorf("got %v, want an overflow ErrConfig", err)
	}
}
