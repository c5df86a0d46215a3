package partition

import (
	"errors"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Partitioner hands out the chunk sizes of one loop of n rows.
//
// Next returns the size of the next chunk for the requesting worker
// (0 <= worker < Options.Workers), or 0 once all n rows have been handed out.
// While rows remain it never returns 0, and it never returns more than the
// rows remaining; the sizes of all calls sum to exactly n.
//
// A Partitioner is not safe for concurrent use: callers serialise Next (and
// Feedback.Done) themselves, for example under the lock of a queue.
type Partitioner interface {
	Next(worker int) (size int)
}

// Feedback is implemented by adaptive schemes (AWFB, AWFC, AWFD, AWFE, AF).
// After a worker has run a chunk of size rows it reports the measured time of
// that chunk; later calls to Next use it. Done must be serialised with Next by
// the caller. Non-adaptive schemes do not implement Feedback.
//
// IncludesOverhead tells the caller what to measure: false means the time of
// the chunk's body alone; true (AWFD, AWFE) means the time since the worker
// finished its previous chunk, scheduling overhead included.
type Feedback interface {
	Done(worker, size int, elapsed time.Duration)
	IncludesOverhead() bool
}

// Fixed is implemented by schemes whose every chunk (but the last) has one
// size known up front (SS, CST, and AUTO outside Compat mode). A scheduler may
// then claim chunks with one atomic add on a row counter instead of calling
// Next. FixedSize already includes Options.MinChunk.
type Fixed interface {
	FixedSize() int
}

// Options are the parameters shared by all schemes. The zero value is valid
// for every scheme except CST, which needs a chunk size (ChunkSize or the
// environment variable DAPHNE_CST_TASK_SIZE).
type Options struct {
	// Workers is P, the number of workers the formulas divide by.
	// 0 means 1; negative values are an error.
	Workers int
	// MinChunk is the minimum chunk g (DAPHNE's --grain-size). Every chunk is
	// min(max(raw, g), remaining). Values <= 0 mean 1, as in DAPHNE.
	MinChunk int
	// ChunkSize is the constant chunk of CST. 0 means: read the environment
	// variable DAPHNE_CST_TASK_SIZE. Ignored by other schemes.
	ChunkSize int
	// Seed seeds schemes that draw random numbers (none of the built-in
	// schemes do today; user schemes may).
	Seed int64
	// Compat selects DAPHNE's formulas exactly as its code implements them
	// (integer semantics and quirks, runtime-reference.md 3.3) instead of the
	// textbook / LB4OMP formulas. Division-by-zero corners are guarded in
	// both modes. See the package documentation for the differences.
	Compat bool
}

// Factory builds a Partitioner for a loop of n rows (n >= 0).
// Options arrive normalised: Workers >= 1, MinChunk >= 1.
type Factory func(n int, o Options) (Partitioner, error)

// CSTEnv is the environment variable CST reads its chunk size from when
// Options.ChunkSize is 0 (the name used by DAPHNE's toy scheduler patch).
const CSTEnv = "DAPHNE_CST_TASK_SIZE"

var (
	// ErrUnknownScheme is returned (wrapped) by New for a name that is not in
	// the table; the message lists the accepted names.
	ErrUnknownScheme = errors.New("partition: unknown scheme")
	// ErrOption is returned (wrapped) for an invalid option value.
	ErrOption = errors.New("partition: invalid option")
	// ErrRegister is returned (wrapped) by Register for an empty name, a nil
	// factory or a name that is already taken.
	ErrRegister = errors.New("partition: cannot register scheme")
)

// registry is the name -> factory table. Names are stored upper case.
var registry = struct {
	sync.RWMutex // guards m; taken by Register (write) and New/Names (read)
	m            map[string]Factory
}{m: map[string]Factory{}}

// Register adds a user-defined scheme under name (case-insensitive; stored
// upper case). It fails if name is empty or already registered, or f is nil.
// Safe for concurrent use by any goroutine.
func Register(name string, f Factory) error {
	key := strings.ToUpper(strings.TrimSpace(name))
	if key == "" {
		return fmt.Errorf("%w: empty name", ErrRegister)
	}
	if f == nil {
		return fmt.Errorf("%w %q: nil factory", ErrRegister, name)
	}
	registry.Lock()
	defer registry.Unlock()
	if _, ok := registry.m[key]; ok {
		return fmt.Errorf("%w %q: name already registered", ErrRegister, key)
	}
	registry.m[key] = f
	return nil
}

// mustRegister is used by the package's init for the built-in schemes.
func mustRegister(name string, f Factory) {
	if err := Register(name, f); err != nil {
		panic(err) // programmer error: duplicate built-in name
	}
}

// Names returns the registered scheme names, sorted. Safe for concurrent use.
func Names() []string {
	registry.RLock()
	defer registry.RUnlock()
	out := make([]string, 0, len(registry.m))
	for k := range registry.m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Lookup returns the factory registered under name (case-insensitive).
// Safe for concurrent use.
func Lookup(name string) (Factory, error) {
	key := strings.ToUpper(strings.TrimSpace(name))
	registry.RLock()
	f, ok := registry.m[key]
	registry.RUnlock()
	if !ok {
		return nil, fmt.Errorf("%w %q (accepted: %s)", ErrUnknownScheme, name, strings.Join(Names(), ", "))
	}
	return f, nil
}

// New builds the partitioner of scheme name for n rows. n < 0 and negative
// Workers are errors; MinChunk <= 0 means 1. Safe for concurrent use.
func New(name string, n int, o Options) (Partitioner, error) {
	f, err := Lookup(name)
	if err != nil {
		return nil, err
	}
	if n < 0 {
		return nil, fmt.Errorf("%w: row count %d (must be >= 0)", ErrOption, n)
	}
	o, err = o.normalize()
	if err != nil {
		return nil, err
	}
	p, err := f(n, o)
	if err != nil {
		return nil, fmt.Errorf("partition: scheme %s: %w", strings.ToUpper(name), err)
	}
	return p, nil
}

func (o Options) normalize() (Options, error) {
	if o.Workers < 0 {
		return o, fmt.Errorf("%w: Workers %d (must be >= 0; 0 means 1)", ErrOption, o.Workers)
	}
	if o.Workers == 0 {
		o.Workers = 1
	}
	if o.MinChunk <= 0 {
		o.MinChunk = 1
	}
	if o.ChunkSize < 0 {
		return o, fmt.Errorf("%w: ChunkSize %d (must be >= 1, or 0 to read %s)", ErrOption, o.ChunkSize, CSTEnv)
	}
	return o, nil
}

// cstSize resolves CST's chunk: Options.ChunkSize, else $DAPHNE_CST_TASK_SIZE.
func cstSize(o Options) (int, error) {
	if o.ChunkSize > 0 {
		return o.ChunkSize, nil
	}
	s, ok := os.LookupEnv(CSTEnv)
	if !ok || strings.TrimSpace(s) == "" {
		return 0, fmt.Errorf("%w: CST needs a chunk size (Options.ChunkSize or %s)", ErrOption, CSTEnv)
	}
	v, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || v <= 0 {
		return 0, fmt.Errorf("%w: %s=%q (must be a positive integer)", ErrOption, CSTEnv, s)
	}
	return v, nil
}
