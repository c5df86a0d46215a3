package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   []string
		script string
		check  func(c *Config) bool
	}{
		{"plain", []string{"s.daph"}, "s.daph", func(c *Config) bool { return c.Partitioning == "STATIC" && len(c.Args) == 0 }},
		{"script args", []string{"s.daph", "a=1", `b="x"`}, "s.daph",
			func(c *Config) bool { return c.Args["a"] == "1" && c.Args["b"] == `"x"` && c.ArgOrder[1] == "b" }},
		{"--args list mixed", []string{"--args", "a=1,b=2", "s.daph", "c=3"}, "s.daph",
			func(c *Config) bool { return len(c.Args) == 3 && c.Args["b"] == "2" }},
		{"new scheduling spelling", []string{"--vec", "--partitioning=gss", "--queue_layout", "PERCPU", "--victim_selection=SEQPRI", "s.daph"}, "s.daph",
			func(c *Config) bool {
				return c.Vec && c.Partitioning == "GSS" && c.QueueLayout == "PERCPU" && c.VictimSelection == "SEQPRI"
			}},
		{"old scheduling spelling", []string{"-GSS", "--PERCPU", "--SEQPRI", "--pin-threads", "s.daph"}, "s.daph",
			func(c *Config) bool {
				return c.Partitioning == "GSS" && c.QueueLayout == "PERCPU" && c.VictimSelection == "SEQPRI" && c.PinWorkers
			}},
		{"bool values", []string{"--select-matrix-repr=1", "--vec=false", "s.daph"}, "s.daph",
			func(c *Config) bool { return c.SelectMatrixRepr && !c.Vec }},
		{"codegen spellings", []string{"--mlir-codegen", "--mlir-hybrid-codegen", "s.daph"}, "s.daph",
			func(c *Config) bool { return c.Codegen && c.MLIRHybridCodegen }},
		{"performance-only flags", []string{"--update-in-place", "--matmul-tile", "--libdir=lib", "s.daph"}, "s.daph",
			func(c *Config) bool { return len(c.Args) == 0 }},
		{"options after script are args", []string{"s.daph", "x=--vec"}, "s.daph",
			func(c *Config) bool { return !c.Vec && c.Args["x"] == "--vec" }},
		{"explain", []string{"--explain=parsing,kernels", "s.daph"}, "s.daph",
			func(c *Config) bool {
				return c.Explains("parsing") && c.Explains("kernels") && !c.Explains("vectorized")
			}},
		{"threads", []string{"--num-threads=3", "--grain-size", "8", "s.daph"}, "s.daph",
			func(c *Config) bool { return c.NumThreads == 3 && c.GrainSize == 8 }},
		{"version", []string{"--version"}, "", func(c *Config) bool { return c.Version }},
		{"lock-free queue", []string{"--queue_layout=lockfree", "s.daph"}, "s.daph",
			func(c *Config) bool { return c.QueueLayout == "LOCKFREE" }},
		{"trace and debug flags", []string{"--vec", "--trace", "/tmp/t.json", "--debug-mt", "--hyperthreading", "s.daph"}, "s.daph",
			func(c *Config) bool { return c.Trace == "/tmp/t.json" && c.DebugMT && c.Hyperthreading }},
		{"trace with =", []string{"--trace=out.json", "s.daph"}, "s.daph", func(c *Config) bool { return c.Trace == "out.json" }},
		{"cst task size", []string{"--partitioning=CST", "--cst-task-size=64", "s.daph"}, "s.daph",
			func(c *Config) bool { return c.Partitioning == "CST" && c.CSTTaskSize == 64 }},
		{"vec-restricted", []string{"--vec-restricted", "s.daph"}, "s.daph", func(c *Config) bool { return c.VecRestricted && !c.Vec }},
		{"defaults of the new flags", []string{"s.daph"}, "s.daph",
			func(c *Config) bool { return c.Trace == "" && c.CSTTaskSize == 0 && !c.DebugMT && !c.VecRestricted }},
		{"args before script", []string{"--args", "n=100", "e=1000", "s.daph", "x=2"}, "s.daph",
			func(c *Config) bool { return c.Args["n"] == "100" && c.Args["e"] == "1000" && c.Args["x"] == "2" }},
		{"arg-like script alone", []string{"a=b.daph"}, "a=b.daph", func(c *Config) bool { return len(c.Args) == 0 }},
		{"arg-like script with args", []string{"a=b.daph", "x=1"}, "a=b.daph", func(c *Config) bool { return c.Args["x"] == "1" }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, script, err := Parse(tc.args)
			if err != nil {
				t.Fatal(err)
			}
			if script != tc.script || !tc.check(c) {
				t.Fatalf("script %q, config %+v", script, c)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"unknown option", []string{"--nope", "s.daph"}, `unknown option "--nope"`},
		{"bad enum", []string{"--partitioning=FOO", "s.daph"}, `option --partitioning: expected one of STATIC`},
		{"bad int", []string{"--num-threads=x", "s.daph"}, `expected an integer >= 0, got "x"`},
		{"missing value", []string{"--num-threads"}, "needs a value"},
		{"trace without file", []string{"--trace"}, "option --trace needs a value"},
		{"cst task size zero", []string{"--cst-task-size=0", "s.daph"}, `option --cst-task-size: expected an integer >= 1, got "0"`},
		{"cst task size text", []string{"--cst-task-size=big", "s.daph"}, `expected an integer >= 1, got "big"`},
		{"no script", nil, "no script given"},
		{"arg without =", []string{"s.daph", "abc"}, `name=value, got "abc"`},
		{"duplicate arg", []string{"s.daph", "a=1", "a=2"}, `"a" given twice`},
		{"bad bool", []string{"--vec=maybe", "s.daph"}, `expected true or false, got "maybe"`},
		{"bad explain", []string{"--explain=foo", "s.daph"}, `unknown stage "foo"`},
		{"missing config", []string{"--config=/nonexistent.json", "s.daph"}, `config file "/nonexistent.json"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := Parse(tc.args)
			var ue *UsageError
			if !errors.As(err, &ue) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want a usage error containing %q", err, tc.want)
			}
		})
	}
}

func TestConfigFileCascade(t *testing.T) {
	p := filepath.Join(t.TempDir(), "c.json")
	os.WriteFile(p, []byte(`{"numberOfThreads": 4, "taskPartitioningScheme": "TSS", "use_vectorized_exec": true, "debug_llvm": false}`), 0o644)
	c, _, err := Parse([]string{"--num-threads=2", "--config", p, "s.daph"})
	if err != nil {
		t.Fatal(err)
	}
	if c.NumThreads != 2 || c.Partitioning != "TSS" || !c.Vec {
		t.Fatalf("cascade wrong: %+v", c)
	}
	os.WriteFile(p, []byte(`{"numberOfThreads": "four"}`), 0o644)
	if _, _, err := Parse([]string{"--config", p, "s.daph"}); err == nil || !strings.Contains(err.Error(), "numberOfThreads") {
		t.Fatalf("want error naming the key, got %v", err)
	}
	os.WriteFile(p, []byte(`{oops`), 0o644)
	if _, _, err := Parse([]string{"--config", p, "s.daph"}); err == nil || !strings.Contains(err.Error(), "not a JSON object") {
		t.Fatalf("want malformed-file error, got %v", err)
	}
}

func TestConfigImportPaths(t *testing.T) {
	p := filepath.Join(t.TempDir(), "c.json")
	os.WriteFile(p, []byte(`{"daphnedsl_import_paths": {"default_dirs": ["lib"], "algorithms": ["sandbox/algos"]}}`), 0o644)
	c, _, err := Parse([]string{"--config", p, "s.daph"})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(c.ImportPaths, ";")
	if got != "lib;algorithms=sandbox/algos" {
		t.Fatalf("import paths %q", got)
	}
}

func TestConfigFileKeys(t *testing.T) {
	tests := []struct {
		name    string
		json    string
		want    int
		wantErr string
	}{
		{"positive", `{"numberOfThreads": 3}`, 3, ""},
		{"zero means cores", `{"numberOfThreads": 0}`, 0, ""},
		{"DAPHNE default -1 means cores", `{"numberOfThreads": -1}`, 0, ""},
		{"negative task size", `{"minimumTaskSize": -1}`, 0, "minimumTaskSize"},
		{"not a number", `{"numberOfThreads": "x"}`, 0, "numberOfThreads"},
		{"unknown key", `{"numberOfThreads": 2, "unknown_key": true}`, 0, "unknown_key"},
		{"misspelt key", `{"use_Cuda": false}`, 0, "use_Cuda"},
		{"known key without effect", `{"numberOfThreads": 2, "library_paths": [], "cuda_fuse_any": false}`, 2, ""},
		{"explain key of a wrong type", `{"explain_kernels": 9}`, 0, "explain_kernels"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "c.json")
			if err := os.WriteFile(p, []byte(tc.json), 0o644); err != nil {
				t.Fatal(err)
			}
			c, _, err := Parse([]string{"--config", p, "s.daph"})
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("got %v, want an error naming %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.NumThreads != tc.want {
				t.Fatalf("NumThreads = %d, want %d", c.NumThreads, tc.want)
			}
		})
	}
}
