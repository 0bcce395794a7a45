package site

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"aftercare/app/clinic"

	"github.com/chromedp/cdproto/emulation"
)

// Each level's result has its own face on the phone, in light and dark:
// its mark (symbol and words) in view, its own first action (a call for
// emergency and urgent), the emergency button a strong red with white text
// in both schemes, axe clean; and the clinic's theme colour on the accents
// only in the scheme where it reads well.

// faceClinic gives every contact; its navy reads on white, not on black.
func faceClinic() clinic.Profile {
	p := clinic.DefaultProfile()
	p.Name, p.ShortName, p.ThemeColor = "Harbour Street Massage Clinic", "Harbour St", "#1d4e89"
	p.Phone, p.BookingURL, p.UrgentCareURL = "+44 20 7946 0000", "https://harbourstreet.example/book", "https://harbourstreet.example/urgent"
	return p
}

// faceLook is what a result shows of its face.
type faceLook struct {
	Mark       string `json:"mark"`
	MarkInView bool   `json:"inView"`
	First      string `json:"first"`      // the first action's id
	FirstClass string `json:"firstClass"` // and its classes
	Tel        string `json:"tel"`        // the first tel: link among the actions
	Background string `json:"bg"`         // the first action's background colour
	Color      string `json:"color"`      // and its text colour
}

func (tb *tab) faceLook(t *testing.T) faceLook {
	t.Helper()
	return eval[faceLook](t, tb, `(() => {
		const m = document.getElementById("level-mark");
		const r = m ? m.getBoundingClientRect() : null;
		const a = document.querySelector(".face-actions a");
		const tel = document.querySelector(".face-actions a[href^='tel:']");
		const cs = a ? getComputedStyle(a) : null;
		return {mark: m ? m.innerText : "", inView: !!r && r.height > 0 && r.bottom <= innerHeight && getComputedStyle(m).visibility === "visible",
			first: a ? a.id : "", firstClass: a ? a.className : "", tel: tel ? tel.getAttribute("href") : "",
			bg: cs ? cs.backgroundColor : "", color: cs ? cs.color : ""};
	})()`)
}

func TestBrowserLevelFaces(t *testing.T) {
	needE2E(t)
	p := faceClinic()
	s := realSite(t, Config{Profile: &p})
	srv := startServer(t, s.Handler(quietLogger))
	for _, c := range []struct{ level, mark, first, tel string }{
		{"emergency", "Emergency", "call", "tel:911"},
		{"urgent", "Urgent: today", "call-clinic", "tel:+442079460000"},
		{"doctor", "Doctor in a few days", "book-clinic", "tel:+442079460000"},
		{"selfcare", "Care at home", "start-diary", "tel:+442079460000"},
	} {
		t.Run(c.level, func(t *testing.T) {
			tb := newTab(t, srv.URL)
			tb.startCheck(t)
			if got := tb.walk(t, checkWalk{answers: levelCases[c.level]}); got.Level != c.level {
				t.Fatalf("ended at %s, want %s", got.Level, c.level)
			}
			for _, scheme := range []string{"light", "dark"} {
				tb.colorScheme(t, scheme)
				eval[bool](t, tb, `new Promise(ok => requestAnimationFrame(() => ok(true)))`)
				f := tb.faceLook(t)
				where := c.level + ", " + scheme
				if !strings.HasSuffix(f.Mark, c.mark) || !f.MarkInView {
					t.Errorf("%s: mark %q (in view: %v), want %q in view", where, f.Mark, f.MarkInView, c.mark)
				}
				if f.First != c.first || f.Tel != c.tel {
					t.Errorf("%s: first action #%s, call %q; want #%s, %q", where, f.First, f.Tel, c.first, c.tel)
				}
				if c.level == "emergency" && (!strings.Contains(f.FirstClass, "emergency") || !strongRed(f.Background) || f.Color != "rgb(255, 255, 255)") {
					t.Errorf("%s: the call button is %s on %s (%s), want white on a strong red", where, f.Color, f.Background, f.FirstClass)
				}
				if touch := tb.touching(t, ".face-actions a, #region label, #region select, .result-actions > *"); len(touch) > 0 {
					t.Errorf("%s: these touch: %v", where, touch)
				}
				tb.axe(t, where)
				tb.screenshot(t, "face-"+c.level+"-"+scheme)
				if os.Getenv("AFTERCARE_SCREENSHOTS") != "" { // the safety net too, for looking at
					eval[bool](t, tb, `(document.querySelector(".safety-net, .emergency-screen h2").scrollIntoView(), true)`)
					tb.screenshot(t, "face-"+c.level+"-"+scheme+"-net")
					eval[bool](t, tb, `(scrollTo(0, 0), true)`)
				}
			}
			tb.colorScheme(t, "light")
			// On paper the buttons to tap go; the mark stays.
			call(t, tb, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
			if !eval[bool](t, tb, `getComputedStyle(document.querySelector(".face-actions")).display === "none" && getComputedStyle(document.getElementById("level-mark")).display !== "none"`) {
				t.Errorf("%s: printed, the face's buttons show or its mark does not", c.level)
			}
			call(t, tb, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: ""})
			tb.noErrors(t)
		})
	}
}

