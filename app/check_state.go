package app

import (
	"encoding/json"
	"fmt"
	"slices"

	"aftercare/rules"
)

// checkState is the last check, in progress or done, as kept on the device
// (localStorage, through kv) until the person starts over or deletes it, so a reload or
// a closed tab loses nothing and the summary for a doctor stays.
type checkState struct {
	Version int           `json:"v"`
	Started bool          `json:"started"`
	Date    string        `json:"date,omitempty"` // YYYY-MM-DD, the day the check was started
	Answers rules.Answers `json:"answers"`
	Asked   []string      `json:"asked"` // question ids, in the order answered
	// More is set when the person, shown the advice, chose to answer the
	// questions that only rank the likely causes.
	More bool `json:"more,omitempty"`
	// FromCard are the questions a clinic's aftercare card answered: they
	// are not asked, and the summary says where their answers came from.
	FromCard []string `json:"from_card,omitempty"`
	// Typed are the signs the person typed in their own words and then
	// confirmed: each counts as ticked on its list (see evaluate).
	Typed []typedSign `json:"typed,omitempty"`
	// Draft is what is ticked on the list on screen and not yet sent on:
	// kept on the device as it changes, so a reload, a language switch or
	// a visit elsewhere loses no tick.
	Draft *draftTicks `json:"draft,omitempty"`
	// Wrote are the words typed that matched no sign, kept for the doctor.
	Wrote []string `json:"wrote,omitempty"`
	// Run tells this check's browser history entries from an older one's.
	Run int64 `json:"run,omitempty"`
	// Other is set when the check is done for someone else: the questions
	// are said of them, and the summary says so.
	Other bool `json:"other,omitempty"`
}

// typedSign is a sign found from typed words and confirmed: its question,
// its option, and the words as typed (at most rules.SearchLimit characters).
// draftTicks are the boxes ticked on one list, not yet an answer.
type draftTicks struct {
	Question string   `json:"question"`
	Options  []string `json:"options"`
}

type typedSign struct {
	Question string `json:"question"`
	Option   string `json:"option"`
	Text     string `json:"text"`
}

// maxWrote is how many unmatched searches a check keeps.
const maxWrote = 20

const (
	checkKey          = "aftercare.check"
	checkStateVersion = 5
)

// progress is where a check stands, worked out by the rules.
type progress struct {
	answers rules.Answers
	result  rules.Result
	current string // the question on screen; "" when the advice is ready
}

// evaluate turns the state into answers and asks the rules what comes next.
// Answers that no longer fit the rules are an error, never silently used.
//
// A typed sign counts as ticked: on a list already answered it joins the
// answer. On a list not answered yet it is ticked when the list comes
// (refresh), and it counts for the level, the reasons and the summary at
// once, without taking the list's other signs off the questions to ask.
func (st *checkState) evaluate(set *rules.Set) (progress, error) {
	var pr progress
	pr.answers = rules.Answers{}
	for id, a := range st.Answers {
		pr.answers[id] = a
	}
	st.withTyped(set, pr.answers, false)
	r, err := set.Evaluate(pr.answers)
	if err != nil {
		return pr, err
	}
	pr.result = r
	// The advice comes as soon as nothing left can make it more urgent; the
	// rest only ranks the likely causes and is asked only if wanted.
	if st.Started && len(r.Pending) > 0 && (!r.Certain || st.More) {
		pr.current = r.Pending[0]
	}
	all := rules.Answers{}
	for id, a := range pr.answers {
		all[id] = a
	}
	if !st.withTyped(set, all, true) {
		return pr, nil
	}
	r2, err := set.Evaluate(all)
	if err != nil {
		return pr, err
	}
	r2.Pending, r2.Certain = r.Pending, r.Certain
	if r2.Level == rules.Emergency {
		r2.Pending, pr.current = nil, ""
	}
	pr.result, pr.answers = r2, all
	return pr, nil
}

