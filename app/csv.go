package app

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// appendCSV appends one record, as encoding/csv's Writer writes it (comma
// between fields, "\n" after the record): a field is quoted, its quotes
// doubled, when it holds a comma, a quote or a line break, starts with a
// space, or is `\.`. Written out here because encoding/csv and the bufio
// it writes through are about 15 KB of app.wasm that nothing else needs.
func appendCSV(b []byte, fields ...string) []byte {
	for i, f := range fields {
		if i > 0 {
			b = append(b, ',')
		}
		if !csvNeedsQuotes(f) {
			b = append(b, f...)
			continue
		}
		b = append(b, '"')
		b = append(b, strings.ReplaceAll(f, `"`, `""`)...)
		b = append(b, '"')
	}
	return append(b, '\n')
}

func csvNeedsQuotes(f string) bool {
	if f == "" {
		return false
	}
	if f == `\.` || strings.ContainsAny(f, "\",\r\n") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(f)
	return unicode.IsSpace(r)
}
