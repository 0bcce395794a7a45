package rules

import (
	"fmt"
	"maps"
	"reflect"
	"runtime"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// CheckInFull is whether the rules and a clinic's profile are checked in
// full as they are read: everywhere but in the browser. app.wasm reads only
// what the server side built and checked in full (rules.json, the profile
// the server hands over), so there only what prepares them runs, and, this
// being a constant, the checks that only look are not linked into it.
const CheckInFull = runtime.GOARCH != "wasm"

// compile checks the whole set and prepares its conditions. It reports every
// problem it finds, not just the first.
//
// In the browser (CheckInFull is false there) only what prepares the
// set runs: the words file it reads was made from YAML that passed
// every check, and the tests keep the two in step, so the checks that only
// look (checkOnly) are left out of app.wasm. TestBrowserCompileIsTheSame
// shows they change nothing.
func (s *Set) compile() Problems {
	ps := s.prepare()
	if CheckInFull {
		ps = append(ps, s.checkOnly()...)
	}
	return ps
}

// prepare checks what it must to index the questions and prepare the
// conditions (parsed from their text, or read parsed from browser.json),
// and derives what the app reads (see derive).
func (s *Set) prepare() Problems {
	var ps Problems
	s.searches = &searchIndexes{}
	s.checkQuestions(&ps)
	s.checkGroups(&ps)
	s.checkFlags(&ps)
	s.checkCauses(&ps)
	s.checkTiers(&ps)
	s.derive()
	return ps
}

// checkOnly runs the checks that change nothing in the set.
func (s *Set) checkOnly() Problems {
	var ps Problems
	s.checkLocales(&ps)
	s.checkSafety(&ps)
	s.checkSources(&ps)
	s.checkTexts(reflect.ValueOf(s).Elem(), "", &ps)
	s.checkWords(&ps)
	s.checkLevels(&ps)
	s.checkShorts(&ps)
	s.checkGuide(&ps)
	s.checkDiary(&ps)
	s.checkCard(&ps)
	s.checkAdvice(&ps)
	s.checkSay(&ps)
	s.checkThem(&ps)
	s.checkRegions(&ps)
	return ps
}

// checkSay refuses a sign (an option a flag uses) without people's own
// words for the search in every locale, the search box could not find it:
// in every checklist, and in any other question that has words for the
// search (who the person is, the trend and the days are not typed; a body
// map's regions are pointed at, not typed).
func (s *Set) checkSay(ps *Problems) {
	done := map[[2]int]bool{}
	for _, f := range s.Flags {
		for _, c := range f.when {
			if q := &s.Questions[c.q]; q.BodyMap || q.Kind != KindMulti && !slices.ContainsFunc(q.Options, func(o Option) bool { return len(o.Say) > 0 }) {
				continue // a body map is said by pointing
			}
			for oi, on := range c.allowed {
				if !on || done[[2]int{c.q, oi}] {
					continue
				}
				done[[2]int{c.q, oi}] = true
				o := &s.Questions[c.q].Options[oi]
				for _, l := range s.Locales {
					if strings.TrimSpace(o.Say[l]) == "" {
						ps.add(fmt.Sprintf("questions[%d].options[%d].say", c.q, oi), "%s is a sign (flag %s) with no words for the search in %q: add say, the words people use for it", o.ID, f.ID, l)
					}
				}
			}
		}
	}
}

// checkAdvice checks that every not_with of the plan names a group, and
// that an urgent result has what to do until seen.
func (s *Set) checkAdvice(ps *Problems) {
	lists := []struct {
		path  string
		items []Item
	}{{"plan.tips", s.Plan.Tips}, {"plan.treatments.home", s.Plan.Treatments.Home}, {"plan.until_seen", s.Plan.UntilSeen}}
	for _, l := range lists {
		for i, it := range l.items {
			for j, g := range it.NotWith {
				if s.group(g) == nil {
					ps.add(fmt.Sprintf("%s[%d].not_with[%d]", l.path, i, j), "unknown group %q (groups: %s)", g, s.groupIDs())
				}
			}
		}
	}
	if len(s.Plan.UntilSeen) == 0 {
		ps.add("plan.until_seen", "no advice until seen: an urgent result needs it")
	}
}

// checkLocales checks the locale codes, the default first, each once.
func (s *Set) checkLocales(ps *Problems) {
	if len(s.Locales) == 0 {
		ps.add("locales", "no locales: list at least one, the default first (e.g. [en])")
	}
	for _, l := range s.Locales {
		if _, ok := s.Names[l]; !ok {
			ps.add("names", "no name for locale %q: give it in every locale", l)
		}
	}
	for l := range s.Names {
		if !slices.Contains(s.Locales, l) {
			ps.add("names."+l, "a name for %q, which locales does not list", l)
		}
	}
	for i, l := range s.Locales {
		switch {
		case !validLocale(l):
			ps.add(fmt.Sprintf("locales[%d]", i), "bad locale %q (want a code such as en or pt-BR)", l)
		case slices.Contains(s.Locales[:i], l):
			ps.add(fmt.Sprintf("locales[%d]", i), "duplicate locale %q", l)
		}
	}
}

// checkQuestions checks the questions in order (ask_if may use only earlier
// ones) and indexes them.
func (s *Set) checkQuestions(ps *Problems) {
	s.index = map[string]int{}
	for i := range s.Questions {
		q := &s.Questions[i]
		path := fmt.Sprintf("questions[%d]", i)
		checkID(path, q.ID, "question", ps)
		if _, dup := s.index[q.ID]; dup {
			ps.add(path+".id", "duplicate question id %q", q.ID)
		}
		s.fillYesNo(path, q, ps)
		q.askIf = s.condList(path+".ask_if", q.AskIf, q.AskIfParsed, i, ps)
		if _, dup := s.index[q.ID]; !dup && q.ID != "" {
			s.index[q.ID] = i
		}
	}
	if len(s.Questions) == 0 {
		ps.add("questions", "no questions")
	}
}

// checkFlags checks the red flags' ids, levels and groups, parses their
// conditions, and gives each group its flags (checkSafety checks that the
// conditions are monotone).
func (s *Set) checkFlags(ps *Problems) {
	flagIDs := map[string]bool{}
	for i := range s.Flags {
		f := &s.Flags[i]
		path := fmt.Sprintf("flags[%d]", i)
		checkID(path, f.ID, "flag", ps)
		firstUse(flagIDs, f.ID, path, "flag id", ps)
		if !f.Level.valid() || f.Level == SelfCare {
			ps.add(path+".level", "level %q: a flag raises the advice to emergency, urgent or doctor", f.Level)
		}
		switch g := s.group(f.Group); {
		case g == nil:
			ps.add(path+".group", "unknown group %q (groups: %s)", f.Group, s.groupIDs())
		case g.Level != f.Level:
			ps.add(path+".level", "level %q: the flag's group %s is %s, and a group's flags share its level", f.Level, g.ID, g.Level)
		default:
			g.flags = append(g.flags, f)
		}
		f.when = s.conds(path+".when", f.When, f.WhenParsed, ps)
	}
}

// checkSources checks that every flag names the published guidance it
// comes from (the rules book shows it to the clinician who signs it off).
func (s *Set) checkSources(ps *Problems) {
	for i, f := range s.Flags {
		if strings.TrimSpace(f.Source) == "" {
			ps.add(fmt.Sprintf("flags[%d].source", i), "flag %s names no source: say which published page and section it comes from", f.ID)
		}
	}
}

// checkSafety checks what keeps the advice safe and every question
// reachable: a flag's conditions use only questions whose answers run from
// mild to severe and hold for every worse answer (so a worse answer never
// gives calmer advice), each level but self-care has a flag, each group
// has one, and each question's ask_if can be true.
func (s *Set) checkSafety(ps *Problems) {
	for i := range s.Flags {
		f := &s.Flags[i]
		for j, c := range f.when {
			q := &s.Questions[c.q]
			switch {
			case q.Kind == KindChoice && !q.Ordered:
				ps.add(fmt.Sprintf("flags[%d].when[%d]", i, j), "condition %q: a flag may only use questions whose answers run from mild to severe, and %s is not ordered", c.src, q.ID)
			case !c.upwardClosed(q):
				ps.add(fmt.Sprintf("flags[%d].when[%d]", i, j), "condition %q: must also hold for every worse answer of %s, or a worse answer could lower the advice (use >=)", c.src, q.ID)
			}
		}
	}
	for i := range s.Questions {
		q := &s.Questions[i]
		s.checkQuestion(fmt.Sprintf("questions[%d]", i), q, ps)
		checkBodyMap(fmt.Sprintf("questions[%d]", i), q, ps)
		if len(q.askIf) == len(q.AskIf)+len(q.AskIfParsed) && !satisfiable(s, q.askIf) {
			ps.add(fmt.Sprintf("questions[%d].ask_if", i), "unreachable: these conditions can never all be true, so %s is never asked", q.ID)
		}
	}
	for l := range Levels[:len(Levels)-1] {
		if !s.hasFlag(Levels[l]) {
			ps.add("flags", "no flag leads to %s", Levels[l])
		}
	}
	for i := range s.Groups {
		if g := &s.Groups[i]; len(g.flags) == 0 && g.ID != "" {
			ps.add(fmt.Sprintf("groups[%d]", i), "group %s has no flags: give it one, or remove it", g.ID)
		}
	}
}

// checkLevels checks that every level is described once, most urgent first.
func (s *Set) checkLevels(ps *Problems) {
	seen := map[Level]bool{}
	for i, l := range s.Levels {
		path := fmt.Sprintf("levels[%d]", i)
		switch {
		case !l.ID.valid():
			ps.add(path+".id", "unknown level %q (levels: %s)", l.ID, strings.Join(levelStrings(), ", "))
		case !firstUse(seen, l.ID, path, "level", ps):
		case i < len(Levels) && l.ID != Levels[i]:
			ps.add(path+".id", "level %q out of order: list them most urgent first (%s)", l.ID, strings.Join(levelStrings(), ", "))
		}
		if n := utf8.RuneCountInString(l.Icon); n < 1 || n > 2 {
			ps.add(path+".icon", "icon %q: want one text symbol (such as \"\\u2302\"), shown beside the mark's words", l.Icon)
		}
		if l.ID == SelfCare && len(l.CallFor) == 0 {
			ps.add(path+".call_for", "missing: self-care lists every emergency sign after this line")
		}
	}
	for _, l := range Levels {
		if !seen[l] {
			ps.add("levels", "missing level %q", l)
		}
	}
}

// checkCauses checks the likely causes and their points.
func (s *Set) checkCauses(ps *Problems) {
	causeIDs := map[string]bool{}
	for i := range s.Causes {
		c := &s.Causes[i]
		path := fmt.Sprintf("causes[%d]", i)
		checkID(path, c.ID, "cause", ps)
		firstUse(causeIDs, c.ID, path, "cause id", ps)
		if len(c.Points) == 0 {
			ps.add(path+".points", "no points: say which answers point to this cause")
		}
		for j := range c.Points {
			p := &c.Points[j]
			pp := fmt.Sprintf("%s.points[%d]", path, j)
			p.when = s.conds(pp+".when", p.When, p.WhenParsed, ps)
			if p.Weight < 1 || p.Weight > 10 {
				ps.add(pp+".weight", "weight %d out of range (1 to 10)", p.Weight)
			}
		}
	}
}

// checkTiers checks the severity tiers of the recovery plan.
func (s *Set) checkTiers(ps *Problems) {
	tierIDs := map[string]bool{}
	for i := range s.Plan.Tiers {
		t := &s.Plan.Tiers[i]
		path := fmt.Sprintf("plan.tiers[%d]", i)
		checkID(path, t.ID, "tier", ps)
		firstUse(tierIDs, t.ID, path, "tier id", ps)
		t.when = s.conds(path+".when", t.When, t.WhenParsed, ps)
		if t.BandTop < 1 || t.BandTop > 10 {
			ps.add(path+".band_top", "band_top %d: want the pain this tier usually starts from, 1 to 10", t.BandTop)
		}
		if t.ExpectedDays < 1 || t.ExpectedDays > 90 {
			ps.add(path+".expected_days", "expected_days %d: want the days this tier usually takes to heal, 1 to 90", t.ExpectedDays)
		}
	}
	if len(s.Plan.Tiers) == 0 {
		ps.add("plan.tiers", "no severity tiers")
	}
}

// checkGuide checks the guide's sections.
func (s *Set) checkGuide(ps *Problems) {
	sectionIDs := map[string]bool{}
	for i, sec := range s.Guide {
		path := fmt.Sprintf("guide[%d]", i)
		if !validSectionID(sec.ID) {
			ps.add(path+".id", "bad section id %q (lower case letters, digits and -)", sec.ID)
		}
		firstUse(sectionIDs, sec.ID, path, "section id", ps)
		for j, inc := range sec.Include {
			if !slices.Contains(Includes, inc) {
				ps.add(fmt.Sprintf("%s.include[%d]", path, j), "unknown part %q (parts: %s)", inc, strings.Join(Includes, ", "))
			}
		}
	}
}

// checkGroups checks the groups of danger signs; their flags are added as
// the flags are checked.
func (s *Set) checkGroups(ps *Problems) {
	seen := map[string]bool{}
	for i := range s.Groups {
		g := &s.Groups[i]
		g.flags = nil
		path := fmt.Sprintf("groups[%d]", i)
		checkID(path, g.ID, "group", ps)
		firstUse(seen, g.ID, path, "group id", ps)
		if !g.Level.valid() || g.Level == SelfCare {
			ps.add(path+".level", "level %q: a group of danger signs is emergency, urgent or doctor", g.Level)
		}
	}
	if len(s.Groups) == 0 {
		ps.add("groups", "no groups of danger signs")
	}
}

// checkShorts: each emergency group has its few words, its line of the
// self-care safety net. (A look-only check: the browser's set has no words until its
// bundle comes.)
func (s *Set) checkShorts(ps *Problems) {
	for i, g := range s.Groups {
		if g.Level == Emergency && len(g.Short) == 0 {
			ps.add(fmt.Sprintf("groups[%d].short", i), "an emergency group needs a short name, for the self-care safety net")
		}
	}
}

// derive fills in what the rules show in more than one place: each level's
// signs and the diary's daily warning signs, both from the groups.
func (s *Set) derive() {
	for i := range s.Levels {
		s.Levels[i].Signs = nil
		for _, g := range s.Groups {
			if g.Level == s.Levels[i].ID {
				s.Levels[i].Signs = append(s.Levels[i].Signs, g.Label)
			}
		}
	}
	s.Diary.RedFlags = nil
	for _, g := range s.Groups {
		if g.Diary && len(g.flags) > 0 {
			s.Diary.RedFlags = append(s.Diary.RedFlags, DiaryFlag{ID: g.ID, Level: g.Level, Label: g.Label, Reason: g.flags[0].Reason})
		}
	}
}

func (s *Set) group(id string) *Group {
	for i := range s.Groups {
		if s.Groups[i].ID == id {
			return &s.Groups[i]
		}
	}
	return nil
}

func (s *Set) groupIDs() string {
	ids := make([]string, len(s.Groups))
	for i, g := range s.Groups {
		ids[i] = g.ID
	}
	return strings.Join(ids, ", ")
}

func (s *Set) checkDiary(ps *Problems) {
	d := &s.Diary
	for _, n := range []struct {
		name      string
		v, lo, hi int
	}{
		{"improvement_points", d.ImprovementPoints, 1, 10},
		{"improvement_percent", d.ImprovementPercent, 1, 100},
		{"rise_points", d.RisePoints, 1, 10},
		{"trend_days", d.TrendDays, 1, 7},
		{"recovered_max_pain", d.RecoveredMaxPain, 0, 10},
		{"recovered_days", d.RecoveredDays, 1, 14},
	} {
		if n.v < n.lo || n.v > n.hi {
			ps.add("diary."+n.name, "%s %d out of range (%d to %d)", n.name, n.v, n.lo, n.hi)
		}
	}
	for _, list := range []struct {
		name string
		opts []Option
	}{{"stiffness", d.Stiffness}, {"helped", d.Helped}} {
		if len(list.opts) == 0 {
			ps.add("diary."+list.name, "no options: the daily check-in lists them")
		}
		seen := map[string]bool{}
		for i, o := range list.opts {
			path := fmt.Sprintf("diary.%s[%d]", list.name, i)
			checkID(path, o.ID, "option", ps)
			firstUse(seen, o.ID, path, "option id", ps)
		}
	}
	for _, old := range slices.Sorted(maps.Keys(d.V1Signs)) {
		for i, id := range d.V1Signs[old] {
			if g := s.group(id); g == nil || !g.Diary {
				ps.add(fmt.Sprintf("diary.v1_signs.%s[%d]", old, i), "%q is not a group marked diary (groups: %s)", id, s.groupIDs())
			}
		}
	}
	diary := 0
	for _, g := range s.Groups {
		if g.Diary {
			diary++
		}
	}
	if diary == 0 && len(s.Groups) > 0 {
		ps.add("groups", "no group is marked diary: the daily check-in needs warning signs")
	}
	// The diary reads pain, days and trend through the check's questions.
	for _, id := range diaryQuestions {
		if q := s.Question(id); q == nil {
			ps.add("questions", "no question %q: the diary needs it", id)
		}
	}
}

// fillYesNo gives a yesno question its options, no and yes (a compiled
// set, rules.json, has them already).
func (s *Set) fillYesNo(path string, q *Question, ps *Problems) {
	if q.Kind != KindYesNo {
		return
	}
	if len(q.Options) > 0 && (len(q.Options) != 2 || q.Options[0].ID != "no" || q.Options[1].ID != "yes") {
		ps.add(path+".options", "a yesno question has the options no and yes already: leave options out")
	}
	q.Options = []Option{{ID: "no", Label: s.Common.No}, {ID: "yes", Label: s.Common.Yes}}
}

func (s *Set) checkQuestion(path string, q *Question, ps *Problems) {
	switch q.Kind {
	case KindYesNo:
	case KindChoice, KindMulti:
		if len(q.Options) < 2 {
			ps.add(path+".options", "a %s question needs at least 2 options", q.Kind)
		}
	case KindScale:
		if len(q.Options) > 0 {
			ps.add(path+".options", "a scale has no options, only min and max")
		}
		if q.Min >= q.Max {
			ps.add(path+".max", "max %d must be above min %d", q.Max, q.Min)
		}
		if q.Min < 0 || q.Max > 100 {
			ps.add(path+".max", "a scale runs within 0 to 100 (each number is a button); got %d to %d", q.Min, q.Max)
		}
		if len(q.Value) > 0 {
			for l, v := range q.Value {
				if !strings.Contains(v, "{n}") {
					ps.add(path+".value."+l, "value %q: say where the number goes with {n}", v)
				}
			}
		}
		for i, a := range q.Anchors {
			if a.Value < q.Min || a.Value > q.Max {
				ps.add(fmt.Sprintf("%s.anchors[%d].value", path, i), "anchor %d is outside the scale (%d to %d)", a.Value, q.Min, q.Max)
			}
		}
	default:
		ps.add(path+".kind", "unknown kind %q (kinds: %s)", q.Kind, strings.Join(kinds, ", "))
	}
	if q.Kind != KindScale && (len(q.Value) > 0 || len(q.Anchors) > 0) {
		ps.add(path+".anchors", "value and anchors are for scale questions only")
	}
	if q.Kind != KindScale && (q.Min != 0 || q.Max != 0) {
		ps.add(path+".min", "min and max are for scale questions only")
	}
	if q.Ordered && q.Kind != KindChoice {
		ps.add(path+".ordered", "ordered is for choice questions only")
	}
	ids := map[string]bool{}
	for i, o := range q.Options {
		p := fmt.Sprintf("%s.options[%d]", path, i)
		checkID(p, o.ID, "option", ps)
		if o.ID == "unsure" {
			ps.add(p+".id", "option id \"unsure\" is reserved for \"don't know\"")
		}
		firstUse(ids, o.ID, p, "option id", ps)
	}
	if q.Unsure != "" {
		switch {
		case q.Kind == KindMulti || q.Kind == KindScale:
			ps.add(path+".unsure", "\"don't know\" is for yesno and choice questions only")
		case q.option(q.Unsure) < 0:
			ps.add(path+".unsure", "unsure %q is not an option of %s (options: %s)", q.Unsure, q.ID, q.optionIDs())
		}
	}
}

// checkTexts walks the set and checks every Text: each locale present and
// not empty, no unknown locale. A Text whose field is tagged omitempty may
// be left out. Fields tagged "-" (a level's signs, the diary's warning
// signs) are copies Compile derives: their texts are checked where they
// are written, once.
func (s *Set) checkTexts(v reflect.Value, path string, ps *Problems) {
	switch v.Kind() {
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "-" || strings.HasSuffix(name, "_them") { // checkThem
				continue
			}
			p := name
			if path != "" {
				p = path + "." + name
			}
			fv := v.Field(i)
			if fv.Type() == reflect.TypeOf(Text(nil)) {
				if fv.Len() == 0 && strings.Contains(opts, "omitempty") {
					continue
				}
				s.checkText(p, fv.Interface().(Text), ps)
				continue
			}
			s.checkTexts(fv, p, ps)
		}
	case reflect.Map:
		keys := make([]string, 0, v.Len())
		for _, k := range v.MapKeys() {
			keys = append(keys, k.String())
		}
		sort.Strings(keys)
		for _, k := range keys {
			if e := v.MapIndex(reflect.ValueOf(k)); e.Type() == reflect.TypeOf(Text(nil)) {
				s.checkText(path+"."+k, e.Interface().(Text), ps)
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			p := fmt.Sprintf("%s[%d]", path, i)
			if v.Index(i).Type() == reflect.TypeOf(Text(nil)) {
				s.checkText(p, v.Index(i).Interface().(Text), ps)
				continue
			}
			s.checkTexts(v.Index(i), p, ps)
		}
	}
}

func (s *Set) checkText(path string, t Text, ps *Problems) {
	if len(t) == 0 {
		*ps = append(*ps, Problem{Path: path, Msg: "missing text"})
		return
	}
	for _, l := range s.Locales {
		if strings.TrimSpace(t[l]) == "" {
			*ps = append(*ps, Problem{Path: path, Msg: fmt.Sprintf("missing text for locale %q", l)})
		}
	}
	for l := range t {
		if !slices.Contains(s.Locales, l) {
			*ps = append(*ps, Problem{Path: path + "." + l, Msg: fmt.Sprintf("unknown locale %q (locales: %s)", l, strings.Join(s.Locales, ", "))})
		}
	}
}

func checkID(path, id, what string, ps *Problems) {
	if !validID(id) {
		*ps = append(*ps, Problem{Path: path + ".id", Msg: fmt.Sprintf("bad %s id %q (lower case letters, digits and _, starting with a letter)", what, id)})
	}
}

// firstUse records an id as used in one list (seen) and reports whether
// this is its first use. A later use is a problem at path.id, such as
// `duplicate flag id "heart"` for what "flag id". Every list of ids in the
// rules is checked for repeats with it.
func firstUse[K ~string](seen map[K]bool, id K, path, what string, ps *Problems) bool {
	if seen[id] {
		ps.add(path+".id", "duplicate %s %q", what, id)
		return false
	}
	seen[id] = true
	return true
}

func (s *Set) hasFlag(l Level) bool {
	for _, f := range s.Flags {
		if f.Level == l {
			return true
		}
	}
	return false
}

func levelStrings() []string {
	out := make([]string, len(Levels))
	for i, l := range Levels {
		out[i] = string(l)
	}
	return out
}

// checkCard checks what an aftercare card may carry: choice questions, and
// areas with good, unique ids.
func (s *Set) checkCard(ps *Problems) {
	c := &s.Card
	for i, id := range c.Answers {
		path := fmt.Sprintf("card.answers[%d]", i)
		switch q := s.Question(id); {
		case q == nil:
			ps.add(path, "unknown question %q (questions: %s)", id, s.questionIDs())
		case q.Kind != KindChoice:
			ps.add(path, "%s is a %s question: a card answers only choice questions", id, q.Kind)
		}
	}
	if c.NoteMax < 0 || c.NoteMax > 300 {
		ps.add("card.note_max", "note_max %d: want 0 to 300 characters (the QR code grows with it)", c.NoteMax)
	}
	seen := map[string]bool{}
	for i, a := range c.Areas {
		path := fmt.Sprintf("card.areas[%d]", i)
		checkID(path, a.ID, "area", ps)
		firstUse(seen, a.ID, path, "area id", ps)
	}
}
