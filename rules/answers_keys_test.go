package rules

import (
	"strings"
	"testing"
)

// TestCheckJSONKeys: a key given twice, or two keys that differ only in
// case, in any object of the value, is refused with the key and its
// line:col; anything else passes.
func TestCheckJSONKeys(t *testing.T) {
	for in, want := range map[string]string{
		`{"answers": {"chest": "yes", "chest": "no"}}`:                                       `line 1, col 30: the key "chest" is given twice`,
		`{"answers": {"chest": "no"}, "Answers": {"chest": "yes"}}`:                          `line 1, col 30: the keys "answers" and "Answers" differ only in case`,
		"{\"answers\": {\n  \"days\": 3,\n  \"pain_now\": [1, {\"a\": 1}],\n  \"days\": 4}}": `line 4, col 3: the key "days" is given twice`,
		`[{"a": 1}, {"b": {"c": 1, "C": 2}}]`:                                                `line 1, col 27: the keys "c" and "C" differ only in case`,
		`{"ñame": "é", "ñame": 2}`:                                                           `line 1, col 15: the key "ñame" is given twice`,
		"{\"k\": 1, \"\u212a\": 2}":                                                          `differ only in case`, // the Kelvin sign, which encoding/json folds to k
		`{"a": 1`:                                                                            `unexpected EOF`,
	} {
		err := CheckJSONKeys([]byte(in))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v, want %s", in, err, want)
		}
	}
	for _, in := range []string{
		`{"answers": {"chest": "no", "days": 3, "where": ["neck", "neck"]}}`,
		`{"a": {"x": 1}, "b": {"x": 1}, "c": [{"x": 1}, {"x": 2}]}`, `"chest"`, `3`, `[]`, `{}`,
		`{"a": 1} {"a": 1}`, // only the first value is read (the caller refuses what follows)
	} {
		if err := CheckJSONKeys([]byte(in)); err != nil {
			t.Errorf("%s: %v", in, err)
		}
	}
}
