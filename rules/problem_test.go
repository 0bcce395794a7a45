//go:build !wasm

package rules

import (
	"fmt"
	"strings"
	"testing"
)

// TestEveryListRefusesARepeatedID: each list of ids in the rules reports a
// repeated id at the repeat, in the same words (firstUse).
func TestEveryListRefusesARepeatedID(t *testing.T) {
	s, err := Parse(compiled)
	if err != nil {
		t.Fatal(err)
	}
	q := questionOfKind(t, s, KindChoice)
	s.Questions[q].Options = append(s.Questions[q].Options, s.Questions[q].Options[0])
	s.Flags = append(s.Flags, s.Flags[0])
	s.Causes = append(s.Causes, s.Causes[0])
	s.Plan.Tiers = append(s.Plan.Tiers, s.Plan.Tiers[0])
	s.Guide = append(s.Guide, s.Guide[0])
	s.Groups = append(s.Groups, s.Groups[0])
	s.Diary.Stiffness = append(s.Diary.Stiffness, s.Diary.Stiffness[0])
	s.Card.Areas = append(s.Card.Areas, s.Card.Areas[0])
	s.Levels = append(s.Levels, s.Levels[0])
	got := s.Compile().Error()
	last := func(n int) int { return n - 1 }
	for _, want := range []string{
		fmt.Sprintf("questions[%d].options[%d].id: duplicate option id %q", q, last(len(s.Questions[q].Options)), s.Questions[q].Options[0].ID),
		fmt.Sprintf("flags[%d].id: duplicate flag id %q", last(len(s.Flags)), s.Flags[0].ID),
		fmt.Sprintf("causes[%d].id: duplicate cause id %q", last(len(s.Causes)), s.Causes[0].ID),
		fmt.Sprintf("plan.tiers[%d].id: duplicate tier id %q", last(len(s.Plan.Tiers)), s.Plan.Tiers[0].ID),
		fmt.Sprintf("guide[%d].id: duplicate section id %q", last(len(s.Guide)), s.Guide[0].ID),
		fmt.Sprintf("groups[%d].id: duplicate group id %q", last(len(s.Groups)), s.Groups[0].ID),
		fmt.Sprintf("diary.stiffness[%d].id: duplicate option id %q", last(len(s.Diary.Stiffness)), s.Diary.Stiffness[0].ID),
		fmt.Sprintf("card.areas[%d].id: duplicate area id %q", last(len(s.Card.Areas)), s.Card.Areas[0].ID),
		fmt.Sprintf("levels[%d].id: duplicate level %q", last(len(s.Levels)), s.Levels[0].ID),
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
}

func questionOfKind(t *testing.T, s *Set, k string) int {
	t.Helper()
	for i, q := range s.Questions {
		if q.Kind == k {
			return i
		}
	}
	t.Fatalf("no %s question", k)
	return -1
}
