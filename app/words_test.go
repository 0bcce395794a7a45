package app

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// notWords are the string literals of app/ that look like words but are
// not shown to a person as such: calendar-file fields, log and internal
// error messages, a date layout, JavaScript names.
var notWords = map[string]bool{
	"2 Jan 2006":      true, // Go's date layout
	"BEGIN:VCALENDAR": true, "VERSION:2.0": true, "PRODID:-//Aftercare//Diary reminder//EN": true,
	"BEGIN:VEVENT": true, "UID:aftercare-diary-": true, "DTSTAMP:": true, "T000000Z": true, "DTSTART:": true,
	"T200000": true, "DURATION:PT5M": true, "RRULE:FREQ=DAILY;COUNT=14": true, "SUMMARY:": true,
	"DESCRIPTION:": true, "BEGIN:VALARM": true, "ACTION:DISPLAY": true, "TRIGGER:PT0M": true,
	"END:VALARM": true, "END:VEVENT": true, "END:VCALENDAR": true,
	"saved check has version %d, want %d":                       true,
	"saved check has no real date: %q":                          true,
	"diary of unknown version %d":                               true, // the label of data kept aside, inside its file
	"diary that could not be updated from version %d":           true,
	"aftercare: recovered from a panic in an event handler: %v": true, // console
	"aftercare: built-in rules: ":                               true, // a panic: a broken build
	"browser storage: %v":                                       true, // the browser's own words, in storage_blocked's {why}
	"Aftercare":                                                 true, // the product's name
	"AFTERCARE_PROFILE":                                         true,
	"AFTERCARE_UPDATE_INTERVAL":                                 true,
	"unreadable diary":                                          true, // labels of data kept aside, inside its file
	"diary with an unreadable start":                            true,
	"diary with unreadable entries":                             true,
	"diary entries that could not be read":                      true,
	"diary entries without a diary start":                       true,
	"diary with a field this app does not know":                 true,
	"diary entries dated after this device's date":              true,
	"not saved on this device":                                  true, // errNotSaved: the person reads entry_not_kept
}

// shownCalls are the go-app calls whose arguments reach the screen (or a
// screen reader): a literal with a letter in them is a word in Go.
var shownCalls = map[string]bool{"Text": true, "Textf": true, "Title": true, "Placeholder": true, "Alt": true, "heading": true}

// codeCalls take names for code, not people: class names, ids, element and
// JavaScript names. (Aria and DataSet name a label in their first argument;
// the label itself is checked like any literal.)
var codeCalls = map[string]bool{"Class": true, "ID": true, "Href": true, "Role": true, "Type": true, "Get": true, "Call": true,
	"New": true, "Set": true, "Attr": true, "DataSet": true, "Aria": true, "Name": true, "For": true, "Value": true, "Rel": true,
	"Target": true, "Src": true, "EventScope": true, "Scope": true, "navLink": true, "svg": true, "focusOn": true, "tagClass": true}

var looksLikeWords = regexp.MustCompile(`^[A-Z][a-z]|[A-Za-z]{2,} [A-Za-z]{2,}`)

// TestNoWordsInGo: no patient-facing word is a Go literal in app/; every
// one is in rules/data/words.yaml (or the rules' other texts), keyed by
// locale. It reads the source: a literal that looks like words anywhere, or
// one with any letter in what reaches the screen, fails.
func TestNoWordsInGo(t *testing.T) {
	words, _ := readAppWords(t)
	for _, w := range words {
		t.Errorf("%s is a word in Go: put it in rules/data/words.yaml and say it", w)
	}
}

// readAppWords reads every Go file of app/ but the tests.
func readAppWords(t *testing.T) (words, said []string) {
	t.Helper()
	files, _ := filepath.Glob("*.go")
	if len(files) < 10 {
		t.Fatalf("only %d files", len(files))
	}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		w, s := readWords(t, name, string(src))
		words, said = append(words, w...), append(said, s...)
	}
	return words, said
}

// TestWordsCheckFindsWords: the check above finds a word where there is
// one, and takes class names, ids and keys for code.
func TestWordsCheckFindsWords(t *testing.T) {
	src := `package app
func f() {
	app.P().Class("button primary").ID("go").Text("Hello there")
	app.Td().DataSet("label", "Day").Text(en.say("day", "n", "1"))
	app.Span().Text("x" + en.say("key"))
	tagClass("p", "note").Body(tagText("strong", "later"))
	msg := "Could not save"
	_ = en.problemAt("entries", "diary_full")
}`
	words, keys := readWords(t, "f.go", src)
	want := []string{`f.go:3:48: "Hello there"`, `f.go:4:28: "Day"`, `f.go:5:18: "x"`, `f.go:6:47: "later"`, `f.go:7:9: "Could not save"`}
	if !slices.Equal(words, want) {
		t.Errorf("found %q, want %q", words, want)
	}
	if !slices.Equal(keys, []string{"day", "key", "diary_full"}) {
		t.Errorf("keys %q", keys)
	}
}

