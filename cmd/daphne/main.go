// Command daphne runs DaphneDSL scripts:
//
//	daphne [options] script.daph [name=value ...]
//
// with DAPHNE's options (daphne --help lists them), and generates example
// inputs:
//
//	daphne gen graph -nodes N -edges E -o graph.mtx
//
// Exit codes are DAPHNE's: 0 success, 1 front-end error (syntax, semantics,
// command line), 2 compiler-pass error, 3 run-time error. Errors are
// written to stdout as "[error]: file:line:col: message", as DAPHNE does.
package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime/debug"
	"runtime/pprof"
	"time"

	"github.com/daphne-go/daphne/config"
	"github.com/daphne-go/daphne/driver"
)

// version is what --version prints first (DAPHNE's own line, which scripts
// and tools check), followed by ours.
const version = "DAPHNE Version 0.3\ndaphne-go: DaphneDSL, vectorized engine and scheduler in one Go binary\nAn infrastructure for integrated data analysis pipelines.\n"

// defaultGCPercent is the GOGC the binary runs with unless the GOGC
// environment variable says otherwise. On the VMs we run on, memory that is
// fresh to the process costs about 2.6 s per GiB to touch, ten times more
// than reused memory (../shared/design/performance-notes.md), and a script's
// intermediates are large and short-lived: collecting early lets the heap
// reuse them. Measured on linear regression at 1e6 x 101: 13.4 s with
// GOGC=100, 7.0 s with 20 (peak RSS 3.9 -> 2.8 GiB).
const defaultGCPercent = 20

func main() {
	start := time.Now()
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(defaultGCPercent)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, start))
}

func run(args []string, stdout, stderr io.Writer, start time.Time) int {
	if len(args) > 0 && args[0] == "gen" {
		return genMain(args[1:], stdout, stderr)
	}
	cfg, script, err := config.Parse(args)
	if err != nil {
		driver.Report(stdout, err)
		return driver.ExitFrontEnd
	}
	switch {
	case cfg.Help:
		fmt.Fprint(stdout, config.Usage())
		return driver.ExitOK
	case cfg.Version:
		fmt.Fprint(stdout, version)
		return driver.ExitOK
	}
	if path := os.Getenv("DAPHNE_CPUPROFILE"); path != "" {
		if stop := startProfile(path, stderr); stop != nil {
			defer stop()
		}
	}
	logger := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	err = driver.Run(ctx, cfg, script, driver.Options{Stdout: stdout, Stderr: stderr, Logger: logger, Start: start})
	if err != nil {
		driver.Report(stdout, err)
	}
	return driver.ExitCode(err)
}

// startProfile writes a CPU profile of the run to path (set
// DAPHNE_CPUPROFILE=file; read it with go tool pprof). It is for developers
// and not one of DAPHNE's options.
func startProfile(path string, stderr io.Writer) func() {
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintf(stderr, "daphne: cpu profile: %v\n", err)
		return nil
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintf(stderr, "daphne: cpu profile: %v\n", err)
		f.Close()
		return nil
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}
