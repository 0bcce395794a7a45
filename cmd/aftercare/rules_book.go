//go:build !wasm

package main

import (
	"bytes"
	"fmt"
	"os"
	"time"

	"aftercare/cmd/internal/rulesbook"
)

// rulesBook: aftercare rules book -o FILE [-vignettes DIR] [-date D]
// [DIR] writes the rules book, one HTML page, for the clinician who signs
// the rules off.
func (m *Main) rulesBook(args []string) error {
	fs := m.flags("rules book")
	out := fs.String("o", "", "the HTML file to write (required)")
	vdir := fs.String("vignettes", "rules/testdata/vignettes", "the folder of vignettes (*.json) that exercise the flags")
	date := fs.String("date", time.Now().Format(time.DateOnly), "the day the book was made, YYYY-MM-DD")
	if err := parse(fs, args, true); err != nil {
		return err
	}
	if *out == "" {
		return exitError{2, "rules book: want -o FILE, the HTML file to write"}
	}
	if _, err := time.Parse(time.DateOnly, *date); err != nil {
		return exitError{2, fmt.Sprintf("rules book: -date %q: want YYYY-MM-DD", *date)}
	}
	set, where, err := loadRules(fs.Args())
	if err != nil {
		return err
	}
	vs, err := rulesbook.ReadVignettes(*vdir)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	o := rulesbook.Options{Date: *date, Rules: where, Vignettes: vs, VignetteDir: *vdir}
	if err := rulesbook.Write(&b, set, o); err != nil {
		return err
	}
	if err := os.WriteFile(*out, b.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "wrote %s: %d flags from %s, %d vignettes from %s\n", *out, len(set.Flags), where, len(vs), *vdir)
	return nil
}
