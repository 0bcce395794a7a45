//go:build !wasm

package clinic

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// checkSVG checks an SVG logo's content, as it is served from the site's
// own origin: it must parse as XML with an <svg> root, and hold nothing
// that runs or fetches: no <script> or <foreignObject> (which holds HTML),
// no on* event attribute, no reference but to a part of itself (href="#id",
// url(#id)), no @import, no DOCTYPE (which can declare entities).
func checkSVG(body []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(body))
	depth, roots := 0, 0
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := dec.InputPos()
		if err != nil {
			return fmt.Errorf("not an SVG image: %v", err)
		}
		if err := svgToken(tok, depth, roots); err != nil {
			return fmt.Errorf("SVG line %d: %v", line, err)
		}
		switch tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
			}
			depth++
		case xml.EndElement:
			depth--
		}
	}
	if roots == 0 {
		return fmt.Errorf("not an SVG image: no <svg> element")
	}
	return nil
}

// svgToken checks one token of an SVG logo.
func svgToken(tok xml.Token, depth, roots int) error {
	switch t := tok.(type) {
	case xml.StartElement:
		name := strings.ToLower(t.Name.Local)
		switch {
		case depth == 0 && (roots > 0 || name != "svg"):
			return fmt.Errorf("want one <svg> element, got <%s>", t.Name.Local)
		case name == "script", name == "foreignobject":
			return fmt.Errorf("a <%s> element is not allowed in a logo", t.Name.Local)
		}
		for _, a := range t.Attr {
			if err := svgAttr(a); err != nil {
				return err
			}
		}
	case xml.CharData:
		return svgRefs(string(t))
	case xml.Directive:
		return fmt.Errorf("<!%s> is not allowed in a logo", firstWord(string(t)))
	case xml.ProcInst:
		if t.Target != "xml" {
			return fmt.Errorf("<?%s?> is not allowed in a logo", t.Target)
		}
	}
	return nil
}

func svgAttr(a xml.Attr) error {
	name := strings.ToLower(a.Name.Local)
	switch {
	case strings.HasPrefix(name, "on"):
		return fmt.Errorf("the event attribute %s is not allowed in a logo", a.Name.Local)
	case name == "href" || name == "src":
		if !strings.HasPrefix(strings.TrimSpace(a.Value), "#") {
			return fmt.Errorf("%s=%q: a logo may refer only to a part of itself (#id)", a.Name.Local, clipText(a.Value))
		}
	}
	return svgRefs(a.Value)
}

// svgRefs refuses a style's reference to anything but a part of the logo.
func svgRefs(s string) error {
	low := strings.ToLower(s)
	if strings.Contains(low, "@import") {
		return fmt.Errorf("@import is not allowed in a logo")
	}
	for rest := low; ; {
		_, after, ok := strings.Cut(rest, "url(")
		if !ok {
			return nil
		}
		if !strings.HasPrefix(strings.TrimLeft(after, " \t\n\r'\""), "#") {
			return fmt.Errorf("url(%s: a logo may refer only to a part of itself (url(#id))", clipText(after))
		}
		rest = after
	}
}

func firstWord(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return clipText(f[0])
	}
	return ""
}
