package partition

import (
	"errors"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"
)

// expand turns "125x4 63 7" into [125 125 125 125 63 7].
func expand(t *testing.T, s string) []int {
	t.Helper()
	var out []int
	for _, f := range strings.Fields(s) {
		v, k, ok := strings.Cut(f, "x")
		if !ok {
			k = "1"
		}
		a, err1 := strconv.Atoi(v)
		b, err2 := strconv.Atoi(k)
		if err1 != nil || err2 != nil {
			t.Fatalf("bad sequence token %q", f)
		}
		for range b {
			out = append(out, a)
		}
	}
	return out
}

// drain calls Next round-robin over P workers until it returns 0.
func drain(t *testing.T, p Partitioner, workers, limit int) []int {
	t.Helper()
	var s []int
	for {
		c := p.Next(len(s) % workers)
		if c == 0 {
			return s
		}
		s = append(s, c)
		if len(s) > limit {
			t.Fatalf("more than %d chunks", limit)
		}
	}
}

func equal(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestReferenceSequences checks runtime-reference.md 3.4 (DAPHNE, Compat)
// and the LB4OMP sequences of section 7 (textbook), g = 1.
func TestReferenceSequences(t *testing.T) {
	t.Parallel()
	ones := func(k int) string { return "1x" + strconv.Itoa(k) }
	tests := []struct {
		name   string
		scheme string
		n, p   int
		compat bool
		want   string
	}{
		// DAPHNE, N=1000, P=4 (3.4).
		{"daphne/STATIC", STATIC, 1000, 4, true, "250x4"},
		{"daphne/GSS", GSS, 1000, 4, true, "250 188 141 106 79 59 45 33 25 19 14 11 8 6 4 3 3 2 1 1 1 1"},
		{"daphne/TSS", TSS, 1000, 4, true, "125 117 109 101 93 85 77 69 61 53 45 37 28"},
		{"daphne/FAC2", FAC2, 1000, 4, true, "125x4 63x4 32x4 16x4 8x4 4x4 2x4"},
		{"daphne/TFSS", TFSS, 1000, 4, true, "125 110 96 84 74 64 56 49 43 38 33 29 25 22 19 17 15 13 11 10 9 8 7 6 5 4 4 3 3 3 2 2 2 2 " + ones(7)},
		{"daphne/FISS", FISS, 1000, 4, true, "28 40 52 64 76 88 100 112 124 136 148 32"},
		{"daphne/VISS", VISS, 1000, 4, true, "1x4 28x4 56x15 44"},
		{"daphne/PLS", PLS, 1000, 4, true, "125x5 94 71 53 40 30 22 17 12 9 7 5 4 3 2 2 1 1 1 1"},
		{"daphne/PSS", PSS, 1000, 4, true, "167 139 116 97 81 67 56 47 39 32 27 22 19 16 13 11 9 7 6 5 4 4 3 3 2 2 " + ones(6)},
		{"daphne/MSTATIC", MSTATIC, 1000, 4, true, "63x15 55"},
		{"daphne/AUTO", AUTO, 1000, 4, true, "63x15 55"},
		{"daphne/MFSC", MFSC, 1000, 4, true, "32x31 8"},
		// DAPHNE, N=100, P=8 (3.4).
		{"daphne/STATIC/100", STATIC, 100, 8, true, "12x8 4"},
		{"daphne/TSS/100", TSS, 100, 8, true, "7x14 2"},
		{"daphne/FAC2/100", FAC2, 100, 8, true, "6x8 3x8 2x8 1x12"},
		{"daphne/FISS/100", FISS, 100, 8, true, "3 8 13 18 23 28 7"},
		{"daphne/VISS/100", VISS, 100, 8, true, "1x8 3x8 6x11 2"},
		{"daphne/MFSC/100", MFSC, 100, 8, true, "4x25"},
		{"daphne/MSTATIC/100", MSTATIC, 100, 8, true, "3x33 1"},
		// LB4OMP / textbook, N=1000, P=4 (section 7).
		{"textbook/STATIC", STATIC, 1000, 4, false, "250x4"},
		{"textbook/GSS", GSS, 1000, 4, false, "250 188 141 106 79 59 45 33 25 19 14 11 8 6 4 3 3 2 1 1 1 1"},
		{"textbook/TSS", TSS, 1000, 4, false, "125 117 109 101 93 85 77 69 61 53 45 37 28"},
		{"textbook/FAC2", FAC2, 1000, 4, false, "125x4 63x4 32x4 16x4 8x4 4x4 2x4"},
		{"textbook/TFSS", TFSS, 1000, 4, false, "113x4 81x4 49x4 17 11"},
		{"textbook/FISS", FISS, 1000, 4, false, "50x4 83x4 116x4 4"},
		{"textbook/VISS", VISS, 1000, 4, false, "62x4 93x4 108x3 56"},
		{"textbook/PLS", PLS, 1000, 4, false, "125x5 94 71 53 40 30 23 17 13 10 8 6 4 3 3"},
		{"textbook/MFSC", MFSC, 1000, 4, false, "31x32 8"},
		{"textbook/STATIC/100", STATIC, 100, 8, false, "13x4 12x4"},
		{"textbook/AUTO", AUTO, 1000, 4, false, "7x142 6"},
		// Adaptive schemes without feedback fall back to their base chunks.
		{"AWFB/nofeedback", AWFB, 1000, 4, false, "125x4 63x4 32x4 16x4 8x4 4x4 2x4"},
		{"AWFC/nofeedback", AWFC, 1000, 4, false, "125 110 96 84 74 64 56 49 43 38 33 29 25 22 19 17 15 13 11 10 9 8 7 6 5 4 4 3 3 3 2 2 2 2 " + ones(7)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p, err := New(tc.scheme, tc.n, Options{Workers: tc.p, Compat: tc.compat})
			if err != nil {
				t.Fatal(err)
			}
			got := drain(t, p, tc.p, 10*tc.n)
			if want := expand(t, tc.want); !equal(got, want) {
				t.Errorf("got  %v\nwant %v", got, want)
			}
		})
	}
}

