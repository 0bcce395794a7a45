package app

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"aftercare/rules"
)

// clinicalIDs are the names the rules give to clinical things: questions
// and their options, flags, groups, causes, tiers and the diary's lists.
func clinicalIDs(set *rules.Set) map[string]string {
	ids := map[string]string{}
	for _, q := range set.Questions {
		ids[q.ID] = "question"
		for _, o := range q.Options {
			ids[o.ID] = "option of " + q.ID
		}
	}
	for _, f := range set.Flags {
		ids[f.ID] = "flag"
	}
	for _, g := range set.Groups {
		ids[g.ID] = "group"
	}
	for _, c := range set.Causes {
		ids[c.ID] = "cause"
	}
	for _, t := range set.Plan.Tiers {
		ids[t.ID] = "tier"
	}
	for _, o := range append(append([]rules.Option{}, set.Diary.Stiffness...), set.Diary.Helped...) {
		ids[o.ID] = "diary option"
	}
	// Words every form uses for other things too ("stiffness" is also the
	// diary entry's field).
	for _, common := range []string{"yes", "no", "none", "other", "unsure", "same", "better", "worse", "stiffness"} {
		delete(ids, common)
	}
	return ids
}

// TestAppHasNoClinicalLiteral: the app names no question, option, flag,
// group, cause, tier or diary option of its own, and holds no number of the
// pain scale: what is clinical comes from the rules, through their
// accessors, so a clinician's change to the YAML reaches every screen.
func TestAppHasNoClinicalLiteral(t *testing.T) {
	set := ruleSet()
	ids := clinicalIDs(set)
	if len(ids) < 50 {
		t.Fatalf("only %d ids", len(ids))
	}
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if c, ok := n.(*ast.CallExpr); ok {
				if sel, ok := c.Fun.(*ast.SelectorExpr); ok && (sel.Sel.Name == "say" || sel.Sel.Name == "sayAround" || sel.Sel.Name == "problemAt") {
					return false // keys and blank names
				}
			}
			l, ok := n.(*ast.BasicLit)
			if !ok || l.Kind != token.STRING {
				return true
			}
			s, _ := strconv.Unquote(l.Value)
			if what, clinical := ids[s]; clinical {
				t.Errorf("%s: %q is a %s: take it from the rules", fset.Position(l.Pos()), s, what)
			}
			return true
		})
	}
}
