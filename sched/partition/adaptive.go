package partition

import (
	"math"
	"time"
)

// Adaptive schemes after LB4OMP (runtime-reference.md 7). They implement
// Feedback: the scheduler reports each chunk's measured time, and the next
// chunks of a worker are scaled by what was measured. Before a worker has
// reported anything it gets its unweighted base chunk (AWF*) or a probe chunk
// (AF).

// workerIndex maps any worker number into [0, p).
func workerIndex(w, p int) int {
	w %= p
	if w < 0 {
		w += p
	}
	return w
}

// awf is AWF-B/C/D/E: chunk = ceil(w_t * base), base from FAC2a (B, D) or
// ceil(R/2P) (C, E); the weight w_t comes from the worker's weighted average
// time per row pi_t = sum_j j*time_j / sum_j j*size_j (j = 1, 2, ... counts the
// worker's chunks): w_t = (pibar/pi_t) * k / sum_u (pibar/pi_u) over the k
// workers with data, pibar their mean pi.
type awf struct {
	seq
	perRequest bool // C, E: base ceil(R/2P) per request; else FAC2a per batch
	overhead   bool // D, E: timings include scheduling overhead
	c          int  // FAC2a's chunk of the current batch
	cb         int  // batch c belongs to
	stat       []awfStat
}

type awfStat struct {
	j      float64 // chunks reported so far
	jt, js float64 // sum j*seconds, sum j*rows
}

var _ Feedback = (*awf)(nil)

func newAWF(perRequest, overhead bool) Factory {
	return func(n int, o Options) (Partitioner, error) {
		a := &awf{perRequest: perRequest, overhead: overhead, c: ceilDiv(n, 2*o.Workers), stat: make([]awfStat, o.Workers)}
		a.seq = *newSeq(n, o, a.raw)
		return a, nil
	}
}

func (a *awf) raw(s *seq, worker int) int {
	var base int
	if a.perRequest {
		base = ceilDiv(s.rem, 2*s.p)
	} else {
		for a.cb < s.batch() {
			a.c = ceilDiv(a.c, 2)
			a.cb++
		}
		base = a.c
	}
	return ceilF(a.weight(workerIndex(worker, s.p)) * float64(base))
}

// weight is w_t; 1 while the worker has no data.
func (a *awf) weight(t int) float64 {
	if a.stat[t].js == 0 || a.stat[t].jt <= 0 {
		return 1
	}
	var sum float64
	k := 0
	for _, st := range a.stat {
		if st.js > 0 && st.jt > 0 {
			sum += st.jt / st.js
			k++
		}
	}
	pibar := sum / float64(k)
	var norm float64
	for _, st := range a.stat {
		if st.js > 0 && st.jt > 0 {
			norm += pibar / (st.jt / st.js)
		}
	}
	pit := a.stat[t].jt / a.stat[t].js
	return (pibar / pit) * float64(k) / norm
}

// Done implements Feedback. Serialise with Next.
func (a *awf) Done(worker, size int, elapsed time.Duration) {
	if size <= 0 {
		return
	}
	st := &a.stat[workerIndex(worker, a.p)]
	st.j++
	st.jt += st.j * elapsed.Seconds()
	st.js += st.j * float64(size)
}

// IncludesOverhead implements Feedback: true for AWFD and AWFE.
func (a *awf) IncludesOverhead() bool { return a.overhead }

// af is AF (adaptive factoring). A worker first runs probe chunks of
// afProbe/afDivider rows until it has reported afDivider of them; from its
// reports it keeps mu_t (mean seconds per row) and sigma_t (per-row standard
// deviation, estimated from chunk means as sum s_k (x_k - mu)^2 / (K-1)).
// Then chunk = ceil((D + 2TR - sqrt(D^2 + 4DTR)) / (2 mu_t)) with
// D = sum_u sigma_u^2/mu_u, T = 1/sum_u (1/mu_u), workers without data
// counted with t's values. LB4OMP runs an AF chunk in sub-chunks of c/D; we
// hand out c whole (the scheduler measures whole chunks).
type af struct {
	seq
	stat []afStat
}

type afStat struct {
	k       int     // chunks reported
	s, t, a float64 // sum rows, sum seconds, sum seconds^2/rows
}

const (
	afProbe   = 100 // LB4OMP's probe chunk
	afDivider = 10  // KMP_DIVIDER default
	afMinMu   = 1e-12
)

var _ Feedback = (*af)(nil)

func newAF(n int, o Options) (Partitioner, error) {
	a := &af{stat: make([]afStat, o.Workers)}
	a.seq = *newSeq(n, o, a.raw)
	return a, nil
}

func (st afStat) muSigma2() (mu, s2 float64) {
	mu = math.Max(st.t/st.s, afMinMu)
	if st.k > 1 {
		s2 = math.Max(0, (st.a-mu*st.t)/float64(st.k-1))
	}
	return mu, s2
}

func (a *af) raw(s *seq, worker int) int {
	t := workerIndex(worker, s.p)
	if a.stat[t].k < afDivider || a.stat[t].s == 0 {
		return afProbe / afDivider
	}
	mut, s2t := a.stat[t].muSigma2()
	var D, inv float64
	for _, st := range a.stat {
		mu, s2 := mut, s2t
		if st.k >= afDivider && st.s > 0 {
			mu, s2 = st.muSigma2()
		}
		D += s2 / mu
		inv += 1 / mu
	}
	T := 1 / inv
	R := float64(s.rem)
	return ceilF((D + 2*T*R - math.Sqrt(D*D+4*D*T*R)) / (2 * mut))
}

// Done implements Feedback. Serialise with Next.
func (a *af) Done(worker, size int, elapsed time.Duration) {
	if size <= 0 {
		return
	}
	st := &a.stat[workerIndex(worker, a.p)]
	sec := elapsed.Seconds()
	st.k++
	st.s += float64(size)
	st.t += sec
	st.a += sec * sec / float64(size)
}

// IncludesOverhead implements Feedback: false (AF measures the body).
func (a *af) IncludesOverhead() bool { return false }
