//go:build !wasm

package rulesbook

import (
	"bytes"
	"encoding/xml"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"aftercare/rules"
)

const vignetteDir = "../../../rules/testdata/vignettes"

// bookOf writes the book of a set with the given vignettes.
func bookOf(t *testing.T, set *rules.Set, vs []Vignette) string {
	t.Helper()
	var b bytes.Buffer
	o := Options{Date: "2025-01-02", Rules: "rules/data", Vignettes: vs, VignetteDir: "vignettes"}
	if err := Write(&b, set, o); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func builtin(t *testing.T) *rules.Set {
	t.Helper()
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// section is the part of the book about one flag.
func section(t *testing.T, book, id string) string {
	t.Helper()
	_, s, ok := strings.Cut(book, `<section class="flag" id="flag-`+id+`">`)
	if !ok {
		t.Fatalf("the book has no section for flag %s", id)
	}
	s, _, _ = strings.Cut(s, "</section>")
	return s
}

// TestBookShowsEveryFlag: each flag of the built-in rules has its section,
// with its level, source, reason in every language, each condition in
// words (the question and an option label, in every language) and the
// vignettes whose reasons name it. The texts are as written, with
// {emergency} for the clinic's number.
func TestBookShowsEveryFlag(t *testing.T) {
	set := builtin(t)
	vs, err := ReadVignettes(vignetteDir)
	if err != nil || len(vs) < 100 {
		t.Fatalf("read %d vignettes: %v", len(vs), err)
	}
	book := bookOf(t, set, vs)
	withVignettes := 0
	for _, f := range set.Flags {
		s := html.UnescapeString(section(t, book, f.ID))
		want := []string{`<span class="level">` + string(f.Level) + "</span>", f.Source}
		for _, l := range []string{"en", "es"} {
			want = append(want, f.Reason[l])
			for _, c := range set.Conditions(f.ID) {
				want = append(want, c.Question.Text[l])
				if len(c.Named) > 0 {
					want = append(want, c.Named[0].Label[l])
				}
			}
		}
		for _, v := range vs {
			for _, r := range v.Reasons {
				if r == f.ID {
					want = append(want, "<code>"+v.File+"</code>: "+v.Story)
				}
			}
		}
		for _, w := range want {
			if !strings.Contains(s, w) {
				t.Errorf("flag %s: the book does not say %q", f.ID, w)
			}
		}
		if !strings.Contains(s, "No vignette exercises this flag.") {
			withVignettes++
		}
		if !strings.Contains(book, `<a href="#flag-`+f.ID+`">`) {
			t.Errorf("flag %s is not in the contents", f.ID)
		}
	}
	if withVignettes < len(set.Flags)/2 {
		t.Errorf("only %d of %d flags have vignettes", withVignettes, len(set.Flags))
	}
}

// TestBookHeader: the counts, the date and the flags no vignette
// exercises, listed at the end.
func TestBookHeader(t *testing.T) {
	set := builtin(t)
	vs := []Vignette{{File: "one.json", Story: "A story.", Reasons: []string{set.Flags[0].ID}}}
	book := bookOf(t, set, vs)
	n := map[rules.Level]int{}
	for _, f := range set.Flags {
		n[f.Level]++
	}
	for _, w := range []string{
		"Made on <strong>2025-01-02</strong>",
		"<tr><th>Questions</th><td>" + strconv.Itoa(len(set.Questions)) + "</td></tr>",
		"<tr><th>Groups of signs</th><td>" + strconv.Itoa(len(set.Groups)) + "</td></tr>",
		strconv.Itoa(n[rules.Emergency]) + " emergency, " + strconv.Itoa(n[rules.Urgent]) + " urgent, " + strconv.Itoa(n[rules.Doctor]) + " doctor",
		"English, Spanish",
	} {
		if !strings.Contains(book, w) {
			t.Errorf("the header does not say %q", w)
		}
	}
	_, end, _ := strings.Cut(book, `<h2 id="untested">`)
	if strings.Contains(end, `href="#flag-`+set.Flags[0].ID+`"`) {
		t.Errorf("flag %s has a vignette, yet is listed as exercised by none", set.Flags[0].ID)
	}
	for _, f := range set.Flags[1:] {
		if !strings.Contains(end, `href="#flag-`+f.ID+`"`) {
			t.Errorf("flag %s has no vignette, and is not listed at the end", f.ID)
		}
	}
}

// TestBookIsSelfContained: no script, nothing loaded from anywhere (the
// only links are to the page's own parts), print rules for A4, and the
// page is well formed: every tag closed, in order (read as XML).
func TestBookIsSelfContained(t *testing.T) {
	vs, err := ReadVignettes(vignetteDir)
	if err != nil {
		t.Fatal(err)
	}
	book := bookOf(t, builtin(t), vs)
	for _, bad := range []string{"<script", "http://", "https://", "src=", "url(", "@import", "<link", "<iframe", "<object", "<img"} {
		if strings.Contains(strings.ToLower(book), bad) {
			t.Errorf("the book has %q", bad)
		}
	}
	for _, m := range regexp.MustCompile(`(?i)\b(href|action|srcset|data)\s*=\s*"([^"]*)"`).FindAllStringSubmatch(book, -1) {
		if !strings.HasPrefix(m[2], "#") {
			t.Errorf("the book links out: %s", m[0])
		}
	}
	for _, want := range []string{"@page { size: A4;", "break-inside: avoid", `<meta charset="utf-8"/>`} {
		if !strings.Contains(book, want) {
			t.Errorf("the book lacks %q", want)
		}
	}
	wellFormed(t, book)
}

// wellFormed reads the page as strict XML: a tag closed out of order, an
// unclosed one or a stray & fails.
func wellFormed(t *testing.T, page string) {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(page))
	dec.Strict = true
	var stack []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the book is not well formed: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			stack = append(stack, tok.Name.Local)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) != 0 {
		t.Fatalf("unclosed: %v", stack)
	}
}

