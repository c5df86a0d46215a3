// Package irtest holds test support for the IR and its passes: a small
// datadriven file runner (in the style of CockroachDB's datadriven package)
// shared by the golden tests of ir and ir/pass.
//
// # File format
//
// A test file is a sequence of cases. Lines starting with '#' and blank
// lines between cases are comments. A case is
//
//	<command> [args...]
//	<input lines>
//	----
//	<expected output lines>
//	====
//
// The input and the output may contain blank lines; "----" and "===="
// lines delimit them. With update set, RunFile rewrites the file with the
// outputs the test function produced, keeping comments and inputs.
package irtest

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// Case is one test case of a datadriven file.
type Case struct {
	Cmd   string   // first word of the command line
	Args  []string // remaining words of the command line
	Input string   // the lines between the command and "----", newline-terminated
	Want  string   // the expected output, newline-terminated (or empty)
	Line  int      // 1-based line of the command in the file
	pre   string   // comment lines before the command, newline-terminated
	head  string   // the command line itself
}

// HasArg reports whether a is one of the case's arguments.
func (c *Case) HasArg(a string) bool {
	for _, x := range c.Args {
		if x == a {
			return true
		}
	}
	return false
}

// ParseFile splits the text of a datadriven file into cases.
func ParseFile(text string) ([]*Case, string, error) {
	lines := strings.SplitAfter(text, "\n")
	var cases []*Case
	var pre strings.Builder
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		trim := strings.TrimSpace(l)
		if trim == "" || strings.HasPrefix(trim, "#") {
			pre.WriteString(l)
			continue
		}
		c := &Case{Line: i + 1, pre: pre.String(), head: strings.TrimRight(l, "\n")}
		pre.Reset()
		fields := strings.Fields(trim)
		c.Cmd, c.Args = fields[0], fields[1:]
		var in, out strings.Builder
		j := i + 1
		for ; j < len(lines) && strings.TrimRight(lines[j], "\r\n") != "----"; j++ {
			in.WriteString(lines[j])
		}
		if j >= len(lines) {
			return nil, "", fmt.Errorf("irtest: line %d: case %q has no \"----\" line", c.Line, c.head)
		}
		for j++; j < len(lines) && strings.TrimRight(lines[j], "\r\n") != "===="; j++ {
			out.WriteString(lines[j])
		}
		if j >= len(lines) {
			return nil, "", fmt.Errorf("irtest: line %d: case %q has no \"====\" line", c.Line, c.head)
		}
		c.Input, c.Want = ensureNL(in.String()), ensureNL(out.String())
		cases = append(cases, c)
		i = j
	}
	return cases, pre.String(), nil
}

func ensureNL(s string) string {
	if s != "" && !strings.HasSuffix(s, "\n") {
		s += "\n"
	}
	return s
}

// RunFile runs fn on every case of the file at path as a subtest and
// compares its output with the expected one. With update set it rewrites
// the file with the actual outputs instead of failing.
func RunFile(t *testing.T, path string, update bool, fn func(t *testing.T, c *Case) string) {
	t.Helper()
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cases, tail, err := ParseFile(string(text))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var rewritten strings.Builder
	for _, c := range cases {
		got := ""
		t.Run(fmt.Sprintf("%d_%s", c.Line, c.Cmd), func(t *testing.T) {
			got = ensureNL(fn(t, c))
			if !update && got != c.Want {
				t.Errorf("%s:%d: %s\ninput:\n%s\ngot:\n%s\nwant:\n%s", path, c.Line, c.head, c.Input, got, c.Want)
			}
		})
		rewritten.WriteString(c.pre + c.head + "\n" + c.Input + "----\n" + got + "====\n")
	}
	rewritten.WriteString(tail)
	if update {
		if err := os.WriteFile(path, []byte(rewritten.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
