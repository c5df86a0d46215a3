package partition

import (
	"math"
)

// Built-in scheme names, as DAPHNE spells them (--partitioning=NAME), plus
// CST (constant chunk, DAPHNE's toy-scheduler patch) and LB4OMP's adaptive
// AWFB, AWFC, AWFD, AWFE and AF.
const (
	STATIC  = "STATIC"
	SS      = "SS"
	GSS     = "GSS"
	TSS     = "TSS"
	FAC2    = "FAC2"
	TFSS    = "TFSS"
	FISS    = "FISS"
	VISS    = "VISS"
	PLS     = "PLS"
	PSS     = "PSS"
	MSTATIC = "MSTATIC"
	MFSC    = "MFSC"
	AUTO    = "AUTO"
	CST     = "CST"
	AWFB    = "AWFB"
	AWFC    = "AWFC"
	AWFD    = "AWFD"
	AWFE    = "AWFE"
	AF      = "AF"
)

func init() {
	for name, f := range map[string]Factory{
		STATIC: newStatic, SS: newSS, GSS: newGSS, TSS: newTSS, FAC2: newFAC2,
		TFSS: newTFSS, FISS: newFISS, VISS: newVISS, PLS: newPLS, PSS: newPSS,
		MSTATIC: newMSTATIC, MFSC: newMFSC, AUTO: newAUTO, CST: newCST,
		AWFB: newAWF(false, false), AWFC: newAWF(true, false),
		AWFD: newAWF(false, true), AWFE: newAWF(true, true), AF: newAF,
	} {
		mustRegister(name, f)
	}
}

// seq is the common state of every built-in scheme: it applies DAPHNE's rule
// c_i = min(max(raw_i, g), R) (runtime-reference.md 3.2) around a raw
// formula. raw may return any value (<= 0, huge); seq clamps it.
type seq struct {
	n, p, g int // rows, workers P, minimum chunk g
	rem     int // R: rows not yet handed out
	i       int // index of the next chunk (global request counter)
	raw     func(s *seq, worker int) int
}

var _ Partitioner = (*seq)(nil)

// Next implements Partitioner. Not safe for concurrent use.
func (s *seq) Next(worker int) int {
	if s.rem <= 0 {
		return 0
	}
	c := s.raw(s, worker)
	if c < s.g {
		c = s.g
	}
	if c > s.rem {
		c = s.rem
	}
	s.rem -= c
	s.i++
	return c
}

// batch is b = floor(i/P).
func (s *seq) batch() int { return s.i / s.p }

func newSeq(n int, o Options, raw func(s *seq, worker int) int) *seq {
	return &seq{n: n, p: o.Workers, g: o.MinChunk, rem: n, raw: raw}
}

// ceilF converts a real chunk size to int, rounding up, with NaN, negative
// and huge values clamped to [0, MaxInt].
func ceilF(x float64) int { return clampF(math.Ceil(x)) }

// floorF is ceilF rounding down.
func floorF(x float64) int { return clampF(math.Floor(x)) }

func clampF(x float64) int {
	switch {
	case math.IsNaN(x) || x <= 0:
		return 0
	case x >= float64(math.MaxInt/2):
		return math.MaxInt / 2
	}
	return int(x)
}

// ceilDiv is ceil(a/b) for a >= 0, b > 0.
func ceilDiv(a, b int) int {
	if a <= 0 {
		return 0
	}
	return (a-1)/b + 1
}

// fixed is a constant-chunk scheme (SS, CST, textbook AUTO).
type fixed struct {
	seq
	size int
}

var _ Fixed = (*fixed)(nil)

// FixedSize implements Fixed.
func (f *fixed) FixedSize() int { return f.size }

func newFixed(n int, o Options, size int) Partitioner {
	if size < o.MinChunk {
		size = o.MinChunk
	}
	f := &fixed{size: size}
	f.seq = *newSeq(n, o, func(*seq, int) int { return size })
	return f
}

func newSS(n int, o Options) (Partitioner, error) { return newFixed(n, o, 1), nil }

func newCST(n int, o Options) (Partitioner, error) {
	c, err := cstSize(o)
	if err != nil {
		return nil, err
	}
	return newFixed(n, o, c), nil
}

// STATIC: textbook = balanced static (P chunks of floor(N/P) or one more);
// Compat = floor(N/P), so N mod P != 0 adds a small (P+1)-th chunk.
func newStatic(n int, o Options) (Partitioner, error) {
	if o.Compat {
		return newSeq(n, o, func(s *seq, _ int) int { return s.n / s.p }), nil
	}
	return newSeq(n, o, func(s *seq, _ int) int {
		c := s.n / s.p
		if s.i < s.n%s.p {
			c++
		}
		return c
	}), nil
}

