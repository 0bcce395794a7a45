//go:build !wasm

package rules

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"
)

// TestBrowserReadsConditionsParsed: browser.json carries every condition
// parsed, none as written (app.wasm has no parser), and the set the
// browser prepares from it evaluates the same conditions as the server's.
func TestBrowserReadsConditionsParsed(t *testing.T) {
	full := defaultSet(t)
	b, err := os.ReadFile(BrowserFile)
	if err != nil {
		t.Fatal(err)
	}
	var browser Set
	if err := json.Unmarshal(b, &browser); err != nil {
		t.Fatal(err)
	}
	if ps := browser.prepare(); len(ps) > 0 {
		t.Fatal(ps)
	}
	lists := 0
	full.eachConds(&browser, func(written *[]string, parsed *[]Cond, compiled []cond) {
		lists++
		if len(*written) > 0 {
			t.Errorf("browser.json has conditions as written: %q", *written)
		}
		if len(*parsed) != len(compiled) {
			t.Errorf("browser.json has %d conditions parsed, want %d", len(*parsed), len(compiled))
		}
	})
	var got, want [][]cond
	collect := func(to *[][]cond) func(*[]string, *[]Cond, []cond) {
		return func(_ *[]string, _ *[]Cond, cs []cond) {
			var out []cond
			for _, c := range cs {
				c.src = "" // browser.json has no text to show
				out = append(out, c)
			}
			*to = append(*to, out)
		}
	}
	browser.eachConds(&browser, collect(&got))
	full.eachConds(full, collect(&want))
	if lists < 100 || !reflect.DeepEqual(got, want) {
		t.Errorf("the browser's %d lists of conditions are not the server's", lists)
	}
}

// TestParsedConditionsAreChecked: a condition of browser.json that reads
// no question, a later one or an option its question lacks, or a range
// off its scale, is a problem at its place, not a crash.
func TestParsedConditionsAreChecked(t *testing.T) {
	set := defaultSet(t)
	pain := set.index[QuestionPain]
	choice := firstOfKind(set, KindChoice)
	for _, tc := range []struct {
		name   string
		c      Cond
		before int
		want   string
	}{
		{"no such question", Cond{Q: len(set.Questions), In: []int{0}}, len(set.Questions), "want one of the"},
		{"negative question", Cond{Q: -1, In: []int{0}}, len(set.Questions), "want one of the"},
		{"a later question", Cond{Q: pain, Lo: 1, Hi: 2}, pain, "want one of the"},
		{"no such option", Cond{Q: choice, In: []int{99}}, len(set.Questions), "no option 99"},
		{"no option at all", Cond{Q: choice}, len(set.Questions), "names no option"},
		{"off the scale", Cond{Q: pain, Lo: 5, Hi: 99}, len(set.Questions), "want a range within"},
		{"options on a scale", Cond{Q: pain, In: []int{1}, Lo: 1, Hi: 2}, len(set.Questions), "want a range within"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var ps Problems
			cs := set.condList("flags[0].when_parsed", nil, []Cond{tc.c}, tc.before, &ps)
			if len(cs) != 0 || len(ps) != 1 || ps[0].Path != "flags[0].when_parsed[0]" || !strings.Contains(ps[0].Msg, tc.want) {
				t.Errorf("got %v, %v; want one problem at flags[0].when_parsed[0] saying %q", cs, ps, tc.want)
			}
		})
	}
}

// firstOfKind is the index of the set's first question of a kind.
func firstOfKind(s *Set, kind string) int {
	for i, q := range s.Questions {
		if q.Kind == kind {
			return i
		}
	}
	return -1
}
