package site

import "regexp"

// go-app writes a boolean attribute set to false as checked="false" when
// it renders on the server; in HTML an attribute that is there at all is
// true, so a prerendered page would show every radio and checkbox ticked
// (the last radio of a group chosen) until the app redraws it. In the
// browser go-app removes such an attribute, so only prerendered pages
// need this.
var falseBoolean = regexp.MustCompile(` (allowfullscreen|async|autofocus|autoplay|checked|controls|default|defer|disabled|formnovalidate|hidden|inert|ismap|itemscope|loop|multiple|muted|nomodule|novalidate|open|playsinline|readonly|required|reversed|selected)="false"`)

// dropFalseBooleans removes the boolean attributes written "false".
func dropFalseBooleans(page []byte) []byte { return falseBoolean.ReplaceAll(page, nil) }
