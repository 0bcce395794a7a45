package rules

import "strings"

// Report is a Result in words, in one locale: what `aftercare triage` prints
// as JSON. (The app's summary for a doctor is built in package app.)
type Report struct {
	Level     Level          `json:"level"`
	Title     string         `json:"title"`
	DoNow     string         `json:"do_now"`
	Reasons   []ReportReason `json:"reasons"`
	Causes    []ReportCause  `json:"causes"`
	Plan      ReportPlan     `json:"plan"`
	SafetyNet string         `json:"safety_net"`
	Pending   []string       `json:"pending"`
	Certain   bool           `json:"certain"`
	Note      string         `json:"note"`
}

// ReportReason is a flag that applies.
type ReportReason struct {
	Flag    string   `json:"flag"`
	Level   Level    `json:"level"`
	Text    string   `json:"text"`
	Answers []string `json:"answers"`
}

// ReportCause is a ranked likely cause.
type ReportCause struct {
	ID      string   `json:"id"`
	Title   string   `json:"title"`
	Explain string   `json:"explain"`
	Score   int      `json:"score"`
	Reasons []string `json:"reasons"`
}

// ReportPlan is the advice that fits the level (see Advise): the recovery
// plan for doctor and self-care, what to do until seen for urgent, nothing
// for emergency.
type ReportPlan struct {
	Tier         string   `json:"tier,omitempty"` // none without a pain score
	Timeline     string   `json:"timeline,omitempty"`
	ExpectedDays int      `json:"expected_days,omitempty"`
	Tips         []string `json:"tips"`
	Home         []string `json:"home"`
	UntilSeen    []string `json:"until_seen"`
	TellDoctor   string   `json:"tell_doctor,omitempty"`
}

// Report puts a result into words.
func (s *Set) Report(r Result, locale string) Report {
	info := s.Level(r.Level)
	adv := s.Advise(r)
	net := ""
	for _, w := range adv.Watch {
		net += s.In(w, locale) + " "
	}
	rep := Report{
		Level:     r.Level,
		Title:     s.In(info.Title, locale),
		DoNow:     s.In(info.DoNow, locale),
		SafetyNet: net + s.In(info.SafetyNet, locale) + s.callFor(info, locale),
		Pending:   append([]string{}, r.Pending...),
		Certain:   r.Certain,
		Note:      s.In(s.Common.NotADiagnosis, locale),
		Reasons:   []ReportReason{},
		Causes:    []ReportCause{},
	}
	for _, x := range r.Reasons {
		rep.Reasons = append(rep.Reasons, ReportReason{x.Flag.ID, x.Flag.Level, s.In(x.Flag.Reason, locale), x.Answers})
	}
	for _, c := range r.Causes {
		rc := ReportCause{ID: c.Cause.ID, Title: s.In(c.Cause.Title, locale), Explain: s.In(c.Cause.Explain, locale), Score: c.Score}
		for _, t := range c.Reasons {
			rc.Reasons = append(rc.Reasons, s.In(t, locale))
		}
		rep.Causes = append(rep.Causes, rc)
	}
	if r.Tier != nil && r.Level != Emergency && r.Level != Urgent {
		rep.Plan = ReportPlan{Tier: r.Tier.ID, Timeline: s.In(r.Tier.Timeline, locale), ExpectedDays: r.Tier.ExpectedDays}
	}
	say := func(items []Item) []string {
		out := []string{}
		for _, it := range items {
			out = append(out, s.In(it.Title, locale)+": "+s.In(it.Body, locale))
		}
		return out
	}
	rep.Plan.Tips, rep.Plan.Home, rep.Plan.UntilSeen = say(adv.Tips), say(adv.Home), say(adv.UntilSeen)
	rep.Plan.TellDoctor = s.In(adv.TellDoctor, locale)
	return rep
}

// callFor is a level's CallFor and every emergency sign after it, in one
// line ("; " between the signs), or nothing.
func (s *Set) callFor(info *LevelInfo, locale string) string {
	if len(info.CallFor) == 0 {
		return ""
	}
	var signs []string
	for _, t := range s.CallSigns() {
		signs = append(signs, s.In(t, locale))
	}
	return " " + s.In(info.CallFor, locale) + " " + strings.Join(signs, "; ") + "."
}
