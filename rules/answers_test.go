package rules

import (
	"reflect"
	"testing"
)

func TestAnswersRoundTripAndLabels(t *testing.T) {
	s := defaultSet(t)
	tests := []struct {
		id    string
		a     Answer
		label string
	}{
		{"pain_now", Answer{Number: 7}, "7 out of 10 (Hard to sleep or dress)"},
		{"pain_now", Answer{Number: 5}, "5 out of 10"},
		{"days", Answer{Number: 1}, "day 1 after the massage (Yesterday)"},
		{"trend", Answer{Option: "worse"}, "Worse"},
		{"trend", Answer{Unsure: true}, "I don't know"},
		{"every_time", Answer{Option: "yes"}, "Yes"},
		{"where", Answer{Options: []string{"neck", "between_blades"}}, "Neck; Between the shoulder blades"},
		{"body_signs", Answer{Options: []string{}}, "None of these"},
	}
	for _, tt := range tests {
		t.Run(tt.id+" "+tt.label, func(t *testing.T) {
			back, err := s.AnswerFromJSON(tt.id, s.AnswerToJSON(tt.id, tt.a))
			if tt.a.Options != nil && len(tt.a.Options) == 0 {
				back.Options = []string{} // JSON gives an empty list either way
			}
			if err != nil || !reflect.DeepEqual(back, tt.a) {
				t.Errorf("%s %+v: round trip gave %+v, %v", tt.id, tt.a, back, err)
			}
			if got := s.AnswerLabel(tt.id, tt.a, "en"); got != tt.label {
				t.Errorf("%s %+v: label %q, want %q", tt.id, tt.a, got, tt.label)
			}
		})
	}
}