// touching lists the pairs of the elements sel finds that touch or
// overlap: less than 4 CSS pixels apart both across and down.
func (tb *tab) touching(t *testing.T, sel string) []string {
	t.Helper()
	return eval[[]string](t, tb, `(() => {
		const els = [...document.querySelectorAll(`+jsonString(sel)+`)].filter(e => e.getClientRects().length);
		const name = e => e.tagName + (e.id ? "#" + e.id : "");
		const out = [];
		for (let i = 0; i < els.length; i++) for (let j = i + 1; j < els.length; j++) {
			const a = els[i].getBoundingClientRect(), b = els[j].getBoundingClientRect();
			const across = Math.max(b.left - a.right, a.left - b.right), down = Math.max(b.top - a.bottom, a.top - b.bottom);
			if (across < 4 && down < 4) out.push(name(els[i]) + " and " + name(els[j]));
		}
		return out;
	})()`)
}

// strongRed: an rgb() colour whose red dominates, dark enough for white
// text (axe checks the ratio itself).
func strongRed(rgb string) bool {
	var r, g, b int
	if _, err := fmt.Sscanf(rgb, "rgb(%d, %d, %d)", &r, &g, &b); err != nil {
		return false
	}
	return r >= 150 && g <= 60 && b <= 60
}

// TestBrowserClinicAccent: the clinic's theme colour is the accent (the
// main button, links, the focus ring) in the light scheme where it reads
// on white; in dark it does not read, and the default dark accent stays.
// A colour that reads in neither leaves the defaults alone.
func TestBrowserClinicAccent(t *testing.T) {
	needE2E(t)
	for _, c := range []struct{ color, light, dark string }{
		{"#1d4e89", "rgb(29, 78, 137)", "rgb(127, 209, 199)"}, // navy: light only
		{"#888888", "rgb(11, 95, 90)", "rgb(127, 209, 199)"},  // mid grey: neither
		{"#ffd400", "rgb(11, 95, 90)", "rgb(255, 212, 0)"},    // yellow: dark only
	} {
		t.Run(c.color, func(t *testing.T) {
			p := clinic.DefaultProfile()
			p.ThemeColor = c.color
			s := realSite(t, Config{Profile: &p})
			srv := startServer(t, s.Handler(quietLogger))
			tb := newTab(t, srv.URL)
			tb.open(t, "/check")
			tb.waitFor(t, screenWait, `document.getElementById("start-check").type === "button"`)
			for scheme, want := range map[string]string{"light": c.light, "dark": c.dark} {
				tb.colorScheme(t, scheme)
				got := eval[[]string](t, tb, `(() => { const b = getComputedStyle(document.getElementById("start-check"));
					const a = getComputedStyle(document.querySelector(".site-footer a"));
					return [b.backgroundColor, a.color]; })()`)
				if got[0] != want || got[1] != want {
					t.Errorf("%s, %s: the main button %s and a link %s, want %s", c.color, scheme, got[0], got[1], want)
				}
				tb.axe(t, c.color+", "+scheme)
			}
			tb.noErrors(t)
		})
	}
}
