//go:build !wasm

package rules

import (
	"bytes"
	"strings"
	"testing"
)

// TestWordsFilesAreTheBrowsersSet: each locale's words file, read as the
// browser reads it, is the full set as the browser has it (no sources, the
// conditions parsed) with that locale's texts and no other's; a file cut
// in half, of another locale or of rules that do not hold together is
// refused.
func TestWordsFilesAreTheBrowsersSet(t *testing.T) {
	full, err := Parse(compiled)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range full.Locales {
		data, err := full.WordsJSON(l)
		if err != nil {
			t.Fatal(err)
		}
		got, err := ParseWords(data, l)
		if err != nil {
			t.Fatal(err)
		}
		for _, other := range full.Locales {
			if got.Has(other) != (other == l) {
				t.Errorf("the %s words file: Has(%s) = %v", l, other, got.Has(other))
			}
		}
		want, err := full.browserForm()
		if err != nil {
			t.Fatal(err)
		}
		want.keepOnly(l)
		gotJSON, _ := compact(got)
		if wantJSON, _ := compact(want); !bytes.Equal(gotJSON, wantJSON) {
			t.Errorf("the %s words file is not the full set as the browser has it, in %s", l, l)
		}
		if _, err := ParseWords(data[:len(data)/2], l); err == nil {
			t.Errorf("the %s words file cut in half was read", l)
		}
	}
	en, _ := full.WordsJSON("en")
	if _, err := ParseWords(en, "es"); err == nil || !strings.Contains(err.Error(), "no es texts") {
		t.Errorf("the en words file read as es: %v", err)
	}
	broken := bytes.Replace(en, []byte(`"q":1,`), []byte(`"q":999,`), 1)
	if bytes.Equal(broken, en) {
		t.Fatal("no parsed condition to break")
	}
	if _, err := ParseWords(broken, "en"); err == nil {
		t.Error("a words file whose condition reads no question was read")
	}
}