// TestBookEscapes: a reason, a source or a story with HTML in it shows as
// text.
func TestBookEscapes(t *testing.T) {
	b, err := builtin(t).JSON()
	if err != nil {
		t.Fatal(err)
	}
	set, err := rules.Parse(b) // a copy of its own, to change
	if err != nil {
		t.Fatal(err)
	}
	f := &set.Flags[0]
	f.Reason["en"] = `Tom & "Jerry" <script>alert(1)</script>`
	f.Reason["es"] = `<b>negrita</b>`
	f.Source = `NICE <i>CG95</i> & co`
	vs := []Vignette{{File: "x.json", Story: `<img src=x onerror=alert(1)> & more`, Reasons: []string{f.ID}}}
	book := bookOf(t, set, vs)
	s := section(t, book, f.ID)
	for _, want := range []string{
		"Tom &amp; &#34;Jerry&#34; &lt;script&gt;alert(1)&lt;/script&gt;",
		"&lt;b&gt;negrita&lt;/b&gt;",
		"NICE &lt;i&gt;CG95&lt;/i&gt; &amp; co",
		"&lt;img src=x onerror=alert(1)&gt; &amp; more",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("the book does not escape to %q", want)
		}
	}
	for _, bad := range []string{"<script", "<b>negrita", "<i>CG95", "<img"} {
		if strings.Contains(book, bad) {
			t.Errorf("the book has %q unescaped", bad)
		}
	}
	wellFormed(t, book)
}

// TestNoVignettes: a folder that does not exist has no vignettes, and the
// book says so; a file that is not a vignette is an error naming it.
func TestNoVignettes(t *testing.T) {
	vs, err := ReadVignettes(filepath.Join(t.TempDir(), "nowhere"))
	if err != nil || vs != nil {
		t.Fatalf("ReadVignettes(nowhere) = %v, %v; want none, no error", vs, err)
	}
	book := bookOf(t, builtin(t), nil)
	if !strings.Contains(book, "No vignettes were found in <code>vignettes</code>.") {
		t.Error("the book does not say that no vignettes were found")
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"story": `), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadVignettes(dir); err == nil || !strings.Contains(err.Error(), bad) {
		t.Errorf("ReadVignettes(a bad file) = %v; want an error naming %s", err, bad)
	}
}