// withTyped adds the typed signs to the answers: to the lists answered,
// and with unanswered also to the lists not answered yet. It reports
// whether it added an answer to a list not answered.
//
// On a question of one answer running from mild to severe (chest pain), a
// typed sign replaces a milder answer, never a worse one.
func (st *checkState) withTyped(set *rules.Set, as rules.Answers, unanswered bool) bool {
	added := false
	for _, t := range st.Typed {
		a, ok := as[t.Question]
		if !ok && !unanswered {
			continue
		}
		if q := set.Question(t.Question); q != nil && q.Kind != rules.KindMulti {
			rank := func(id string) int {
				return slices.IndexFunc(q.Options, func(o rules.Option) bool { return o.ID == id })
			}
			if ok && !a.Unsure && rank(a.Option) >= rank(t.Option) {
				continue
			}
			a = rules.Answer{Option: t.Option}
		} else if !slices.Contains(a.Options, t.Option) {
			a.Options = append(slices.Clip(a.Options), t.Option)
		}
		added = added || !ok
		as[t.Question] = a
	}
	return added
}

// confirm keeps a sign the person typed and confirmed; it reports whether
// it was new.
func (st *checkState) confirm(question, option, text string) bool {
	for _, t := range st.Typed {
		if t.Question == question && t.Option == option {
			return false
		}
	}
	st.Typed = append(st.Typed, typedSign{question, option, text})
	return true
}

// wrote keeps words that matched no sign, for the doctor.
func (st *checkState) wrote(text string) {
	if !slices.Contains(st.Wrote, text) && len(st.Wrote) < maxWrote {
		st.Wrote = append(st.Wrote, text)
	}
}

// untick forgets the typed signs of a list that the person unticked on it.
func (st *checkState) untick(question string, ticked []string) {
	st.Typed = slices.DeleteFunc(st.Typed, func(t typedSign) bool {
		return t.Question == question && !slices.Contains(ticked, t.Option)
	})
}

// typedFor lists what was typed for the signs of a question.
func (st *checkState) typedFor(question string) []typedSign {
	var out []typedSign
	for _, t := range st.Typed {
		if t.Question == question {
			out = append(out, t)
		}
	}
	return out
}

// causeQuestions is how many questions are left that only rank the likely
// causes, once the advice is known.
func (pr progress) causeQuestions() int {
	if pr.current != "" || pr.result.Level == rules.Emergency {
		return 0
	}
	return len(pr.result.Pending)
}

// left is how many questions, at most, come before the advice (counting
// the one on screen); once the advice is known, how many questions about
// the causes remain.
func (pr progress) left() int {
	if pr.result.Certain {
		return len(pr.result.Pending)
	}
	return pr.result.Left
}

// answer records the answer to a question and moves on.
func (st *checkState) answer(set *rules.Set, id string, a rules.Answer) {
	if st.Answers == nil {
		st.Answers = rules.Answers{}
	}
	st.Answers[id] = a
	st.Asked = append(st.Asked, id)
	st.Draft = nil
}

// back returns to the last question answered, forgetting its answer so the
// rules work out again everything after it. It returns that answer, to show
// what was chosen before (nil at the intro).
func (st *checkState) back() (string, *rules.Answer) {
	st.More = false
	if len(st.Asked) == 0 {
		st.Started = false
		return "", nil
	}
	id := st.Asked[len(st.Asked)-1]
	st.Asked = st.Asked[:len(st.Asked)-1]
	st.Draft = nil
	prev, ok := st.Answers[id]
	delete(st.Answers, id)
	if !ok {
		return id, nil
	}
	return id, &prev
}

// checkStateV2 is the saved check of version 2, which kept each answer in
// the rules' JSON form (as the CLI reads it).
type checkStateV2 struct {
	checkState
	Answers map[string]any `json:"answers"`
}

// upgrade turns a version 2 check into today's form; an answer that no
// longer fits the rules is an error.
func (old checkStateV2) upgrade(set *rules.Set) (checkState, error) {
	st := old.checkState
	st.Version, st.Answers = checkStateVersion, rules.Answers{}
	for id, v := range old.Answers {
		a, err := set.AnswerFromJSON(id, v)
		if err != nil {
			return checkState{}, err
		}
		st.Answers[id] = a
	}
	if _, err := set.Evaluate(st.Answers); err != nil {
		return checkState{}, err
	}
	return st, nil
}

// loadCheck reads the saved check. A saved check that cannot be read, or
// storage that cannot be read, is an error: the caller tells the person and
// starts afresh.
func loadCheck(store kv) (checkState, error) {
	raw, ok, err := store.Get(checkKey)
	if err != nil || !ok {
		return checkState{}, err
	}
	return decodeCheck([]byte(raw), ruleSet())
}

