//go:build !wasm

package clinic

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

const goodSVG = `<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">
  <defs><linearGradient id="g"><stop offset="0" stop-color="#1d4e89"/></linearGradient><circle id="c" cx="5" cy="5" r="5"/></defs>
  <style>circle { fill: url(#g) }</style>
  <use href="#c"/><use xlink:href="#c" style="fill: url('#g')"/>
</svg>`

// profileWith writes a profile naming logo, in a folder of its own, and
// returns the profile's path.
func profileWith(t *testing.T, logo string) string {
	t.Helper()
	dir := t.TempDir()
	name := filepath.Join(dir, "clinic.yaml")
	if err := os.WriteFile(name, []byte("name: X\nlogo: "+logo+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

// TestProfileFileMustBeRegular: serve -clinic /dev/zero, a named pipe or
// a folder is refused before it is read; a big file is read no further
// than 1 MB.
func TestProfileFileMustBeRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, []byte("# "+strings.Repeat("a", 1<<20)+"\nname: X\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string]string{
		"/dev/zero": "/dev/zero: is a device, not a regular file",
		fifo:        fifo + ": is a named pipe, not a regular file",
		dir:         dir + ": is a folder, not a regular file",
		big:         big + ": the file is over the 1048576 bytes a rules or profile file may have",
	} {
		if _, _, err := Load(file); err == nil || err.Error() != want {
			t.Errorf("%s: got %v, want %s", file, err, want)
		}
	}
}

// TestImagesStayInTheProfilesFolder: an image named with "..", from /, or
// through a link that points outside the folder is refused, and so is one
// that is not a regular file or is too big; one in a folder inside it is
// read.
func TestImagesStayInTheProfilesFolder(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "logo.svg")
	if err := os.WriteFile(outside, []byte(goodSVG), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		logo  string
		setup func(dir string) error
		want  string
	}{
		{"../logo.svg", nil, `logo "../logo.svg": want a file in the profile's folder`},
		{outside, nil, `want a file in the profile's folder`},
		{"logo.svg", func(dir string) error { return os.Symlink(outside, filepath.Join(dir, "logo.svg")) }, `logo "logo.svg": is a link to ` + outside + `, outside the profile's folder`},
		{"logo.svg", func(dir string) error { return os.Symlink("/dev/zero", filepath.Join(dir, "logo.svg")) }, `is a link to /dev/zero, outside`},
		{"logo.svg", func(dir string) error { return syscall.Mkfifo(filepath.Join(dir, "logo.svg"), 0o644) }, `logo "logo.svg": is a named pipe, not a regular file`},
		{"logo.svg", func(dir string) error { return os.Mkdir(filepath.Join(dir, "logo.svg"), 0o755) }, `logo "logo.svg": is a folder, not a regular file`},
		{"logo.svg", func(dir string) error {
			return os.WriteFile(filepath.Join(dir, "logo.svg"), []byte(goodSVG+strings.Repeat(" ", maxImageBytes)), 0o644)
		}, `logo "logo.svg": the file is over the 524288 bytes an image may have`},
	}
	for _, tt := range tests {
		file := profileWith(t, tt.logo)
		if tt.setup != nil {
			if err := tt.setup(filepath.Dir(file)); err != nil {
				t.Fatal(err)
			}
		}
		if _, _, err := Load(file); err == nil || !strings.Contains(err.Error(), "clinic.yaml:2:7: logo ") || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %v, want %s", tt.logo, err, tt.want)
		}
	}
	file := profileWith(t, "art/logo.svg")
	os.Mkdir(filepath.Join(filepath.Dir(file), "art"), 0o755)
	os.WriteFile(filepath.Join(filepath.Dir(file), "art", "logo.svg"), []byte(goodSVG), 0o644)
	if p, images, err := Load(file); err != nil || p.Logo != "/web/clinic/logo.svg" || string(images["clinic/logo.svg"]) != goodSVG {
		t.Errorf("a logo in a folder inside: %+v, %v", p, err)
	}
}

// TestSVGLogoContentIsChecked: the logo is served from the site's own
// origin, so one that could run a script or fetch from elsewhere is refused.
func TestSVGLogoContentIsChecked(t *testing.T) {
	if err := checkSVG([]byte(goodSVG)); err != nil {
		t.Errorf("a plain logo: %v", err)
	}
	svg := func(inner string) string {
		return `<svg xmlns="http://www.w3.org/2000/svg">` + inner + `</svg>`
	}
	for body, want := range map[string]string{
		`<svg`:                           "not an SVG image",
		`not xml at all <svg>`:           "not an SVG image",
		`<html><svg/></html>`:            "want one <svg> element, got <html>",
		`<svg/><svg/>`:                   "want one <svg> element, got <svg>",
		svg(`<script>alert(1)</script>`): "a <script> element is not allowed",
		svg(`<SCRIPT>alert(1)</SCRIPT>`): "a <SCRIPT> element is not allowed",
		svg(`<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"/></foreignObject>`): "a <foreignObject> element is not allowed",
		`<svg onload="alert(1)"/>`:                                "the event attribute onload is not allowed",
		svg(`<circle ONCLICK="x()"/>`):                            "the event attribute ONCLICK is not allowed",
		svg(`<image href="https://tracker.example/p.png"/>`):      `href="https://tracker.example/p.png": a logo may refer only to a part of itself`,
		svg(`<use xlink:href="//tracker.example/s.svg#a"/>`):      `href="//tracker.example/s.svg#a"`,
		svg(`<a href="javascript:alert(1)"><circle r="1"/></a>`):  `href="javascript:alert(1)"`,
		svg(`<circle style="fill: url(https://t.example/f)"/>`):   "url(https://t.example/f): a logo may refer only",
		svg(`<style>@import "https://t.example/a.css";</style>`):  "@import is not allowed",
		svg(`<style>c { fill: url( //t.example/x ) }</style>`):    "a logo may refer only to a part of itself",
		`<!DOCTYPE svg [<!ENTITY a "b">]><svg/>`:                  "<!DOCTYPE> is not allowed",
		`<?xml-stylesheet href="https://t.example/a.css"?><svg/>`: "<?xml-stylesheet?> is not allowed",
	} {
		if err := checkSVG([]byte(body)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v, want %s", body, err, want)
		}
	}
}
