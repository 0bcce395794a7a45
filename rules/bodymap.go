package rules

import (
	"fmt"
	"slices"
	"strings"
)

// The views of a body map, in the order they are drawn: the body seen from
// the front and from the back. Left and right are the person's own.
var BodyViews = []string{"front", "back"}

// BodyBox is the SVG view box of each view of a body map; the shapes of its
// regions are paths within it.
const BodyBox = "0 0 120 190"

// pathLetters are all a region's shape may hold: SVG path commands,
// numbers and separators. Nothing that could be markup.
const pathLetters = "MmLlHhVvCcSsQqTtAaZz0123456789 .,-"

// checkBodyMap: a body map is a checklist whose every option is a region
// with a shape in at least one view, a path of plain path letters; no other
// question has shapes.
func checkBodyMap(path string, q *Question, ps *Problems) {
	if q.BodyMap && q.Kind != KindMulti {
		ps.add(path+".body_map", "a body map is a multi question (any number of regions), not %s", q.Kind)
	}
	for i, o := range q.Options {
		p := fmt.Sprintf("%s.options[%d].shape", path, i)
		if !q.BodyMap {
			if len(o.Shape) > 0 {
				ps.add(p, "a shape is for the regions of a body map only: add body_map: true to %s, or leave shape out", q.ID)
			}
			continue
		}
		if len(o.Shape) == 0 {
			ps.add(p, "region %s has no shape: give its path in the front or back view (or both)", o.ID)
		}
		for view, d := range o.Shape {
			switch {
			case !slices.Contains(BodyViews, view):
				ps.add(p+"."+view, "unknown view %q (views: %s)", view, strings.Join(BodyViews, ", "))
			case strings.TrimSpace(d) == "" || strings.Trim(d, pathLetters) != "":
				ps.add(p+"."+view, "shape %q: want an SVG path (commands such as M, L, H, V, Z and numbers), nothing else", d)
			}
		}
	}
}

// OpenedByPointing reports whether a question is asked only once a region
// of a body map is marked (chest pain, once the chest is marked). Typing
// its sign is pointing there, so the search may offer it at any time.
func (s *Set) OpenedByPointing(id string) bool {
	q := s.Question(id)
	if q == nil || len(q.askIf) == 0 {
		return false
	}
	for _, c := range q.askIf {
		if !s.Questions[c.q].BodyMap {
			return false
		}
	}
	return true
}
