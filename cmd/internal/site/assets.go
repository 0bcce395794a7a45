package site

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
)

// asset is one file of web/, read into memory when the server starts so that
// what it serves always matches the version it announces.
type asset struct {
	name   string // slash-separated, relative to web/
	body   []byte
	gzip   []byte // nil when compressing does not pay
	brotli []byte // from NAME.br, precompressed at build time; nil without
	ctype  string
	etag   string
}

// assets serves web/ under /web/. Lookups are by exact name in a map built
// from the folder, so no request path can reach a file outside it.
type assets struct {
	files map[string]*asset
	hash  string // of every name and body, in name order
}

// wasmName is the WebAssembly build of the app, which must be present.
const wasmName = "app.wasm"

// loadAssets reads every regular, non-hidden file of root but Go source
// (package web's own file); where names root in messages.
func loadAssets(root fs.FS, where string) (*assets, error) {
	a := &assets{files: map[string]*asset{}}
	err := fs.WalkDir(root, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if strings.HasSuffix(name, brotliExt) && !d.IsDir() {
			return nil // read with its original, below
		}
		if name != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() || path.Ext(name) == ".go" {
			return nil
		}
		body, err := fs.ReadFile(root, name)
		if err != nil {
			return err
		}
		f := newAsset(name, body)
		if br, err := fs.ReadFile(root, name+brotliExt); err == nil && unbrotliEquals(br, body) {
			f.brotli = br // a stale .br is ignored, never served
		}
		a.files[name] = f
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading assets: %w", err)
	}
	if _, ok := a.files[wasmName]; !ok {
		return nil, fmt.Errorf("%s is missing: build it first (make wasm)", path.Join(where, wasmName))
	}

	a.rehash()
	return a, nil
}

// add serves one more file, such as a clinic's logo.
func (a *assets) add(name string, body []byte) {
	a.files[name] = newAsset(name, body)
	a.rehash()
}

func (a *assets) rehash() {
	h := sha256.New()
	for _, n := range a.names() {
		sum := sha256.Sum256(a.files[n].body)
		fmt.Fprintf(h, "%s %x\n", n, sum)
	}
	a.hash = hex.EncodeToString(h.Sum(nil))
}

func newAsset(name string, body []byte) *asset {
	return newTypedAsset(name, body, contentType(name))
}

// newTypedAsset is an asset whose type is known (a page has no extension),
// gzipped when its type compresses and that pays.
func newTypedAsset(name string, body []byte, ctype string) *asset {
	sum := sha256.Sum256(body)
	f := &asset{
		name:  name,
		body:  body,
		ctype: ctype,
		etag:  `"` + hex.EncodeToString(sum[:8]) + `"`,
	}
	if compressible(f.ctype) {
		if gz := gzipBytes(body); len(gz) < len(body)*9/10 {
			f.gzip = gz
		}
	}
	return f
}

func gzipBytes(body []byte) []byte {
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	zw.Write(body)
	zw.Close()
	return b.Bytes()
}

func contentType(name string) string {
	switch path.Ext(name) {
	case ".wasm":
		return "application/wasm"
	case ".webmanifest":
		return "application/manifest+json"
	case ".js":
		return "text/javascript; charset=utf-8"
	}
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}

func compressible(ctype string) bool {
	for _, p := range []string{"text/", "application/javascript", "application/wasm", "application/json", "application/manifest+json", "image/svg+xml", "application/xml"} {
		if strings.HasPrefix(ctype, p) {
			return true
		}
	}
	return false
}

// names returns every asset name, sorted.
func (a *assets) names() []string {
	names := make([]string, 0, len(a.files))
	for n := range a.files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// URLs returns the path of every asset as pages request it: /web/NAME.
func (a *assets) URLs() []string {
	names := a.names()
	for i, n := range names {
		names[i] = "/web/" + n
	}
	return names
}

var errBadPath = errors.New("bad asset path")

// lookup maps a request path to an asset. It rejects, rather than cleans,
// anything that is not a plain name below /web/.
func (a *assets) lookup(urlPath string) (*asset, error) {
	name, ok := strings.CutPrefix(urlPath, "/web/")
	if !ok || name == "" || strings.Contains(name, "\\") || strings.Contains(name, "\x00") {
		return nil, errBadPath
	}
	for _, seg := range strings.Split(name, "/") {
		if seg == "" || seg == "." || seg == ".." || strings.HasPrefix(seg, ".") {
			return nil, errBadPath
		}
	}
	f, ok := a.files[name]
	if !ok {
		return nil, fs.ErrNotExist
	}
	return f, nil
}

// ServeHTTP serves the assets, and a plain 404 for any other path.
func (a *assets) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	a.or(http.NotFound).ServeHTTP(w, r)
}

