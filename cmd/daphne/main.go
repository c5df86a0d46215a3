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
	"time"

	"github.com/daphne-go/daphne/config"
	"github.com/daphne-go/daphne/driver"
)

// version is what --version prints first (DAPHNE's own line, which scripts
// and tools check), followed by ours.
const version = "DAPHNE Version 0.3\ndaphne-go: DaphneDSL, vectorized engine and scheduler in one Go binary\nAn infrastructure for integrated data analysis pipelines.\n"

func main() {
	start := time.Now()
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
	logger := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	err = driver.Run(ctx, cfg, script, driver.Options{Stdout: stdout, Stderr: stderr, Logger: logger, Start: start})
	if err != nil {
		driver.Report(stdout, err)
	}
	return driver.ExitCode(err)
}
