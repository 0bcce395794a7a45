package site

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html"
	"io/fs"
	"net/url"
	"os"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"

	ui "aftercare/app"
	"aftercare/app/clinic"
	"aftercare/rules"
	"aftercare/web"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Config is what the serve and static commands are told.
type Config struct {
	WebDir         string            // a folder to serve instead of the assets built in (package web)
	BaseURL        string            // public URL of the site, for sitemap.xml and robots.txt
	UpdateInterval time.Duration     // how often the app asks for a new version
	FrameAncestors []string          // origins, besides this one, that may frame the app
	HSTS           bool              // served over TLS (behind a proxy): send HSTS
	Profile        *clinic.Profile   // the clinic's branding; nil for the neutral one
	Images         map[string][]byte // the profile's images, by asset name (clinic/...)
}

// Site is everything the server serves, built once from the web/ folder:
// the assets, the go-app page handler, and the files derived from them.
type Site struct {
	cfg       Config
	assets    *assets
	version   string
	embedJS   []byte
	manifest  []byte            // the default language's
	manifests map[string][]byte // by locale
}

const (
	background = "#ffffff"
)

//go:embed app-worker.js
var workerTemplate string

// embedTemplate is the script a clinic's page includes to embed the app;
// makeEmbedJS writes its words in.
//
//go:embed embed.js
var embedTemplate string

// embedWordsMark is where embed.js takes its words.
const embedWordsMark = "/* the server puts the words here */ {}"

var registerOnce sync.Once

// New builds the site. It registers the app's routes with go-app the first
// time: only what serves pages needs them, and with them the built-in rules
// ("aftercare rules build" must work when those are stale).
func New(cfg Config) (*Site, error) {
	registerOnce.Do(ui.Register)
	if cfg.UpdateInterval <= 0 {
		cfg.UpdateInterval = time.Hour
	}
	base, err := url.Parse(cfg.BaseURL)
	if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
		return nil, fmt.Errorf("base URL %q: want an absolute http or https URL", cfg.BaseURL)
	}
	cfg.BaseURL = strings.TrimRight(cfg.BaseURL, "/")
	if cfg.Profile == nil {
		p := clinic.DefaultProfile()
		cfg.Profile = &p
	}
	safe := cfg.Profile.Sanitized()
	cfg.Profile = &safe
	for _, o := range cfg.Profile.EmbedOrigins {
		if origin := clinic.Origin(o); origin != "" { // the profile check refused any other
			cfg.FrameAncestors = append(cfg.FrameAncestors, origin)
		}
	}
	// The clinic's profile reaches the app through go-app's Env
	// (newPageHandler): go-app sets it in the process's environment for the
	// prerender and writes it into the page for the browser.

	root, where := fs.FS(web.FS), "the assets built in (web/)"
	if cfg.WebDir != "" {
		root, where = os.DirFS(cfg.WebDir), cfg.WebDir
	}
	a, err := loadAssets(root, where)
	if err != nil {
		return nil, err
	}
	for name, body := range cfg.Images {
		a.add(name, body)
	}
	// The words of each language, which app.wasm fetches for its page:
	// made by `aftercare rules build` into web/lang, served as they are.
	set, err := rules.Default()
	if err != nil {
		return nil, err
	}
	for _, l := range set.Locales {
		if name := strings.TrimPrefix(ui.BundlePath(l), "/web/"); a.files[name] == nil {
			return nil, fmt.Errorf("%s is missing: build the rules first (make rules)", path.Join(where, name))
		}
	}
	s := &Site{cfg: cfg, assets: a}
	s.manifests = map[string][]byte{}
	for _, l := range ui.Langs() {
		s.manifests[l] = s.makeManifest(l)
	}
	s.manifest = s.manifests[ui.DefaultLang()]
	if s.embedJS, err = makeEmbedJS(set); err != nil {
		return nil, err
	}
	s.version = s.makeVersion()
	return s, nil
}

// makeVersion derives the app's version from what the browser will cache:
// the assets, the worker, the manifest and the settings passed to the app.
// The same build gives the same version, so a restart is not an update.
func (s *Site) makeVersion() string {
	h := sha256.New()
	fmt.Fprintf(h, "assets %s\n", s.assets.hash)
	fmt.Fprintf(h, "worker %x\n", sha256.Sum256([]byte(workerTemplate)))
	for _, l := range ui.Langs() {
		fmt.Fprintf(h, "manifest %s %x\n", l, sha256.Sum256(s.manifests[l]))
	}
	fmt.Fprintf(h, "update %s\n", s.cfg.UpdateInterval)
	fmt.Fprintf(h, "profile %s\n", s.profileJSON())
	return hex.EncodeToString(h.Sum(nil))[:20]
}

// Version is the app's version: a hash of what the browser caches.
func (s *Site) Version() string { return s.version }

func (s *Site) profileJSON() string {
	b, _ := json.Marshal(s.cfg.Profile)
	return string(b)
}

