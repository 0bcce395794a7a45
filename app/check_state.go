package app

import (
	"encoding/json"
	"fmt"
	"sort"

	"aftercare/rules"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// checkState is the last check, in progress or done, as kept on the device
// (localStorage) until the person starts over or deletes it, so a reload or
// a closed tab loses nothing and the summary for a doctor stays.
type checkState struct {
	Version int            `json:"v"`
	Started bool           `json:"started"`
	Date    string         `json:"date,omitempty"` // YYYY-MM-DD, the day the check was started
	Answers map[string]any `json:"answers"`        // the rules' JSON form of each answer
	Asked   []string       `json:"asked"`          // question ids, in the order answered
	// More is set when the person, shown the advice, chose to answer the
	// questions that only rank the likely causes.
	More bool `json:"more,omitempty"`
}

const (
	checkKey          = "aftercare.check"
	checkStateVersion = 2
)

// progress is where a check stands, worked out by the rules.
type progress struct {
	answers rules.Answers
	result  rules.Result
	current string // the question on screen; "" when the advice is ready
}

// evaluate turns the state into answers and asks the rules what comes next.
// Answers that no longer fit the rules are an error, never silently used.
func (st *checkState) evaluate(set *rules.Set) (progress, error) {
	var pr progress
	pr.answers = rules.Answers{}
	ids := make([]string, 0, len(st.Answers))
	for id := range st.Answers {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		a, err := set.AnswerFromJSON(id, normalizeJSON(st.Answers[id]))
		if err != nil {
			return pr, err
		}
		pr.answers[id] = a
	}
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
	return pr, nil
}

// causeQuestions is how many questions are left that only rank the likely
// causes, once the advice is known.
func (pr progress) causeQuestions() int {
	if pr.current != "" || pr.result.Level == rules.Emergency {
		return 0
	}
	return len(pr.result.Pending)
}

// answer records the answer to a question and moves on.
func (st *checkState) answer(set *rules.Set, id string, a rules.Answer) {
	if st.Answers == nil {
		st.Answers = map[string]any{}
	}
	st.Answers[id] = set.AnswerToJSON(id, a)
	st.Asked = append(st.Asked, id)
}

// back returns to the last question answered, forgetting its answer so the
// rules work out again everything after it. It returns that answer, to show
// what was chosen before.
func (st *checkState) back() (string, any) {
	st.More = false
	if len(st.Asked) == 0 {
		st.Started = false
		return "", nil
	}
	id := st.Asked[len(st.Asked)-1]
	st.Asked = st.Asked[:len(st.Asked)-1]
	prev := st.Answers[id]
	delete(st.Answers, id)
	return id, prev
}

// normalizeJSON makes values read back from storage look like values
// decoded by encoding/json, which is what rules.AnswerFromJSON takes.
func normalizeJSON(v any) any {
	b, err := json.Marshal(v)
	if err != nil {
		return v
	}
	var out any
	if json.Unmarshal(b, &out) != nil {
		return v
	}
	return out
}

// loadCheck reads the saved check. A saved check that cannot be read is an
// error: the caller tells the person and starts afresh.
func loadCheck(ctx app.Context) (st checkState, err error) {
	defer func() {
		if r := recover(); r != nil { // storage blocked by the browser
			st, err = checkState{}, fmt.Errorf("storage unavailable: %v", r)
		}
	}()
	if !ctx.LocalStorage().Contains(checkKey) {
		return checkState{}, nil
	}
	if err := ctx.LocalStorage().Get(checkKey, &st); err != nil {
		return checkState{}, err
	}
	if st.Version != checkStateVersion {
		return checkState{}, fmt.Errorf("saved check has version %d, want %d", st.Version, checkStateVersion)
	}
	return st, nil
}

// saveCheck keeps the check on the device. It reports whether it could.
func saveCheck(ctx app.Context, st checkState) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	st.Version = checkStateVersion
	return ctx.LocalStorage().Set(checkKey, st) == nil
}

// clearCheck forgets the check.
func clearCheck(ctx app.Context) {
	defer func() { recover() }()
	ctx.LocalStorage().Del(checkKey)
}
