package token

import "fmt"

// Pos is a position in a source file: 1-based line and column (the column
// counts bytes). The zero Pos means "no position".
type Pos struct {
	Line, Col int
}

// IsValid reports whether p is a real position.
func (p Pos) IsValid() bool { return p.Line > 0 }

// String formats the position as line:col.
func (p Pos) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Col) }

// Position is a position with its file name, printed as file:line:col.
type Position struct {
	File string
	Pos
}

// String formats the position as file:line:col (or line:col without a file).
func (p Position) String() string {
	if p.File == "" {
		return p.Pos.String()
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}