// GSS: ceil(R/P) in both modes.
func newGSS(n int, o Options) (Partitioner, error) {
	return newSeq(n, o, func(s *seq, _ int) int { return ceilDiv(s.rem, s.p) }), nil
}

// PSS: ceil(R/(1.5P)) (DAPHNE-only; same in both modes).
func newPSS(n int, o Options) (Partitioner, error) {
	return newSeq(n, o, func(s *seq, _ int) int { return ceilF(float64(s.rem) / (1.5 * float64(s.p))) }), nil
}

// MSTATIC: ceil(floor(N/P)/4) (DAPHNE-only; same in both modes).
func newMSTATIC(n int, o Options) (Partitioner, error) {
	c := ceilDiv(n/o.Workers, 4)
	return newSeq(n, o, func(*seq, int) int { return c }), nil
}

// TSS: textbook (LB4OMP) F = max(1, floor(N/2P)), L = min chunk clamped to
// [1, F], n = max(2, ceil(2N/(F+L))), delta = floor((F-L)/(n-1)), chunk j =
// F - j*delta, never below L. Compat: F = ceil(N/2P), L = 1 in the formula
// for n, and once i*delta > F the chunk is "everything left" (DAPHNE's
// unsigned wrap); n = 1 gives delta = 0 instead of a division by zero.
func newTSS(n int, o Options) (Partitioner, error) {
	P := o.Workers
	if o.Compat {
		F := ceilDiv(n, 2*P)
		cnt := ceilDiv(2*n, F+1)
		delta := 0
		if cnt > 1 {
			delta = (F - 1) / (cnt - 1)
		}
		return newSeq(n, o, func(s *seq, _ int) int {
			if delta > 0 && s.i > F/delta {
				return s.rem // unsigned wrap in DAPHNE: everything left
			}
			return F - s.i*delta
		}), nil
	}
	F := max(1, n/(2*P))
	L := min(max(o.MinChunk, 1), F)
	cnt := max(2, ceilDiv(2*n, F+L))
	delta := (F - L) / (cnt - 1)
	return newSeq(n, o, func(s *seq, _ int) int {
		if delta > 0 && s.i >= cnt {
			return L
		}
		return max(F-s.i*delta, L)
	}), nil
}

// FAC2: ceil(0.5^(b+1) * N/P); Compat floors N/P first.
func newFAC2(n int, o Options) (Partitioner, error) {
	base := float64(n) / float64(o.Workers)
	if o.Compat {
		base = float64(n / o.Workers)
	}
	return newSeq(n, o, func(s *seq, _ int) int {
		return ceilF(math.Ldexp(base, -(min(s.batch(), 2000) + 1)))
	}), nil
}

// TFSS: textbook (LB4OMP) = the average of the P TSS chunks each batch
// replaces; Compat = ceil(R/2P) (a guided scheme).
func newTFSS(n int, o Options) (Partitioner, error) {
	P := o.Workers
	if o.Compat {
		return newSeq(n, o, func(s *seq, _ int) int { return ceilDiv(s.rem, 2*P) }), nil
	}
	F := ceilDiv(n, 2*P)
	cnt := ceilDiv(2*n, F+1)
	delta := 0
	if cnt > 1 {
		delta = (F - 1) / (cnt - 1)
	}
	return newSeq(n, o, func(s *seq, _ int) int {
		b := s.batch()
		var C int
		if delta > 0 && b > F/(P*delta) { // b*P*delta > F: C would be negative
			C = F - (cnt-1)*delta
		} else {
			C = F - b*P*delta
		}
		return (P*C - delta*(P*(P-1)/2)) / P
	}), nil
}

// fac2Stages is DAPHNE's stages(N, P) for FISS/VISS: the number of batches
// FAC2 (with real division) needs for N rows.
func fac2Stages(n, p int) int {
	sched, s, last := 0, 0, -1
	for sched < n {
		c := ceilF(math.Ldexp(float64(n)/float64(p), -(min(s/p, 2000) + 1)))
		sched += max(c, 1)
		last = s / p
		s++
	}
	return last + 1
}

// FISS: textbook (LB4OMP) B = max(2, P-1) stages, X = 2+B, c0 = floor(N/(X*P)),
// delta = floor(2N(1-B/X)/(P*B*(B-1))), chunk = c0 + b*delta. LB4OMP's
// default B = P-1 divides by zero at P = 2; we use at least 2 stages.
// Compat: B = fac2Stages, init = ceil(N/((2+B)P)), inc = ceil(2N/(P*B*(B-1)))
// per chunk (DAPHNE's integer division loses the (1-B/X) factor); B < 2
// gives inc = 0.
func newFISS(n int, o Options) (Partitioner, error) {
	P := o.Workers
	if o.Compat {
		B := fac2Stages(n, P)
		init := ceilDiv(n, (2+B)*P)
		inc := 0
		if B >= 2 {
			inc = ceilDiv(2*n, P*B*(B-1))
		}
		return newSeq(n, o, func(s *seq, _ int) int { return satAdd(init, satMul(s.i, inc)) }), nil
	}
	B := max(2, P-1)
	X := float64(2 + B)
	c0 := max(o.MinChunk, floorF(float64(n)/(X*float64(P))))
	delta := floorF(2 * float64(n) * (1 - float64(B)/X) / (float64(P) * float64(B) * float64(B-1)))
	return newSeq(n, o, func(s *seq, _ int) int { return satAdd(c0, satMul(s.batch(), delta)) }), nil
}

