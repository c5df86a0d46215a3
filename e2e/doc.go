// Package e2e holds the end-to-end tests of daphne-go: real DaphneDSL
// scripts run through the real `daphne` binary (built once per test run),
// with their expected stdout and exit code, plus the two example pipelines
// of the DaphneSched paper checked against independent computations.
//
// A case is testdata/scripts/NAME.daph with NAME.out (expected stdout,
// byte for byte), optionally NAME.code (expected exit code, default 0) and
// NAME.cmd (the command line, one argument per line, where $SCRIPT stands
// for the script path and $DIR for the scripts directory; default: just the
// script). Regenerate expectations with `go test ./e2e -update` and review
// the diff like code.
package e2e
