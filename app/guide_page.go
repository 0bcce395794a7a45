package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// guidePage is "/guide": the recovery guide, readable before the app loads.
type guidePage struct {
	pageBase
}

// guideSection is one part of the guide: a heading and a short summary.
type guideSection struct {
	ID, Title, Summary string
}

var guideSections = []guideSection{
	{"causes", "Why it hurts", "Firm pressure on tight muscles can leave them sore for a while. So can a bad posture on the table or a session with no warm-up."},
	{"symptoms", "What it feels like", "Most people feel sore, stiff or tender where the therapist worked. Some feel tired or heavy for a day."},
	{"when-to-see-a-doctor", "When to see a doctor", "Get help if the pain is very bad, keeps getting worse or spreads to your arm. Also get help if you have a fever, numbness or trouble breathing."},
	{"treatments", "What helps", "Rest, gentle stretches, warmth or a cold pack can ease the soreness. A pain reliever from the pharmacy may help too."},
	{"recovery", "How long it lasts", "Mild soreness often goes in 1 to 3 days. Moderate pain can last up to a week. Severe pain may take two weeks or more."},
	{"prevention", "Next time", "Tell your therapist where it hurts and how firm you like it. Speak up during the session if the pressure is too much."},
}

func (p *guidePage) Render() app.UI {
	sections := make([]app.UI, 0, len(guideSections))
	for _, s := range guideSections {
		sections = append(sections, app.Section().ID(s.ID).Class("guide-section").Aria("labelledby", s.ID+"-title").Body(
			app.H2().ID(s.ID+"-title").Text(s.Title),
			app.P().Text(s.Summary),
		))
	}
	return layout("/guide", append([]app.UI{
		heading("Recovery guide"),
		app.P().Class("lead").Text("Back pain after a massage is common. It is almost always harmless and gets better by itself. Here is what to expect and what to do."),
	}, sections...)...)
}
