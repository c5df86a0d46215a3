package bench

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
)

// WriteFigures writes every figure as dir/NAME.svg and returns the paths.
func WriteFigures(dir string, figs []Figure) ([]string, error) {
	var paths []string
	for _, f := range figs {
		p := filepath.Join(dir, f.Name+".svg")
		if err := writeFile(p, func(w *bufio.Writer) error { return f.Chart.WriteSVG(w) }); err != nil {
			return paths, fmt.Errorf("bench: figure %s: %w", f.Name, err)
		}
		paths = append(paths, p)
	}
	return paths, nil
}

// writeFile creates path and writes it through a buffered writer.
func writeFile(path string, write func(*bufio.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	if err := write(w); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
