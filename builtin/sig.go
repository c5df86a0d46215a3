package builtin

import (
	"sort"

	"github.com/daphne-go/daphne/types"
)

// Sig describes one DSL builtin function (or one internal op the lowering
// emits for syntax such as indexing or casts).
type Sig struct {
	Name string // DSL name ("sum", "print", "rowSums")
	Op   string // IR op name ("sumAll", "print", "sumRow"); see AggForms for aggregations
	// Min and Max bound the number of arguments the call may have after
	// keyword resolution and default filling; Max -1 means variadic.
	Min, Max int
	// Arities, when set, lists the only accepted argument counts within
	// [Min, Max] (bin takes 2 or 4).
	Arities []int
	// KW holds the keyword names per position (nil: positional only).
	KW []string
	// Defaults holds per position the value filled in when the argument is
	// missing (nil = required or no default). Values are bool, int8 (an si8
	// constant), int64 (si64), float64 (f64) or string.
	Defaults []any
	Results  int // number of results
	// Infer computes the result types from the argument types (one per
	// result); unknown parts stay unknown.
	Infer func(args []types.Type) []types.Type
	// Agg is set for aggregations whose IR op depends on the argument count
	// and a constant axis (sum(X), sum(X, 0), sum(X, g, k), ...).
	Agg *AggForms
	// Unsupported, when set, is the front-end error message for calls of
	// this builtin ("frames are not supported yet").
	Unsupported string
	// Internal marks ops that have no DSL name (extract, insert, cast, ...).
	Internal bool
}

// AggForms names the IR ops of the forms of one aggregation; "" = that form
// does not exist.
type AggForms struct {
	All, Row, Col, Grp string
}

// Ops returns the non-empty IR op names of the forms.
func (a *AggForms) Ops() []string {
	var out []string
	for _, s := range []string{a.All, a.Row, a.Col, a.Grp} {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Variadic reports whether the builtin accepts any number of arguments
// beyond Min.
func (s *Sig) Variadic() bool { return s.Max < 0 }

// Accepts reports whether n arguments are within the arity range.
func (s *Sig) Accepts(n int) bool {
	if len(s.Arities) > 0 {
		for _, a := range s.Arities {
			if a == n {
				return true
			}
		}
		return false
	}
	return n >= s.Min && (s.Max < 0 || n <= s.Max)
}

// ResultTypes applies Infer (or returns Any per result when Infer is nil).
// It never fails; a rule that cannot derive a type returns types.Any.
func (s *Sig) ResultTypes(args []types.Type) []types.Type {
	if s.Infer != nil && s.Accepts(len(args)) {
		if out := s.Infer(args); len(out) == s.Results {
			return out
		}
	}
	out := make([]types.Type, s.Results)
	for i := range out {
		out[i] = types.Any
	}
	return out
}

var (
	byName   = map[string]*Sig{}
	internal = map[string]*Sig{}
)

func register(sigs ...*Sig) {
	for _, s := range sigs {
		m := byName
		if s.Internal {
			m = internal
		}
		if _, dup := m[s.Name]; dup {
			panic("builtin: duplicate entry " + s.Name)
		}
		m[s.Name] = s
	}
}

// Lookup returns the builtin with the given DSL name.
func Lookup(name string) (*Sig, bool) {
	s, ok := byName[name]
	return s, ok
}

// Internal returns the signature of an op the lowering emits for syntax
// (extract, filter, insert, cast, matrixLit, cond).
func Internal(op string) (*Sig, bool) {
	s, ok := internal[op]
	return s, ok
}

// Names returns every DSL builtin name (including unsupported and legacy
// ones), sorted.
func Names() []string {
	out := make([]string, 0, len(byName))
	for n := range byName {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// OpNames returns every IR op name the lowering can emit for builtins,
// operators and syntax, sorted and without duplicates. Unsupported
// builtins (frames, deep learning) are not included.
func OpNames() []string {
	set := map[string]bool{}
	add := func(s *Sig) {
		if s.Unsupported != "" {
			return
		}
		if s.Agg != nil {
			for _, op := range s.Agg.Ops() {
				set[op] = true
			}
			return
		}
		set[s.Op] = true
	}
	for _, s := range byName {
		add(s)
	}
	for _, s := range internal {
		add(s)
	}
	for _, op := range binaryOps {
		set[op] = true
	}
	out := make([]string, 0, len(set))
	for n := range set {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// ByOp returns a signature lowering to the IR op name op (for aggregation
// forms, the legacy alias carrying that form's result-type rule).
func ByOp(op string) (*Sig, bool) {
	for _, n := range Names() {
		s := byName[n]
		if s.Op == op && s.Agg == nil && s.Unsupported == "" {
			return s, true
		}
	}
	s, ok := internal[op]
	return s, ok
}