// decodeCheck reads a saved check of this version or the two before; its
// date, when it has one, must be a day that exists.
func decodeCheck(raw []byte, set *rules.Set) (checkState, error) {
	var v struct {
		Version int `json:"v"`
	}
	if err := json.Unmarshal(raw, &v); err != nil {
		return checkState{}, err
	}
	var st checkState
	var err error
	switch v.Version {
	case checkStateVersion:
		err = json.Unmarshal(raw, &st)
	case 3, 4: // version 4 added typed signs and words, 5 who it is for: all optional
		err = json.Unmarshal(raw, &st)
		st.Version = checkStateVersion
	case 2:
		var old checkStateV2
		if err := json.Unmarshal(raw, &old); err != nil {
			return checkState{}, err
		}
		st, err = old.upgrade(set)
	default:
		return checkState{}, fmt.Errorf("saved check has version %d, want %d", v.Version, checkStateVersion)
	}
	if _, ok := realDate(st.Date); err == nil && st.Date != "" && !ok {
		return checkState{}, fmt.Errorf("saved check has no real date: %q", st.Date)
	}
	if err == nil {
		st.fitRules(set)
	}
	return st, err
}

// fitRules keeps a check saved under older rules: a yes to a question that
// became an option (rules.MovedYes) is kept as a tick of it (ticked when
// its list comes, if it has not yet); an answer the rules no longer know (an
// age band that changed, an option gone) is asked again, not the whole check
// thrown away. Every tick that still means something is kept.
func (st *checkState) fitRules(set *rules.Set) {
	for old, to := range rules.MovedYes {
		a, ok := st.Answers[old]
		if !ok || set.Question(old) != nil {
			continue
		}
		if a.Option == "yes" && set.Question(to.Question) != nil {
			st.Typed = append(st.Typed, typedSign{Question: to.Question, Option: to.Option})
		}
		st.forget(old)
	}
	for id, a := range st.Answers {
		q := set.Question(id)
		if q == nil {
			st.forget(id)
			continue
		}
		known := func(o string) bool {
			return slices.ContainsFunc(q.Options, func(x rules.Option) bool { return x.ID == o })
		}
		switch {
		case q.Kind == rules.KindMulti:
			a.Options = slices.DeleteFunc(slices.Clone(a.Options), func(o string) bool { return !known(o) })
			st.Answers[id] = a
		case q.Kind != rules.KindScale && !a.Unsure && !known(a.Option):
			st.forget(id)
		}
	}
	if _, err := set.Evaluate(st.Answers); err != nil {
		for _, p := range rulesProblems(err) {
			st.forget(p)
		}
	}
}

// forget drops an answer so the question is asked again.
func (st *checkState) forget(id string) {
	delete(st.Answers, id)
	st.Asked = slices.DeleteFunc(st.Asked, func(x string) bool { return x == id })
}

// rulesProblems are the question ids an Evaluate error names.
func rulesProblems(err error) []string {
	var ids []string
	if ps, ok := err.(rules.Problems); ok {
		for _, p := range ps {
			ids = append(ids, p.Path)
		}
	}
	return ids
}

// saveCheck keeps the check on the device. Storage that will not keep it
// (full or blocked) is errNotSaved, as for the diary: the check goes on in
// memory and the person is told.
func saveCheck(store kv, st checkState) error {
	st.Version = checkStateVersion
	b, err := json.Marshal(st)
	if err != nil {
		return err
	}
	if err := store.Set(checkKey, string(b)); err != nil {
		return fmt.Errorf("%w: %v", errNotSaved, err)
	}
	return nil
}

// clearCheck forgets the check.
func clearCheck(store kv) { store.Del(checkKey) }

// useCard fills in what a clinic's card answers, on the day of the check.
// It reports whether the card answered anything.
func (st *checkState) useCard(set *rules.Set, c rules.Card) bool {
	as := set.CardAnswers(c, st.Date)
	if len(as) == 0 {
		return false
	}
	if st.Answers == nil {
		st.Answers = rules.Answers{}
	}
	for _, q := range set.Questions { // in the rules' order
		if a, ok := as[q.ID]; ok {
			st.Answers[q.ID] = a
			st.FromCard = append(st.FromCard, q.ID)
		}
	}
	return true
}

// dropCard forgets the answers a clinic's card gave.
func (st *checkState) dropCard() {
	for _, id := range st.FromCard {
		delete(st.Answers, id)
	}
	st.FromCard = nil
}
