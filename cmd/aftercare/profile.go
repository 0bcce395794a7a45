//go:build !wasm

package main

import (
	"os"
	"sort"

	ui "aftercare/app"
	"aftercare/rules/source"
)

// loadProfile reads a clinic profile (YAML), on top of the neutral one: a
// field the file leaves out keeps its neutral value. Every problem is
// reported as file:line:col: message, with the valid options. No file
// gives the neutral profile.
func loadProfile(file string) (ui.Profile, error) {
	p := ui.DefaultProfile()
	if file == "" {
		return p, nil
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return p, err
	}
	places, err := source.DecodeFile(file, data, &p)
	var errs source.Errors
	if err != nil {
		decoded, ok := err.(source.Errors)
		if !ok {
			return p, err
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
		return p, errs
	}
	return p, nil
}