// VISS: textbook (LB4OMP, K = P) c0 = floor(N/(K*P)); batch 0 -> c0, batch
// b > 0 -> floor(c0*(1-0.5^(b+1))/0.5). Compat: init as FISS's Compat init
// times ceil((1-0.5^b)/0.5), i.e. 0, 1, 2, 2, ... times init.
func newVISS(n int, o Options) (Partitioner, error) {
	P := o.Workers
	if o.Compat {
		B := fac2Stages(n, P)
		init := ceilDiv(n, (2+B)*P)
		return newSeq(n, o, func(s *seq, _ int) int {
			m := ceilF((1 - math.Ldexp(1, -min(s.batch(), 2000))) / 0.5)
			return init * m
		}), nil
	}
	c0 := n / (P * P)
	return newSeq(n, o, func(s *seq, _ int) int {
		b := s.batch()
		if b == 0 {
			return c0
		}
		return floorF(float64(c0) * (1 - math.Ldexp(1, -(min(b, 2000)+1))) / 0.5)
	}), nil
}

// PLS: SWR = 0.5; the first P requests get S = ceil(N*SWR/P). Textbook
// (LB4OMP): request k >= P gets ceil((1-1/P)^(k-P) * (N-P*S)/P). Compat:
// S while R > N - N*SWR, then ceil(R/P).
func newPLS(n int, o Options) (Partitioner, error) {
	const swr = 0.5
	P := o.Workers
	S := ceilF(float64(n) * swr / float64(P))
	if o.Compat {
		return newSeq(n, o, func(s *seq, _ int) int {
			if float64(s.rem) > float64(n)-float64(n)*swr {
				return S
			}
			return ceilDiv(s.rem, P)
		}), nil
	}
	rest := float64(max(0, n-P*S)) / float64(P)
	q := 1 - 1/float64(P)
	return newSeq(n, o, func(s *seq, _ int) int {
		if s.i < P {
			return S
		}
		return ceilF(math.Pow(q, float64(s.i-P)) * rest)
	}), nil
}

// MFSC: textbook (LB4OMP) floor(0.55 + T ln2/ln T) with T = floor((N+P-1)/P);
// Compat ceil(T ln2/ln T) with real T. T <= 1 (ln T = 0) gives 1.
func newMFSC(n int, o Options) (Partitioner, error) {
	P := o.Workers
	var c int
	if o.Compat {
		T := float64(n+P-1) / float64(P)
		if T > 1 {
			c = ceilF(T * math.Ln2 / math.Log(T))
		}
	} else {
		T := float64((n + P - 1) / P)
		if T > 1 {
			c = floorF(0.55 + T*math.Ln2/math.Log(T))
		}
	}
	c = max(c, 1)
	return newSeq(n, o, func(*seq, int) int { return c }), nil
}

// autoGrain is AUTO's "expert" minimum chunk g* = max(1, floor(N/(2^(m+1) P)))
// with m = floor(0.618 log2(floor(N/P))); N < P gives m = 0.
func autoGrain(n, p int) int {
	m := 0
	if q := n / p; q > 0 {
		m = int(0.618 * math.Log2(float64(q)))
	}
	return max(1, n/(p<<min(m+1, 62)))
}

// AUTO: textbook = DAPHNE's intent, SS with minimum chunk max(g*, g), i.e. a
// constant chunk. Compat = what DAPHNE runs: MSTATIC's chunk with g replaced
// by g*.
func newAUTO(n int, o Options) (Partitioner, error) {
	gs := autoGrain(n, o.Workers)
	if o.Compat {
		c := ceilDiv(n/o.Workers, 4)
		o.MinChunk = max(o.MinChunk, gs)
		return newSeq(n, o, func(*seq, int) int { return c }), nil
	}
	return newFixed(n, o, gs), nil
}

func satAdd(a, b int) int {
	if a > math.MaxInt/2-b {
		return math.MaxInt / 2
	}
	return a + b
}

func satMul(a, b int) int {
	if a != 0 && b > (math.MaxInt/2)/a {
		return math.MaxInt / 2
	}
	return a * b
}
