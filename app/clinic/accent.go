package clinic

import (
	"math"
	"strconv"
	"strings"
)

// The clinic's theme colour tints the app's accents (buttons, links, the
// focus ring, the progress bar) in each colour scheme where it reads well
// on every background of that scheme; elsewhere the default accent stays.

// MinContrast is the WCAG 2 contrast ratio (AA) that text needs.
const MinContrast = 4.5

// The backgrounds an accent may sit on, in web/aftercare.css: the page, the
// surface of boxes, and the warning and danger surfaces (a test checks
// them against the stylesheet).
var (
	LightBackgrounds = []string{"#ffffff", "#eef5f4", "#fff5e0", "#fdeeee"}
	DarkBackgrounds  = []string{"#101515", "#1b2524", "#35290f", "#3a1a1a"}
)

// Accents are the CSS custom properties that put the theme colour on the
// app's accents: --clinic-accent (with white text on it) where it passes
// in the light scheme, --clinic-accent-dark (with the dark page colour on
// it) where it passes in the dark one. Empty when it passes in neither,
// and for the neutral profile's colour: the stylesheet's own accents stay.
func (p Profile) Accents() map[string]string {
	out := map[string]string{}
	if !validColor(p.ThemeColor) || strings.EqualFold(p.ThemeColor, DefaultProfile().ThemeColor) {
		return out
	}
	if readsOn(p.ThemeColor, LightBackgrounds) {
		out["--clinic-accent"] = p.ThemeColor
	}
	if readsOn(p.ThemeColor, DarkBackgrounds) {
		out["--clinic-accent-dark"] = p.ThemeColor
		out["--clinic-accent-dark-fg"] = DarkBackgrounds[0]
	}
	return out
}

// readsOn: c has at least MinContrast against each background. (Text on
// a button of colour c, white in light and the page colour in dark, is
// then readable too: it is the first background.)
func readsOn(c string, backgrounds []string) bool {
	for _, bg := range backgrounds {
		if Contrast(c, bg) < MinContrast {
			return false
		}
	}
	return true
}

// Contrast is the WCAG 2 contrast ratio of two colours "#rrggbb", from 1
// to 21.
func Contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// luminance is the WCAG 2 relative luminance of "#rrggbb".
func luminance(c string) float64 {
	channel := func(i int) float64 {
		v, _ := strconv.ParseUint(c[i:i+2], 16, 8)
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*channel(1) + 0.7152*channel(3) + 0.0722*channel(5)
}
