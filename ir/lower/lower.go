package lower

import (
	"fmt"
	"path/filepath"

	"github.com/daphne-go/daphne/dsl/ast"
	"github.com/daphne-go/daphne/dsl/check"
	"github.com/daphne-go/daphne/dsl/token"
	"github.com/daphne-go/daphne/ir"
	"github.com/daphne-go/daphne/types"
)

// Options configure a lowering.
type Options struct {
	// Args maps script-argument names to the literal text given on the
	// command line ($name in the script).
	Args map[string]string
	// ImportPaths are extra directories searched for imports after the
	// importing script's directory.
	ImportPaths []string
}

// lowerer holds the state of one Lower call.
type lowerer struct {
	opts   Options
	mod    *ir.Module
	errs   ErrorList
	active map[string]bool // files being lowered (import cycles)
	args   map[string]ast.Expr
}

// fileCtx is the per-source-file state: its functions and imports.
type fileCtx struct {
	path     string
	prefix   string            // symbol prefix of its functions ("" for the main script, "utils." for an import)
	funcs    map[string][]*udf // visible functions by (dotted) name
	defNames map[string]bool   // names of every top-level def of the file
	imported map[string]bool   // absolute paths imported by this file
	aliases  map[string]string // import prefix → absolute path
}

// fnCtx is the state while lowering one function body (or the top level of
// a script into main).
type fnCtx struct {
	l        *lowerer
	file     *fileCtx
	f        *ir.Func
	b        *ir.Builder
	scope    *check.Scope[*ir.Value]
	udf      *udf            // nil at the top level
	readOnly map[string]bool // for-loop variables in scope
	loops    int             // nesting depth of loops
	branches int             // nesting depth of if branches and blocks
}

// Lower checks script and translates it into a module whose "main" holds
// the top-level statements and whose other functions are the UDFs in
// definition order. The returned error is an ErrorList (see ExitCode).
func Lower(script *ast.Script, opts Options) (mod *ir.Module, err error) {
	l := &lowerer{opts: opts, mod: &ir.Module{}, active: map[string]bool{}, args: map[string]ast.Expr{}}
	defer func() {
		if r := recover(); r != nil {
			mod = nil
			err = ErrorList{&Error{Pos: token.Position{File: script.File}, Msg: fmt.Sprintf("internal error in lowering: %v", r), Code: CodeFrontEnd}}
		}
	}()
	main := ir.NewFunc("main", nil, nil)
	main.Loc = ir.Loc{File: script.File, Line: 1, Col: 1}
	l.mod.Funcs = append(l.mod.Funcs, main)
	file := newFileCtx(script, "")
	if abs, e := filepath.Abs(script.File); e == nil && script.File != "" {
		l.active[abs] = true
	}
	c := &fnCtx{l: l, file: file, f: main, b: ir.NewBuilder(main, main.Body), scope: check.NewScope[*ir.Value](), readOnly: map[string]bool{}}
	c.stmts(script.Stmts, false)
	c.b.Return()
	main.Renumber()
	for _, f := range l.mod.Funcs[1:] {
		f.Renumber()
	}
	if len(l.errs) > 0 {
		l.errs.Sort()
		return nil, l.errs
	}
	return l.mod, nil
}

func newFileCtx(script *ast.Script, prefix string) *fileCtx {
	fc := &fileCtx{path: script.File, prefix: prefix, funcs: map[string][]*udf{},
		defNames: map[string]bool{}, imported: map[string]bool{}, aliases: map[string]string{}}
	for _, s := range script.Stmts {
		if d, ok := s.(*ast.FuncDef); ok {
			fc.defNames[d.Name] = true
		}
	}
	return fc
}

// errorf records a code-1 error at p in the current file.
func (c *fnCtx) errorf(p token.Pos, format string, args ...any) {
	c.l.errorf(c.file.path, p, format, args...)
}

// at sets the location of the ops created next.
func (c *fnCtx) at(p token.Pos) {
	c.b.Loc = ir.Loc{File: c.file.path, Line: p.Line, Col: p.Col}
}

// bad returns a placeholder value after an error so lowering can go on.
func (c *fnCtx) bad() *ir.Value { return c.f.NewValue(types.Any, nil) }

// topLevel reports whether statements are lowered at the top level of a
// script (not inside a function, branch, loop or block).
func (c *fnCtx) topLevel() bool { return c.udf == nil && c.loops == 0 && c.branches == 0 }
