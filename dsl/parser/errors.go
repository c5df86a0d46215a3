package parser

import (
	"fmt"
	"sort"
	"strings"

	"github.com/daphne-go/daphne/dsl/token"
)

var (
	_ error = (*Error)(nil)
	_ error = ErrorList(nil)
)

// Error is one positioned syntax error.
type Error struct {
	Pos token.Position
	Msg string
}

// Error formats the error as "file:line:col: msg".
func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// ErrorList is a list of syntax errors, sorted by position once returned by
// ParseFile or Tokenize.
type ErrorList []*Error

// maxShown is how many messages ErrorList.Error spells out.
const maxShown = 10

// Add appends an error at pos.
func (l *ErrorList) Add(pos token.Position, msg string) {
	*l = append(*l, &Error{Pos: pos, Msg: msg})
}

// Len, Less and Swap implement sort.Interface (by file, line, column).
func (l ErrorList) Len() int      { return len(l) }
func (l ErrorList) Swap(i, j int) { l[i], l[j] = l[j], l[i] }
func (l ErrorList) Less(i, j int) bool {
	a, b := l[i].Pos, l[j].Pos
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	return a.Col < b.Col
}

// Sort sorts the list by position, keeping the order of errors at the same
// position.
func (l ErrorList) Sort() { sort.Stable(l) }

// Error joins up to 10 messages with newlines and says how many more there
// are.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	var b strings.Builder
	for i, e := range l {
		if i == maxShown {
			fmt.Fprintf(&b, "\n(and %d more errors)", len(l)-maxShown)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Err returns the sorted list as an error, or nil when it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	l.Sort()
	return l
}
