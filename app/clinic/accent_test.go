package clinic

import (
	"maps"
	"math"
	"os"
	"regexp"
	"strings"
	"testing"
)

func TestContrast(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want float64
	}{
		{"#000000", "#ffffff", 21},
		{"#ffffff", "#ffffff", 1},
		{"#767676", "#ffffff", 4.54}, // the lightest grey that passes on white
		{"#777777", "#ffffff", 4.48},
		{"#0b5f5a", "#ffffff", 7.50}, // the default accent
	} {
		if got := Contrast(c.a, c.b); math.Abs(got-c.want) > 0.01 {
			t.Errorf("Contrast(%s, %s) = %.2f, want %.2f", c.a, c.b, got, c.want)
		}
		if Contrast(c.a, c.b) != Contrast(c.b, c.a) {
			t.Errorf("Contrast(%s, %s) depends on the order", c.a, c.b)
		}
	}
}

// TestAccentsOnlyWhereTheyRead: the theme colour becomes the accent in
// each colour scheme where it passes 4.5:1 on every background, and
// nowhere else.
func TestAccentsOnlyWhereTheyRead(t *testing.T) {
	for _, c := range []struct {
		color string
		want  map[string]string
	}{
		{"#1d4e89", map[string]string{"--clinic-accent": "#1d4e89"}}, // navy: light only
		{"#7fd1c7", map[string]string{"--clinic-accent-dark": "#7fd1c7", "--clinic-accent-dark-fg": "#101515"}},
		{"#888888", map[string]string{}}, // mid grey: neither
		{"#ffd400", map[string]string{"--clinic-accent-dark": "#ffd400", "--clinic-accent-dark-fg": "#101515"}},
		{"blue", map[string]string{}},
		{"#0B5F5A", map[string]string{}}, // the neutral colour: the stylesheet's accents, focus ring and all
	} {
		p := DefaultProfile()
		p.ThemeColor = c.color
		if got := p.Accents(); !maps.Equal(got, c.want) {
			t.Errorf("theme colour %s: accents %v, want %v", c.color, got, c.want)
		}
	}
}

// TestAccentBackgroundsAreTheStylesheets: the backgrounds the contrast is
// checked on are the stylesheet's, light and dark.
func TestAccentBackgroundsAreTheStylesheets(t *testing.T) {
	b, err := os.ReadFile("../../web/aftercare.css")
	if err != nil {
		t.Fatal(err)
	}
	css := string(b)
	light, dark, _ := strings.Cut(css, "@media (prefers-color-scheme: dark)")
	for scheme, c := range map[string]struct {
		css  string
		want []string
	}{"light": {light, LightBackgrounds}, "dark": {dark, DarkBackgrounds}} {
		for i, name := range []string{"bg", "surface", "warn-surface", "danger-surface"} {
			m := regexp.MustCompile(`--` + name + `: (#[0-9a-f]{6});`).FindStringSubmatch(c.css)
			if m == nil || m[1] != c.want[i] {
				t.Errorf("%s --%s is %v in the stylesheet, %s here", scheme, name, m, c.want[i])
			}
		}
	}
}
