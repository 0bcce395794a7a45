//go:build !wasm

package main

import (
	"os"
	"path/filepath"
	"sort"

	ui "aftercare/app"
	"aftercare/rules/source"
)

// loadProfile reads a clinic profile (YAML), on top of the neutral one: a
// field the file leaves out keeps its neutral value. Every problem is
// reported as file:line:col: message, with the valid options. No file
// gives the neutral profile.
func loadProfile(file string) (ui.Profile, error) {
	p, _, err := loadProfileWithImages(file)
	return p, err
}

// loadProfileWithImages also reads the images the profile names; the
// profile it returns has their addresses under /web/clinic/.
func loadProfileWithImages(file string) (ui.Profile, map[string][]byte, error) {
	p, places, err := readProfile(file)
	if err != nil || file == "" {
		return p, nil, err
	}
	p, images, errs := readProfileImages(p, filepath.Dir(file), places)
	if len(errs) > 0 {
		return p, nil, errs
	}
	return p, images, nil
}

func readProfile(file string) (ui.Profile, source.Places, error) {
	p := ui.DefaultProfile()
	if file == "" {
		return p, source.Places{}, nil
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return p, source.Places{}, err
	}
	places, err := source.DecodeFile(file, data, &p)
	var errs source.Errors
	if err != nil {
		decoded, ok := err.(source.Errors)
		if !ok {
			return p, places, err
		}
		errs = decoded // and check the fields that did decode: every problem in one run
	}
	for _, pr := range p.Check() {
		errs = append(errs, places.Error(pr.Path, pr.Msg))
	}
	if len(errs) > 0 {
		sort.SliceStable(errs, func(i, j int) bool {
			return errs[i].Line < errs[j].Line || (errs[i].Line == errs[j].Line && errs[i].Col < errs[j].Col)
		})
		return p, places, errs
	}
	return p, places, nil
}
