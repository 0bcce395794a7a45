package rules

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
)

// corpusEntry is one typed phrase of the corpus, written by someone who had
// not seen the say lists, with the sign it means.
type corpusEntry struct {
	Text     string `json:"text"`
	Lang     string `json:"lang"`
	Question string `json:"question"`
	Option   string `json:"option"`
	Kind     string `json:"kind"` // danger or harmless
}

func loadCorpus(t testing.TB) []corpusEntry {
	t.Helper()
	b, err := os.ReadFile("testdata/search/corpus.json")
	if err != nil {
		t.Fatal(err)
	}
	var c []corpusEntry
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

// dangerSigns are the options some flag uses in a checklist, or in a
// question with words for the search: the signs a person may type, each
// with the rank of the most urgent level it can lead to.
func dangerSigns(s *Set) map[[2]string]int {
	out := map[[2]string]int{}
	for _, f := range s.Flags {
		for _, c := range f.when {
			q := &s.Questions[c.q]
			if q.BodyMap || q.Kind != KindMulti && !slices.ContainsFunc(q.Options, func(o Option) bool { return len(o.Say) > 0 }) {
				continue // a body map is said by pointing
			}
			for i, on := range c.allowed {
				if k := [2]string{q.ID, q.Options[i].ID}; on {
					out[k] = max(out[k], f.Level.Rank())
				}
			}
		}
	}
	return out
}

// TestSearchFindsWhatPeopleType: on a corpus of phrases as people type them
// (clinical.md's signs, slang, typos, half sentences, in English and
// Spanish), at least 95% find their sign in the top three; no danger phrase
// finds nothing; at most 5% of the harmless phrases ("sore like after the
// gym") find first a sign that can lead to urgent or emergency advice (the
// person still confirms what fits).
func TestSearchFindsWhatPeopleType(t *testing.T) {
	s := defaultSet(t)
	corpus := loadCorpus(t)
	signs := dangerSigns(s)
	hits, es, harmless, alarmed := 0, 0, 0, 0
	for _, e := range corpus {
		if e.Lang == "es" {
			es++
		}
		if s.Question(e.Question) == nil || s.Question(e.Question).option(e.Option) < 0 {
			t.Errorf("%q: no option %s.%s", e.Text, e.Question, e.Option)
			continue
		}
		ms := s.Search(e.Text, e.Lang)
		rank := slices.IndexFunc(ms, func(m Match) bool { return m.Question == e.Question && m.Option == e.Option })
		if rank >= 0 && rank < 3 {
			hits++
		} else {
			t.Logf("miss (%s) %q: want %s.%s, got %s", e.Lang, e.Text, e.Question, e.Option, describeMatches(ms))
		}
		if e.Kind == "danger" && len(ms) == 0 {
			t.Errorf("danger phrase (%s) %q finds nothing", e.Lang, e.Text)
		}
		if e.Kind == "harmless" {
			harmless++
			if len(ms) > 0 && signs[[2]string{ms[0].Question, ms[0].Option}] >= Urgent.Rank() {
				alarmed++
				t.Logf("harmless phrase (%s) %q finds a danger sign first: %s", e.Lang, e.Text, describeMatches(ms))
			}
		}
	}
	rate := float64(hits) / float64(len(corpus))
	t.Logf("%d phrases (%d Spanish): %d (%.1f%%) find their sign in the top three", len(corpus), es, hits, 100*rate)
	if len(corpus) < 300 || es < 100 {
		t.Errorf("the corpus has %d phrases, %d Spanish: want 300 and 100", len(corpus), es)
	}
	if rate < 0.95 {
		t.Errorf("%.1f%% find their sign in the top three, want 95%%", 100*rate)
	}
	t.Logf("%d harmless phrases: %d find a sign of urgent or emergency advice first", harmless, alarmed)
	if harmless < 50 || float64(alarmed) > 0.05*float64(harmless) {
		t.Errorf("%d of %d harmless phrases find a sign of urgent or emergency advice first, want at most 5%%", alarmed, harmless)
	}
}

func describeMatches(ms []Match) string {
	var parts []string
	for _, m := range ms {
		parts = append(parts, m.Question+"."+m.Option)
	}
	return "[" + strings.Join(parts, " ") + "]"
}

// TestSearchNeedsWords: an empty or nonsense search finds nothing, and
// accents, case, typos and word endings do not matter.
func TestSearchNeedsWords(t *testing.T) {
	s := defaultSet(t)
	for _, text := range []string{"", "   ", "!!!", "qwzx vbnm", "the and of"} {
		if ms := s.Search(text, "en"); len(ms) > 0 {
			t.Errorf("%q finds %s", text, describeMatches(ms))
		}
	}
	base := s.Search("burning when I pee", "en")
	if len(base) == 0 {
		t.Fatal("burning when I pee finds nothing")
	}
	for _, v := range []string{"BURNING WHEN I PEE", "burnin when i pee", "burns when i pee!!"} {
		ms := s.Search(v, "en")
		if len(ms) == 0 || ms[0].Option != base[0].Option {
			t.Errorf("%q finds %s, want %s first", v, describeMatches(ms), base[0].Option)
		}
	}
	a, b := s.Search("me arde al orinar", "es"), s.Search("me arde al orinár", "es")
	if len(a) == 0 || len(b) == 0 || a[0] != b[0] {
		t.Errorf("accents change the search: %s vs %s", describeMatches(a), describeMatches(b))
	}
}

// TestEverySignHasWordsForTheSearch: the rules refuse a sign (an option a
// flag uses) without people's words in every language.
func TestEverySignHasWordsForTheSearch(t *testing.T) {
	s := defaultSet(t)
	for sign := range dangerSigns(s) {
		o := s.Question(sign[0]).Options[s.Question(sign[0]).option(sign[1])]
		for _, l := range s.Locales {
			if strings.TrimSpace(o.Say[l]) == "" {
				t.Errorf("%s.%s has no words for the search in %s", sign[0], sign[1], l)
			}
		}
	}
}

// BenchmarkSearch is a 30-letter phrase against every sign, the index
// built (the browser builds it once per page).
func BenchmarkSearch(b *testing.B) {
	s, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	const phrase = "my heart is going like mad now" // 30 letters
	s.Search(phrase, "en")
	b.ResetTimer()
	for b.Loop() {
		s.Search(phrase, "en")
	}
}

// TestSearchIndexIsShared: copies of the set (the app makes one per page
// with its emergency number) share one index per language.
func TestSearchIndexIsShared(t *testing.T) {
	s := defaultSet(t)
	a, b := s.WithEmergencyNumber("999"), s.WithEmergencyNumber("112")
	if a.searchIndex("en") != b.searchIndex("en") {
		t.Error("two copies of the set built two indexes")
	}
}