// icon is the clinic's image if it has one, else Aftercare's.
func (s *Site) icon(clinic, fallback string) string {
	if clinic != "" {
		return clinic
	}
	return fallback
}

// domain is the host of the base URL, for go-app's og: meta tags.
func (s *Site) domain() string {
	u, _ := url.Parse(s.cfg.BaseURL) // checked in New
	return u.Host
}

// routePaths lists every page's path, home first.
func routePaths() []string {
	paths := make([]string, len(ui.AllRoutes()))
	for i, r := range ui.AllRoutes() {
		paths[i] = r.Path
	}
	return paths
}

// newPageHandler configures go-app's handler. Each call returns a fresh one:
// go-app initialises a handler once, on its first request.
func (s *Site) newPageHandler() *app.Handler {
	home := ui.RouteFor("/")
	cacheable := append(routePaths(), s.assets.URLs()...)
	for _, l := range ui.Langs() {
		if p := manifestPath(l); p != defaultManifest {
			cacheable = append(cacheable, p) // go-app adds the default one
		}
	}
	return &app.Handler{
		Name:            s.cfg.Profile.Name,
		ShortName:       s.cfg.Profile.ShortName,
		Title:           home.Title,
		Description:     home.Description,
		Author:          s.cfg.Profile.Name,
		Domain:          s.domain(),
		Image:           "/web/icon-512.png",
		Lang:            ui.DefaultLang(), // each page sets its own (OnNav)
		ThemeColor:      s.cfg.Profile.ThemeColor,
		BackgroundColor: background,
		Icon: app.Icon{
			Default:  s.icon(s.cfg.Profile.Icon192, "/web/icon-192.png"),
			Large:    s.icon(s.cfg.Profile.Icon512, "/web/icon-512.png"),
			Maskable: s.icon(s.cfg.Profile.IconMaskable, s.icon(s.cfg.Profile.Icon512, "/web/icon-maskable-512.png")),
			SVG:      s.icon(s.cfg.Profile.Logo, "/web/icon.svg"),
		},
		Styles: []string{"/web/aftercare.css"},
		// Runs before the app starts, so blocked storage cannot kill it.
		// In a frame, embed-hello.js tells the clinic's page the app loaded.
		// lang.js moves to the page in the person's language before the
		// app loads, from the languages and the clinic's named here.
		Scripts: []string{"/web/storage-guard.js defer", "/web/embed-hello.js defer", "/web/lang.js defer", "/web/early-taps.js defer"},
		RawHeaders: []string{
			`<noscript><link rel="stylesheet" href="/web/noscript.css"></noscript>`,
			`<meta name="aftercare-languages" content="` + html.EscapeString(strings.Join(ui.Langs(), " ")) + `">`,
			`<meta name="aftercare-clinic-language" content="` + html.EscapeString(s.cfg.Profile.Language) + `">`,
		},
		LoadingLabel:          "{progress}%", // a number: the same in every language
		CacheableResources:    cacheable,
		Resources:             webResolver{},
		Version:               s.Version(),
		WasmContentLength:     strconv.Itoa(len(s.assets.files[wasmName].body)),
		ServiceWorkerTemplate: workerTemplate,
		Env: map[string]string{
			ui.UpdateIntervalEnvKey: strconv.FormatInt(s.cfg.UpdateInterval.Milliseconds(), 10),
			clinic.EnvKey:           s.profileJSON(),
		},
	}
}

// webResolver maps /web/NAME to itself. Unlike go-app's default, it is not an
// http.Handler, so go-app never serves files: the site's own asset handler
// does, from web/ only.
type webResolver struct{}

func (webResolver) Resolve(location string) string {
	switch {
	case location == "" || location == "/":
		return "/"
	case strings.HasPrefix(location, "http://"), strings.HasPrefix(location, "https://"):
		return location
	case strings.HasPrefix(location, "/web/"), strings.HasPrefix(location, "web/"), location == "/web", location == "web":
		return "/" + strings.Trim(location, "/")
	}
	return location
}

// makeEmbedJS writes into embed.js the frame's title and the fallback
// link's words in every language, and the default language.
func makeEmbedJS(set *rules.Set) ([]byte, error) {
	type said struct {
		Title string `json:"title"`
		Link  string `json:"link"`
	}
	w := struct {
		Fallback string          `json:"fallback"`
		By       map[string]said `json:"by"`
	}{Fallback: set.Locales[0], By: map[string]said{}}
	for _, l := range set.Locales {
		w.By[l] = said{set.Say("embed_title", l), set.Say("embed_link", l)}
	}
	b, err := json.Marshal(w)
	if err != nil {
		return nil, err
	}
	if !strings.Contains(embedTemplate, embedWordsMark) {
		return nil, fmt.Errorf("embed.js has no %q", embedWordsMark)
	}
	return []byte(strings.Replace(embedTemplate, embedWordsMark, string(b), 1)), nil
}
