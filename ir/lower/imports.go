package lower

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/daphne-go/daphne/dsl/ast"
	"github.com/daphne-go/daphne/dsl/check"
	"github.com/daphne-go/daphne/dsl/parser"
	"github.com/daphne-go/daphne/ir"
)

// scriptArg lowers $name to the constant given on the command line.
func (c *fnCtx) scriptArg(x *ast.ArgRef) *ir.Value {
	e, ok := c.argLiteral(x)
	if !ok {
		return c.bad()
	}
	k, ok := constOf(e)
	if !ok {
		c.errorf(x.P, "script argument `%s`: %q is not a DaphneDSL literal", x.Name, c.l.opts.Args[x.Name])
		return c.bad()
	}
	c.at(x.P)
	return c.b.Const(k)
}

// failedArgs returns the script arguments whose use was reported as an
// error (missing or not a literal).
func (l *lowerer) failedArgs() map[string]bool {
	out := map[string]bool{}
	for name, lit := range l.args {
		if lit == nil {
			out[name] = true
		}
	}
	return out
}

// argLiteral returns the parsed literal of script argument x, reporting a
// missing argument or a value that is not a literal.
func (c *fnCtx) argLiteral(x *ast.ArgRef) (ast.Expr, bool) {
	if e, ok := c.l.args[x.Name]; ok {
		return e, e != nil // nil: already reported
	}
	c.l.args[x.Name] = nil
	text, given := c.l.opts.Args[x.Name]
	if !given {
		c.errorf(x.P, "script argument `%s` is referenced as $%s but was not given (pass %s=<literal> after the script)", x.Name, x.Name, x.Name)
		return nil, false
	}
	lit, err := parser.ParseLiteral(text)
	if err != nil {
		c.errorf(x.P, "script argument `%s`: %v", x.Name, err)
		return nil, false
	}
	c.l.args[x.Name] = lit
	return lit, true
}

// importStmt inlines an imported script at the import point: its top-level
// statements run here, and its variables and functions become visible with
// the prefix "<alias>." or "<stem>.". An import without a file extension
// that names a directory of the import paths imports every script in it,
// with prefixes "<dir>.<stem>.".
func (c *fnCtx) importStmt(x *ast.Import) {
	if !c.topLevel() {
		c.errorf(x.P, "imports are only allowed at the top level of a script")
		return
	}
	if filepath.Ext(x.Path) == "" {
		if files, ok := c.libraryDir(x); ok {
			base := x.Alias
			if base == "" {
				base = filepath.Base(x.Path)
			}
			for _, f := range files {
				c.importFile(x, f, base+"."+strings.TrimSuffix(filepath.Base(f), filepath.Ext(f)))
			}
			return
		}
	}
	path, ok := c.resolveImport(x)
	if !ok {
		return
	}
	prefix := x.Alias
	if prefix == "" {
		prefix = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	}
	if other, dup := c.file.aliases[prefix]; dup && x.Alias == "" && other != path {
		prefix = filepath.Base(filepath.Dir(path)) + "." + prefix
	}
	c.importFile(x, path, prefix)
}

// libraryDir returns the scripts (*.daph, *.daphne) of the library named
// by an extension-less import: an import path "name=dir" names a library
// directory explicitly; otherwise a directory of that name inside an
// import path is used.
func (c *fnCtx) libraryDir(x *ast.Import) ([]string, bool) {
	var dirs []string
	for _, p := range c.l.opts.ImportPaths {
		if name, dir, named := strings.Cut(p, "="); named && name == x.Path {
			dirs = append(dirs, dir)
		}
	}
	for _, dir := range c.searchDirs() {
		dirs = append(dirs, filepath.Join(dir, x.Path))
	}
	for _, d := range dirs {
		if fi, err := os.Stat(d); err != nil || !fi.IsDir() {
			continue
		}
		var files []string
		for _, pat := range []string{"*.daph", "*.daphne"} {
			m, _ := filepath.Glob(filepath.Join(d, pat))
			for _, f := range m {
				files = append(files, existing(f)...)
			}
		}
		sort.Strings(files)
		return files, true
	}
	return nil, false
}

