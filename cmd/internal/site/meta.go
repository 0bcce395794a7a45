package site

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"strings"

	ui "aftercare/app"
)

// makeManifest writes the web app manifest. go-app's own lacks id, lang and
// the icons' purposes; this one replaces it at /manifest.webmanifest.
func (s *Site) makeManifest() []byte {
	pr := s.cfg.Profile
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
		Description:     ui.RouteFor("/").Description,
		Lang:            s.cfg.Profile.Language,
		Dir:             "ltr",
		Scope:           "/",
		StartURL:        "/",
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
// Host a request claims.
func (s *Site) sitemapXML() []byte {
	type loc struct {
		Loc string `xml:"loc"`
	}
	set := struct {
		XMLName xml.Name `xml:"urlset"`
		XMLNS   string   `xml:"xmlns,attr"`
		URLs    []loc    `xml:"url"`
	}{XMLNS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	for _, p := range routePaths() {
		if p != ui.NotFoundPath {
			set.URLs = append(set.URLs, loc{s.cfg.BaseURL + p})
		}
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
