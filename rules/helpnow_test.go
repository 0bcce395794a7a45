package rules

import "testing"

func TestGetHelpNowMostUrgentFirst(t *testing.T) {
	groups := GetHelpNow()
	if len(groups) == 0 || groups[0].Level != Emergency {
		t.Fatalf("first group = %+v, want the emergency signs first", groups)
	}
	rank := map[Level]int{}
	for i, l := range Levels {
		rank[l] = i
	}
	for i, g := range groups {
		if _, ok := rank[g.Level]; !ok {
			t.Errorf("group %d has unknown level %q", i, g.Level)
		}
		if i > 0 && rank[g.Level] < rank[groups[i-1].Level] {
			t.Errorf("group %d (%s) comes after a calmer level (%s)", i, g.Level, groups[i-1].Level)
		}
		if g.Do == "" || len(g.Signs) == 0 {
			t.Errorf("group %d (%s) has no action or no signs", i, g.Level)
		}
	}
}
