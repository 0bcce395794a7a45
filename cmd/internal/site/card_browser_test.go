package site

import (
	"bytes"
	"image/png"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
)

// cardCalm is a calm case, answered as the walk answers it.
var cardCalm = map[string]any{"pain_now": 3, "days": 1}

// readQR screenshots the card's QR code and decodes it with a real QR
// reader (gozxing), as a phone's camera would read it.
func (tb *tab) readQR(t *testing.T) string {
	t.Helper()
	eval[bool](t, tb, `(document.getElementById("card-qr").scrollIntoView({block: "center"}), true)`)
	shot, err := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatal(err)
	}
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_TRY_HARDER: true})
	if err != nil {
		t.Fatalf("the QR code does not decode: %v", err)
	}
	return res.GetText()
}

// TestBrowserAftercareCard: the clinic fills in the card; its QR code
// decodes to its link; the link, opened on a fresh phone, greets the person
// with the session, takes the check to the advice in fewer screens, marks
// the card's answers on the summary, and starts the diary with the date,
// the areas and the note; a damaged link says so; and, after one visit,
// the link works with no network.
func TestBrowserAftercareCard(t *testing.T) {
	_, srv, desk := appTab(t)
	desk.open(t, "/card")
	desk.waitFor(t, screenWait, `document.getElementById("card-maker").hasAttribute("data-ready")`)
	desk.axe(t, "card maker")
	date := eval[string](t, desk, `(() => { const d = new Date(); d.setDate(d.getDate() - 2); return d.toISOString().slice(0, 10); })()`)
	desk.setField(t, "card-date", date)
	desk.setField(t, "card-massage_type", "deep")
	desk.setField(t, "card-pressure", "firm")
	desk.tick(t, "card-area-neck")
	desk.tick(t, "card-area-upper_back")
	note := "Deep work on the left shoulder blade; drink water. Call us if it gets worse."
	desk.setField(t, "card-note", note)
	// The QR code holds the session; the printed link is the page's
	// address only, short enough to type, beside the code.
	link := desk.readQR(t)
	if !strings.HasPrefix(link, srv.URL+"/welcome#v=1&") || !strings.Contains(link, "massage_type=deep") {
		t.Fatalf("the QR code reads %q", link)
	}
	if short := eval[string](t, desk, `document.getElementById("card-link").textContent`); short != srv.URL+"/welcome" {
		t.Errorf("the card prints the link %q, want the page's address %q without the session", short, srv.URL+"/welcome")
	}
	if !eval[bool](t, desk, `(() => { const q = document.getElementById("card-qr").getBoundingClientRect(), l = document.getElementById("card-link").getBoundingClientRect();
		return l.left >= q.right && l.top < q.bottom && l.bottom > q.top; })()`) {
		t.Error("the link is not beside the QR code")
	}
	version := eval[string](t, desk, `document.getElementById("card-qr").getAttribute("data-version")`)
	t.Logf("card link: %d characters with a %d-letter note; QR version %s, error correction M", len(link), len(note), version)
	desk.axe(t, "card with its QR code")
	for _, paper := range []struct {
		class string
		w, h  float64
	}{{"print-a6", 4.13, 5.83}, {"print-receipt", 3.15, 7.87}} {
		eval[bool](t, desk, `(document.documentElement.classList.add("`+paper.class+`"), true)`)
		// On paper: the card and nothing else.
		call(t, desk, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		shown := eval[string](t, desk, `[...document.querySelectorAll("#card-sheet, #card-qr, h1, .card-form, .site-footer")].map(e => e.id || e.tagName + "." + e.className + ":" + (e.getBoundingClientRect().height > 0)).join(" ")`)
		visible := eval[[]string](t, desk, `[...document.querySelectorAll("#card-sheet, #card-qr, #card-link, h1, .card-form, .site-footer, #print-a6")].filter(e => e.getBoundingClientRect().height > 0).map(e => e.id || e.tagName.toLowerCase())`)
		beside := eval[bool](t, desk, `(() => { const q = document.getElementById("card-qr").getBoundingClientRect(), l = document.getElementById("card-link").getBoundingClientRect();
			return l.left >= q.right && l.top < q.bottom; })()`)
		printed := desk.readQR(t) // at its printed size
		call(t, desk, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: ""})
		if printed != link {
			t.Errorf("%s: the printed QR code reads %q", paper.class, printed)
		}
		if !beside {
			t.Errorf("%s: on paper, the link is not beside the QR code", paper.class)
		}
		if strings.Join(visible, " ") != "card-sheet card-qr card-link" {
			t.Errorf("%s: on paper, shown: %v, want the card only (%s)", paper.class, visible, shown)
		}
		if n := desk.printedPages(t, paper.w, paper.h); n != 1 {
			t.Errorf("%s: the card prints on %d pages, want 1", paper.class, n)
		}
		eval[bool](t, desk, `(document.documentElement.classList.remove("`+paper.class+`"), true)`)
	}
	desk.noErrors(t)

	// The person's phone, a fresh profile: the link greets them.
	phone := newTab(t, srv.URL)
	phone.doAndWait(t, `!!document.getElementById("card-details")`, chromedp.Navigate(link), waitReady())
	text := eval[string](t, phone, `document.querySelector("main").innerText`)
	for _, want := range []string{"Welcome from Aftercare", "Deep tissue", "Areas worked on: Neck, Upper back", note} {
		if !strings.Contains(text, want) {
			t.Errorf("the welcome lacks %q:\n%s", want, text)
		}
	}
	if hash := eval[string](t, phone, `location.hash`); hash != "" {
		t.Errorf("the card stays in the address: %s", hash)
	}
	phone.axe(t, "welcome from a card")

	// The check skips what the card answered: fewer screens to the advice.
	phone.tapTo(t, "#card-check", `!!document.querySelector("[data-question]")`)
	withCard := 0
	got := phone.walk(t, checkWalk{answers: cardCalm, onScreen: func(sc screen) {
		withCard++
		if sc.Question == "days" || sc.Question == "massage_type" || sc.Question == "pressure" {
			t.Errorf("the check asks %s, which the card answered", sc.Question)
		}
	}})
	withCard++ // the advice
	plain := newTab(t, srv.URL)
	plain.open(t, "/")
	without, level := plain.screensTo(t, cardCalm)
	t.Logf("calm case: %d screens to the advice from a card, %d from the home page without one", withCard, without)
	if got.Level != level || withCard >= without {
		t.Errorf("from a card: %d screens to %s; without: %d to %s", withCard, got.Level, without, level)
	}
	phone.tapTo(t, "#summary", `!!document.querySelector(".answers-table")`)
	summary := eval[string](t, phone, `document.querySelector("main").innerText`)
	for _, want := range []string{"Deep tissue (from your clinic's card)", "Firm (from your clinic's card)", note} {
		if !strings.Contains(summary, want) {
			t.Errorf("the summary lacks %q", want)
		}
	}

	// The diary starts with the card's date, areas and note.
	phone.openDiary(t, "/diary")
	if got := eval[string](t, phone, `document.getElementById("massage-date").value`); got != date {
		t.Errorf("the diary's massage date is %q, want the card's %s", got, date)
	}
	phone.startDiary(t)
	phone.open(t, "/diary/summary")
	phone.waitFor(t, screenWait, `!!document.querySelector("ul.facts")`)
	diary := eval[string](t, phone, `document.querySelector("main").innerText`)
	for _, want := range []string{"Areas worked on: Neck, Upper back", "Note from your therapist: " + note} {
		if !strings.Contains(diary, want) {
			t.Errorf("the diary summary lacks %q", want)
		}
	}
	phone.noErrors(t)

	// A damaged link: a plain message, the normal check, no card kept.
	damaged := strings.Replace(link, "massage_type=deep", "massage_type=deeq", 1)
	other := newTab(t, srv.URL)
	other.doAndWait(t, `!!document.getElementById("card-problem")`, chromedp.Navigate(damaged), waitReady())
	if eval[bool](t, other, `!!document.getElementById("card-diary") || !document.getElementById("card-check") || localStorage.getItem("aftercare.card") !== null`) {
		t.Error("a damaged link is used, or offers no way into the check")
	}

	// Offline: after one visit, the link opens with no network.
	offline := newTab(t, srv.URL)
	offline.open(t, "/")
	offline.waitControlled(t)
	srv.Stop()
	offline.doAndWait(t, `!!document.getElementById("card-details")`, chromedp.Navigate(link), waitReady())
	offline.tapTo(t, "#card-check", `!!document.querySelector("[data-question]")`)
	// The person takes the card's answers back: the check asks them.
	offline.tapTo(t, "#card-ask", `!document.getElementById("card-ask")`)
	askedDays := false
	if got := offline.walk(t, checkWalk{answers: cardCalm, onScreen: func(sc screen) { askedDays = askedDays || sc.Question == "days" }}); got.Level != level || !askedDays {
		t.Errorf("offline from a card, its answers taken back: %s (days asked: %v), want %s", got.Level, askedDays, level)
	}
}
