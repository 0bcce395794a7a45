package site

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"strings"

	ui "aftercare/app"
)

// makeManifest writes the web app manifest of one language. go-app's own
// lacks id, lang and the icons' purposes; the default language's replaces
// it at /manifest.webmanifest, and each other language has its own under
// its prefix (/es/manifest.webmanifest), which its pages link to. All share
// one id: it is one app, installed from whichever language the person reads.
func (s *Site) makeManifest(lang string) []byte {
	pr := s.cfg.Profile
	home := ui.RouteFor(ui.Alternates("/")[lang])
	type icon struct {
		Src     string `json:"src"`
		Sizes   string `json:"sizes"`
		Type    string `json:"type"`
		Purpose string `json:"purpose"`
	}
	m := struct {
		ID              string `json:"id"`
		Name            string `json:"name"`
		ShortName       string `json:"short_name"`
		Description     string `json:"description"`
		Lang            string `json:"lang"`
		Dir             string `json:"dir"`
		Scope           string `json:"scope"`
		StartURL        string `json:"start_url"`
		Display         string `json:"display"`
		BackgroundColor string `json:"background_color"`
		ThemeColor      string `json:"theme_color"`
		Icons           []icon `json:"icons"`
	}{
		ID:              "/",
		Name:            s.cfg.Profile.Name,
		ShortName:       s.cfg.Profile.ShortName,
		Description:     home.Description,
		Lang:            lang,
		Dir:             "ltr",
		Scope:           "/",
		StartURL:        home.Path,
		Display:         "standalone",
		BackgroundColor: background,
		ThemeColor:      s.cfg.Profile.ThemeColor,
		Icons: []icon{
			{s.icon(pr.Icon192, "/web/icon-192.png"), "192x192", "image/png", "any"},
			{s.icon(pr.Icon512, "/web/icon-512.png"), "512x512", "image/png", "any"},
			{s.icon(pr.IconMaskable, s.icon(pr.Icon512, "/web/icon-maskable-512.png")), "512x512", "image/png", "maskable"},
		},
	}
	if logo := s.icon(pr.Logo, "/web/icon.svg"); strings.HasSuffix(logo, ".svg") {
		m.Icons = append(m.Icons, icon{logo, "any", "image/svg+xml", "any"})
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		panic(err) // a fixed struct of strings always encodes
	}
	return b
}

// robotsTxt allows every page and points at the sitemap.
func (s *Site) robotsTxt() []byte {
	return []byte(fmt.Sprintf("User-agent: *\nAllow: /\n\nSitemap: %s/sitemap.xml\n", s.cfg.BaseURL))
}

// sitemapXML lists every route under the configured base URL, never under the
// Host a request claims, each with its addresses in the other languages.
func (s *Site) sitemapXML() []byte {
	type link struct {
		Rel      string `xml:"rel,attr"`
		Hreflang string `xml:"hreflang,attr"`
		Href     string `xml:"href,attr"`
	}
	type loc struct {
		Loc   string `xml:"loc"`
		Links []link `xml:"xhtml:link"`
	}
	set := struct {
		XMLName xml.Name `xml:"urlset"`
		XMLNS   string   `xml:"xmlns,attr"`
		XHTML   string   `xml:"xmlns:xhtml,attr"`
		URLs    []loc    `xml:"url"`
	}{XMLNS: "http://www.sitemaps.org/schemas/sitemap/0.9", XHTML: "http://www.w3.org/1999/xhtml"}
	for _, r := range ui.AllRoutes() {
		if r.Page == ui.NotFoundPath {
			continue
		}
		u := loc{Loc: s.cfg.BaseURL + r.Path}
		alt := ui.Alternates(r.Page)
		for _, l := range ui.Langs() {
			u.Links = append(u.Links, link{"alternate", l, s.cfg.BaseURL + alt[l]})
		}
		set.URLs = append(set.URLs, u)
	}
	b, err := xml.MarshalIndent(set, "", "  ")
	if err != nil {
		panic(err)
	}
	return append([]byte(xml.Header), append(b, '\n')...)
}

// adsTxt declares that nobody is authorised to sell ads on the site, in the
// form the ads.txt specification gives for that.
func adsTxt() []byte {
	return []byte(strings.Join([]string{
		"# Aftercare shows no ads and sells no ad space.",
		"placeholder.example.com, placeholder, DIRECT, placeholder",
		"",
	}, "\n"))
}
