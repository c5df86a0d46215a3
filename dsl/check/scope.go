package check

import "sort"

// Scope is a stack of block scopes binding variable names to values of type
// V. Assigning a name that is visible updates it in the scope that defines
// it; assigning a new name defines it in the innermost scope, so it is
// dropped when that scope is popped (daphnedsl.md 6.1).
type Scope[V any] struct {
	frames []map[string]V
}

// NewScope returns a scope stack with one (outermost) scope.
func NewScope[V any]() *Scope[V] {
	return &Scope[V]{frames: []map[string]V{{}}}
}

// Push opens a nested scope.
func (s *Scope[V]) Push() { s.frames = append(s.frames, map[string]V{}) }

// Pop closes the innermost scope, dropping the names it defined. Popping
// the outermost scope is a programmer error and panics.
func (s *Scope[V]) Pop() {
	if len(s.frames) == 1 {
		panic("check: pop of the outermost scope")
	}
	s.frames = s.frames[:len(s.frames)-1]
}

// Depth returns the number of open scopes.
func (s *Scope[V]) Depth() int { return len(s.frames) }

// Lookup returns the value bound to name in the innermost scope defining it.
func (s *Scope[V]) Lookup(name string) (V, bool) {
	for i := len(s.frames) - 1; i >= 0; i-- {
		if v, ok := s.frames[i][name]; ok {
			return v, true
		}
	}
	var zero V
	return zero, false
}

// Set binds name to v: it updates the visible binding if there is one and
// defines name in the innermost scope otherwise.
func (s *Scope[V]) Set(name string, v V) {
	for i := len(s.frames) - 1; i >= 0; i-- {
		if _, ok := s.frames[i][name]; ok {
			s.frames[i][name] = v
			return
		}
	}
	s.frames[len(s.frames)-1][name] = v
}

// Define binds name in the innermost scope, shadowing an outer binding.
func (s *Scope[V]) Define(name string, v V) { s.frames[len(s.frames)-1][name] = v }

// Snapshot returns every visible binding.
func (s *Scope[V]) Snapshot() map[string]V {
	out := map[string]V{}
	for _, f := range s.frames {
		for k, v := range f {
			out[k] = v
		}
	}
	return out
}

// Restore re-binds every name of snap that is still visible to its value in
// snap (used between the branches of an if and after a loop body).
func (s *Scope[V]) Restore(snap map[string]V) {
	for k, v := range snap {
		if _, ok := s.Lookup(k); ok {
			s.Set(k, v)
		}
	}
}

// Names returns the visible names, sorted.
func (s *Scope[V]) Names() []string {
	snap := s.Snapshot()
	out := make([]string, 0, len(snap))
	for k := range snap {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