// or serves the assets, and answers any other path below /web/ (/web/
// itself, an unknown name, a name that is not plain) with notFound: the
// "page not found" page, as everywhere else.
func (a *assets) or(notFound http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f, err := a.lookup(r.URL.Path)
		if err != nil {
			notFound(w, r)
			return
		}
		f.serve(w, r)
	})
}

// serve answers with the file, compressed as the client accepts, with an
// ETag per encoding for revalidation.
func (f *asset) serve(w http.ResponseWriter, r *http.Request) {
	if h := r.Header.Get("Range"); h != "" && !satisfiableRange(h) {
		// "bytes=-0" asks for the last 0 bytes, "bytes=-+0" is no range:
		// nothing can satisfy them.
		w.Header().Set("Content-Range", "bytes */"+strconv.Itoa(len(f.body)))
		http.Error(w, "range not satisfiable", http.StatusRequestedRangeNotSatisfiable)
		return
	}
	body, etag := f.negotiate(w.Header(), r)
	w.Header().Set("ETag", etag)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}

// satisfiableRange reports whether a Range header is written as RFC 9110
// says, digits only ("bytes=0-9", "bytes=5-", "bytes=-5", a list of them),
// and asks for no suffix of length 0. net/http's parser reads the numbers
// with strconv, which takes "+0" and so answers "bytes=-+0" with an
// impossible Content-Range; here such a header is refused first.
func satisfiableRange(h string) bool {
	spec, ok := strings.CutPrefix(h, "bytes=")
	if !ok {
		return false
	}
	any := false
	for _, r := range strings.Split(spec, ",") {
		r = strings.Trim(r, " \t")
		if r == "" {
			continue // an empty list element, as RFC 9110 allows
		}
		first, last, ok := strings.Cut(r, "-")
		if !ok || !digits(first) || !digits(last) || first == "" && last == "" {
			return false
		}
		if first == "" && strings.Trim(last, "0") == "" {
			return false // the last 0 bytes
		}
		any = true
	}
	return any
}

// digits reports whether s holds ASCII digits only ("" does).
func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// serveStatus answers with the file and another status (a page for a 404),
// compressed as the client accepts; no ETag, no ranges.
func (f *asset) serveStatus(w http.ResponseWriter, r *http.Request, status int) {
	body, _ := f.negotiate(w.Header(), r)
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// negotiate sets the type and caching headers and picks the encoding the
// client accepts: brotli, gzip or none, with Vary when there is a choice.
func (f *asset) negotiate(h http.Header, r *http.Request) (body []byte, etag string) {
	h.Set("Content-Type", f.ctype)
	h.Set("Cache-Control", "no-cache")
	body, etag = f.body, f.etag
	if f.gzip != nil || f.brotli != nil {
		h.Add("Vary", "Accept-Encoding")
		accept := r.Header.Get("Accept-Encoding")
		switch {
		case f.brotli != nil && accepts(accept, "br"):
			h.Set("Content-Encoding", "br")
			body, etag = f.brotli, strings.TrimSuffix(f.etag, `"`)+`-br"`
		case f.gzip != nil && accepts(accept, "gzip"):
			h.Set("Content-Encoding", "gzip")
			body, etag = f.gzip, strings.TrimSuffix(f.etag, `"`)+`-gz"`
		}
	}
	return body, etag
}

// accepts reports whether an Accept-Encoding header allows a coding: it is
// listed with a q-value above 0 (q=0, q=0., q=0.000 all refuse it).
func accepts(header, want string) bool {
	for _, part := range strings.Split(header, ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(coding), want) {
			continue
		}
		for _, p := range strings.Split(params, ";") {
			k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
			if !ok || !strings.EqualFold(strings.TrimSpace(k), "q") {
				continue
			}
			q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil || q <= 0 || q > 1 {
				return false
			}
		}
		return true
	}
	return false
}
