package lower

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/daphne-go/daphne/dsl/token"
)

// Exit codes of front-end errors (daphnedsl.md 2.2).
const (
	CodeFrontEnd = 1 // parser / semantic errors found while building the IR
	CodePass     = 2 // errors DAPHNE reports from a compiler pass
)

// Error is one positioned front-end error.
type Error struct {
	Pos  token.Position
	Msg  string
	Code int // CodeFrontEnd or CodePass
}

// Error formats the error as "file:line:col: msg".
func (e *Error) Error() string {
	if !e.Pos.IsValid() {
		if e.Pos.File != "" {
			return e.Pos.File + ": " + e.Msg
		}
		return e.Msg
	}
	return e.Pos.String() + ": " + e.Msg
}

// ErrorList is a list of errors sorted by position.
type ErrorList []*Error

// Error joins the messages, one per line.
func (l ErrorList) Error() string {
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Sort orders the list by file, line and column (stable for equal
// positions).
func (l ErrorList) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i].Pos, l[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// Err returns the list as an error, or nil when it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// ExitCode returns the exit code of an error returned by Lower: 1 for
// front-end errors (also when any error of a list is one), 2 when every
// error is a compiler-pass error, and 1 for any other non-nil error.
func ExitCode(err error) int {
	if err == nil {
		return 0
	}
	var list ErrorList
	if errors.As(err, &list) {
		code := CodePass
		for _, e := range list {
			if e.Code != CodePass {
				code = CodeFrontEnd
			}
		}
		if len(list) == 0 {
			return CodeFrontEnd
		}
		return code
	}
	var one *Error
	if errors.As(err, &one) && one.Code == CodePass {
		return CodePass
	}
	return CodeFrontEnd
}

// maxErrors caps the number of errors collected from one script.
const maxErrors = 50

// errorf records a front-end error (code 1) at p in file.
func (l *lowerer) errorf(file string, p token.Pos, format string, args ...any) {
	l.report(CodeFrontEnd, file, p, fmt.Sprintf(format, args...))
}

// passErrorf records a compiler-pass error (code 2).
func (l *lowerer) passErrorf(file string, p token.Pos, format string, args ...any) {
	l.report(CodePass, file, p, fmt.Sprintf(format, args...))
}

func (l *lowerer) report(code int, file string, p token.Pos, msg string) {
	if len(l.errs) >= maxErrors {
		return
	}
	l.errs = append(l.errs, &Error{Pos: token.Position{File: file, Pos: p}, Msg: msg, Code: code})
}