func TestGrainSize(t *testing.T) {
	t.Parallel()
	tests := []struct {
		scheme string
		n, p   int
		g      int
		want   string
	}{
		{SS, 10, 2, 3, "3 3 3 1"},
		{GSS, 100, 4, 10, "25 19 14 11 10x3 1"},
		{STATIC, 10, 4, 4, "4 4 2"},
		{CST, 10, 2, 5, "5 5"}, // ChunkSize 3 < g
	}
	for _, tc := range tests {
		t.Run(tc.scheme, func(t *testing.T) {
			t.Parallel()
			p, err := New(tc.scheme, tc.n, Options{Workers: tc.p, MinChunk: tc.g, ChunkSize: 3})
			if err != nil {
				t.Fatal(err)
			}
			if got, want := drain(t, p, tc.p, 1000), expand(t, tc.want); !equal(got, want) {
				t.Errorf("got %v want %v", got, want)
			}
		})
	}
}

// TestProperties: for random n, P, g, modes and worker orders, every scheme
// hands out chunks in [min(g, R), R], never 0 while rows remain, summing to n,
// and then 0 forever. Adaptive schemes get random feedback.
func TestProperties(t *testing.T) {
	t.Parallel()
	seed := time.Now().UnixNano()
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(uint64(seed), 7))
	for iter := range 3000 {
		name := Names()[rng.IntN(len(Names()))]
		n := rng.IntN(3000)
		if iter%10 == 0 {
			n = rng.IntN(5)
		}
		o := Options{Workers: 1 + rng.IntN(9), MinChunk: rng.IntN(20) - 2, ChunkSize: 1 + rng.IntN(50), Compat: rng.IntN(2) == 0}
		p, err := New(name, n, o)
		if err != nil {
			t.Fatalf("seed %d: %s: %v", seed, name, err)
		}
		g := max(o.MinChunk, 1)
		fb, _ := p.(Feedback)
		rem := n
		for k := 0; rem > 0; k++ {
			w := rng.IntN(o.Workers)
			c := p.Next(w)
			if c <= 0 || c > rem || c < min(g, rem) {
				t.Fatalf("seed %d: %s n=%d %+v: chunk %d = %d with %d rows left", seed, name, n, o, k, c, rem)
			}
			rem -= c
			if fb != nil {
				fb.Done(w, c, time.Duration(c*(1+w)*rng.IntN(1000)))
			}
		}
		for range 3 {
			if c := p.Next(0); c != 0 {
				t.Fatalf("seed %d: %s n=%d: Next after the end = %d", seed, name, n, c)
			}
		}
	}
}

// TestCorners: n = 0, P = 1, n < P and huge n never divide by zero, overflow
// or hand out a bad chunk.
func TestCorners(t *testing.T) {
	t.Parallel()
	huge := math.MaxInt / 4
	for _, name := range Names() {
		for _, c := range []struct{ n, p int }{{0, 1}, {0, 8}, {1, 1}, {1, 8}, {3, 7}, {7, 7}, {2, 2}, {huge, 1}, {huge, 3}, {huge, 64}} {
			for _, compat := range []bool{false, true} {
				p, err := New(name, c.n, Options{Workers: c.p, Compat: compat, ChunkSize: 5})
				if err != nil {
					t.Fatalf("%s %+v: %v", name, c, err)
				}
				rem := c.n
				for k := 0; rem > 0 && k < 2000; k++ {
					x := p.Next(k % c.p)
					if x <= 0 || x > rem {
						t.Fatalf("%s n=%d p=%d compat=%v: chunk %d = %d, %d left", name, c.n, c.p, compat, k, x, rem)
					}
					rem -= x
				}
				if c.n < 100 && rem != 0 {
					t.Fatalf("%s n=%d p=%d: %d rows left after 2000 chunks", name, c.n, c.p, rem)
				}
			}
		}
	}
}

