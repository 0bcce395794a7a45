//go:build !wasm

package clinic

import (
	"bytes"
	"errors"
	"fmt"
	"image/png"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"aftercare/rules"
	"aftercare/rules/source"
)

// Load reads a clinic profile file (YAML) on top of the neutral profile: a
// field the file leaves out keeps its neutral value. It also reads the
// images the profile names, beside the file, and returns them by asset name
// ("clinic/logo.svg"); the profile it returns has their addresses under
// /web/clinic/. Every problem is reported as file:line:col: message, with
// the valid options. No file gives the neutral profile.
func Load(file string) (Profile, map[string][]byte, error) {
	p, places, err := read(file)
	if err != nil || file == "" {
		return p, nil, err
	}
	p, images, errs := readImages(p, filepath.Dir(file), places)
	if len(errs) > 0 {
		return p, nil, errs
	}
	return p, images, nil
}

// read decodes and checks the profile file, without its images.
func read(file string) (Profile, source.Places, error) {
	p := DefaultProfile()
	if file == "" {
		return p, source.Places{}, nil
	}
	// A regular file of at most 1 MB, read through a limit: not a device
	// such as /dev/zero, which never ends.
	data, err := source.ReadFile(os.DirFS(filepath.Dir(file)), filepath.Base(file), file)
	if err != nil {
		return p, source.Places{}, err
	}
	places, err := source.DecodeFile(file, data, &p)
	var errs rules.Problems
	if err != nil {
		decoded, ok := err.(rules.Problems)
		if !ok {
			return p, places, err
		}
		errs = decoded // and check the fields that did decode: every problem in one run
	}
	p = p.Trimmed() // what is checked and used: no padding at either end
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

// profileImage is one image a profile names: the field, the file, and the
// size it must have (0: any).
type profileImage struct {
	field string
	file  *string
	size  int
}

func profileImages(p *Profile) []profileImage {
	return []profileImage{{"logo", &p.Logo, 0}, {"icon_192", &p.Icon192, 192}, {"icon_512", &p.Icon512, 512}, {"icon_maskable", &p.IconMaskable, 512}}
}

// readImages reads the images a profile names, relative to the
// profile file, and checks them. It returns them by asset name, and the
// profile with their addresses in place of the file names.
func readImages(p Profile, dir string, places source.Places) (Profile, map[string][]byte, rules.Problems) {
	files := map[string][]byte{}
	var errs rules.Problems
	for _, img := range profileImages(&p) {
		if *img.file == "" {
			continue
		}
		body, err := readImage(dir, *img.file)
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

// maxImageBytes bounds each image.
const maxImageBytes = 512 << 10

// readImage reads an image the profile names: a regular file of at most
// maxImageBytes in the profile's folder (or a folder in it), never outside
// it, whether by "..", an absolute path or a link that points out.
func readImage(dir, file string) ([]byte, error) {
	name := path.Clean(file)
	if !fs.ValidPath(name) || name == "." {
		return nil, fmt.Errorf("want a file in the profile's folder, such as \"logo.svg\" (no \"..\" and no path from /)")
	}
	base, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil, err
	}
	real, err := filepath.EvalSymlinks(filepath.Join(base, filepath.FromSlash(name)))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("open: no such file in the profile's folder")
	}
	if err != nil {
		return nil, fmt.Errorf("open: %v", err)
	}
	if rel, err := filepath.Rel(base, real); err != nil || !filepath.IsLocal(rel) {
		return nil, fmt.Errorf("is a link to %s, outside the profile's folder", real)
	}
	// The root keeps the read inside the folder, even if a link changes
	// after the check above.
	root, err := os.OpenRoot(base)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	body, err := source.ReadLimited(root.FS(), name, file, maxImageBytes, "an image")
	if err != nil {
		return nil, errors.New(strings.TrimPrefix(err.Error(), file+": "))
	}
	return body, nil
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
		return checkSVG(body)
	default:
		return fmt.Errorf("want a .png or .svg file")
	}
	return nil
}
