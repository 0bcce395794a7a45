package rules

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
)

// Answers maps question ids to answers, as a person gave them.
type Answers map[string]Answer

// Answer is one answer. Which field counts depends on the question's kind:
// Option for yesno and choice, Options for multi, Number for scale. Unsure
// is "don't know", where the question offers it.
//
// With its JSON tags it is also how the app keeps an answer on the device.
type Answer struct {
	Option  string   `json:"option,omitempty"`
	Options []string `json:"options,omitempty"`
	Number  int      `json:"number,omitempty"`
	Unsure  bool     `json:"unsure,omitempty"`
}

// answer is an Answer checked against its question and turned into indexes.
type answer struct {
	answered bool
	unsure   bool   // "don't know": value is the option it counts as
	value    int    // option index (yesno, choice) or the number (scale)
	set      []bool // multi: chosen options
}

// state is a complete, checked set of answers, one slot per question.
type state struct {
	answers []answer
}

// check turns answers into a state, or says which ones are wrong.
func (s *Set) check(as Answers) (*state, error) {
	st := &state{answers: make([]answer, len(s.Questions))}
	var errs Problems
	ids := make([]string, 0, len(as))
	for id := range as {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		a := as[id]
		qi, ok := s.index[id]
		if !ok {
			errs = append(errs, At(id, "unknown question %q", id))
			continue
		}
		q := &s.Questions[qi]
		slot := answer{answered: true}
		switch {
		case a.Unsure:
			if q.Unsure == "" {
				errs = append(errs, At(id, "\"don't know\" is not an answer to this question"))
				continue
			}
			slot.value, slot.unsure = q.option(q.Unsure), true
		case q.Kind == KindScale:
			if a.Number < q.Min || a.Number > q.Max {
				errs = append(errs, At(id, "%d is out of range (%d to %d)", a.Number, q.Min, q.Max))
				continue
			}
			slot.value = a.Number
		case q.Kind == KindMulti:
			slot.set = make([]bool, len(q.Options))
			for _, o := range a.Options {
				oi := q.option(o)
				if oi < 0 {
					errs = append(errs, At(id, "%q is not an option (options: %s)", o, q.optionIDs()))
					continue
				}
				slot.set[oi] = true
			}
		default:
			oi := q.option(a.Option)
			if oi < 0 {
				errs = append(errs, At(id, "%q is not an option (options: %s)", a.Option, q.optionIDs()))
				continue
			}
			slot.value = oi
		}
		st.answers[qi] = slot
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return st, nil
}

// Result is the advice for a set of answers.
type Result struct {
	Level   Level
	Reasons []Reason // the flags that apply, most urgent first
	Causes  []RankedCause
	Tier    *Tier // nil when the answers do not say (no pain score): never guessed
	// Pending lists the questions still to ask, in order. It is empty once
	// the level is emergency: then nothing else matters. Once Certain, it
	// holds only the questions that rank the likely causes.
	Pending []string
	// Certain is true when no pending question could make the level more
	// urgent.
	Certain bool
	// Left is how many more questions are asked, at most, before the
	// advice is certain: up to the last pending one that could still make
	// the level more urgent (0 once Certain).
	Left int
}

// Reason is one flag that applies, with the answers that set it off.
type Reason struct {
	Flag    *Flag
	Answers []string // question ids
	// Unsure are the answers among them that were "don't know", counted as
	// the worse answer to be safe: the flag's words are not what the
	// person said, and the advice says so.
	Unsure []string
}

// RankedCause is a likely cause with its evidence.
type RankedCause struct {
	Cause   *Cause
	Score   int
	Reasons []Text
}

// Evaluate gives the advice for the answers. It is pure: the same answers
// give the same result. Answers to unknown questions, or bad values, are an
// error: Problems, every one found, each at its question's id. Questions
// not answered make their conditions false.
func (s *Set) Evaluate(as Answers) (Result, error) {
	st, err := s.check(as)
	if err != nil {
		return Result{}, err
	}
	return s.evaluate(st), nil
}

func (s *Set) evaluate(st *state) Result {
	r := Result{Level: SelfCare}
	for i := range s.Flags {
		f := &s.Flags[i]
		if !allHold(f.when, st) {
			continue
		}
		reason := Reason{Flag: f, Answers: make([]string, 0, len(f.when))}
		for _, c := range f.when {
			if id := s.Questions[c.q].ID; !slices.Contains(reason.Answers, id) {
				reason.Answers = append(reason.Answers, id)
				if st.answers[c.q].unsure {
					reason.Unsure = append(reason.Unsure, id)
				}
			}
		}
		r.Reasons = append(r.Reasons, reason)
		if f.Level.MoreUrgent(r.Level) {
			r.Level = f.Level
		}
	}
	sort.SliceStable(r.Reasons, func(i, j int) bool {
		return r.Reasons[i].Flag.Level.MoreUrgent(r.Reasons[j].Flag.Level)
	})

	for i := range s.Causes {
		c := &s.Causes[i]
		rc := RankedCause{Cause: c}
		for _, p := range c.Points {
			if allHold(p.when, st) && !anyUnsure(p.when, st) {
				rc.Score += p.Weight
				rc.Reasons = append(rc.Reasons, p.Reason)
			}
		}
		if rc.Score > 0 {
			r.Causes = append(r.Causes, rc)
		}
	}
	sort.SliceStable(r.Causes, func(i, j int) bool { return r.Causes[i].Score > r.Causes[j].Score })

	for i := range s.Plan.Tiers {
		if allHold(s.Plan.Tiers[i].when, st) {
			r.Tier = &s.Plan.Tiers[i]
			break
		}
	}

	if r.Level != Emergency {
		r.Pending = s.pending(st)
	}
	r.Certain = !s.couldRise(st, r.Level)
	r.Left = s.left(st, r.Level, r.Pending)
	if r.Certain {
		r.Pending = s.ranking(r.Pending)
	}
	return r
}

// ranking keeps the questions that a likely cause or a severity tier uses:
// once the advice is certain, only they are left to ask. A question that
// could only have changed the level (the trend) is not asked after the
// advice, where its answer could not change it.
func (s *Set) ranking(pending []string) []string {
	uses := func(cs []cond, qi int) bool {
		return slices.ContainsFunc(cs, func(c cond) bool { return c.q == qi })
	}
	return slices.DeleteFunc(slices.Clone(pending), func(id string) bool {
		qi := s.index[id]
		for _, c := range s.Causes {
			for _, p := range c.Points {
				if uses(p.when, qi) {
					return false
				}
			}
		}
		for _, t := range s.Plan.Tiers {
			if uses(t.when, qi) {
				return false
			}
		}
		return true
	})
}

// left is how many questions the flow asks, at most, before nothing left can
// make the level more urgent: up to the last pending one that some still
// possible flag, more urgent than level, asks about.
func (s *Set) left(st *state, level Level, pending []string) int {
	n := 0
	for i, id := range pending {
		qi := s.index[id]
		for _, f := range s.Flags {
			if f.Level.MoreUrgent(level) && s.possible(f.when, st) && slices.ContainsFunc(f.when, func(c cond) bool { return c.q == qi }) {
				n = i + 1
				break
			}
		}
	}
	return n
}

// pending lists the unanswered questions the flow would still ask.
func (s *Set) pending(st *state) []string {
	var ids []string
	for i := range s.Questions {
		if !st.answers[i].answered && allHold(s.Questions[i].askIf, st) {
			ids = append(ids, s.Questions[i].ID)
		}
	}
	return ids
}

// couldRise reports whether some flag more urgent than level could still
// apply once the unanswered questions are answered.
func (s *Set) couldRise(st *state, level Level) bool {
	for _, f := range s.Flags {
		if !f.Level.MoreUrgent(level) {
			continue
		}
		if s.possible(f.when, st) {
			return true
		}
	}
	return false
}

// possible reports whether the conditions can all hold once the unanswered
// questions are answered: none answered otherwise, none asked by a
// question an answer has ruled out.
func (s *Set) possible(cs []cond, st *state) bool {
	for _, c := range cs {
		if st.answers[c.q].answered && !c.holds(st) || !st.answers[c.q].answered && s.closed(c.q, st) {
			return false
		}
	}
	return true
}

// anyUnsure reports whether a condition rests on a "don't know": such an
// answer never counts as evidence for a likely cause.
func anyUnsure(cs []cond, st *state) bool {
	for _, c := range cs {
		if st.answers[c.q].unsure {
			return true
		}
	}
	return false
}

// closed reports whether an unanswered question will not be asked: an
// answer it depends on rules it out (chest pain, once the body map was
// answered without the chest).
func (s *Set) closed(qi int, st *state) bool {
	for _, c := range s.Questions[qi].askIf {
		if st.answers[c.q].answered && !c.holds(st) {
			return true
		}
	}
	return false
}

func allHold(cs []cond, st *state) bool {
	for _, c := range cs {
		if !c.holds(st) {
			return false
		}
	}
	return true
}

// Level returns what a level tells the person.
func (s *Set) Level(l Level) *LevelInfo {
	for i := range s.Levels {
		if s.Levels[i].ID == l {
			return &s.Levels[i]
		}
	}
	return nil
}

// Tier returns the severity tier with that id, or nil.
func (s *Set) Tier(id string) *Tier {
	for i := range s.Plan.Tiers {
		if s.Plan.Tiers[i].ID == id {
			return &s.Plan.Tiers[i]
		}
	}
	return nil
}

// Question returns the question with that id, or nil.
func (s *Set) Question(id string) *Question {
	if i, ok := s.index[id]; ok {
		return &s.Questions[i]
	}
	return nil
}

// FlagReads reports whether any red flag reads the question with that id.
func (s *Set) FlagReads(id string) bool {
	i, ok := s.index[id]
	for _, f := range s.Flags {
		for _, c := range f.when {
			if ok && c.q == i {
				return true
			}
		}
	}
	return false
}

// Gated reports whether the question is asked only on some answers to
// earlier ones (its ask_if), once the set is compiled.
func (q *Question) Gated() bool { return len(q.askIf) > 0 }

// EmergencyPlaceholder stands in the texts for the local emergency number,
// which a clinic's profile sets, or else the phone's region (regions.yaml).
const EmergencyPlaceholder = "{emergency}"

// In returns the text in a locale, falling back to the set's default, with
// the emergency number filled in.
func (s *Set) In(t Text, locale string) string {
	v, ok := t[locale]
	if (!ok || v == "") && len(s.Locales) > 0 {
		v = t[s.Locales[0]]
	}
	return strings.ReplaceAll(v, EmergencyPlaceholder, s.EmergencyNumber())
}

// EmergencyNumber is the number the texts and the call button use.
func (s *Set) EmergencyNumber() string {
	if s.emergency != "" {
		return s.emergency
	}
	return DefaultEmergencyNumber
}

// WithEmergencyNumber returns a copy of the set that says and dials n.
func (s *Set) WithEmergencyNumber(n string) *Set {
	c := *s
	c.emergency = n
	return &c
}

// AnswerFromJSON turns a decoded JSON value into an answer for question id:
// a string option (or "unsure"), a list of options, or a whole number.
func (s *Set) AnswerFromJSON(id string, v any) (Answer, error) {
	q := s.Question(id)
	if q == nil {
		return Answer{}, fmt.Errorf("unknown question %q (questions: %s)", id, s.questionIDs())
	}
	if v == "unsure" {
		return Answer{Unsure: true}, nil
	}
	switch q.Kind {
	case KindScale:
		if i, ok := v.(int); ok {
			return Answer{Number: i}, nil
		}
		n, ok := v.(float64)
		if !ok || n != math.Trunc(n) {
			return Answer{}, fmt.Errorf("%s: want a whole number from %d to %d, got %v", id, q.Min, q.Max, v)
		}
		return Answer{Number: int(n)}, nil
	case KindMulti:
		if strs, ok := v.([]string); ok {
			return Answer{Options: append([]string{}, strs...)}, nil
		}
		list, ok := v.([]any)
		if !ok {
			return Answer{}, fmt.Errorf("%s: want a list of options (options: %s), got %v", id, q.optionIDs(), v)
		}
		a := Answer{Options: []string{}}
		for _, x := range list {
			str, ok := x.(string)
			if !ok {
				return Answer{}, fmt.Errorf("%s: want option names (options: %s), got %v", id, q.optionIDs(), x)
			}
			a.Options = append(a.Options, str)
		}
		return a, nil
	}
	str, ok := v.(string)
	if !ok {
		return Answer{}, fmt.Errorf("%s: want one of %s, got %v", id, q.optionIDs(), v)
	}
	return Answer{Option: str}, nil
}