// readWords returns the word literals of one Go file (as file:line:col:
// "literal") and the keys of the words it says.
func readWords(t *testing.T, name, src string) (words, said []string) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, 0)
	if err != nil {
		t.Fatal(err)
	}
	code := map[*ast.BasicLit]bool{} // keys, blank names and code names
	shown := map[*ast.BasicLit]bool{}
	mark := func(call *ast.CallExpr, arg ast.Expr, into map[*ast.BasicLit]bool) {
		ast.Inspect(arg, func(n ast.Node) bool {
			if c, ok := n.(*ast.CallExpr); ok && c != call {
				return false // another call's own arguments
			}
			if l, ok := n.(*ast.BasicLit); ok {
				into[l] = true
			}
			return true
		})
	}
	ast.Inspect(f, func(n ast.Node) bool {
		// The pages of routes.go name their title and description by key.
		if lit, ok := n.(*ast.CompositeLit); ok {
			if at, ok := lit.Type.(*ast.ArrayType); ok && isIdent(at.Elt, "page") {
				for _, e := range lit.Elts {
					pg, ok := e.(*ast.CompositeLit)
					if !ok || len(pg.Elts) < 3 {
						continue
					}
					for _, a := range pg.Elts[:3] {
						if l, ok := a.(*ast.BasicLit); ok {
							code[l] = true
							if v, _ := strconv.Unquote(l.Value); v != "" && a != pg.Elts[0] {
								said = append(said, v)
							}
						}
					}
				}
			}
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		name := ""
		switch fn := call.Fun.(type) {
		case *ast.Ident:
			name = fn.Name
		case *ast.SelectorExpr:
			name = fn.Sel.Name
		}
		switch {
		case name == "say" || name == "sayAround" || name == "problemAt":
			k := 0
			if name == "problemAt" {
				k = 1
			}
			for i, a := range call.Args {
				l, ok := a.(*ast.BasicLit)
				if !ok {
					continue
				}
				code[l] = i <= k || (i-k)%2 == 1 // the key and each blank's name
				if i == k {
					v, _ := strconv.Unquote(l.Value)
					said = append(said, v)
				}
			}
		case name == "tagText" && len(call.Args) == 2: // tagText(tag, text)
			mark(call, call.Args[0], code)
			mark(call, call.Args[1], shown)
		case codeCalls[name]:
			for i, a := range call.Args {
				if i == 1 && (name == "Aria" || name == "DataSet") && isLit(call.Args[0], "label") {
					mark(call, a, shown) // the label itself
					continue
				}
				mark(call, a, code)
			}
		case shownCalls[name]:
			for _, a := range call.Args {
				mark(call, a, shown)
			}
		}
		return true
	})
	ast.Inspect(f, func(n ast.Node) bool {
		l, ok := n.(*ast.BasicLit)
		if !ok || l.Kind != token.STRING || code[l] {
			return true
		}
		s, _ := strconv.Unquote(l.Value)
		if notWords[s] {
			return true
		}
		if looksLikeWords.MatchString(s) || shown[l] && strings.IndexFunc(s, unicode.IsLetter) >= 0 {
			words = append(words, fmt.Sprintf("%s: %q", fset.Position(l.Pos()), s))
		}
		return true
	})
	return words, said
}

// TestEverySaidKeyExists: each key app/ says is in the rules' words, and
// every word there is said somewhere (no dead words for a translator).
func TestEverySaidKeyExists(t *testing.T) {
	used := map[string]bool{}
	_, said := readAppWords(t)
	for _, k := range said {
		used[k] = true
	}
	// The server says a few itself: embed.js's words, on a clinic's page;
	// and the rules a few (when the pain began, for the summary).
	site, _ := filepath.Glob("../cmd/internal/site/*.go")
	ruleFiles, _ := filepath.Glob("../rules/*.go")
	site = append(site, ruleFiles...)
	for _, name := range site {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range regexp.MustCompile(`\.Say\("([a-z0-9_]+)"`).FindAllSubmatch(b, -1) {
			used[string(m[1])] = true
		}
	}
	set := ruleSet()
	for k := range used {
		if _, ok := set.Words[k]; !ok {
			t.Errorf("en.say(%q): no such key in rules/data/words.yaml", k)
		}
	}
	for k := range set.Words {
		if !used[k] {
			t.Errorf("words.yaml: %q is never said", k)
		}
	}
	if len(used) < 100 {
		t.Errorf("only %d keys said: the check does not see them", len(used))
	}
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

func isLit(e ast.Expr, v string) bool {
	l, ok := e.(*ast.BasicLit)
	return ok && l.Value == strconv.Quote(v)
}

// en is the default language, for tests that read the English words.
const en lang = "en"
