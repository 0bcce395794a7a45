package site

import (
	"html"
	"regexp"
	"slices"
	"strings"
	"testing"

	"aftercare/rules"
)

// TestStartedCheckIsPrerenderedWithItsFirstQuestion: "/check?start=1" (the
// home page's "Start a check") comes with the first question and its
// answers as a plain form that asks for the answer in the address, in
// each language, and for someone else with "&check-for=for-other";
// "/check" alone still shows the intro, whose Start asks for it.
func TestStartedCheckIsPrerenderedWithItsFirstQuestion(t *testing.T) {
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	r, err := set.Evaluate(rules.Answers{})
	if err != nil || len(r.Pending) == 0 {
		t.Fatalf("no first question: %v", err)
	}
	q := set.Question(r.Pending[0])
	h := newTestSite(t, fakeWebDir(t)).Handler(quietLogger)
	for _, loc := range set.Locales {
		page := "/check"
		if loc != set.Locales[0] {
			page = "/" + loc + page
		}
		for _, target := range []string{page + "?start=1", page + "?start=1&a=" + q.Options[0].ID} {
			body := get(t, h, "GET", target, nil).Body.String()
			if !strings.Contains(body, html.EscapeString(set.In(q.Text, loc))) {
				t.Errorf("%s lacks the first question", target)
			}
			tags := [][]string{{"form", `id="first-answers"`, `method="get"`, `action="` + page + `"`}, {"input", `type="hidden"`, `name="start"`, `value="1"`},
				{"input", `type="radio"`, `name="check-for"`, `value="for-other"`, `form="first-answers"`}}
			for _, o := range q.Options {
				tags = append(tags, []string{"button", `type="submit"`, `name="a"`, `value="` + o.ID + `"`, ">" + html.EscapeString(set.In(o.Label, loc))})
			}
			for _, tag := range tags {
				if !hasTag(body, tag[0], tag[1:]...) {
					t.Errorf("%s lacks <%s %s>", target, tag[0], strings.Join(tag[1:], " "))
				}
			}
		}
		// For someone else, as the intro's Start or the radio sends it.
		other := page + "?start=1&check-for=for-other"
		body := get(t, h, "GET", other, nil).Body.String()
		them := q.TextThem
		if them[loc] == "" { // Spanish often says both alike
			them = q.Text
		}
		if !strings.Contains(body, html.EscapeString(set.In(them, loc))) || !hasTag(body, "input", `value="for-other"`, `checked`) {
			t.Errorf("%s is not the first question for someone else", other)
		}
		// The intro's Start works before the app: it asks for the first question.
		body = get(t, h, "GET", page, nil).Body.String()
		if strings.Contains(body, "data-question") || !hasTag(body, "button", `id="start-check"`, `type="submit"`) ||
			!hasTag(body, "form", `id="first-answers"`, `method="get"`, `action="`+page+`"`) {
			t.Errorf("%s is not the intro, its Start a form", page)
		}
	}
}

// hasTag reports whether body has a tag named name with every one of
// attrs, in any order (go-app writes attributes in no fixed order).
func hasTag(body, name string, attrs ...string) bool {
	for _, m := range regexp.MustCompile(`<`+name+` [^>]*>[^<]*`).FindAllString(body, -1) {
		if !slices.ContainsFunc(attrs, func(a string) bool { return !strings.Contains(m, a) }) {
			return true
		}
	}
	return false
}

// TestPrerenderedPagesTickNothing: no prerendered page carries a boolean
// attribute written "false" (go-app's server rendering writes them, and a
// browser takes checked="false" as ticked): the first question's "Me" is
// the one chosen, and the diary's form has nothing ticked.
func TestPrerenderedPagesTickNothing(t *testing.T) {
	h := newTestSite(t, fakeWebDir(t)).Handler(quietLogger)
	// Any attribute written "false" but those whose "false" means false.
	written := regexp.MustCompile(` ([a-z-]+)="false"`)
	for _, target := range append(routePaths(), "/check?start=1", "/check?start=1&check-for=for-other") {
		for _, m := range written.FindAllStringSubmatch(get(t, h, "GET", target, nil).Body.String(), -1) {
			if name := m[1]; !strings.HasPrefix(name, "aria-") && !strings.HasPrefix(name, "data-") && !slices.Contains([]string{"spellcheck", "draggable", "contenteditable", "translate"}, name) {
				t.Errorf("%s has%s", target, m[0])
			}
		}
	}
	body := get(t, h, "GET", "/check?start=1", nil).Body.String()
	if !hasTag(body, "input", `id="for-me"`, `checked`) || hasTag(body, "input", `id="for-other"`, `checked`) {
		t.Error("the prerendered first question does not have Me chosen, and only Me")
	}
}
