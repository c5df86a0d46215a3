package config

import (
	"fmt"
	"strconv"
	"strings"
)

// UsageError is a mistake on the command line (exit code 1).
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

func usagef(format string, a ...any) error { return &UsageError{Msg: fmt.Sprintf(format, a...)} }

type kind uint8

const (
	kBool kind = iota
	kString
	kInt
)

// option is one accepted command-line option.
type option struct {
	kind kind
	help string
	set  func(c *Config, v string) error
}

func boolOpt(help string, p func(c *Config) *bool) option {
	return option{kBool, help, func(c *Config, v string) error {
		b, err := parseBool(v)
		if err != nil {
			return err
		}
		*p(c) = b
		return nil
	}}
}

func intOpt(help string, min int, p func(c *Config) *int) option {
	return option{kInt, help, func(c *Config, v string) error {
		n, err := strconv.Atoi(v)
		if err != nil || n < min {
			return fmt.Errorf("expected an integer >= %d, got %q", min, v)
		}
		*p(c) = n
		return nil
	}}
}

func enumOpt(help string, set []string, p func(c *Config) *string) option {
	return option{kString, help, func(c *Config, v string) error {
		u := upper(v)
		if !oneOf(u, set) {
			return fmt.Errorf("expected one of %s, got %q", strings.Join(set, ", "), v)
		}
		*p(c) = u
		return nil
	}}
}

func strOpt(help string, p func(c *Config) *string) option {
	return option{kString, help, func(c *Config, v string) error { *p(c) = v; return nil }}
}

// otherOpt accepts an option that has no effect yet, recording its value.
func otherOpt(k kind, name, help string) option {
	return option{k, help, func(c *Config, v string) error {
		if k == kBool {
			if _, err := parseBool(v); err != nil {
				return err
			}
		}
		c.Other[name] = v
		return nil
	}}
}

// fixedOpt is an old-style flag that sets a field to a constant (--GSS).
func fixedOpt(help, val string, p func(c *Config) *string) option {
	return option{kBool, help, func(c *Config, v string) error {
		b, err := parseBool(v)
		if err != nil {
			return err
		}
		if b {
			*p(c) = val
		}
		return nil
	}}
}

func parseBool(v string) (bool, error) {
	switch strings.ToLower(v) {
	case "", "true", "1", "yes", "on":
		return true, nil
	case "false", "0", "no", "off":
		return false, nil
	}
	return false, fmt.Errorf("expected true or false, got %q", v)
}

// Parse reads DAPHNE's command line (without the program name): options,
// then the script path, then script arguments name=value. Options use
// LLVM's style: -opt or --opt, values as --opt=value or --opt value, boolean
// flags also --flag=true/false/1/0. Everything after the script path is a
// script argument; name=value tokens just before it are script arguments
// too (see leadingArgs). A --config file is applied before the other options, so
// the command line overrides it. It returns the script path ("" with
// --help or --version).
func Parse(args []string) (*Config, string, error) {
	c := Default()
	type setting struct {
		name string
		opt  option
		val  string
	}
	var settings []setting
	var configFile, script string
	var scriptArgs []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") || a == "-" {
			lead := leadingArgs(args[i:])
			scriptArgs = append(scriptArgs, args[i:i+lead]...)
			script = args[i+lead]
			scriptArgs = append(scriptArgs, args[i+lead+1:]...)
			break
		}
		name, val, hasVal := strings.Cut(strings.TrimLeft(a, "-"), "=")
		opt, ok := options()[name]
		if !ok {
			return nil, "", usagef("unknown option %q (see --help)", a)
		}
		if !hasVal && opt.kind != kBool {
			if i+1 >= len(args) {
				return nil, "", usagef("option --%s needs a value", name)
			}
			i++
			val = args[i]
		}
		if name == "config" {
			configFile = val
			continue
		}
		settings = append(settings, setting{name, opt, val})
	}
	if configFile != "" {
		if err := c.LoadFile(configFile); err != nil {
			return nil, "", &UsageError{Msg: err.Error()}
		}
	}
	for _, s := range settings {
		if err := s.opt.set(c, s.val); err != nil {
			return nil, "", usagef("option --%s: %v", s.name, err)
		}
	}
	if c.Help || c.Version {
		return c, "", nil
	}
	if script == "" {
		return nil, "", usagef("no script given: usage: daphne [options] script.daph [name=value ...] (see --help)")
	}
	for _, a := range scriptArgs {
		if err := c.AddArg(a); err != nil {
			return nil, "", err
		}
	}
	return c, script, nil
}

// leadingArgs returns how many name=value tokens at the start of rest (the
// command line from its first positional token on) are script arguments
// standing before the script path, as in DAPHNE's own test drivers'
// `daphne --args n=100 e=1000 script.daphne`. LLVM would take "e=1000" for
// the script and fail; here such tokens count as script arguments when a
// later token, which is then the script, is not of that form. With no such
// later token it returns 0, so the first token stays the script path.
func leadingArgs(rest []string) int {
	for n, a := range rest {
		name, _, ok := strings.Cut(a, "=")
		if !ok || !isIdent(name) {
			return n
		}
	}
	return 0
}

// AddArg adds one script argument given as name=value.
func (c *Config) AddArg(a string) error {
	name, val, ok := strings.Cut(a, "=")
	if !ok {
		return usagef("script arguments must be specified as name=value, got %q", a)
	}
	if !isIdent(name) {
		return usagef("script argument name %q is not an identifier", name)
	}
	if _, dup := c.Args[name]; dup {
		return usagef("script argument %q given twice", name)
	}
	c.Args[name] = val
	c.ArgOrder = append(c.ArgOrder, name)
	return nil
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		ok := r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (i > 0 && r >= '0' && r <= '9')
		if !ok {
			return false
		}
	}
	return true
}
