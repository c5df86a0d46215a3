// Package partition holds DaphneSched's chunk-size schemes (how many rows the
// next task gets) as values in a name -> Factory table.
//
// Use New(name, n, Options) to get a Partitioner for a loop of n rows and call
// Next(worker) until it returns 0. Register adds a user-defined scheme.
//
// # Schemes
//
// Built in: STATIC, SS, GSS, TSS, FAC2, TFSS, FISS, VISS, PLS, PSS, MSTATIC,
// MFSC, AUTO (DAPHNE's --partitioning values), CST (a constant chunk from
// Options.ChunkSize or $DAPHNE_CST_TASK_SIZE; an unset variable is an error,
// not DAPHNE's toy patch's silent fall-back to STATIC), and the adaptive
// AWFB, AWFC, AWFD, AWFE and AF of LB4OMP, which implement Feedback.
//
// Every chunk is min(max(raw, g), R) with g = Options.MinChunk (DAPHNE's
// --grain-size) and R the rows left, so no chunk is 0 while rows remain, and
// the chunks sum to n.
//
// # Textbook formulas and DAPHNE's (Options.Compat)
//
// By default the formulas are the textbook ones as LB4OMP implements them
// (runtime-reference.md section 7). Options.Compat selects DAPHNE's code
// exactly (section 3.3), whose reference sequences (section 3.4) are golden
// tests. The differences:
//
//   - STATIC: textbook is balanced (P chunks, sizes differ by at most one);
//     DAPHNE uses floor(N/P), which adds a small (P+1)-th chunk.
//   - TSS: textbook F = max(1, floor(N/2P)) and last chunk L = g; DAPHNE uses
//     F = ceil(N/2P), L = 1, and an unsigned wrap that turns a negative chunk
//     into "everything left"; its n = 1 division by zero is guarded (delta 0).
//   - FAC2: DAPHNE floors N/P before scaling.
//   - TFSS: textbook averages the P TSS chunks of each batch; DAPHNE uses
//     ceil(R/2P).
//   - FISS: textbook B = P-1 stages (at least 2: LB4OMP divides by zero at
//     P = 2), the real factor (1 - B/X) and per-batch increments; DAPHNE
//     derives B from a FAC2 simulation, loses the factor to integer division
//     and increments per chunk; B < 2 gets increment 0.
//   - VISS: textbook floor(c0 (1 - 0.5^(b+1))/0.5) with c0 = floor(N/P^2);
//     DAPHNE init * ceil((1-0.5^b)/0.5), i.e. 0, 1, 2, 2, ... times init.
//   - PLS: both start with P chunks of ceil(N*SWR/P), SWR = 0.5; textbook
//     continues with a geometric decay by request count, DAPHNE with ceil(R/P).
//   - MFSC: textbook floor(0.55 + T ln2/ln T) with integer T; DAPHNE ceil with
//     real T. T <= 1 gives 1 in both (DAPHNE divides by ln 1 = 0).
//   - AUTO: textbook is DAPHNE's intent, SS with the "expert" minimum chunk
//     g* = max(1, floor(N/(2^(m+1) P))), m = floor(0.618 log2 floor(N/P)), as
//     a constant chunk max(g*, g); DAPHNE actually runs MSTATIC's chunk with g
//     replaced by g* (a bug; Compat reproduces it but keeps max(g*, g) as the
//     minimum so that --grain-size always holds). N < P uses m = 0 instead of log2(0).
//   - GSS (ceil(R/P)), PSS (ceil(R/1.5P)), MSTATIC (ceil(floor(N/P)/4)) are
//     the same in both modes (PSS, MSTATIC, AUTO are DAPHNE-only schemes).
//
// Real-valued intermediate results are clamped to [0, MaxInt/2] before they
// become chunk sizes, so huge n cannot overflow.
//
// # Adaptive schemes
//
// AWFB/AWFD scale FAC2a's per-batch chunk, AWFC/AWFE ceil(R/2P), by a weight
// per worker from its measured time per row (recent chunks weigh more); D and
// E ask for timings that include scheduling overhead (IncludesOverhead). AF
// probes each worker with chunks of 10 rows until it has 10 timings, then
// sizes chunks from the workers' mean and variance of time per row. They only
// adapt when chunks are requested on demand (the scheduler calls Next when a
// worker is idle and Done after each chunk). Without feedback AWF* hand out
// their base chunks and AF its 10-row probe chunks.
//
// Not implemented: LB4OMP's time-stepping AWF (weights carried across loop
// instances), AF's execution of a chunk in sub-chunks of c/D (we hand out
// and time whole chunks), and the profile-based FSC, TAP, FAC, BOLD.
//
// # Invariants
//
// For every scheme, n >= 0 and any sequence of workers: each Next returns a
// value in [1, R] while R > 0, then 0 forever; the values sum to n.
//
// # Concurrency
//
// A Partitioner is not safe for concurrent use: the caller serialises Next and
// Done (a queue lock). New, Lookup, Names and Register may be called by any
// goroutine at any time.
package partition
