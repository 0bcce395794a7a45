//go:build !wasm

package rulesbook

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
)

// Vignette is a test case of the rules (rules/testdata/vignettes/*.json):
// a person's story and the flags a clinician expects it to raise.
type Vignette struct {
	File    string   `json:"-"` // the file's name, "doctor-disc-flare.json"
	Story   string   `json:"story"`
	Reasons []string `json:"reasons"` // flag ids
}

// ReadVignettes reads every *.json file of dir, by name. A dir that does
// not exist has none (the book says so); a file that is not a vignette is
// an error naming it.
func ReadVignettes(dir string) ([]Vignette, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	sort.Strings(names)
	var vs []Vignette
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		var v Vignette
		dec := json.NewDecoder(bytes.NewReader(b))
		if err := dec.Decode(&v); err != nil {
			return nil, fmt.Errorf("%s: not a vignette: %v", name, err)
		}
		if v.Story == "" {
			return nil, fmt.Errorf("%s: not a vignette: no \"story\"", name)
		}
		v.File = filepath.Base(name)
		vs = append(vs, v)
	}
	return vs, nil
}
