//go:build !wasm

package main

import (
	"bytes"
	"fmt"
	"image/png"
	"os"
	"path"
	"path/filepath"
	"strings"

	ui "aftercare/app"
	"aftercare/rules/source"
)

// profileImage is one image a profile names: the field, the file, and the
// size it must have (0: any).
type profileImage struct {
	field string
	file  *string
	size  int
}

func profileImages(p *ui.Profile) []profileImage {
	return []profileImage{{"logo", &p.Logo, 0}, {"icon_192", &p.Icon192, 192}, {"icon_512", &p.Icon512, 512}, {"icon_maskable", &p.IconMaskable, 512}}
}

// readProfileImages reads the images a profile names, relative to the
// profile file, and checks them. It returns them by asset name, and the
// profile with their addresses in place of the file names.
func readProfileImages(p ui.Profile, dir string, places source.Places) (ui.Profile, map[string][]byte, source.Errors) {
	files := map[string][]byte{}
	var errs source.Errors
	for _, img := range profileImages(&p) {
		if *img.file == "" {
			continue
		}
		name := filepath.Join(dir, filepath.FromSlash(*img.file))
		body, err := os.ReadFile(name)
		if err != nil {
			errs = append(errs, places.Error(img.field, fmt.Sprintf("%s %q: %v", img.field, *img.file, err)))
			continue
		}
		if err := checkImage(body, *img.file, img.size); err != nil {
			errs = append(errs, places.Error(img.field, fmt.Sprintf("%s %q: %v", img.field, *img.file, err)))
			continue
		}
		asset := "clinic/" + img.field + strings.ToLower(path.Ext(*img.file))
		files[asset] = body
		*img.file = "/web/" + asset
	}
	return p, files, errs
}

func checkImage(body []byte, name string, size int) error {
	switch strings.ToLower(path.Ext(name)) {
	case ".png":
		cfg, err := png.DecodeConfig(bytes.NewReader(body))
		if err != nil {
			return fmt.Errorf("not a PNG image: %v", err)
		}
		if size > 0 && (cfg.Width != size || cfg.Height != size) {
			return fmt.Errorf("is %dx%d, want %dx%d", cfg.Width, cfg.Height, size, size)
		}
	case ".svg":
		if size > 0 {
			return fmt.Errorf("want a %dx%d PNG", size, size)
		}
		if !bytes.Contains(body[:min(len(body), 512)], []byte("<svg")) {
			return fmt.Errorf("not an SVG image")
		}
	default:
		return fmt.Errorf("want a .png or .svg file")
	}
	if len(body) > 512<<10 {
		return fmt.Errorf("is %d KB, want at most 512 KB", len(body)>>10)
	}
	return nil
}