// searchDirs returns the default import directories (the import paths not
// of the form "name=dir").
func (c *fnCtx) searchDirs() []string {
	var out []string
	for _, p := range c.l.opts.ImportPaths {
		if !strings.Contains(p, "=") {
			out = append(out, p)
		}
	}
	return out
}

// importFile parses and inlines one imported file under prefix.
func (c *fnCtx) importFile(x *ast.Import, path, prefix string) {
	if _, dup := c.file.aliases[prefix]; dup {
		c.errorf(x.P, "import prefix `%s` is already used by another import", prefix)
		return
	}
	if c.file.imported[path] {
		c.errorf(x.P, "file %q is imported twice", path)
		return
	}
	src, err := os.ReadFile(path)
	if err != nil {
		c.errorf(x.P, "cannot read imported file %q: %v", x.Path, err)
		return
	}
	script, err := parser.ParseFile(path, src)
	if err != nil {
		c.parseErrors(x, err)
		return
	}
	c.file.imported[path] = true
	c.file.aliases[prefix] = path
	c.l.active[path] = true
	defer delete(c.l.active, path)
	sub := &fnCtx{l: c.l, file: newFileCtx(script, c.file.prefix+prefix+"."), f: c.f, b: c.b,
		scope: check.NewScope[*ir.Value](), readOnly: map[string]bool{}}
	sub.stmts(script.Stmts, false)
	for name, v := range sub.scope.Snapshot() {
		if !strings.Contains(name, ".") {
			c.scope.Set(prefix+"."+name, v)
		}
	}
	for name, ovs := range sub.file.funcs {
		if !strings.Contains(name, ".") {
			c.file.funcs[prefix+"."+name] = ovs
		}
	}
}

// resolveImport finds the imported file relative to the importing
// script's directory and in the default import directories; a path found
// in more than one place is ambiguous. It also rejects self-imports, cycles
// and importing a file twice.
func (c *fnCtx) resolveImport(x *ast.Import) (string, bool) {
	var found []string
	if filepath.IsAbs(x.Path) {
		found = existing(x.Path)
	} else {
		found = existing(filepath.Join(filepath.Dir(c.file.path), x.Path))
		for _, dir := range c.searchDirs() {
			found = append(found, existing(filepath.Join(dir, x.Path))...)
		}
	}
	sort.Strings(found)
	found = compactStrings(found)
	switch len(found) {
	case 0:
		c.errorf(x.P, "cannot find imported file %q (searched the script's directory and %d import path(s))", x.Path, len(c.l.opts.ImportPaths))
		return "", false
	case 1:
	default:
		c.errorf(x.P, "import %q is ambiguous: it matches %s", x.Path, strings.Join(found, " and "))
		return "", false
	}
	path := found[0]
	self, _ := filepath.Abs(c.file.path)
	switch {
	case path == self:
		c.errorf(x.P, "a script cannot import itself (%q)", x.Path)
	case c.file.imported[path]:
		c.errorf(x.P, "file %q is imported twice", x.Path)
	case c.l.active[path]:
		c.errorf(x.P, "import cycle: %q is already being imported", x.Path)
	default:
		return path, true
	}
	return "", false
}

// existing returns the absolute path of p if it is a regular file.
func existing(p string) []string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return nil
	}
	if fi, err := os.Stat(abs); err == nil && fi.Mode().IsRegular() {
		return []string{abs}
	}
	return nil
}

func compactStrings(s []string) []string {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// parseErrors reports the syntax errors of an imported file (at their own
// positions) and notes the import.
func (c *fnCtx) parseErrors(x *ast.Import, err error) {
	var list parser.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			c.l.report(CodeFrontEnd, e.Pos.File, e.Pos.Pos, e.Msg)
		}
	} else {
		c.errorf(x.P, "imported file %q: %v", x.Path, err)
		return
	}
	c.errorf(x.P, "imported file %q has syntax errors", x.Path)
}
