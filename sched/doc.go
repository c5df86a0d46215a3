// Package sched is DaphneSched: the one entry point through which the
// vectorized engine, the task-graph executor and the distributed workers run
// parallel loops.
//
//	pool, err := sched.NewPool(sched.PoolOptions{})   // once per process (or sched.Default())
//	err = pool.Run(ctx, n, func(lo, hi, worker int) error { ... }, sched.Options{
//		Scheme: "GSS", Layout: sched.PerCPU, Victim: sched.SeqPri,
//	})
//
// Run cuts [0, n) into chunks with a partitioning scheme (package
// sched/partition: STATIC, SS, GSS, TSS, FAC2, TFSS, FISS, VISS, PLS, PSS,
// MSTATIC, MFSC, AUTO, CST, AWFB-E, AF, and user-registered schemes), puts
// them in task queues (the layout), and lets the workers drain their own
// queue and then steal (the victim selection). It returns the first error.
//
// # Worker pool
//
// A Pool's worker goroutines start once (NewPool, or when a Run asks for more
// threads than exist) and live until Close; a Run only hands each worker a
// pointer over a buffered channel and waits on a WaitGroup; without pinning
// the calling goroutine is itself worker 0, so a 1-thread Run wakes no
// goroutine at all. DAPHNE instead
// creates OS threads on every pipeline call (its issue #878). Runs on one pool
// use the workers one at a time; a Run that finds them busy (a concurrent or
// nested Run) executes on the calling goroutine alone, so nesting never
// deadlocks.
//
// Idle workers poll for the next Run for PoolOptions.Spin (default 50 us)
// before parking on their channel, and Run polls for its workers for as long
// before blocking, as OpenMP runtimes spin: back-to-back Runs then skip
// goroutine wake-ups. A negative Spin turns this off (for machines where
// idle CPU time matters more than dispatch latency).
//
// # Queue layouts (Options.Layout, DAPHNE's --queue_layout)
//
//   - CENTRALIZED: one queue; each worker takes a mutex and asks the
//     partitioner for its next chunk (chunks are cut on demand).
//   - LOCKFREE: one queue without a lock. Constant-chunk schemes (SS, CST,
//     textbook AUTO: partition.Fixed) claim rows with one atomic add on a row
//     counter; other schemes' chunks are cut up front into a list claimed with
//     an atomic add on its index. Adaptive schemes fall back to the locked
//     queue (they need on-demand chunks).
//   - PERGROUP: one queue per NUMA node (per socket when the machine has a
//     single node but several sockets; DAPHNE uses sockets); worker w's queue
//     is the group of its CPU.
//   - PERCPU: one queue per worker.
//
// With several queues, chunk k of the global sequence goes to queue k mod Q
// (cut up front, claimed lock-free), or with PrePartition (--pre-partition)
// rows are cut into Q contiguous blocks (queue 0 gets floor(n/Q) + n mod Q)
// and each block is chunked on demand by its own partitioner with P = all
// threads. Adaptive schemes always use the pre-partitioned form, so that
// their feedback reaches the partitioner. Chunks cut up front cost 16 bytes
// each (constant-size schemes need no list: their queues compute chunk k
// from k), so a user scheme with millions of chunks is better run
// CENTRALIZED or pre-partitioned, where chunks are cut on demand. DAPHNE also replaces the thread
// count by the logical CPU count for non-centralized layouts; we keep
// Options.Threads.
//
// # Victim selection (Options.Victim, DAPHNE's --victim_selection)
//
// A steal is one pop from the head of another queue (no half-stealing), as in
// DAPHNE. SEQ visits own+1, own+2, ... and drains each victim; SEQPRI first
// does that only over the queues of the worker's group (PERCPU; otherwise it
// is SEQ); RANDOM picks victims uniformly (a per-worker PCG seeded with
// Options.Seed and the worker index, not C's shared rand) taking one chunk per
// pick until every queue is found empty; RANDOMPRI restricts the picks to the
// worker's group until those are empty (PERCPU).
//
// # Threads, topology and pinning
//
// The default thread count is the physical cores (logical CPUs with
// PoolOptions.Hyperthreading), capped by $SLURM_CPUS_ON_NODE, from
// sched/topo (which reads /sys). Worker w runs on topology.ForWorker(w): one
// hardware thread per core first. Options.Pin pins each worker's goroutine to
// that CPU (LockOSThread + sched_setaffinity); a pinned worker stays pinned
// for the pool's life.
//
// # Errors
//
// A body's error comes back as *ChunkError (rows, worker; Unwrap gives the
// error); a panic in body is recovered as *PanicError (value, stack, rows).
// Either stops the run: chunks not started are skipped. Cancelling ctx stops
// it the same way and Run returns ctx.Err(). A user scheme that returns 0
// while rows remain is an error naming the scheme. Invalid options are
// errors wrapping ErrOption that name the value and the accepted ones.
//
// # Invariants
//
// When Run returns nil every row of [0, n) was passed to exactly one body
// call. Body calls with the same worker index never overlap. The chunks of a
// run are exactly the partitioner's sequence (per queue block with
// PrePartition).
//
// # Concurrency
//
// Pool methods may be called by any goroutine, except Close from inside a
// body (it waits for the run). Stops are signalled through an atomic flag
// read before every chunk; cancellation is observed through
// context.AfterFunc, not by polling the context.
//
// # Adaptive schemes and timing
//
// For AWFB, AWFC and AF the time reported to the partitioner is the body's
// time; for AWFD and AWFE it is the time since the worker's previous chunk
// ended, so scheduling overhead counts. Only adaptive runs read the clock.
package sched
