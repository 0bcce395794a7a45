package site

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// regionSel is a region of the body map's drawing in one view.
func regionSel(view, id string) string {
	return fmt.Sprintf(`[data-view=%q] path[data-region=%q]`, view, id)
}

// marked holds once a region is marked (on) or clear (off) both on the
// list and on every view of the drawing that shows it.
func marked(id string, on bool) string {
	return fmt.Sprintf(`(cb => !!cb && cb.checked === %v && [...document.querySelectorAll('path[data-region=%q]')].every(p => p.classList.contains("marked") === %v))(document.querySelector('input[data-option=%q]'))`, on, id, on, id)
}

// TestBrowserBodyMap: on the body map a tap on a region marks it, on the
// drawing and on the list; a second tap, in either view, clears it; several
// can be marked at once. The marks come back after a reload. Keys alone
// (Tab to the region's box, Space) mark a region. The drawing is inline, no
// image is fetched; at 390 px with 200% text nothing needs scrolling
// sideways, and axe finds nothing, light or dark. Marking the chest opens
// the chest pain question next.
func TestBrowserBodyMap(t *testing.T) {
	_, _, tb := appTab(t)
	tb.startCheck(t)
	tb.walk(t, checkWalk{stopAt: "where"})
	if n := eval[int](t, tb, `document.querySelectorAll(".body-map svg path[data-region]").length`); n < 20 {
		t.Fatalf("%d regions drawn, want the front and the back views", n)
	}
	if eval[bool](t, tb, `!!document.querySelector(".body-map img, .body-map image") || performance.getEntriesByType("resource").some(r => /\.(png|jpe?g|gif|webp)$/.test(r.name) && !r.name.includes("icon"))`) {
		t.Error("the body map fetches an image; it must be drawn inline")
	}

	tb.settle(t)
	tb.tapAndWait(t, regionSel("front", "chest"), marked("chest", true))
	tb.tapAndWait(t, regionSel("back", "arm_left"), marked("arm_left", true))
	tb.tapAndWait(t, regionSel("back", "blade_right"), marked("blade_right", true))
	tb.tapAndWait(t, regionSel("front", "arm_left"), marked("arm_left", false))
	if !eval[bool](t, tb, marked("chest", true)+" && "+marked("blade_right", true)) {
		t.Error("clearing one region cleared another")
	}

	tb.do(t, chromedp.Reload(), waitReady())
	tb.waitFor(t, screenWait, `(q => !!q && q.dataset.question === "where")(document.querySelector("[data-question]"))`)
	tb.waitFor(t, screenWait, marked("chest", true)+" && "+marked("blade_right", true)+" && "+marked("arm_left", false))

	tb.doAndWait(t, marked("belly", true), tb.act(true, `input[data-option="belly"]`, " "))

	tb.fitsAt200(t, "the body map")
	tb.axe(t, "the body map")
	tb.colorScheme(t, "dark")
	tb.axe(t, "the body map, dark")

	tb.tapAndWait(t, "#continue", screenAfter("where"))
	if sc := tb.screen(t); sc.Question != "chest" {
		t.Errorf("after marking the chest, on %+v, want the chest pain question", sc)
	}
	tb.noErrors(t)
}

// TestBrowserBodyMapInSpanish: in Spanish, the views and the regions have
// their Spanish names, and a tap marks a region as in English.
func TestBrowserBodyMapInSpanish(t *testing.T) {
	_, srv, _ := appTab(t)
	tb := spanishPhone(t, srv.URL)
	tb.open(t, "/es/check")
	tb.clickStart(t)
	tb.walk(t, checkWalk{stopAt: "where"})
	for _, want := range []string{"Vista de frente", "Vista de espalda", "Debajo de las costillas, lado derecho", "Entre los omóplatos", "Mandíbula"} {
		if !eval[bool](t, tb, `document.querySelector("main").textContent.includes(`+jsonString(want)+`) || [...document.querySelectorAll("main svg")].some(s => s.getAttribute("aria-label") === `+jsonString(want)+`)`) {
			t.Errorf("the Spanish body map lacks %q", want)
		}
	}
	tb.settle(t)
	tb.tapAndWait(t, regionSel("front", "ribs_right"), marked("ribs_right", true))
	tb.axe(t, "/es/check body map")
	tb.noErrors(t)
}
