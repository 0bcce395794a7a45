package app

import (
	"encoding/json"
	"strconv"
	"time"

	"aftercare/rules"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// cardPage is where a clinic makes the aftercare card for a session: the
// date, the answers the card gives the check, the areas worked, a note and
// the clinic's phone; it shows the card as it prints (A6, or a receipt
// printer's width) and as a phone shows it, a QR code and the same link as
// text. The session travels in the link's fragment, which no browser sends
// to a server.
//
// The maker itself is web/card.js with the vendored QR encoder
// web/qrcode.js, loaded on this page only, so the patient's app.wasm does
// not carry them; this component hands it the rules' options and words.
type cardPage struct {
	pageBase
}

func (p *cardPage) OnMount(ctx app.Context) {
	// The options and words go to the script as an argument, not in the
	// page: go-app writes prerendered attributes with Go quoting.
	loadScripts([]string{"/web/qrcode.js", "/web/card.js"}, "aftercareCardMount", "#card-maker", makerConfig(p.l, ruleSet(), localToday()))
	p.pageBase.OnMount(ctx)
}

// cardMakerConfig is what web/card.js builds the maker from.
type cardMakerConfig struct {
	Today     string            `json:"today"`
	Oldest    string            `json:"oldest"`
	NoteMax   int               `json:"noteMax"`
	Phone     string            `json:"phone"`
	Clinic    string            `json:"clinic"`
	Questions []cardQuestion    `json:"questions"`
	Areas     []cardOption      `json:"areas"`
	Advice    []string          `json:"advice"`
	Words     map[string]string `json:"words"`
}

type cardQuestion struct {
	ID      string       `json:"id"`
	Label   string       `json:"label"`
	Options []cardOption `json:"options"`
}

type cardOption struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

// makerConfig gathers the card maker's options and words from the rules.
func makerConfig(l lang, set *rules.Set, today string) string {
	opts := func(list []rules.Option) []cardOption {
		var out []cardOption
		for _, o := range list {
			out = append(out, cardOption{o.ID, l.in(o.Label)})
		}
		return out
	}
	c := cardMakerConfig{Today: today, Oldest: today, NoteMax: set.Card.NoteMax, Phone: profile().Phone, Clinic: profile().Name, Areas: opts(set.Card.Areas),
		Advice: []string{l.say("card_advice_sore"), l.say("card_advice_doctor"), l.say("card_advice_emergency", "number", emergencyNumber())},
	}
	if t, err := time.Parse(dateLayout, today); err == nil {
		if q := set.Question(rules.QuestionDays); q != nil {
			c.Oldest = t.AddDate(0, 0, -q.Max).Format(dateLayout)
		}
	}
	for _, qid := range set.Card.Answers {
		q := set.Question(qid)
		c.Questions = append(c.Questions, cardQuestion{qid, l.in(q.Text), opts(q.Options)})
	}
	c.Words = map[string]string{
		"card_form_date":     l.say("card_form_date"),
		"card_form_areas":    l.say("card_form_areas"),
		"card_form_phone":    l.say("card_form_phone"),
		"card_form_label":    l.say("card_form_label"),
		"card_sheet_lead":    l.say("card_sheet_lead"),
		"card_sheet_label":   l.say("card_sheet_label"),
		"card_qr_label":      l.say("card_qr_label"),
		"card_print_a6":      l.say("card_print_a6"),
		"card_print_receipt": l.say("card_print_receipt"),
		"card_too_long":      l.say("card_too_long"),
		"card_bad_phone":     l.say("card_bad_phone"),
		"choose":             l.say("choose"),
		"therapist_note":     l.say("therapist_note"),
		"card_form_note":     l.say("card_form_note", "n", strconv.Itoa(set.Card.NoteMax)),
	}
	b, _ := json.Marshal(c)
	return string(b)
}

func (p *cardPage) Render() app.UI {
	l := p.l
	return p.layout("/card",
		heading(l.say("card_page_title")),
		tagClass("p", "lead no-print").Text(l.say("card_page_intro")),
		app.Elem("div").ID("card-maker").Body(
			app.Elem("p").ID("card-maker-wait").Text(l.say("card_page_loading")),
		),
	)
}
