package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGenGraph(t *testing.T) {
	out := filepath.Join(t.TempDir(), "g.mtx")
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string // substring of stdout+stderr
	}{
		{"writes the graph", []string{"graph", "-nodes", "50", "-edges", "100", "-o", out}, 0, "50 nodes, 100 undirected edges"},
		{"no subcommand", nil, 1, "usage: daphne gen graph"},
		{"unknown subcommand", []string{"matrix"}, 1, "usage: daphne gen graph"},
		{"missing output", []string{"graph", "-nodes", "5"}, 1, "-o FILE is required"},
		{"unknown model", []string{"graph", "-model", "nope", "-o", out}, 1, `unknown model "nope"`},
		{"negative size", []string{"graph", "-nodes", "-3", "-o", out}, 1, "must not be negative"},
		{"too many edges", []string{"graph", "-nodes", "4", "-edges", "7", "-o", out}, 1, "allow at most 6"},
		{"bad extension", []string{"graph", "-nodes", "4", "-edges", "2", "-o", "g.txt"}, 1, "must end in .mtx or .csv"},
		{"bad flag", []string{"graph", "-bogus"}, 1, "flag provided but not defined"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := genMain(tc.args, &stdout, &stderr)
			if code != tc.code || !strings.Contains(stdout.String()+stderr.String(), tc.want) {
				t.Fatalf("exit %d, output %q%q; want exit %d containing %q", code, stdout.String(), stderr.String(), tc.code, tc.want)
			}
		})
	}
	if b, err := os.ReadFile(out); err != nil || !strings.HasPrefix(string(b), "%%MatrixMarket") {
		t.Fatalf("graph file: %v", err)
	}
}
