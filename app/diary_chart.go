package app

import (
	"fmt"
	"strconv"
	"strings"

	"aftercare/rules"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

const svgNS = "http://www.w3.org/2000/svg"

func svg(tag string) app.HTMLElem { return app.Elem(tag).XMLNS(svgNS) }

// Chart geometry, in the SVG's own units.
const (
	chartW, chartH = 320.0, 190.0
	padL, padR     = 30.0, 26.0
	padT, padB     = 10.0, 28.0
)

// diaryTier is the rules' tier of the diary: the one chosen at the start,
// else the one the check gives the first check-in's pain (the most
// cautious one if neither says).
func diaryTier(s *diaryStore, set *rules.Set) *rules.Tier {
	if t := set.Tier(s.doc.Diary.Tier); t != nil {
		return t
	}
	if len(s.doc.Entries) > 0 {
		r, err := set.Evaluate(rules.Answers{rules.QuestionPain: {Number: s.doc.Entries[0].Pain}})
		if err == nil && r.Tier != nil {
			return r.Tier
		}
	}
	return &set.Plan.Tiers[len(set.Plan.Tiers)-1]
}

// painChart draws pain by day since the massage, over the band a recovery
// of the diary's severity usually stays within: from its usual start down
// to little or no pain by the end of the expected time.
func painChart(l lang, s *diaryStore, set *rules.Set) app.UI {
	entries := s.doc.Entries
	tier := diaryTier(s, set)
	expected := tier.ExpectedDays
	maxDay := expected + 2
	for _, e := range entries {
		maxDay = max(maxDay, s.dayOf(e.Date)+1)
	}
	x := func(day int) float64 { return padL + float64(day)*(chartW-padL-padR)/float64(maxDay) }
	y := func(pain int) float64 { return padT + float64(10-pain)*(chartH-padT-padB)/10 }
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

	top := tier.BandTop
	band := fmt.Sprintf("%s,%s %s,%s %s,%s %s,%s", f(x(0)), f(y(top)), f(x(expected)), f(y(1)), f(x(maxDay)), f(y(1)), f(x(maxDay)), f(y(0)))
	band += fmt.Sprintf(" %s,%s", f(x(0)), f(y(0)))

	parts := []app.UI{
		svg("title").ID("chart-title").Text(l.say("pain_by_day_since_the")),
		svg("desc").ID("chart-desc").Text(trendSummary(l, s, set)),
		svg("polygon").Class("chart-band").Attr("points", band),
	}
	for _, p := range []int{0, 5, 10} {
		parts = append(parts,
			svg("line").Class("chart-grid").Attr("x1", f(padL)).Attr("x2", f(chartW-padR)).Attr("y1", f(y(p))).Attr("y2", f(y(p))),
			svg("text").Class("chart-label").Attr("x", f(padL-6)).Attr("y", f(y(p)+4)).Attr("text-anchor", "end").Text(p),
		)
	}
	for _, d := range []int{0, expected, maxDay} {
		anchor := "middle"
		if d == maxDay {
			anchor = "end" // the last label ends at the axis, inside the chart
		}
		parts = append(parts, svg("text").Class("chart-label").Attr("x", f(x(d))).Attr("y", f(chartH-padB+16)).Attr("text-anchor", anchor).Text(l.say("chart_day", "n", strconv.Itoa(d))))
	}
	var pts []string
	for _, e := range entries {
		pts = append(pts, f(x(s.dayOf(e.Date)))+","+f(y(e.Pain)))
	}
	if len(pts) > 1 {
		parts = append(parts, svg("polyline").Class("chart-line").Attr("points", strings.Join(pts, " ")))
	}
	for _, e := range entries {
		parts = append(parts, svg("circle").Class("chart-point").Attr("cx", f(x(s.dayOf(e.Date)))).Attr("cy", f(y(e.Pain))).Attr("r", "4"))
	}
	return tagClass("div", "chart").Body(
		svg("svg").Class("pain-chart").ID("pain-chart").Attr("viewBox", fmt.Sprintf("0 0 %g %g", chartW, chartH)).
			Attr("role", "img").Attr("aria-labelledby", "chart-title chart-desc").Body(parts...),
		tagClass("p", "chart-key").Text(l.say("the_shaded_area_is_how")),
	)
}

// trendSummary says in words what the chart shows.
func trendSummary(l lang, s *diaryStore, set *rules.Set) string {
	entries := s.doc.Entries
	if len(entries) == 0 {
		return l.say("no_check_ins_yet")
	}
	first, last := entries[0], entries[len(entries)-1]
	expected := diaryTier(s, set).ExpectedDays
	if len(entries) == 1 {
		return l.say("trend_one", "pain", strconv.Itoa(first.Pain), "day", strconv.Itoa(s.dayOf(first.Date)), "expected", strconv.Itoa(expected))
	}
	return l.say("trend_many", "first", strconv.Itoa(first.Pain), "first_day", strconv.Itoa(s.dayOf(first.Date)),
		"last", strconv.Itoa(last.Pain), "last_day", strconv.Itoa(s.dayOf(last.Date)), "n", strconv.Itoa(len(entries)), "expected", strconv.Itoa(expected))
}