func TestErrors(t *testing.T) {
	t.Setenv(CSTEnv, "")
	tests := []struct {
		name   string
		scheme string
		n      int
		o      Options
		env    string
		want   error
		substr string
	}{
		{"unknown", "FOO", 10, Options{}, "", ErrUnknownScheme, "GSS"},
		{"negative n", GSS, -1, Options{}, "", ErrOption, "-1"},
		{"negative workers", GSS, 10, Options{Workers: -2}, "", ErrOption, "-2"},
		{"negative chunk", CST, 10, Options{ChunkSize: -3}, "", ErrOption, "-3"},
		{"cst unset", CST, 10, Options{}, "", ErrOption, CSTEnv},
		{"cst bad env", CST, 10, Options{}, "abc", ErrOption, "abc"},
		{"cst zero env", CST, 10, Options{}, "0", ErrOption, CSTEnv},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv(CSTEnv, tc.env)
			_, err := New(tc.scheme, tc.n, tc.o)
			if !errors.Is(err, tc.want) || !strings.Contains(err.Error(), tc.substr) {
				t.Errorf("got %v, want %v containing %q", err, tc.want, tc.substr)
			}
		})
	}
	t.Run("cst env", func(t *testing.T) {
		t.Setenv(CSTEnv, " 42 ")
		p, err := New("cst", 100, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := drain(t, p, 1, 10); !equal(got, []int{42, 42, 16}) {
			t.Errorf("got %v", got)
		}
	})
}

func TestRegister(t *testing.T) {
	t.Parallel()
	f := func(n int, o Options) (Partitioner, error) { return newSS(n, o) }
	if err := Register("", f); !errors.Is(err, ErrRegister) {
		t.Errorf("empty name: %v", err)
	}
	if err := Register("x-nil", nil); !errors.Is(err, ErrRegister) {
		t.Errorf("nil factory: %v", err)
	}
	if err := Register("gss", f); !errors.Is(err, ErrRegister) {
		t.Errorf("duplicate: %v", err)
	}
	name := "test-ss-" + strconv.FormatInt(time.Now().UnixNano(), 36) // unique under -count
	if err := Register(name, f); err != nil {
		t.Fatal(err)
	}
	if _, err := New(strings.ToUpper(name), 3, Options{}); err != nil {
		t.Error(err)
	}
}

// TestAdaptive: a worker that is 4x slower per row gets smaller chunks.
func TestAdaptive(t *testing.T) {
	t.Parallel()
	for _, name := range []string{AWFB, AWFC, AWFD, AWFE, AF} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p, err := New(name, 1_000_000_000, Options{Workers: 2})
			if err != nil {
				t.Fatal(err)
			}
			fb := p.(Feedback)
			var got [2]int
			for k := 0; k < 40; k++ {
				w := k % 2
				c := p.Next(w)
				if c == 0 {
					break
				}
				got[w] = c
				cost := time.Duration(c) * time.Microsecond * time.Duration(1+3*w) // worker 1 is 4x slower
				fb.Done(w, c, cost)
			}
			if got[1] >= got[0] {
				t.Errorf("slow worker's last chunk %d >= fast worker's %d", got[1], got[0])
			}
			if fb.IncludesOverhead() != (name == AWFD || name == AWFE) {
				t.Errorf("IncludesOverhead = %v", fb.IncludesOverhead())
			}
		})
	}
}

func TestFixed(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		o    Options
		want int
	}{{SS, Options{}, 1}, {SS, Options{MinChunk: 4}, 4}, {CST, Options{ChunkSize: 9}, 9}, {AUTO, Options{Workers: 4}, 7}} {
		p, err := New(tc.name, 1000, tc.o)
		if err != nil {
			t.Fatal(err)
		}
		f, ok := p.(Fixed)
		if !ok || f.FixedSize() != tc.want {
			t.Errorf("%s %+v: Fixed %v size %v, want %d", tc.name, tc.o, ok, f, tc.want)
		}
	}
	if p, _ := New(AUTO, 1000, Options{Workers: 4, Compat: true}); func() bool { _, ok := p.(Fixed); return ok }() {
		t.Error("AUTO under Compat is not a fixed chunk")
	}
}

func TestNames(t *testing.T) {
	t.Parallel()
	names := strings.Join(Names(), " ")
	for _, n := range []string{STATIC, SS, GSS, TSS, FAC2, TFSS, FISS, VISS, PLS, PSS, MSTATIC, MFSC, AUTO, CST, AWFB, AWFC, AWFD, AWFE, AF} {
		if !strings.Contains(" "+names+" ", " "+n+" ") {
			t.Errorf("%s missing from Names(): %s", n, names)
		}
	}
}
